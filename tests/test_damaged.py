"""A damaged notebook (a bad page): reading what is sound still works, what is not says so in one line,
and every write is refused naming the newest good backup. Never SQLite's own "malformed"."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def _page_of(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(conn.execute("SELECT min(pageno) FROM dbstat WHERE name = ?", [table]).fetchone()[0])
    finally:
        conn.close()


def _overwrite_page(db: Path, page: int) -> None:
    with open(db, "r+b") as handle:
        handle.seek(4096 * (page - 1))
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff" * 8)


def _backup(cli, db: Path) -> Path:
    assert cli("backup").exit_code == 0
    (good,) = list(db.with_name("notebook.db-backups").glob("*.db"))
    os.remove(db.with_name("notebook.db-backups") / ".checked")  # a new day: the first write checks
    return good


def test_bytes_overwritten_at_page_5_refuse_every_write_and_reading_goes_on(cli, demo: Path) -> None:
    good = _backup(cli, demo)
    before = cli("--lang", "en", "today")
    _page_of(demo, "config")  # checkpointed: page 5 is in the file itself
    _overwrite_page(demo, 5)
    damaged = demo.read_bytes()
    today = cli("--lang", "en", "today")  # page 5 holds nothing today reads
    assert (today.exit_code, today.stdout, today.stderr) == (0, before.stdout, "")
    added = cli("--lang", "en", "task", "add", "不该写入")
    assert added.exit_code == 5
    assert added.stderr == (
        f"Error: the notebook {demo} is damaged; nothing was written. "
        f"Newest good backup: {good} (gridnote restore {good})\n"
    )
    assert "malformed" not in added.stdout + added.stderr
    assert demo.read_bytes() == damaged
    again = cli("--lang", "zh", "task", "add", "还是不该写入")
    assert again.exit_code == 5
    assert (
        again.stderr
        == f"错误：笔记本 {demo} 已损坏，未写入任何内容。最新的完好备份：{good}（gridnote restore {good}）\n"
    )
    assert cli("--lang", "en", "today").stdout == before.stdout  # marked damaged: still readable


def test_a_damaged_page_a_reading_command_needs_is_one_clear_line(cli, demo: Path) -> None:
    good = _backup(cli, demo)
    _overwrite_page(demo, _page_of(demo, "residents"))
    for args in (("today",), ("resident", "list")):
        done = cli("--lang", "en", *args)
        assert done.exit_code == 5
        assert done.stderr == (
            f"Error: the notebook {demo} is damaged where this is kept, so it cannot be read. "
            f"Newest good backup: {good} (gridnote restore {good})\n"
        )
    assert cli("task", "add", "不该写入").exit_code == 5
    assert cli("restore").exit_code == 0
    assert cli("--lang", "en", "today").exit_code == 0
