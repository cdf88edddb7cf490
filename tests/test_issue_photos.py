"""Photos are copied beside the notebook, privately, by content; a failure leaves nothing behind."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest

from gridnote.store.paths import files_dir

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"  # how every JPEG a phone takes begins
PNG = b"\x89PNG\r\n\x1a\n"


def photo(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / "phone" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def test_photos_are_copied_privately_under_their_hash(cli, db_path, tmp_path) -> None:
    before = photo(tmp_path, "IMG_0001.JPG", JPEG + b"before: waste at building 5")
    result = cli("issue", "add", "5号楼门前有装修垃圾", "--photo", str(before), "-c", "app")
    assert result.exit_code == 0, result.stderr
    digest = hashlib.sha256(JPEG + b"before: waste at building 5").hexdigest()
    folder = files_dir(db_path) / "photos"
    stored = folder / f"{digest[:20]}.jpg"
    assert stored.read_bytes() == JPEG + b"before: waste at building 5"
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
            "size": 38,
            "added_at": "2026-11-29T09:00:00+08:00",
        }
    ]
    assert (files_dir(db_path) / data["photos"][0]["path"]).exists()


def test_the_same_picture_twice_is_stored_once_and_notes_carry_photos(cli, db_path, tmp_path) -> None:
    a = photo(tmp_path, "a.png", PNG + b"same picture")
    b = photo(tmp_path, "b.png", PNG + b"same picture")
    after = photo(tmp_path, "after.jpeg", JPEG + b"after: cleared")
    cli("issue", "add", "装修垃圾", "--photo", str(a), "--photo", str(b))
    result = cli("issue", "resolve", "1", "已清运", "--photo", str(after))
    assert result.exit_code == 0, result.stderr
    assert "photos kept in the notebook's folder: 1" in result.stdout
    assert len(list((files_dir(db_path) / "photos").iterdir())) == 2
    data = json.loads(cli("issue", "show", "1", "--json").stdout)
    assert [p["name"] for p in data["photos"]] == ["a.png", "b.png", "after.jpeg"]
    assert data["photos"][0]["path"] == data["photos"][1]["path"]


def test_a_missing_photo_stops_everything(cli, nb, db_path, tmp_path) -> None:
    good = photo(tmp_path, "good.jpg", JPEG + b"good")
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
    pic = photo(tmp_path, "p.jpg", JPEG + b"a new picture")
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
    result = cli("issue", "add", "x", "--photo", str(photo(tmp_path, "p.jpg", JPEG + b"p")))
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: cannot write ") and result.stderr.count("\n") == 1
    assert nb.scalar("SELECT count(*) FROM issues") == 0


# -- only photos: regular image files, by content, within a size --------------------------------
def refused(cli, nb, db_path, path, *more: str) -> str:
    """The command fails with one line, exit 6, and nothing is stored: no issue, no file."""
    result = cli("issue", "add", "x", "--photo", str(path), *more)
    assert result.exit_code == 6, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert nb.scalar("SELECT count(*) FROM issues") == 0
    assert not files_dir(db_path).exists()
    return result.stderr


def test_a_device_is_not_a_photo(cli, nb, db_path) -> None:
    assert (
        refused(cli, nb, db_path, "/dev/zero")
        == "Error: /dev/zero is not a photo: not a regular file; nothing was written\n"
    )


def test_a_text_file_named_like_a_photo_is_not_one(cli, nb, db_path, tmp_path) -> None:
    fake = photo(tmp_path, "passwd.jpg", b"root:x:0:0:root:/root:/bin/bash\n")
    assert refused(cli, nb, db_path, fake) == (
        f"Error: {fake} is not a photo: it is not a JPEG, PNG, HEIC, WebP, GIF or TIFF image; nothing was written\n"
    )
    assert "not a photo" in refused(cli, nb, db_path, "/etc/passwd")


def test_a_link_is_refused_even_to_a_photo(cli, nb, db_path, tmp_path) -> None:
    secret = tmp_path / "secret"
    secret.write_bytes(b"root:$6$salt$hash:19000:0:99999:7:::\n")
    link = tmp_path / "s.jpg"
    link.symlink_to(secret)
    assert refused(cli, nb, db_path, link) == f"Error: {link} is a link, not a photo: give the photo file itself\n"
    real = photo(tmp_path, "real.jpg", JPEG + b"picture")
    link2 = tmp_path / "r.jpg"
    link2.symlink_to(real)
    assert "is a link" in refused(cli, nb, db_path, link2)


def test_a_pipe_does_not_hang_the_command(cli, nb, db_path, tmp_path) -> None:
    import os

    pipe = tmp_path / "pipe.jpg"
    os.mkfifo(pipe)
    assert "not a regular file" in refused(cli, nb, db_path, pipe)


def test_a_photo_over_the_limit_is_refused_before_it_is_read(cli, nb, db_path, tmp_path) -> None:
    from gridnote.services.photos import MAX_PHOTO_BYTES

    big = photo(tmp_path, "big.jpg", JPEG)
    with big.open("r+b") as handle:
        handle.truncate(MAX_PHOTO_BYTES + 1)  # sparse: no 30 MB written to the test's disk
    assert refused(cli, nb, db_path, big) == (
        f"Error: {big} is 30.0 MB; a photo may be at most 30.0 MB; nothing was written\n"
    )
    exact = photo(tmp_path, "exact.jpg", JPEG)
    with exact.open("r+b") as handle:
        handle.truncate(MAX_PHOTO_BYTES)
    result = cli("issue", "add", "x", "--photo", str(exact))
    assert result.exit_code == 0, result.stderr


def test_a_bad_second_photo_stops_the_first_too(cli, nb, db_path, tmp_path) -> None:
    good = photo(tmp_path, "good.jpg", JPEG + b"good")
    refused(cli, nb, db_path, good, "--photo", "/dev/zero")


@pytest.mark.parametrize(
    ("head", "suffix"),
    [
        (JPEG, ".jpg"),
        (PNG, ".png"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", ".heic"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", ".webp"),
        (b"GIF89a", ".gif"),
        (b"II*\x00", ".tif"),
    ],
)
def test_photos_are_kept_under_the_format_their_content_says(cli, db_path, tmp_path, head, suffix) -> None:
    pic = photo(tmp_path, "IMG.png", head + b" the picture")  # the name says PNG; the content decides
    assert cli("issue", "add", "x", "--photo", str(pic)).exit_code == 0
    digest = hashlib.sha256(head + b" the picture").hexdigest()
    assert [p.name for p in (files_dir(db_path) / "photos").iterdir()] == [digest[:20] + suffix]
