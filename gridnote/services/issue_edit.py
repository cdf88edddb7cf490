"""Correcting an issue's text, category, priority or kind (``gridnote issue edit``)."""

from __future__ import annotations

from typing import Any

from gridnote import clock
from gridnote.domain.issue_terms import PRIORITIES
from gridnote.errors import InputError
from gridnote.models import IssueChange
from gridnote.services.issue_steps import open_for, touch
from gridnote.services.issues import code_of, get_issue, write_step
from gridnote.store.notebook import Notebook


def edit(
    nb: Notebook,
    issue_id: int,
    *,
    text: str | None = None,
    category: str | None = None,
    priority: str | None = None,
    kind: str | None = None,
    group: str | None = None,
) -> IssueChange:
    """Correct the text, category, priority or kind (complaint, enquiry: 咨询/建议).

    A deadline follows a new category, priority or kind only while it is still
    ahead of her: the response deadline until the first response, the resolution
    deadline until the issue is resolved (and never after a reopen set one).
    A deadline met or missed is history. An enquiry has no deadlines unless
    ``group`` gives it some; a complaint has its category's. A verified report's
    point follows the kind: taken back from an enquiry (as for a rejected report),
    given to a complaint. The row as it was is kept in ``revisions`` and the change
    is a line of the timeline.
    """
    from datetime import timedelta

    from gridnote.domain.issue_terms import KINDS
    from gridnote.services import categories as cat
    from gridnote.services.issues import deadline_group

    new_category = cat.resolve(nb, category) if category else None
    new_priority = code_of(PRIORITIES, priority) if priority else None
    new_kind = code_of(KINDS, kind) if kind else None
    from gridnote.input.text import one_line

    new_text = one_line(text) if text is not None else None
    if new_text == "":
        raise InputError("issue.text_empty")
    with nb.transaction():
        issue = open_for(nb, issue_id, "edit")
        changes: dict[str, Any] = {}
        if new_text and new_text != issue.text:
            changes["text"] = new_text
        if new_category and new_category.code != issue.category:
            changes.update({"category": new_category.code, "upward_code": new_category.upward})
            if not issue.is_enquiry:  # an enquiry's deadline group is hers to set, not the category's
                changes["category_group"] = new_category.group
        if new_priority and new_priority != issue.priority:
            changes["priority"] = new_priority
        if new_kind and new_kind != issue.kind:
            changes["kind"] = new_kind
        if "kind" in changes or group is not None:
            own = new_category or cat.resolve(nb, issue.category)
            wanted = deadline_group(changes.get("kind", issue.kind), own.group, group)
            if wanted != issue.category_group:
                changes["category_group"] = wanted
        if not changes:
            raise InputError("issue.nothing_to_edit", id=issue_id)
        group = changes.get("category_group", issue.category_group)
        if "category_group" in changes and group is None:  # no deadlines: those still ahead are gone
            if issue.first_response_at is None:
                changes.update({"response_due_at": None, "response_due_day": None})
            if issue.resolved_at is None and issue.reopen_count == 0 and issue.is_open:
                changes.update({"resolve_due_at": None, "resolve_due_day": None})
        if ("category" in changes or "priority" in changes or "category_group" in changes) and group is not None:
            received = clock.parse(issue.received_at)
            response_h, resolve_h = cat.deadline_hours(nb, group, changes.get("priority", issue.priority))
            response_due = received + timedelta(hours=response_h)
            resolve_due = received + timedelta(hours=resolve_h)
            if issue.first_response_at is None:
                changes.update(
                    {"response_due_at": clock.iso(response_due), "response_due_day": clock.day_of(response_due)}
                )
            if issue.resolved_at is None and issue.reopen_count == 0 and issue.is_open:
                changes.update({"resolve_due_at": clock.iso(resolve_due), "resolve_due_day": clock.day_of(resolve_due)})
        before = {"text": issue.text, "category": issue.category, "priority": issue.priority, "kind": issue.kind}
        data: dict[str, Any] = {k: [before[k], changes[k]] for k in before if k in changes}
        touch(nb, issue_id, changes, revision="edit")
        write_step(nb, issue_id, "edit", clock.now(), data=data)
        points, balance, spent = 0, None, 0
        if "kind" in changes and issue.verified_at is not None and issue.status != "rejected":
            from gridnote.services.points import award_for_report, take_back_for_report

            now, edited = clock.now(), get_issue(nb, issue_id)
            if edited.is_enquiry:
                taken, balance, spent = take_back_for_report(nb, edited, now)
                points = -taken
            else:
                points, balance = award_for_report(nb, edited, now)
    return IssueChange(get_issue(nb, issue_id), ("edit",), points, balance, points_spent=spent)
