"""The afternoon call list (``gridnote calls``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CallNumber:
    """A number to ring, in full, and whose it is (the reporter, a relative, the partner's contact)."""

    phone: str
    name: str | None = None  # a relative's or a partner's contact name; None: the person called
    relation: str | None = None  # 女儿, neighbour …


@dataclass(frozen=True)
class Call:
    """One call to make today and what it is for.

    ``reason`` is a code: ``first-contact`` (an issue nobody has answered yet),
    ``partner`` (the partner's promised date has come), ``report-back`` (resolved:
    tell the reporter), ``task`` (a task of today or earlier that is a phone call).
    """

    n: int  # its number on today's list (``calls done N``)
    reason: str
    who: str  # who to ring: a resident's display name, a partner's code, or the task's words
    numbers: tuple[CallNumber, ...]
    text: str  # the issue's or the task's text
    issue_id: int | None = None
    task_id: int | None = None
    resident_id: int | None = None
    address: str | None = None
    since: str | None = None  # the deadline, the promised date, when it was resolved, or the task's due day
    partner: bool = False  # ``who`` is a partner's code (物业 …), said as a label when shown


@dataclass(frozen=True)
class CallDone:
    """What ``calls done N`` wrote: the call logged (a visit of kind phone) and the step taken."""

    call: Call
    visit_id: int | None  # the phone call in the visit log (a resident called); None for a partner
    step: str  # note, tell or done (the task)
    status: str | None  # the issue's state after it; None for a task
