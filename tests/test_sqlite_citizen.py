"""The notebook read by other SQLite tools (issue 18, item 4): sqlite-utils scans every table."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path


def _sqlite_utils(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sqlite_utils", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_tables_counts_and_schema_run_on_the_demo(demo: Path) -> None:
    counts = _sqlite_utils("tables", "--counts", str(demo))
    assert counts.returncode == 0, counts.stderr
    assert counts.stderr == ""
    by_table = {row["table"]: row["count"] for row in json.loads(counts.stdout)}
    with sqlite3.connect(demo) as db:
        # one document per resident, per visit with a note not undone, per task, per issue
        documents = sum(
            db.execute(sql).fetchone()[0]
            for sql in (
                "SELECT count(*) FROM residents",
                "SELECT count(*) FROM visits WHERE undone_at IS NULL AND trim(coalesce(note, '')) != ''",
                "SELECT count(*) FROM tasks",
                "SELECT count(*) FROM issues",
            )
        )
    assert documents > 0
    assert by_table["search"] == documents
    assert by_table["search_han"] == documents
    schema = _sqlite_utils("schema", str(demo))
    assert schema.returncode == 0, schema.stderr
    assert "CREATE VIRTUAL TABLE search_han USING fts5(body, content = '', tokenize = 'unicode61')" in schema.stdout


def test_one_character_search_still_finds_after_the_rebuild(cli, demo: Path) -> None:
    result = cli("find", "李")
    assert result.exit_code == 0
    assert result.stdout.startswith('"李": residents ')
