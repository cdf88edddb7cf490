"""An import prepares outside the write lock and writes in one short transaction, all rows or none.

A long roster is parsed, checked and matched with the residents it describes before
the import asks for the write lock, so a refusal never waits for other writers and
other writers never wait for the parse; if someone wrote meanwhile, the rows are
matched again inside the transaction against what is there now.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HEADER = "姓名,楼栋,单元,房号,出生日期,备注\n"
GOOD_ROWS = [f"居民{i:03},8,{1 + i % 3},{101 + i},19{40 + i % 50},第{i}行\n" for i in range(40)]


def _dump(db: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every row of every table: what "nothing changed" is compared on."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [(t, sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)) for t in tables]
    finally:
        conn.close()


@contextmanager
def _write_lock_held(db: Path) -> Iterator[sqlite3.Connection]:
    """Another writer in the middle of its transaction: SQLite's write lock held until the block ends."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
        conn.close()


def _writers_lock_taken(db: Path) -> bool:
    """gridnote's writers take an flock on <notebook>-backups/.lock around their transaction (store/lock.py)."""
    fd = os.open(db.parent / f"{db.name}-backups" / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


@pytest.mark.in_process
def test_a_row_fitting_two_namesakes_is_refused_while_another_writer_holds_the_lock(cli, tmp_path, db_path) -> None:
    """Which resident a row means is decided before the import asks for the lock: a refusal does not wait."""
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--born", "1944").exit_code == 0
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--same-name", "--born", "1990").exit_code == 0
    roster = tmp_path / "r.csv"
    roster.write_text(HEADER + "".join(GOOD_ROWS) + "李秀英,8,2,301,,谁\n", encoding="utf-8")
    before = _dump(db_path)
    with _write_lock_held(db_path):
        result = cli("resident", "import", str(roster))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "Error: rows that cannot be imported: 1; nothing was imported:"
    assert result.stderr.splitlines()[1].strip().startswith("row 42: 李秀英 at 8-2-301 matches several residents")
    assert _dump(db_path) == before


@pytest.mark.in_process
def test_an_import_waits_for_a_writer_and_matches_again_what_it_wrote(cli, tmp_path, db_path) -> None:
    """Prepared while another writer held the lock, the import waits (never fails) and then sees that write:
    the resident it had matched is now told apart by a birth date, so the row adds a new one."""
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--born", "1944", "-n", "旧").exit_code == 0
    roster = tmp_path / "r.csv"
    roster.write_text(HEADER + "".join(GOOD_ROWS) + "李秀英,8,2,301,1944,新\n", encoding="utf-8")
    with _write_lock_held(db_path) as other:
        # a process of its own, not a fork: SQLite's locks of this process would come along
        child = subprocess.Popen(
            [sys.executable, "-m", "gridnote", "resident", "import", str(roster)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while not _writers_lock_taken(db_path):  # prepared: now waiting on SQLite's lock, inside gridnote's
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        other.execute("UPDATE residents SET birth = '1950-01-01' WHERE name = '李秀英'")
    out, err = child.communicate(timeout=120)
    assert (child.returncode, err) == (0, "")
    assert out == "✓ Imported rows: 41 (utf-8): 41 added, 0 updated, 0 unchanged\n"
    conn = sqlite3.connect(db_path)
    try:
        li = conn.execute("SELECT birth, note FROM residents WHERE name = '李秀英' ORDER BY id").fetchall()
        count = conn.execute("SELECT count(*) FROM residents").fetchone()[0]
    finally:
        conn.close()
    assert li == [("1950-01-01", "旧"), ("1944", "新")]
    assert count == 1 + 40 + 1


BAD_CELLS = [
    "居民X,8,1,101,2090,未来出生\n",  # a birth date ahead
    ",8,1,101,1950,没有名字\n",  # no name
    "居民Y,8,,,1950,没有地址\n",  # no address
    "居民Z,8,1,101,1950-13-40,坏日期\n",  # no such date
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(min_value=0, max_value=len(GOOD_ROWS)), bad=st.sampled_from(BAD_CELLS))
def test_a_bad_row_anywhere_changes_nothing(cli, tmp_path, db_path, at, bad) -> None:
    assert cli("resident", "import", str(_roster(tmp_path, GOOD_ROWS[:3]))).exit_code == 0  # some to update
    before = _dump(db_path)
    rows = [r.replace("第", "改") for r in GOOD_ROWS]
    rows.insert(at, bad)
    result = cli("resident", "import", str(_roster(tmp_path, rows)))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[1].strip().startswith(f"row {at + 2}: ")
    assert _dump(db_path) == before


def _roster(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path
