"""Correcting an issue's text, category or priority (``gridnote issue edit``)."""

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
    nb: Notebook, issue_id: int, *, text: str | None = None, category: str | None = None, priority: str | None = None
) -> IssueChange:
    """Correct the text, category or priority.

    A deadline follows a new category or priority only while it is still ahead
    of her: the response deadline until the first response, the resolution
    deadline until the issue is resolved (and never after a reopen set one).
    A deadline met or missed is history. The row as it was is kept in
    ``revisions`` and the change is a line of the timeline.
    """
    from datetime import timedelta

    from gridnote.services import categories as cat

    new_category = cat.resolve(nb, category) if category else None
    new_priority = code_of(PRIORITIES, priority) if priority else None
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
        if not changes:
            raise InputError("issue.nothing_to_edit", id=issue_id)
        group = changes.get("category_group", issue.category_group)
        if ("category" in changes or "priority" in changes) and group is not None:
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
        before = {"text": issue.text, "category": issue.category, "priority": issue.priority}
        data: dict[str, Any] = {k: [before[k], changes[k]] for k in ("text", "category", "priority") if k in changes}
        touch(nb, issue_id, changes, revision="edit")
        write_step(nb, issue_id, "edit", clock.now(), data=data)
    return IssueChange(get_issue(nb, issue_id), ("edit",))
