"""Which step of an issue may follow which, and what every step writes alike.

The flow itself (each step, and what it implies) is :mod:`gridnote.services.issue_flow`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from gridnote import clock
from gridnote.domain.issue_terms import STATUSES, STEPS
from gridnote.errors import InputError, StateError
from gridnote.input.dates import When
from gridnote.models import Issue
from gridnote.services.issues import get_issue
from gridnote.store import write
from gridnote.store.issues import last_change_at
from gridnote.store.notebook import Notebook

NEXT: dict[str, tuple[str, ...]] = {
    "received": ("verify", "reject", "refer", "resolve"),
    "verified": ("refer", "resolve", "reject"),
    "referred": ("refer", "resolve", "reject"),
    "resolved": ("tell", "rate", "reopen"),
    "reported": ("rate", "close", "reopen"),
    "closed": ("reopen",),
    "rejected": ("reopen",),
}
ALWAYS = ("note", "edit")


def next_steps(issue: Issue) -> tuple[str, ...]:
    """The steps that move this issue on (``note`` and ``edit`` always fit too).

    Only a reporter rates: an issue nobody reported is never rated (it is
    closed), so no rating of nobody counts in the satisfaction rate. Found on
    patrol, it has no one to tell either: once resolved it may be closed directly.
    """
    steps = NEXT[issue.status]
    if not issue.has_reporter:
        steps = tuple(s for s in steps if s != "rate")
        if issue.status == "resolved":
            if issue.channel == "walk":  # she found it herself on patrol: nobody to tell
                steps = tuple(s for s in steps if s != "tell")
            steps += ("close",)
    return steps


def future(due: When | None, now: datetime) -> None:
    """A promised or new deadline is ahead of now (a date already past is a typo)."""
    if due is None:
        return
    end = due.to_datetime() if due.time is not None else clock.at(due.day).replace(hour=23, minute=59)
    if end < now:
        raise InputError("issue.due_in_past", due=shown(end))


def allowed_steps(issue: Issue) -> tuple[str, ...]:
    return next_steps(issue) + ALWAYS


def refuse(issue: Issue, step: str) -> StateError:
    from gridnote.messages.i18n import join_list

    steps = join_list(f"{STEPS.label(s)} (gridnote issue {s} {issue.id})" for s in next_steps(issue))
    return StateError(
        "issue.cannot", id=issue.id, status=STATUSES.label(issue.status), step=STEPS.label(step), allowed=steps
    )


def open_for(nb: Notebook, issue_id: int, step: str) -> Issue:
    issue = get_issue(nb, issue_id)
    if step not in allowed_steps(issue):
        raise refuse(issue, step)
    return issue


def moment_of(nb: Notebook, issue: Issue, at: datetime | None, *, change: bool = True) -> datetime:
    """When the step happened: now, or ``at`` if it is neither future nor before the last step."""
    now = clock.now()
    if at is None:
        at = now
    if at > now:
        raise InputError("issue.at_future", at=shown(at))
    if change:
        last = last_change_at(nb, issue.id)
    else:
        last = issue.received_at
    if last and at < clock.parse(last):
        raise InputError("issue.at_before", at=shown(at), last=shown(clock.parse(last)))
    return at


def shown(moment: datetime) -> str:
    return clock.iso(moment)[:16].replace("T", " ")


def touch(nb: Notebook, issue_id: int, values: dict[str, Any], *, revision: str | None = None) -> None:
    """Change the issue row; a change of state of a request from the city app is marked for the
    way back (its Open311 ``status`` and ``status_notes``, :mod:`gridnote.services.open311`)."""
    from gridnote.store.issues import external_id

    values["updated_at"] = clock.iso(clock.now())
    if "status" in values and external_id(nb, issue_id) is not None:
        values["back_marked_at"] = values["updated_at"]
    write.update(nb, "issues", issue_id, values, revision=revision)


def first_response(issue: Issue, at: datetime) -> dict[str, Any]:
    """Set the first response when this contact is earlier than any recorded one."""
    if issue.first_response_at is None or at < clock.parse(issue.first_response_at):
        return {"first_response_at": clock.iso(at)}
    return {}
