"""Requests from the city app (一网通) and the 12345 hotline, in and back out (Open311 GeoReport v2).

**In** (``issue import FILE``): each request becomes an issue through the same
rows ``issue add`` writes, all or nothing, in one transaction:

* the channel is the import's (``--channel``: the city app by default, or 12345);
* the category is the one whose upward code (or own code) is the request's
  ``service_code``, else guessed from the text as ``issue add`` does, else other;
* the address is matched to a household of the register (``8号楼2单元301``
  anywhere in it), else to a building, else kept only as the request's;
* the reporter is the resident whose register phone is the request's phone
  (exactly one), else a contact (name and phone) as ``--contact`` keeps it;
* the deadlines are the category's, except that the city's
  ``expected_datetime`` (a dispatched case's deadline) is the resolution
  deadline, and the first contact is due by then at the latest;
* the request id (``service_request_id``) is kept: importing a request again
  updates its issue instead of adding one. An update is a line of the timeline
  (the city's ``status_notes``); a request the city closed closes its issue
  (resolved and told through the app, if she had not done it yet). A request
  that did not change is left alone.

**Out** (``issue export --open311``): every issue that came in as a request, with
its ``status`` (``open``/``closed``) and ``status_notes`` (where it stands),
so the app can show the resident the outcome. A change of state on such an
issue is marked for the way back (:func:`gridnote.services.issue_steps.touch`);
writing the export records that it was sent.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridnote import clock
from gridnote.domain.issue_terms import CHANNELS
from gridnote.errors import InputError
from gridnote.input.open311 import Request, read_requests
from gridnote.models import Category, OutRequest, RequestsImport
from gridnote.store import open311 as rows
from gridnote.store import write
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:
    from collections.abc import Callable


def category_for(cats: list[Category], request: Request) -> tuple[Category, bool]:
    """(category, guessed): by ``service_code`` (an upward code or a category's own code), else from the text."""
    from gridnote.services.categories import find, guess

    code = (request.fields.get("service_code") or "").lower()
    if code:
        for c in cats:
            if code in ((c.upward or "").lower(), c.code):
                return c, False
    text = " ".join(filter(None, (request.fields.get("service_name"), request.text)))
    found = guess(cats, text) or find(cats, "other")
    assert found is not None
    return found, True


def _place(nb: Notebook, address: str | None) -> tuple[str | None, int | None, int | None]:
    """(place, building id, household id) of the register named in the request's address."""
    from gridnote.input.address import find_address
    from gridnote.store.buildings import building_id, household_at

    found = find_address(address)
    if found is None:
        return None, None, None
    building = building_id(nb, found.building)
    if building is None:
        return None, None, None
    if found.complete:
        row = household_at(nb, found.canonical())
        if row is not None:
            return found.canonical(), building, int(row[0])
    return found.building, building, None


def _reporter(nb: Notebook, request: Request) -> tuple[int | None, str | None]:
    """(resident id, contact): the one resident with the request's phone, else name and phone as posted."""
    from gridnote.services.resident_fields import clean_phone, phone_spellings

    phone = request.phone
    if phone:
        try:
            phone = clean_phone(phone)
        except InputError:
            pass  # not a number the register could hold: kept as posted
        else:
            found = rows.residents_with_phone(nb, phone_spellings(phone))
            if len(found) == 1:
                return found[0], None
    contact = " ".join(p for p in (request.name, phone) if p)
    return None, contact or None


def _received(request: Request, now: datetime) -> datetime:
    return min(request.requested_at or now, now)


def import_requests(
    nb: Notebook,
    path: Path,
    *,
    channel: str = "app",
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> RequestsImport:
    """Import a GeoReport v2 file in one transaction (a dry run rolls it back)."""
    from gridnote.services.categories import categories
    from gridnote.services.issues import code_of

    channel_code = code_of(CHANNELS, channel)
    requests = read_requests(path)
    cats = categories(nb)
    counts = {"added": 0, "updated": 0, "unchanged": 0, "reporters": 0, "households": 0, "buildings": 0}
    unplaced: list[str] = []

    class _DryRun(Exception):
        pass

    try:
        with nb.transaction():
            known = rows.by_external_ids(nb, [r.id for r in requests])
            for done, request in enumerate(requests, start=1):
                row = known.get(request.id)
                if row is None:
                    facts = _add(nb, request, channel_code, cats)
                    counts["added"] += 1
                    for fact in facts:
                        counts[fact] += 1
                    if not {"households", "buildings"} & set(facts):
                        unplaced.append(request.id)
                elif _update(nb, row, request, channel_code):
                    counts["updated"] += 1
                else:
                    counts["unchanged"] += 1
                if progress:
                    progress(done, len(requests))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return RequestsImport(len(requests), dry_run=dry_run, unplaced=tuple(unplaced), **counts)


def take_request(nb: Notebook, raw: dict[str, Any], channel: str) -> int:
    """One request sent down by the grid centre (a raw GeoReport v2 object), as ``issue import``
    takes it: added, or its issue brought up to date when it came before. Returns the issue's id."""
    from gridnote.input.open311 import request_from
    from gridnote.services.categories import categories

    request = request_from(raw)
    with nb.transaction():
        row = rows.by_external_ids(nb, [request.id]).get(request.id)
        if row is None:
            _add(nb, request, channel, categories(nb))
        else:
            _update(nb, row, request, channel)
        return int(rows.by_external_ids(nb, [request.id])[request.id]["id"])


def _add(nb: Notebook, request: Request, channel: str, cats: list[Category]) -> list[str]:
    """Write the request's issue; returns what was matched (``reporters``, ``households``, ``buildings``)."""
    from gridnote.services.categories import deadline_hours
    from gridnote.services.issues import write_step

    now = clock.now()
    category, guessed = category_for(cats, request)
    received = _received(request, now)
    response_hours, resolve_hours = deadline_hours(nb, category.group, "normal")
    response_due = received + timedelta(hours=response_hours)
    resolve_due = request.expected_at or received + timedelta(hours=resolve_hours)
    response_due = min(response_due, resolve_due)  # a dispatched case's deadline bounds both
    place, building_id, household_id = _place(nb, request.fields.get("address"))
    reporter_id, contact = _reporter(nb, request)
    stamp, written = clock.iso(received), clock.iso(now)
    issue_id = write.insert(
        nb,
        "issues",
        {
            "text": request.text,
            "category": category.code,
            "category_group": category.group,
            "upward_code": category.upward,
            "channel": channel,
            "priority": "normal",
            "status": "received",
            "reporter_id": reporter_id,
            "reporter_contact": contact,
            "place": place,
            "building_id": building_id,
            "household_id": household_id,
            "received_at": stamp,
            "received_day": clock.day_of(received),
            "response_due_at": clock.iso(response_due),
            "response_due_day": clock.day_of(response_due),
            "resolve_due_at": clock.iso(resolve_due),
            "resolve_due_day": clock.day_of(resolve_due),
            "external_id": request.id,
            "external": json.dumps(request.snapshot(), ensure_ascii=False, sort_keys=True),
            "created_at": written,
            "updated_at": written,
        },
    )
    write_step(
        nb,
        issue_id,
        "receive",
        received,
        to_status="received",
        data={
            "channel": channel,
            "category": category.code,
            "priority": "normal",
            "guessed": guessed,
            "request": request.id,
        },
    )
    if request.status == "closed":
        _closed_by_city(nb, issue_id, request, channel, now)
    facts = ["reporters"] if reporter_id is not None else []
    if household_id is not None:
        facts.append("households")
    elif building_id is not None:
        facts.append("buildings")
    return facts


def _update(nb: Notebook, row: Any, request: Request, channel: str) -> bool:
    """Bring an imported request's issue up to date; False when the request did not change."""
    from gridnote.services.issues import write_step
    from gridnote.store.issues import last_change_at

    before = json.loads(row["external"] or "{}")
    after = request.snapshot()
    if before == after:
        return False
    now = clock.now()
    values: dict[str, Any] = {"external": json.dumps(after, ensure_ascii=False, sort_keys=True)}
    if request.expected_at is not None and row["resolved_at"] is None:
        values.update(_city_due(request.expected_at, row))
    values["updated_at"] = clock.iso(now)
    write.update(nb, "issues", int(row["id"]), values, revision="import")
    closing = request.status == "closed" and row["status"] not in ("closed", "rejected")
    reopening = (
        request.status == "open" and before.get("status") == "closed" and row["status"] in ("closed", "rejected")
    )
    if reopening:
        _reopened_by_city(nb, int(row["id"]), request, channel, now)
    elif not closing:
        last = last_change_at(nb, int(row["id"])) or row["received_at"]
        at = max(min(request.updated_at or now, now), clock.parse(last))
        notes = request.fields.get("status_notes")
        data = {"kind": "message", "from": channel, "request": request.id, "status": request.status}
        write_step(
            nb, int(row["id"]), "note", at, text=notes if notes != before.get("status_notes") else None, data=data
        )
    else:
        _closed_by_city(nb, int(row["id"]), request, channel, now)
    return True


def _city_due(expected: datetime, row: Any) -> dict[str, Any]:
    """The city's deadline as the resolution deadline; a first contact still to make is due by then too
    (``row``: the issue as it was; None: its response deadline is not moved)."""
    values: dict[str, Any] = {"resolve_due_at": clock.iso(expected), "resolve_due_day": clock.day_of(expected)}
    due = row["response_due_at"] if row is not None else None
    if due is not None and row["first_response_at"] is None and clock.parse(due) > expected:
        values.update({"response_due_at": clock.iso(expected), "response_due_day": clock.day_of(expected)})
    return values


def _closed_by_city(nb: Notebook, issue_id: int, request: Request, channel: str, now: datetime) -> None:
    """The city closed the request: the issue is closed, resolved and told through the app if it was not yet.

    Not marked for the way back (it came from there)."""
    from gridnote.services.issues import get_issue, write_step
    from gridnote.store.issues import last_change_at

    issue = get_issue(nb, issue_id)
    last = clock.parse(last_change_at(nb, issue_id) or issue.received_at)
    at = max(min(request.updated_at or now, now), last)
    stamp, day = clock.iso(at), clock.day_of(at)
    notes = request.fields.get("status_notes")
    values: dict[str, Any] = {"status": "closed", "closed_at": stamp, "closed_day": day, "updated_at": clock.iso(now)}
    if issue.resolved_at is None:
        values.update({"resolved_at": stamp, "resolved_day": day, "resolution": notes})
    if issue.reported_at is None:
        values.update({"reported_at": stamp, "reported_day": day})
    write.update(nb, "issues", issue_id, values)
    write_step(
        nb,
        issue_id,
        "close",
        at,
        text=notes,
        from_status=issue.status,
        to_status="closed",
        data={"rating": None, "from": channel, "request": request.id},
    )


def _reopened_by_city(nb: Notebook, issue_id: int, request: Request, channel: str, now: datetime) -> None:
    """The city reopened a request it had closed: the issue is reopened as ``issue reopen`` does,
    with the city's notes as the reason and its new deadline; not marked for the way back."""
    from gridnote.services.issue_flow import reopen_step
    from gridnote.services.issues import get_issue
    from gridnote.store.issues import last_change_at

    issue = get_issue(nb, issue_id)
    last = clock.parse(last_change_at(nb, issue_id) or issue.received_at)
    at = max(min(request.updated_at or now, now), last)
    reopen_step(nb, issue, at, request.fields.get("status_notes"), data={"from": channel, "request": request.id})
    values: dict[str, Any] = {"back_marked_at": issue.back_marked_at}  # it came from there
    if request.expected_at is not None:
        values.update(_city_due(request.expected_at, None))
    write.update(nb, "issues", issue_id, values)


# -- the way back ------------------------------------------------------------------------
def out_requests(nb: Notebook, *, every: bool = False) -> list[OutRequest]:
    """The issues the way back carries: those that came in as requests (``every``: all issues)."""
    from gridnote.services.categories import categories, find
    from gridnote.store.issues import issue_from_row

    cats = categories(nb)
    found: list[OutRequest] = []
    for row in rows.export_rows(nb, every=every):
        issue = issue_from_row(row)
        found.append(
            OutRequest(
                issue=issue,
                gid=row["gid"],
                external=json.loads(row["external"] or "{}"),
                household_address=row["household_address"],
                category=find(cats, issue.category),
            )
        )
    return found


def send_back(nb: Notebook, write_file: Callable[[list[OutRequest]], None], *, every: bool = False) -> int:
    """Write the way back (``write_file`` is given every request) and record it as sent: the marks
    are cleared only once the file is written. Returns how many requests it carried."""
    items = out_requests(nb, every=every)
    write_file(items)
    now = clock.iso(clock.now())
    with nb.transaction():
        for item in items:
            if item.issue.back_pending:
                write.update(nb, "issues", item.issue.id, {"back_sent_at": now})
    return len(items)


def waiting_to_go_back(nb: Notebook) -> int:
    """Requests with a change of state not yet sent to the app."""
    return rows.open_pending(nb)
