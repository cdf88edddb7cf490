"""Issues: receiving a resident's problem, finding it again.

What waits on her today is :mod:`gridnote.services.followups`.

An issue moves received → verified (or rejected) → referred → resolved →
reported back → closed with a rating; the steps are in
:mod:`gridnote.services.issue_flow`. Every step is a row of
``issue_updates`` (the timeline), and the ``issues`` row keeps the
milestones the grid centre's three rates are computed from:

* **response** — ``first_response_at`` against ``response_due_at``. The
  first response is the first contact with the reporter: receiving the issue
  in person, by phone or on her own patrol (she is talking with them, or
  there is no one to call back); verifying or rejecting it (the reporter sees
  that in the app; also when implied by ``refer``/``resolve`` on a received
  issue); a note marked ``--reporter`` (a call, visit or message to them);
  the report-back or the rating. A referral or a plain progress note is not.
* **resolution** — ``resolved_at`` against ``resolve_due_at``.
* **satisfaction** — ``rating`` (the latest one, also a dissatisfied one that
  reopened the issue) and ``reported_at`` (the resident was told).

Both deadlines are counted from receipt in hours of the category's group
(``deadline.<group>.response_hours`` / ``resolve_hours``; see
:mod:`gridnote.services.categories`) and stored with their local days.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridnote import clock
from gridnote.domain.issue_terms import CHANNELS, DEADLINE_GROUPS, FACE_TO_FACE, KINDS, PRIORITIES
from gridnote.domain.vocab import Vocabulary
from gridnote.errors import InputError, NotFoundError
from gridnote.input.address import Address
from gridnote.models import Issue, IssueChange, IssueDetail
from gridnote.store import issues as rows
from gridnote.store import write
from gridnote.store.issues import count_open as count_open
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:
    from gridnote.services.photos import PhotoBatch

_BAD_TERM = {
    "status": "issue.bad_status",
    "channel": "issue.bad_channel",
    "rating": "issue.bad_rating",
    "priority": "issue.bad_priority",
    "reason": "issue.bad_reason",
    "partner": "issue.bad_partner",
    "note kind": "issue.bad_note_kind",
    "kind": "issue.bad_kind",
    "deadline group": "category.bad_group",
}


def code_of(vocab: Vocabulary, text: str) -> str:
    """The code for a coded value she typed (English, Chinese, synonym); an error lists the choices."""
    code = vocab.lookup(text)
    if code is None:
        raise InputError(_BAD_TERM[vocab.name], text=text, choices=vocab.choices())
    return code


def get_issue(nb: Notebook, issue_id: int) -> Issue:
    found = rows.issue(nb, issue_id)
    if found is None:
        raise NotFoundError("issue.not_found", id=issue_id)
    return found


def overdue(issue: Issue, now: datetime) -> tuple[str, ...]:
    """Which deadlines of an open issue have passed: ``response`` and/or ``resolve``."""
    return issue.overdue(now)


# -- receiving -------------------------------------------------------------------
@dataclass
class IssueInput:
    """What ``issue add`` was given: residents already resolved to ids, coded values as typed."""

    text: str
    category: str | None = None  # as typed; None: guessed from the text, else "other"
    channel: str = "in-person"  # as typed
    priority: str = "normal"  # as typed
    reporter_id: int | None = None
    reporter_contact: str | None = None
    building: str | None = None  # a building code
    address: Address | None = None  # a household or part of one (8-2)
    affects: list[int] = field(default_factory=list)
    photos: list[Path] = field(default_factory=list)
    at: datetime | None = None  # when it was received (default: now)
    kind: str = "complaint"  # as typed: complaint, enquiry (咨询/建议)
    group: str | None = None  # as typed: an enquiry's deadline group (default: none, no deadlines)


def _place(nb: Notebook, entry: IssueInput) -> tuple[str | None, int | None, int | None]:
    """(place text, building id, household id) from --building/--address, else the reporter's building."""
    from gridnote.services.buildings import find_building
    from gridnote.store.buildings import household_at
    from gridnote.store.residents import building_of

    if entry.building is not None and entry.address is not None:
        raise InputError("issue.building_and_address")
    if entry.address is not None:
        building_id = find_building(nb, entry.address.building)
        place = entry.address.canonical()
        if not entry.address.complete:
            return place, building_id, None
        row = household_at(nb, place)
        if row is None:
            raise NotFoundError("issue.no_household", address=place)
        return place, building_id, int(row[0])
    if entry.building is not None:
        return entry.building, find_building(nb, entry.building), None
    if entry.reporter_id is not None:
        lives_in = building_of(nb, entry.reporter_id)
        if lives_in is not None:
            return None, lives_in, None
    return None, None, None


