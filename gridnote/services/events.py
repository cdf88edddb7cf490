"""Outreach events: anti-fraud talks, safety sessions, with partners, in a building, with attendees.

They appear in the day's timeline (:func:`events_on`) and in reports. An
event without a time of day is an all-day entry (``at`` is NULL, ``day`` set).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
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
    from gridnote.models import EventReach


def add_event(
    nb: Notebook,
    title: str,
    *,
    when: When | None = None,
    partners: list[str] | None = None,
    building: str | None = None,
    attendees: int | None = None,
    note: str | None = None,
    kind: str | None = None,
    residents: list[int] | None = None,
    photos: list[Path] | None = None,
) -> Event:
    """Record an event (``when`` defaults to now: she logs it right after the session).

    ``partners`` as typed, each maybe with its contact (``社区民警（王警官 13800001111）``);
    ``kind`` as typed (else read from the title); ``residents`` already resolved to ids
    (the head count defaults to how many are named, and may not be fewer); ``photos``
    checked before anything is written and copied as an issue's are.
    """
    from gridnote.domain.issue_terms import EVENT_KINDS, guess_event_kind
    from gridnote.input.text import MAX_NOTE, check_length, one_line
    from gridnote.services.buildings import find_building
    from gridnote.services.photos import check_sources, photo_batch

    title = check_length(one_line(title)) or ""
    check_length(note, MAX_NOTE)
    if not title:
        raise InputError("event.title_empty")
    if attendees is not None and attendees < 0:
        raise InputError("event.bad_attendees", number=attendees)
    if kind is None:
        code = guess_event_kind(title)
    else:
        found = EVENT_KINDS.lookup(kind)
        if found is None:
            raise InputError("event.bad_kind", text=kind, choices=EVENT_KINDS.choices())
        code = found
    people = list(dict.fromkeys(residents or []))
    if attendees is None and people:
        attendees = len(people)
    if attendees is not None and attendees < len(people):
        raise InputError("event.fewer_attendees", count=attendees, named=len(people))
    if when is None:
        now = clock.now()
        from gridnote.input.dates import When

        when = When(now.date(), now.time().replace(microsecond=0))
    names: list[str] = []
    contacts: dict[str, str] = {}
    for text in partners or []:
        for part in split_list(text):
            name, contact = partner_contact(part)
            names.append(name)
            if contact:
                contacts[name] = contact
    sources = check_sources(list(photos or []))
    stamp = clock.iso(clock.now())
    with photo_batch(nb.path) as batch, nb.transaction():
        building_id = find_building(nb, building) if building is not None else None
        event_id = write.insert(
            nb,
            "events",
            {
                "title": title,
                "kind": code,
                "day": when.day.isoformat(),
                "at": clock.iso(when.to_datetime()) if when.time is not None else None,
                "partners": json.dumps(list(dict.fromkeys(names)), ensure_ascii=False),
                "partner_contacts": json.dumps(contacts, ensure_ascii=False),
                "building_id": building_id,
                "attendees": attendees,
                "note": note or None,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        for resident_id in people:
            write.insert_missing(nb, "event_residents", {"event_id": event_id, "resident_id": resident_id})
        for source in sources:
            stored = batch.add(source)
            write.insert(
                nb,
                "event_photos",
                {
                    "event_id": event_id,
                    "path": stored.path,
                    "original_name": stored.name,
                    "sha256": stored.sha256,
                    "size": stored.size,
                    "added_at": stamp,
                },
            )
    return get_event(nb, event_id)


_OPEN = ("（", "(", "：", ":")
_CLOSE = "）)"


def partner_contact(text: str) -> tuple[str, str | None]:
    """``社区民警（王警官 13800001111）`` or ``物业: 王经理 138…`` → (partner, contact); no contact: (text, None)."""
    cut = min((i for i in (text.find(mark) for mark in _OPEN) if i > 0), default=-1)
    if cut < 0:
        return text.strip(), None
    name = text[:cut].strip()
    contact = text[cut + 1 :].strip().rstrip(_CLOSE).strip()
    return name, contact or None


def get_event(nb: Notebook, event_id: int) -> Event:
    from gridnote.errors import NotFoundError

    found = rows.event(nb, event_id)
    if found is None:
        raise NotFoundError("event.not_found", id=event_id)
    return found


def list_events(
    nb: Notebook,
    *,
    since: date | None = None,
    until: date | None = None,
    building: str | None = None,
    kind: str | None = None,
) -> list[Event]:
    """Events in a day range (by the ``events_day`` index), in time order, with who was there."""
    building_id = None
    if building is not None:
        from gridnote.services.buildings import find_building

        building_id = find_building(nb, building)
    kinds: list[str] = []
    if kind is not None:
        from gridnote.domain.issue_terms import EVENT_KINDS

        code = EVENT_KINDS.lookup(kind)
        if code is None:
            raise InputError("event.bad_kind", text=kind, choices=EVENT_KINDS.choices())
        kinds.append(code)
    return rows.filter_events(
        nb,
        since=since.isoformat() if since is not None else None,
        until=until.isoformat() if until is not None else None,
        building_id=building_id,
        kinds=kinds,
    )


def events_on(nb: Notebook, day: date) -> list[Event]:
    """The events of one day, all-day ones first, then by time (for the day's timeline)."""
    return list_events(nb, since=day, until=day)


# -- the report: who each kind of event reached --------------------------------------------------
def event_reach(events: list[Event]) -> list[EventReach]:
    """Per kind with an event among ``events``, in the kinds' order: events, head counts summed, and
    residents named at any of them, each counted once per kind: of them living alone, and aged 60 or
    more on the day of an event of that kind they came to (the rule behind "how many residents
    living alone or over 60 did the anti-fraud talks reach this month")."""
    from gridnote.domain.issue_terms import EVENT_KINDS
    from gridnote.models import EventReach

    found: list[EventReach] = []
    for kind in EVENT_KINDS.codes:
        of_kind = [e for e in events if e.kind == kind]
        if not of_kind:
            continue
        named = {r.id for e in of_kind for r in e.residents}
        alone = {r.id for e in of_kind for r in e.residents if r.living_alone}
        older = {r.id for e in of_kind for r in e.residents if r.age is not None and r.age >= 60}
        found.append(
            EventReach(
                kind=kind,
                events=len(of_kind),
                attendees=sum(e.attendees or 0 for e in of_kind),
                named=len(named),
                living_alone=len(alone),
                aged_60=len(older),
            )
        )
    return found


def masked(events: list[Event], *, full: bool) -> list[Event]:
    """The report's copies: phone numbers in the partners' contacts and the notes masked unless ``full``."""
    if full:
        return events
    from dataclasses import replace

    from gridnote.output.privacy import mask_text

    return [
        replace(
            e,
            contacts=tuple((p, mask_text(c) or "") for p, c in e.contacts),
            note=mask_text(e.note),
        )
        for e in events
    ]
