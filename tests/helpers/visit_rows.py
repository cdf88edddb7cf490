"""Write visit-log rows straight into the ``visits`` table (the shape the visit log writes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gridnote.store import write
from gridnote.store.notebook import Notebook


def insert_visit(
    nb: Notebook,
    kind: str,
    day: str,
    *,
    resident_id: int | None = None,
    building_id: int | None = None,
    time: str = "10:00",
    undone: bool = False,
) -> int:
    at = f"{day}T{time}:00+08:00"
    household = None
    if resident_id is not None:
        household = nb.scalar("SELECT household_id FROM residents WHERE id = ?", [resident_id])
    return write.insert(
        nb,
        "visits",
        {
            "kind": kind,
            "at": at,
            "day": day,
            "resident_id": resident_id,
            "household_id": household,
            "building_id": building_id,
            "note": None,
            "created_at": at,
            "updated_at": at,
            "undone_at": at if undone else None,
        },
    )


LOG_TABLES = ("visits", "readings", "tasks", "revisions")


def log_counts(path: Path) -> dict[str, int]:
    """Rows in the tables a ``log`` writes: compared before and after a refused command."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in LOG_TABLES}
    finally:
        conn.close()