def received_moment(at: datetime | None) -> datetime:
    now = clock.now()
    if at is None:
        return now
    if at > now:
        raise InputError("issue.at_future", at=clock.iso(at)[:16].replace("T", " "))
    return at


def add_issue(nb: Notebook, entry: IssueInput) -> IssueChange:
    """Receive an issue: one row, its first timeline step, affected residents and photos."""
    from gridnote.input.text import check_length, one_line
    from gridnote.services import categories as cat
    from gridnote.services.photos import check_sources, photo_batch

    text = check_length(one_line(entry.text)) or ""
    if not text:
        raise InputError("issue.text_empty")
    cats = cat.categories(nb)
    if entry.category:
        category = cat.resolve(nb, entry.category)
    else:
        category = cat.guess(cats, text) or cat.find(cats, "other")
        assert category is not None
    channel = code_of(CHANNELS, entry.channel)
    priority = code_of(PRIORITIES, entry.priority)
    kind = code_of(KINDS, entry.kind)
    group = deadline_group(kind, category.group, entry.group)
    sources = check_sources(entry.photos)
    received = received_moment(entry.at)
    due = deadlines(nb, received, group, priority)
    now = clock.iso(clock.now())
    stamp = clock.iso(received)
    with photo_batch(nb.path) as batch, nb.transaction():
        place, building_id, household_id = _place(nb, entry)
        issue_id = write.insert(
            nb,
            "issues",
            {
                "text": text,
                "category": category.code,
                "kind": kind,
                "category_group": group,
                "upward_code": category.upward,
                "channel": channel,
                "priority": priority,
                "status": "received",
                "reporter_id": entry.reporter_id,
                "reporter_contact": entry.reporter_contact,
                "place": place,
                "building_id": building_id,
                "household_id": household_id,
                "received_at": stamp,
                "received_day": clock.day_of(received),
                **due,
                "first_response_at": stamp if channel in FACE_TO_FACE else None,
                "created_at": now,
                "updated_at": now,
            },
        )
        update_id = write_step(
            nb,
            issue_id,
            "receive",
            received,
            to_status="received",
            data={
                "channel": channel,
                "category": category.code,
                "priority": priority,
                "guessed": not entry.category,
                **({"kind": kind} if kind != "complaint" else {}),
            },
        )
        for resident_id in dict.fromkeys(entry.affects):
            write.insert_missing(nb, "issue_residents", {"issue_id": issue_id, "resident_id": resident_id})
        attach_photos(nb, batch, issue_id, update_id, sources)
    return IssueChange(get_issue(nb, issue_id), ("receive",), photos=len(sources))


def deadline_group(kind: str, category_group: str, typed: str | None) -> str | None:
    """The deadline group of a new issue: its category's for a complaint; for an enquiry the one
    she set (``--group``), else none: no deadlines."""
    if typed is None:
        return category_group if kind == "complaint" else None
    if kind == "complaint":
        raise InputError("issue.group_not_enquiry")
    return code_of(DEADLINE_GROUPS, typed)


def deadlines(nb: Notebook, received: datetime, group: str | None, priority: str) -> dict[str, str | None]:
    """The four deadline columns counted from receipt in the group's hours (all None without a group)."""
    from gridnote.services import categories as cat

    if group is None:
        return dict.fromkeys(("response_due_at", "response_due_day", "resolve_due_at", "resolve_due_day"))
    response_hours, resolve_hours = cat.deadline_hours(nb, group, priority)
    response_due = received + timedelta(hours=response_hours)
    resolve_due = received + timedelta(hours=resolve_hours)
    return {
        "response_due_at": clock.iso(response_due),
        "response_due_day": clock.day_of(response_due),
        "resolve_due_at": clock.iso(resolve_due),
        "resolve_due_day": clock.day_of(resolve_due),
    }


