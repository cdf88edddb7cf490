"""A restore and the writers around it: a write under way ends first and is kept, none lands in a replaced
file, and only the backup's own photos come back."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridnote.errors import NotebookError
from gridnote.store.notebook import open_notebook
from gridnote.store.paths import files_dir

LATER = "2026-11-29T10:00:00+08:00"


def _tasks(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM tasks ORDER BY id")]
    finally:
        conn.close()


def _setting(db: Path, key: str) -> str | None:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT value FROM config WHERE key = ?", [key]).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def test_a_restore_waits_for_the_write_under_way_and_keeps_it(cli, db_path: Path) -> None:
    assert cli("task", "add", "备份里有的").exit_code == 0
    assert cli("backup").exit_code == 0
    nb = open_notebook(db_path)
    try:
        with nb.transaction():  # another terminal, halfway through its write
            nb.execute("INSERT INTO config (key, value) VALUES ('lang', 'zh')")
            proc = subprocess.Popen(
                [sys.executable, "-m", "gridnote", "--lang", "en", "restore"],
                env={**os.environ, "GRIDNOTE_NOW": LATER},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            time.sleep(2.0)
            assert proc.poll() is None  # the restore waits for the write to end
            assert _tasks(db_path) == ["备份里有的"]
        out, err = proc.communicate(timeout=60)
    finally:
        nb.close()
    kept = db_path.with_name("notebook.db-backups") / "2026-11-29T100000-before.db"
    assert (proc.returncode, err) == (0, "")
    assert out.endswith(f"The notebook it replaced is kept as {kept}\n")
    assert _setting(kept, "lang") == "zh"  # the write that was under way is in the kept notebook
    assert _setting(db_path, "lang") is None  # and not in the restored one
    assert cli("task", "add", "恢复之后").exit_code == 0
    assert _tasks(db_path) == ["备份里有的", "恢复之后"]


def test_a_writer_that_opened_the_notebook_before_a_swap_writes_nothing_into_the_old_file(
    cli, db_path: Path, tmp_path: Path
) -> None:
    assert cli("task", "add", "第一条").exit_code == 0
    nb = open_notebook(db_path)  # a command that opened the notebook, and waits
    try:
        copy = tmp_path / "copy.db"
        conn = sqlite3.connect(db_path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        shutil.copyfile(db_path, copy)
        os.replace(copy, db_path)  # what a restore of a notebook with a damaged header does
        with pytest.raises(NotebookError) as refused, nb.transaction():
            nb.execute("INSERT INTO config (key, value) VALUES ('lang', 'zh')")
        assert refused.value.key == "notebook.replaced"
    finally:
        nb.close()
    assert _setting(db_path, "lang") is None
    assert cli("task", "add", "第二条").exit_code == 0
    assert _tasks(db_path) == ["第一条", "第二条"]


def test_a_restore_brings_back_only_the_backups_own_photos(cli, db_path: Path, tmp_path: Path) -> None:
    first, second, talk = tmp_path / "1.jpg", tmp_path / "2.jpg", tmp_path / "talk.jpg"
    first.write_bytes(b"\xff\xd8\xff first")
    second.write_bytes(b"\xff\xd8\xff second")
    talk.write_bytes(b"\xff\xd8\xff talk")
    day_before = {"GRIDNOTE_NOW": "2026-11-28T09:00:00+08:00"}
    assert cli("issue", "add", "门前垃圾", "--photo", str(first), env=day_before).exit_code == 0
    event = cli("event", "add", "防诈骗宣讲", "--at", "11-28 08:00", "--photo", str(talk), env=day_before)
    assert event.exit_code == 0, event.stderr
    assert cli("backup", env=day_before).exit_code == 0  # 2026-11-28T090000.db: the first photo only
    assert cli("issue", "add", "楼道灯坏了", "--photo", str(second)).exit_code == 0
    assert cli("backup").exit_code == 0  # the backups' photos folder now keeps both
    photos = files_dir(db_path) / "photos"
    for stored in list(photos.iterdir()):
        stored.unlink()
    done = cli("restore", "--date", "11-28", env={"GRIDNOTE_NOW": LATER})
    assert done.exit_code == 0, done.stderr
    assert sorted(p.read_bytes() for p in photos.iterdir()) == [b"\xff\xd8\xff first", b"\xff\xd8\xff talk"]
    assert cli("check").exit_code == 0  # nothing missing, nothing that belongs to no issue or event


def test_the_part_file_of_a_killed_restore_or_backup_is_swept(cli, db_path: Path) -> None:
    """A restore killed midway left ``.notebook.db.<pid>.part``, a whole copy of her notebook; the next copy removes it."""
    assert cli("task", "add", "第一条").exit_code == 0
    assert cli("backup", env={"GRIDNOTE_NOW": "2026-11-28T09:00:00+08:00"}).exit_code == 0
    hour_ago = time.time() - 3601
    killed_restore = db_path.with_name(f".{db_path.name}.99999999.part")
    killed_restore.write_bytes(b"SQLite format 3\x00 names, phones")
    running = db_path.with_name(f".{db_path.name}.{os.getpid()}.restore.part")  # another copy under way now
    running.write_bytes(b"...")
    os.utime(killed_restore, (hour_ago, hour_ago))
    done = cli("restore", "--date", "11-28", env={"GRIDNOTE_NOW": LATER})
    assert done.exit_code == 0, done.stderr
    assert not killed_restore.exists() and running.exists()
    backups = db_path.with_name(db_path.name + "-backups")
    killed_backup = backups / ".2026-11-29T100000.db.123.part"
    killed_backup.write_bytes(b"SQLite format 3\x00")
    os.utime(killed_backup, (hour_ago, hour_ago))
    assert cli("backup", env={"GRIDNOTE_NOW": LATER}).exit_code == 0
    assert not killed_backup.exists()
