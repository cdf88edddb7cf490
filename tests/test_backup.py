"""gridnote backup / backup list, the daily automatic backup, rotation, and refusing to write into a damaged notebook."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from gridnote.store import backup as store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_now_is_private_and_listed_as_sound(cli, tmp_path: Path) -> None:
    assert cli("task", "add", "量血压").exit_code == 0
    done = cli("backup")
    assert done.exit_code == 0, done.output
    folder = tmp_path / "notebook.db-backups"
    files = [p for p in folder.iterdir() if p.suffix == ".db"]
    assert len(files) == 1
    assert _mode(folder) == 0o700 and _mode(files[0]) == 0o600
    assert not list(folder.glob("*-wal")) and not list(folder.glob("*.part"))
    listed = cli("backup", "list", "--json")
    assert listed.exit_code == 0
    import json

    (entry,) = json.loads(listed.stdout)
    assert entry["ok"] is True and entry["size"] == files[0].stat().st_size
    import sqlite3

    conn = sqlite3.connect(files[0])
    assert conn.execute("SELECT text FROM tasks").fetchall() == [("量血压",)]
    conn.close()


def test_backup_to_a_file_refuses_to_replace_without_force(cli, tmp_path: Path) -> None:
    target = tmp_path / "usb.db"
    assert cli("backup", "--to", str(target)).exit_code == 0
    again = cli("backup", "--to", str(target))
    assert again.exit_code == 6
    assert "--force" in again.stderr
    assert cli("backup", "--to", str(target), "--force").exit_code == 0


def test_backup_list_when_there_is_none(cli, tmp_path: Path) -> None:
    done = cli("--lang", "en", "backup", "list")
    assert done.exit_code == 0
    assert done.stdout.startswith("No backups yet")


def _fake(folder: Path, name: str) -> None:
    (folder / name).write_bytes(b"x")


def test_rotation_keeps_the_newest_of_each_day_week_and_month(tmp_path: Path) -> None:
    nb = tmp_path / "n.db"
    folder = store.ensure_folder(nb)
    names = [
        "2026-12-02T080000.db",  # Wed: day 1, week 49, month 12
        "2026-12-02T070000.db",  # same day, older: goes
        "2026-12-01T080000.db",  # Tue: day 2
        "2026-11-30T080000.db",  # Mon: day 3, beyond days=2; but the newest of November: kept (month 2)
        "2026-11-29T080000.db",  # Sun, week 48: kept as the second week
        "2026-11-20T080000.db",  # week 47: beyond weeks=2, not its month's newest: goes
        "2026-10-05T080000.db",  # October: a third month, beyond months=2: goes
        "2026-09-05T080000.db",  # September: goes
    ]
    for name in names:
        _fake(folder, name)
    removed = sorted(p.name for p in store.rotate(nb, 2, 2, 2))
    assert removed == sorted(
        ["2026-12-02T070000.db", "2026-11-20T080000.db", "2026-10-05T080000.db", "2026-09-05T080000.db"]
    )
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted(
        ["2026-12-02T080000.db", "2026-12-01T080000.db", "2026-11-30T080000.db", "2026-11-29T080000.db"]
    )


def test_the_first_command_of_a_day_takes_a_backup_after_it(cli, tmp_path: Path) -> None:
    folder = tmp_path / "notebook.db-backups"
    assert cli("today", env={"GRIDNOTE_BACKUP": "on"}).exit_code == 0
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not list(folder.glob("2026-11-29T*.db")):
        time.sleep(0.1)
    (made,) = list(folder.glob("2026-11-29T*.db"))  # the pinned clock's day
    assert store.check_file(made) == []
    assert cli("today", env={"GRIDNOTE_BACKUP": "on"}).exit_code == 0
    time.sleep(0.5)
    assert list(folder.glob("*.db")) == [made]  # one a day


def _damage_page_5(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(4096 * 4)
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff" * 8)


def test_a_damaged_notebook_refuses_writes_and_names_the_newest_good_backup(cli, tmp_path: Path) -> None:
    assert cli("demo").exit_code == 0
    assert cli("backup").exit_code == 0
    (good,) = list((tmp_path / "notebook.db-backups").glob("*.db"))
    db = tmp_path / "notebook.db"
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.remove(tmp_path / "notebook.db-backups" / ".checked")  # a new day: the first write checks
    _damage_page_5(db)
    before = db.read_bytes()
    done = cli("--lang", "en", "task", "add", "不该写入")
    assert done.exit_code == 5
    assert done.stderr.count("\n") == 1
    assert "damaged" in done.stderr and str(good) in done.stderr
    assert db.read_bytes() == before
    again = cli("--lang", "en", "task", "add", "还是不该写入")  # marked: refused at once, every time
    assert again.exit_code == 5 and str(good) in again.stderr
