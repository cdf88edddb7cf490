"""Outreach events: anti-fraud talks, safety sessions, with partners, in a building, with attendees.

They appear in the day's timeline (:func:`events_on`) and in reports. An
event without a time of day is an all-day entry (``at`` is NULL, ``day`` set).
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from gridnote import clock
from gridnote.domain.vocab import split_list
from gridnote.errors import InputError
from gridnote.models import Event
from gridnote.store import events as rows
from gridnote.store import write
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:
    from gridnote.input.dates import When


def add_event(
    nb: Notebook,
    title: str,
    *,
    when: When | None = None,
    partners: list[str] | None = None,
    building: str | None = None,
    attendees: int | None = None,
    note: str | None = None,
) -> Event:
    """Record an event (``when`` defaults to now: she logs it right after the session)."""
    from gridnote.input.text import MAX_NOTE, check_length, one_line
    from gridnote.services.buildings import find_building

    title = check_length(one_line(title)) or ""
    check_length(note, MAX_NOTE)
    if not title:
        raise InputError("event.title_empty")
    if attendees is not None and attendees < 0:
        raise InputError("event.bad_attendees", number=attendees)
    if when is None:
        now = clock.now()
        from gridnote.input.dates import When

        when = When(now.date(), now.time().replace(microsecond=0))
    names = [p for text in partners or [] for p in split_list(text)]
    stamp = clock.iso(clock.now())
    with nb.transaction():
        building_id = find_building(nb, building) if building is not None else None
        event_id = write.insert(
            nb,
            "events",
            {
                "title": title,
                "day": when.day.isoformat(),
                "at": clock.iso(when.to_datetime()) if when.time is not None else None,
                "partners": json.dumps(list(dict.fromkeys(names)), ensure_ascii=False),
                "building_id": building_id,
                "attendees": attendees,
                "note": note or None,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
    return get_event(nb, event_id)


def get_event(nb: Notebook, event_id: int) -> Event:
    from gridnote.errors import NotFoundError

    found = rows.event(nb, event_id)
    if found is None:
        raise NotFoundError("event.not_found", id=event_id)
    return found


def list_events(
    nb: Notebook, *, since: date | None = None, until: date | None = None, building: str | None = None
) -> list[Event]:
    """Events in a day range (by the ``events_day`` index), in time order."""
    building_id = None
    if building is not None:
        from gridnote.services.buildings import find_building

        building_id = find_building(nb, building)
    return rows.filter_events(
        nb,
        since=since.isoformat() if since is not None else None,
        until=until.isoformat() if until is not None else None,
        building_id=building_id,
    )


def events_on(nb: Notebook, day: date) -> list[Event]:
    """The events of one day, all-day ones first, then by time (for the day's timeline)."""
    return list_events(nb, since=day, until=day)
