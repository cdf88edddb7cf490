"""Photos are copied beside the notebook, privately, by content; a failure leaves nothing behind."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest

from gridnote.store.paths import files_dir


def photo(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / "phone" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def test_photos_are_copied_privately_under_their_hash(cli, db_path, tmp_path) -> None:
    before = photo(tmp_path, "IMG_0001.JPG", b"before: waste at building 5")
    result = cli("issue", "add", "5号楼门前有装修垃圾", "--photo", str(before), "-c", "app")
    assert result.exit_code == 0, result.stderr
    digest = hashlib.sha256(b"before: waste at building 5").hexdigest()
    folder = files_dir(db_path) / "photos"
    stored = folder / f"{digest[:20]}.jpg"
    assert stored.read_bytes() == b"before: waste at building 5"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700

    before.unlink()  # the original moves or is deleted on the phone: the notebook keeps its copy
    data = json.loads(cli("issue", "show", "1", "--json").stdout)
    assert data["photos"] == [
        {
            "path": f"photos/{digest[:20]}.jpg",
            "name": "IMG_0001.JPG",
            "sha256": digest,
            "size": 27,
            "added_at": "2026-11-29T09:00:00+08:00",
        }
    ]
    assert (files_dir(db_path) / data["photos"][0]["path"]).exists()


def test_the_same_picture_twice_is_stored_once_and_notes_carry_photos(cli, db_path, tmp_path) -> None:
    a = photo(tmp_path, "a.png", b"same picture")
    b = photo(tmp_path, "b.png", b"same picture")
    after = photo(tmp_path, "after.jpeg", b"after: cleared")
    cli("issue", "add", "装修垃圾", "--photo", str(a), "--photo", str(b))
    result = cli("issue", "resolve", "1", "已清运", "--photo", str(after))
    assert result.exit_code == 0, result.stderr
    assert "photos kept in the notebook's folder: 1" in result.stdout
    assert len(list((files_dir(db_path) / "photos").iterdir())) == 2
    data = json.loads(cli("issue", "show", "1", "--json").stdout)
    assert [p["name"] for p in data["photos"]] == ["a.png", "b.png", "after.jpeg"]
    assert data["photos"][0]["path"] == data["photos"][1]["path"]


def test_a_missing_photo_stops_everything(cli, nb, db_path, tmp_path) -> None:
    good = photo(tmp_path, "good.jpg", b"good")
    result = cli("issue", "add", "x", "--photo", str(good), "--photo", str(tmp_path / "gone.jpg"))
    assert result.exit_code == 6
    assert result.stderr == f"Error: file not found: {tmp_path / 'gone.jpg'}\n"
    assert nb.scalar("SELECT count(*) FROM issues") == 0
    assert not files_dir(db_path).exists()
    folder_result = cli("issue", "add", "x", "--photo", str(tmp_path))
    assert folder_result.exit_code == 6 and "is a folder" in folder_result.stderr


def test_a_failed_write_removes_the_copied_photo(nb, db_path, tmp_path, monkeypatch) -> None:
    from gridnote.services.issues import IssueInput, add_issue
    from gridnote.store import write

    add_issue(nb, IssueInput(text="已有的问题"))
    pic = photo(tmp_path, "p.jpg", b"a new picture")
    original = write.insert

    def insert(notebook, table, values):
        if table == "issue_photos":  # the photo is already copied when its row fails
            assert any((files_dir(db_path) / "photos").iterdir())
            raise RuntimeError("disk full")
        return original(notebook, table, values)

    monkeypatch.setattr(write, "insert", insert)
    with pytest.raises(RuntimeError):
        add_issue(nb, IssueInput(text="新问题", photos=[pic]))
    monkeypatch.undo()
    assert nb.scalar("SELECT count(*) FROM issues") == 1
    assert nb.scalar("SELECT count(*) FROM issue_updates") == 1
    assert not (files_dir(db_path) / "photos").exists()


def test_a_photo_that_cannot_be_copied_is_one_line_and_no_row(cli, nb, db_path, tmp_path) -> None:
    files_dir(db_path).write_text("in the way")  # the files folder cannot be made
    result = cli("issue", "add", "x", "--photo", str(photo(tmp_path, "p.jpg", b"p")))
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: cannot write ") and result.stderr.count("\n") == 1
    assert nb.scalar("SELECT count(*) FROM issues") == 0