def write_step(
    nb: Notebook,
    issue_id: int,
    kind: str,
    at: datetime,
    *,
    text: str | None = None,
    actor: str | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    data: dict[str, Any] | None = None,
) -> int:
    """Append one line to an issue's timeline."""
    from gridnote.input.text import MAX_NOTE, check_length

    check_length(text, MAX_NOTE)
    return write.insert(
        nb,
        "issue_updates",
        {
            "issue_id": issue_id,
            "kind": kind,
            "at": clock.iso(at),
            "day": clock.day_of(at),
            "actor": actor,
            "text": text,
            "from_status": from_status,
            "to_status": to_status,
            "data": json.dumps(data or {}, ensure_ascii=False, sort_keys=True),
            "recorded_at": clock.iso(clock.now()),
        },
    )


def attach_photos(nb: Notebook, batch: PhotoBatch, issue_id: int, update_id: int | None, sources: list[Path]) -> None:
    """Copy checked photos (through the command's batch) and record them."""
    now = clock.iso(clock.now())
    for source in sources:
        stored = batch.add(source)
        write.insert(
            nb,
            "issue_photos",
            {
                "issue_id": issue_id,
                "update_id": update_id,
                "path": stored.path,
                "original_name": stored.name,
                "sha256": stored.sha256,
                "size": stored.size,
                "added_at": now,
            },
        )


# -- finding them again --------------------------------------------------------------
@dataclass
class IssueFilter:
    statuses: list[str] = field(default_factory=list)  # codes; empty: by ``open_only``
    open_only: bool = True
    categories: list[str] = field(default_factory=list)  # codes (a top-level one includes its children)
    building: str | None = None
    reporter_id: int | None = None
    overdue: bool = False
    since: date | None = None  # received on or after
    until: date | None = None  # received on or before
    limit: int | None = None  # at most this many (after the other filters)


def list_issues(nb: Notebook, where: IssueFilter) -> list[Issue]:
    """Issues matching the filter: open ones by the deadline shown, overdue first; others newest first.

    One indexed query (status and deadline day, or received day), no query per row.
    """
    from gridnote.services.buildings import find_building

    now = clock.now()
    by_deadline = where.open_only and not where.statuses
    issues = rows.filter_issues(
        nb,
        statuses=where.statuses,
        open_only=where.open_only,
        categories=where.categories,
        building_id=find_building(nb, where.building) if where.building is not None else None,
        reporter_id=where.reporter_id,
        since=where.since.isoformat() if where.since is not None else None,
        until=where.until.isoformat() if where.until is not None else None,
        overdue_on=now.date().isoformat() if where.overdue else None,
        limit=where.limit if not where.overdue and not by_deadline else None,
    )
    if where.overdue:
        issues = [i for i in issues if overdue(i, now)]
    if by_deadline:
        issues.sort(key=deadline_order)
    return issues[: where.limit or None]


def deadline_order(issue: Issue) -> tuple[Any, ...]:
    """By the deadline the list shows (:meth:`Issue.next_deadline`): overdue ones first, as
    their deadline has passed; then those waiting to be told or rated, longest waiting first."""
    due = issue.next_deadline()
    if due is not None:
        return (0, clock.parse(due[1]).timestamp(), issue.id)
    return (1, clock.parse(issue.resolved_at or issue.received_at).timestamp(), issue.id)


def issue_detail(nb: Notebook, issue_id: int) -> IssueDetail:
    """The issue with its full timeline (in time order), affected residents and photos."""
    from gridnote.store.residents import affected_by

    issue = get_issue(nb, issue_id)
    timeline = rows.timeline(nb, issue_id)
    affects = affected_by(nb, issue_id)
    photos = rows.photos(nb, issue_id)
    return IssueDetail(issue, timeline, affects, photos)
