"""Many writers at once wait for each other instead of failing: 100 one-line writes started together all
land, and writes started during a 752-row import wait for it."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest


def _writer(start: object, args: list[str]) -> None:
    from gridnote.cli import run

    start.wait()  # type: ignore[attr-defined]
    os._exit(run(args))


def _all_at_once(commands: list[list[str]]) -> list[int]:
    """Run each command in a process of its own (forked: no start-up cost), released together."""
    context = multiprocessing.get_context("fork")
    start = context.Event()
    procs = [context.Process(target=_writer, args=(start, args)) for args in commands]
    for proc in procs:
        proc.start()
    start.set()
    for proc in procs:
        proc.join(timeout=300)
    return [proc.exitcode if proc.exitcode is not None else -1 for proc in procs]


def _tasks(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT text FROM tasks"))
    finally:
        conn.close()


@pytest.mark.in_process
def test_a_hundred_writers_at_once_all_land(db_path: Path) -> None:
    texts = [f"任务{i:03}" for i in range(100)]
    codes = _all_at_once([["task", "add", text] for text in texts])
    assert codes == [0] * 100
    assert _tasks(db_path) == texts


@pytest.mark.in_process
def test_writers_during_an_import_wait_for_it(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    roster = tmp_path / "roster.csv"
    conn = sqlite3.connect(demo)
    residents = conn.execute("SELECT count(*) FROM residents").fetchone()[0]
    conn.close()
    from gridnote.cli import run

    assert run(["resident", "export", "--full", "-o", str(roster)]) == 0
    fresh = tmp_path / "fresh.db"
    assert run(["init", str(fresh)]) == 0
    monkeypatch.setenv("GRIDNOTE_DB", str(fresh))
    texts = [f"导入时写的{i:02}" for i in range(20)]
    commands = [["resident", "import", str(roster), "--new-buildings"]] + [["task", "add", text] for text in texts]
    assert _all_at_once(commands) == [0] * 21
    assert _tasks(fresh) == texts
    conn = sqlite3.connect(fresh)
    assert conn.execute("SELECT count(*) FROM residents").fetchone()[0] == residents
    conn.close()
