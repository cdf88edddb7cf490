"""Reading what she types into ``gridnote log`` and ``gridnote visits``: kinds, moments, follow-ups.

Dates in a log look back: the visit already happened, and a history query is
about the past, so ``周五`` and ``11-20`` mean the last such day
(:func:`gridnote.input.dates.parse_past_when`), while a follow-up looks ahead like any due date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from gridnote import clock
from gridnote.domain.vocab import VISIT_KINDS
from gridnote.errors import InputError
from gridnote.input.text import normalize, one_line

if TYPE_CHECKING:
    from gridnote.input.dates import When

FUTURE_SLACK = timedelta(minutes=10)  # a clock a few minutes fast is not a future visit
UNTIMED_VISIT = time(12, 0)  # a past day given without a time of day


@dataclass(frozen=True)
class FollowUp:
    when: When
    text: str | None = None


def parse_kind(text: str) -> str:
    code = VISIT_KINDS.lookup(text)
    if code is None:
        raise InputError("visit.bad_kind", text=text, choices=VISIT_KINDS.choices())
    return code


def visit_moment(text: str | None) -> datetime:
    """When the contact happened: now by default; a past day without a time is taken at noon."""
    now = clock.now()
    if text is None:
        return now
    from gridnote.input.dates import parse_past_when

    when = parse_past_when(text, now=now)
    if when.time is None:
        moment = now if when.day == now.date() else clock.at(when.day, UNTIMED_VISIT)
    else:
        moment = when.to_datetime()
    if moment > now + FUTURE_SLACK:
        shown = clock.iso(moment)[:16].replace("T", " ") if when.time is not None else when.day.isoformat()
        raise InputError("visit.in_future", text=text.strip(), at=shown)
    return moment


def visit_until(text: str, at: datetime) -> datetime:
    """When she got back (``--until 21:40``): after ``at`` (when she left), and not in the future."""
    from gridnote.input.dates import parse_after

    now = clock.now()
    back = parse_after(text, at, now=now)
    if back <= at:
        raise InputError("visit.until_before", text=text.strip(), at=clock.iso(at)[:16].replace("T", " "))
    if back > now + FUTURE_SLACK:
        if back.date() > at.date():  # 19:00 after 20:00 is tomorrow's: a slip, not the future
            raise InputError("visit.until_before", text=text.strip(), at=clock.iso(at)[:16].replace("T", " "))
        raise InputError("visit.in_future", text=text.strip(), at=clock.iso(back)[:16].replace("T", " "))
    return back


# ``tomorrow 6:30: re-check``: the separator is a colon not followed by a digit (6:30 is a time).
_FOLLOW_SEP = re.compile(r":(?!\d)")


def parse_follow_up(text: str) -> FollowUp:
    """``WHEN[: TEXT]``: ``后天: 复测血压``, ``in 2 days: re-check BP``, ``明天6:30: 量血压``, ``fri``."""
    from gridnote.input.dates import parse_due_when

    value = normalize(one_line(text))  # a tab or line break is refused where she typed it
    match = _FOLLOW_SEP.search(value)
    when_text, task_text = (value[: match.start()], value[match.end() :]) if match else (value, "")
    try:
        when = parse_due_when(when_text)  # looks ahead as a task's --due does: 6:30 at noon is tomorrow's
    except InputError as exc:
        if match is not None or exc.key != "dates.unparseable":
            raise  # `someday: call`: the WHEN part was given, and the date error says what it accepts
        raise InputError("visit.follow_up_unreadable", text=text.strip()) from None
    if when.day < clock.today():
        raise InputError("visit.follow_up_past", text=text.strip(), day=when.day.isoformat())
    return FollowUp(when, one_line(task_text) or None)
