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


def _partners(event: Event, contacts: bool = False) -> str:
    """The partners; with ``contacts``, each with the contact noted for them (``社区民警 王警官 138…``)."""
    if not contacts:
        return join_list(event.partners)
    return join_list(" ".join(filter(None, (p, event.contact_of(p)))) for p in event.partners)


def reach(event: Event) -> tuple[int, int]:
    """(residents named living alone, residents named aged 60 or more on the event's day)."""
    alone = sum(1 for r in event.residents if r.living_alone)
    older = sum(1 for r in event.residents if r.age is not None and r.age >= 60)
    return alone, older


def added_line(event: Event, today: date) -> RenderableType:
    from rich.console import Group

    from gridnote.domain.issue_terms import EVENT_KINDS

    lines: list[Any] = [ok("event.added", id=event.id, title=event.title, when=when_label(event, today))]
    alone, older = reach(event)
    if event.residents:
        lines.append(
            note(
                "event.added_people",
                kind=EVENT_KINDS.label(event.kind),
                count=event.attendees,
                named=len(event.residents),
                alone=alone,
                older=older,
            )
        )
    if event.photos:
        lines.append(note("event.photos_kept", count=len(event.photos)))
    return Group(*lines)


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
        give_way=("event.col.attendees",),  # the day and time stay whole
    )
    grid.columns[0].justify = "right"
    grid.columns[1].no_wrap = True
    grid.columns[2].overflow = "fold"
    grid.columns[3].justify = "right"
    from gridnote.domain.issue_terms import EVENT_KINDS

    for e in events:
        body = Text(e.title)
        named = t("event.named", count=len(e.residents)) if e.residents else ""
        where = t("building.label", code=e.building) if e.building else ""
        facts = [f for f in (_partners(e), where, named, e.note or "", EVENT_KINDS.label(e.kind)) if f]
        if facts:
            body.append("\n" + " · ".join(facts), style="dim")
        grid.add_row(str(e.id), when_label(e, today), body, "" if e.attendees is None else str(e.attendees))
    return grid


def event_view(e: Event, today: date) -> RenderableType:
    """The card of ``event show``: every fact, each resident who came, the photos."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from gridnote.domain.issue_terms import EVENT_KINDS

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row(t("event.f.when"), when_label(e, today))
    facts.add_row(t("event.f.kind"), EVENT_KINDS.label(e.kind))
    if e.building:
        facts.add_row(t("event.f.where"), t("building.label", code=e.building))
    if e.partners:
        facts.add_row(t("event.f.partners"), _partners(e, contacts=True))
    if e.attendees is not None:
        facts.add_row(t("event.f.attendees"), str(e.attendees))
    for n, r in enumerate(e.residents):
        marks = [t("event.mark.alone")] if r.living_alone else []
        if r.age is not None:
            marks.append(t("event.mark.age", age=r.age))
        line = "  ".join(filter(None, (r.name, r.address, " · ".join(marks))))
        facts.add_row(t("event.f.residents") if n == 0 else "", line)
    if e.note:
        facts.add_row(t("event.f.note"), e.note)
    for photo in e.photos:
        facts.add_row(t("event.f.photo"), f"{photo.path} ({photo.name})")
    return Group(Text(f"#{e.id} {e.title}", style="bold"), facts)


def event_json(e: Event) -> dict[str, Any]:
    """One event for ``event list --json`` and ``event show --json`` (documented in docs/json.md)."""
    return {
        "id": e.id,
        "title": e.title,
        "kind": e.kind,
        "day": e.day,
        "at": e.at,
        "partners": list(e.partners),
        "contacts": dict(e.contacts),
        "building": e.building,
        "attendees": e.attendees,
        "residents": [
            {"id": r.id, "name": r.name, "address": r.address, "living_alone": r.living_alone, "age": r.age}
            for r in e.residents
        ],
        "photos": [{"path": p.path, "name": p.name} for p in e.photos],
        "note": e.note,
    }
