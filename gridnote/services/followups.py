"""What waits on her: the issues ``gridnote today`` (and ``gridnote calls``) put in front of her.

An issue waits on her on a day when a deadline of it falls on that day or
has already passed (response: no first contact yet; resolution: not
resolved), when a partner's promised date has come, or when it is resolved
and the reporter not yet told. A deadline has passed when the moment looked
from is after it: at the deadline exactly it is still met (as the rates count
it, :func:`gridnote.services.figures.deadline_rate`).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from gridnote import clock
from gridnote.models import Followup
from gridnote.store import issues as rows
from gridnote.store.notebook import Notebook

# Which reason an issue is listed under when several apply, most urgent first.
_RANK = (
    "response-overdue",
    "resolve-overdue",
    "response-due",
    "resolve-due",
    "referral-due",
    "report-back",
    "to-answer",
)
# The order of the list: deadlines first (missed before coming), then the partner's date, then telling.
_GROUP = {
    "response-overdue": 0,
    "resolve-overdue": 0,
    "response-due": 1,
    "resolve-due": 1,
    "referral-due": 2,
    "report-back": 3,
    "to-answer": 4,
}


def minutes_left(deadline: datetime, moment: datetime) -> int:
    """Whole minutes from ``moment`` to ``deadline``, rounded down: negative once it has passed.

    ``-1`` a second after the deadline (late by a minute, as she reads it),
    ``0`` at the deadline exactly and in its last minute (still met).
    """
    return math.floor((deadline - moment).total_seconds() / 60)


def followups(nb: Notebook, day: date) -> list[Followup]:
    """Issues waiting on her on ``day``, urgent and overdue first (for ``gridnote today``).

    * ``response-overdue`` / ``response-due``: no first contact yet, and the
      response deadline has passed / falls on that day;
    * ``resolve-overdue`` / ``resolve-due``: not resolved, and the resolution
      deadline has passed / falls on that day;
    * ``referral-due``: referred, and the partner's promised date has come;
    * ``report-back``: resolved, the reporter not yet told (an issue found on
      patrol, with nobody to tell, is not waiting on anyone);
    * ``to-answer``: an enquiry not answered yet and nothing more pressing
      (without a deadline group it waits every day until answered).

    "Passed" is measured at :func:`gridnote.clock.as_of` the day. Each issue appears once,
    under its most urgent reason (all of them are in ``reasons``). The list
    reads: urgent issues with a deadline (missed ones, then those due that
    day), then the other issues with a deadline (the same way), then the
    partners' dates, then those to tell; within each, the earliest deadline.
    ``minutes_left`` is counted to the deadline of the reason shown.
    """
    key = day.isoformat()
    moment = clock.as_of(day)
    found: list[tuple[tuple[Any, ...], Followup]] = []
    for row in rows.waiting_rows(nb, key):
        issue = rows.issue_from_row(row)
        reasons: dict[str, str | None] = {}
        response_due, resolve_due = issue.response_due_at, issue.resolve_due_at
        if issue.first_response_at is None and response_due is not None and row["response_due_day"] <= key:
            late = clock.parse(response_due) < moment
            reasons["response-overdue" if late else "response-due"] = response_due
        if issue.resolved_at is None and resolve_due is not None and row["resolve_due_day"] <= key:
            late = clock.parse(resolve_due) < moment
            reasons["resolve-overdue" if late else "resolve-due"] = resolve_due
        if issue.status == "referred" and issue.referral_due_day and issue.referral_due_day <= key:
            reasons["referral-due"] = issue.referral_due_at or issue.referral_due_day
        if issue.status == "resolved" and issue.has_reporter:
            reasons["report-back"] = None
        if issue.is_enquiry and issue.resolved_at is None and not reasons:
            reasons["to-answer"] = None
        if not reasons:
            continue
        ordered = tuple(sorted(reasons, key=_RANK.index))
        reason = ordered[0]
        deadline = reasons[reason]
        timed = deadline is not None and "T" in deadline
        item = Followup(
            id=issue.id,
            text=issue.text,
            status=issue.status,
            reason=reason,
            deadline=deadline,
            reporter=issue.reporter or issue.reporter_contact,
            address=issue.reporter_address or issue.place,
            phone=issue.reporter_phone,
            priority=issue.priority,
            category=issue.category,
            reasons=ordered,
            since=issue.resolved_at
            if reason == "report-back"
            else issue.received_at
            if reason == "to-answer"
            else None,
            minutes_left=minutes_left(clock.parse(deadline), moment) if deadline and timed else None,
        )
        if deadline and timed:
            sort_time = clock.parse(deadline).timestamp()
        elif deadline:
            sort_time = clock.at(date.fromisoformat(deadline)).timestamp()
        else:
            sort_time = clock.parse(issue.resolved_at or issue.received_at).timestamp()
        group = _GROUP[reason]
        urgent = group < 2 and issue.priority == "urgent"
        found.append(((not urgent, group, sort_time, issue.id), item))
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]
