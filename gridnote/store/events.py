"""Outreach events, who was there and their photos: their SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from gridnote.models import Event, EventPhoto, EventResident
from gridnote.store.notebook import Notebook

EVENT_SELECT = "SELECT e.*, b.code AS building_code FROM events e LEFT JOIN buildings b ON b.id = e.building_id"


def event_from_row(row: sqlite3.Row) -> Event:
    contacts = json.loads(row["partner_contacts"] or "{}")
    return Event(
        id=row["id"],
        title=row["title"],
        day=row["day"],
        at=row["at"],
        partners=tuple(json.loads(row["partners"] or "[]")),
        building=row["building_code"],
        attendees=row["attendees"],
        note=row["note"],
        kind=row["kind"],
        contacts=tuple(contacts.items()),
    )


def _with_people(nb: Notebook, events: list[Event]) -> list[Event]:
    """The events with their residents and photos: two queries for the whole list, never one per event."""
    from datetime import date

    from gridnote.input.text import display_name
    from gridnote.models.residents import age_on

    if not events:
        return events
    ids = json.dumps([e.id for e in events])
    people: dict[int, list[EventResident]] = {}
    days = {e.id: date.fromisoformat(e.day) for e in events}
    for r in nb.rows(
        """
        SELECT er.event_id, r.id, r.name, r.alias, r.birth, h.address,
               EXISTS (SELECT 1 FROM resident_tags t WHERE t.resident_id = r.id AND t.tag = 'living-alone') AS alone
        FROM event_residents er
        JOIN residents r ON r.id = er.resident_id
        LEFT JOIN households h ON h.id = r.household_id
        WHERE er.event_id IN (SELECT value FROM json_each(?))
        ORDER BY er.event_id, h.address, r.id
        """,
        [ids],
    ):
        people.setdefault(r[0], []).append(
            EventResident(
                id=r[1],
                name=display_name(r[2], r[3]) or r[2],
                address=r[5],
                living_alone=bool(r[6]),
                age=age_on(r[4], days[r[0]]),
            )
        )
    photos: dict[int, list[EventPhoto]] = {}
    for r in nb.rows(
        "SELECT event_id, path, original_name FROM event_photos"
        " WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, id",
        [ids],
    ):
        photos.setdefault(r[0], []).append(EventPhoto(r[1], r[2]))
    return [replace(e, residents=tuple(people.get(e.id, ())), photos=tuple(photos.get(e.id, ()))) for e in events]


def event(nb: Notebook, event_id: int) -> Event | None:
    row = nb.one(EVENT_SELECT + " WHERE e.id = ?", [event_id])
    return None if row is None else _with_people(nb, [event_from_row(row)])[0]


def filter_events(
    nb: Notebook,
    *,
    since: str | None = None,
    until: str | None = None,
    building_id: int | None = None,
    kinds: Iterable[str] = (),
) -> list[Event]:
    """Events in a day range (by the ``events_day`` index), in time order, with who was there."""
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
    wanted = list(kinds)
    if wanted:
        clauses.append("e.kind IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(wanted))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    found = [
        event_from_row(r)
        for r in nb.rows(EVENT_SELECT + where + " ORDER BY e.day, e.at IS NOT NULL, e.at, e.id", params)
    ]
    return _with_people(nb, found)


def count_events(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM events"))
