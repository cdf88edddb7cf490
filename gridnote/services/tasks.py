"""Tasks: tomorrow's work, follow-ups, recurring rounds.

A task has a local due day (``due_date``) and, unless it is an all-day item,
a due moment (``due_at``, ISO 8601 with offset). Tasks are never erased:
``drop`` marks them dropped.
"""

from __future__ import annotations

import sqlite3

from gridnote import clock
from gridnote.dates import When
from gridnote.db import Notebook
from gridnote.errors import NotFoundError
from gridnote.models import Task

TASK_SELECT = """
    SELECT t.*, r.name AS resident_name, r.alias AS resident_alias, h.address AS resident_address,
           b.code AS building_code
    FROM tasks t
    LEFT JOIN residents r ON r.id = t.resident_id
    LEFT JOIN households h ON h.id = r.household_id
    LEFT JOIN buildings b ON b.id = t.building_id
"""


def task_from_row(row: sqlite3.Row) -> Task:
    name = row["resident_name"]
    alias = row["resident_alias"]
    return Task(
        id=row["id"],
        text=row["text"],
        status=row["status"],
        starred=bool(row["starred"]),
        due_date=row["due_date"],
        due_at=row["due_at"],
        resident_id=row["resident_id"],
        resident=(f"{name}（{alias}）" if alias else name) if name else None,
        resident_address=row["resident_address"],
        building=row["building_code"],
        every=row["every"],
        note=row["note"],
        source=row["source"],
        created_at=row["created_at"],
        done_at=row["done_at"],
    )


def get_task(nb: Notebook, task_id: int) -> Task:
    row = nb.one(TASK_SELECT + " WHERE t.id = ?", [task_id])
    if row is None:
        raise NotFoundError("task.not_found", id=task_id)
    return task_from_row(row)


def add_task(
    nb: Notebook,
    text: str,
    *,
    due: When | None = None,
    starred: bool = False,
    resident_id: int | None = None,
    building_id: int | None = None,
    every: str | None = None,
    note: str | None = None,
    source: str | None = None,
) -> Task:
    """Write one task (inside the caller's transaction if there is one)."""
    now = clock.iso(clock.now())
    with nb.transaction():
        task_id = nb.insert(
            "tasks",
            {
                "text": text,
                "note": note,
                "starred": int(starred),
                "due_date": due.day.isoformat() if due else None,
                "due_at": clock.iso(due.to_datetime()) if due and due.time is not None else None,
                "resident_id": resident_id,
                "building_id": building_id,
                "every": every,
                "source": source,
                "created_at": now,
                "updated_at": now,
            },
        )
    return get_task(nb, task_id)
