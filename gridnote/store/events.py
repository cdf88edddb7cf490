"""Outreach events: their SQL."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from gridnote.models import Event
from gridnote.store.notebook import Notebook

EVENT_SELECT = "SELECT e.*, b.code AS building_code FROM events e LEFT JOIN buildings b ON b.id = e.building_id"


def event_from_row(row: sqlite3.Row) -> Event:
    return Event(
        id=row["id"],
        title=row["title"],
        day=row["day"],
        at=row["at"],
        partners=tuple(json.loads(row["partners"] or "[]")),
        building=row["building_code"],
        attendees=row["attendees"],
        note=row["note"],
    )


def event(nb: Notebook, event_id: int) -> Event | None:
    row = nb.one(EVENT_SELECT + " WHERE e.id = ?", [event_id])
    return None if row is None else event_from_row(row)


def filter_events(
    nb: Notebook, *, since: str | None = None, until: str | None = None, building_id: int | None = None
) -> list[Event]:
    """Events in a day range (by the ``events_day`` index), in time order."""
    clauses: list[str] = []
    params: list[Any] = []
    if since is not None:
        clauses.append("e.day >= ?")
        params.append(since)
    if until is not None:
        clauses.append("e.day <= ?")
        params.append(until)
    if building_id is not None:
        clauses.append("e.building_id = ?")
        params.append(building_id)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return [
        event_from_row(r)
        for r in nb.rows(EVENT_SELECT + where + " ORDER BY e.day, e.at IS NOT NULL, e.at, e.id", params)
    ]


def count_events(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM events"))
