"""SQL apart from any table: a script of statements inside the caller's transaction, the data version."""

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


def data_version(nb: Any) -> int:
    """A number that changes whenever another connection commits to the notebook (``PRAGMA data_version``).

    Work prepared outside the write lock compares it inside: unchanged, nothing
    it read can have moved meanwhile (this connection's own commits leave it alone).
    """
    return int(nb.scalar("PRAGMA data_version"))
