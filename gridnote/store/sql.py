"""Running a script of statements inside the caller's transaction."""

from __future__ import annotations

import sqlite3
from typing import Any


def run_script(db: Any, script: str) -> None:
    """Execute a script statement by statement (``executescript`` would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")
