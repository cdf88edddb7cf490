"""gridnote check [--repair]: the file, its foreign keys, the search index against its rows, the photos."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from gridnote.store.paths import files_dir

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 12


def _raw(db: Path) -> sqlite3.Connection:
    """The notebook as another program (or a bad disk) would touch it: no gridnote, no triggers' care."""
    return sqlite3.connect(db, isolation_level=None)


def _sound(entries: int, photos: int = 0) -> str:
    return f"✓ The notebook is sound: the file, its links, the search index ({entries} entries) and {photos} photos\n"


def test_a_sound_notebook_says_so_in_one_line(cli, demo: Path) -> None:
    conn = _raw(demo)
    residents = conn.execute("SELECT count(*) FROM residents").fetchone()[0]  # every resident has a name: a document
    conn.close()
    done = cli("--lang", "en", "check")
    assert (done.exit_code, done.stdout, done.stderr) == (0, _sound(residents), "")
    data = json.loads(cli("check", "--json").stdout)
    assert data == {"ok": True, "findings": [], "repaired": [], "search_entries": residents, "photos": 0}


def test_a_search_index_out_of_step_is_found_and_repair_rebuilds_it(cli, db_path: Path) -> None:
    assert cli("task", "add", "修楼道灯").exit_code == 0  # task 1: document 1 * 8 + 3
    assert cli("task", "add", "通知停水").exit_code == 0  # task 2: document 19
    conn = _raw(db_path)
    conn.execute("DELETE FROM search WHERE rowid = 11")  # as a crash in the middle of a hand edit could leave it
    conn.execute("UPDATE search SET body = '别的内容' WHERE rowid = 19")
    conn.execute("INSERT INTO search (rowid, body) VALUES (99 * 8 + 3, '没有这条任务')")
    conn.close()
    assert cli("--lang", "en", "find", "楼道灯").stdout == 'Nothing found for "楼道灯".\n'
    done = cli("--lang", "en", "check")
    assert done.exit_code == 5
    assert done.stdout == (
        "✗ the search index does not match the notebook (missing or out of date: 2, left over: 1), "
        "so gridnote find may miss rows; gridnote check --repair rebuilds it\n"
        "1 to look at (above)\n"
    )
    repaired = cli("--lang", "en", "check", "--repair")
    assert (repaired.exit_code, repaired.stderr) == (0, "")
    assert repaired.stdout == "✓ Search index rebuilt: 2 entries\n" + _sound(2)
    assert "修楼道灯" in cli("find", "楼道灯").stdout
    assert "修楼道灯" in cli("find", "灯").stdout  # the one-character (Han) index is whole again too
    assert cli("--lang", "en", "find", "别的内容").stdout == 'Nothing found for "别的内容".\n'


def test_a_row_pointing_nowhere_is_named_with_what_to_do(cli, db_path: Path) -> None:
    assert cli("task", "add", "量血压").exit_code == 0
    conn = _raw(db_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE tasks SET resident_id = 4242 WHERE id = 1")
    conn.close()
    done = cli("--lang", "en", "check")
    assert done.exit_code == 5
    assert done.stdout == (
        "✗ 1 row(s) of tasks point to a residents row that is not there (rows 1); "
        "restore a backup from before they went wrong (gridnote backup list)\n"
        "1 to look at (above)\n"
    )


def test_photos_missing_changed_and_orphaned(cli, db_path: Path, tmp_path: Path) -> None:
    pictures = []
    for n in range(3):
        content = JPEG + f"photo {n}".encode()
        (tmp_path / f"{n}.jpg").write_bytes(content)
        pictures.append(files_dir(db_path) / "photos" / f"{hashlib.sha256(content).hexdigest()[:20]}.jpg")
        assert cli("issue", "add", f"问题{n}", "--photo", str(tmp_path / f"{n}.jpg")).exit_code == 0
    assert cli("backup").exit_code == 0  # keeps photo 0 (and the others) in the backups' photos folder
    os.remove(pictures[0])  # in the backups: --repair brings it back
    os.remove(pictures[1])
    os.remove(db_path.with_name("notebook.db-backups") / "photos" / pictures[1].name)  # nowhere
    pictures[2].write_bytes(JPEG + b"edited by hand")
    orphan = files_dir(db_path) / "photos" / "0123456789abcdef0123.jpg"
    orphan.write_bytes(JPEG)
    (files_dir(db_path) / "photos" / ".half.jpg.part").write_bytes(JPEG)  # an unfinished copy: not a photo
    done = cli("--lang", "en", "check")
    assert done.exit_code == 5
    assert done.stdout == (
        f"✗ photo {pictures[0]} is missing; gridnote check --repair brings it back from the backups\n"
        f"✗ photo {pictures[1]} is missing and is not in the backups either; put the file back there if you have it\n"
        f"✗ photo {pictures[2]} is not the file that was stored (its size differs); put the original back there\n"
        f"✗ {orphan} belongs to no issue or event (left by a restore or copied in by hand); remove it if it is not needed\n"
        "4 to look at (above)\n"
    )
    repaired = cli("--lang", "en", "check", "--repair")
    assert repaired.exit_code == 5
    assert repaired.stdout.splitlines()[0] == f"✓ Photo brought back from the backups: {pictures[0]}"
    assert len(repaired.stdout.splitlines()) == 5  # the three it cannot mend, and the count
    assert pictures[0].read_bytes() == JPEG + b"photo 0"


def _damage_page_5(path: Path) -> None:
    conn = _raw(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek(4096 * 4)
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff" * 8)


def test_a_damaged_file_is_one_finding_naming_the_backup_and_nothing_is_repaired(cli, demo: Path) -> None:
    assert cli("backup").exit_code == 0
    (good,) = list(demo.with_name("notebook.db-backups").glob("*.db"))
    _damage_page_5(demo)
    before = demo.read_bytes()
    for args in (("check",), ("check", "--repair")):
        done = cli("--lang", "en", *args)
        assert (done.exit_code, done.stderr) == (5, "")
        first, count = done.stdout.splitlines()
        assert first.startswith("✗ the file is damaged (Page 5: ")
        assert first.endswith(
            f"); nothing will be written into it. Restore the newest good backup: gridnote restore {good}"
        )
        assert count == "1 to look at (above)"
    assert demo.read_bytes() == before
    refused = cli("--lang", "en", "task", "add", "不该写入")
    assert refused.exit_code == 5 and str(good) in refused.stderr
    assert cli("restore").exit_code == 0
    assert cli("--lang", "en", "check").exit_code == 0


def test_a_passing_check_clears_an_old_damaged_mark(cli, db_path: Path) -> None:
    mark = db_path.with_name("notebook.db-backups") / ".damaged"
    mark.parent.mkdir()
    mark.write_text("database disk image is malformed\n")
    assert cli("task", "add", "先被拒绝").exit_code == 5
    done = cli("--lang", "en", "check")
    assert done.exit_code == 0
    assert done.stdout == (
        "✓ The notebook passes its integrity check: the damaged mark is cleared, writing is allowed again\n" + _sound(0)
    )
    assert cli("task", "add", "现在可以写").exit_code == 0
