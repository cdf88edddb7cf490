"""Outreach events as a confirmation line, a table and JSON."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import t
from gridnote.models import Event
from gridnote.render.common import join_list, note, ok, table

if TYPE_CHECKING:
    from rich.console import RenderableType


def when_label(event: Event, today: date) -> str:
    from gridnote.render.dates import month_day

    day = month_day(event.day, today)
    return f"{day} {event.time}" if event.time else f"{day} {t('event.all_day')}"


def _partners(event: Event) -> str:
    return join_list(event.partners)


def added_line(event: Event, today: date) -> RenderableType:
    return ok("event.added", id=event.id, title=event.title, when=when_label(event, today))


def event_table(events: list[Event], today: date) -> RenderableType:
    from rich.text import Text

    if not events:
        return note("event.none")
    grid = table(
        "col.id",
        "event.col.when",
        "event.col.event",
        "event.col.attendees",
        caption=t("event.count", count=len(events)),
    )
    grid.columns[0].justify = "right"
    grid.columns[1].no_wrap = True
    grid.columns[2].overflow = "fold"
    grid.columns[3].justify = "right"
    for e in events:
        body = Text(e.title)
        facts = [
            f for f in (_partners(e), t("building.label", code=e.building) if e.building else "", e.note or "") if f
        ]
        if facts:
            body.append("\n" + " · ".join(facts), style="dim")
        grid.add_row(str(e.id), when_label(e, today), body, "" if e.attendees is None else str(e.attendees))
    return grid


def event_json(e: Event) -> dict[str, Any]:
    """One event for ``event list --json`` (documented in docs/json.md)."""
    return {
        "id": e.id,
        "title": e.title,
        "day": e.day,
        "at": e.at,
        "partners": list(e.partners),
        "building": e.building,
        "attendees": e.attendees,
        "note": e.note,
    }
