"""``gridnote remind``: what is due in the next minutes, for a status bar, a cron line or a timer.

A reminder is a timed item of the day's timeline (an open task with a time, or
a timed outreach event) whose moment falls in the window: from the start of the
current minute to ``minutes`` later. A timer that runs ``remind --within 1
--notify`` each minute therefore sends each item once, at its minute. Done
items, all-day items and overdue ones (``gridnote today`` shows those) are left out.
"""

from __future__ import annotations

from datetime import time, timedelta

from gridnote import clock
from gridnote.errors import InputError
from gridnote.models import Reminder, Reminders
from gridnote.store.notebook import Notebook

DEFAULT_MINUTES = 15
MAX_MINUTES = 24 * 60


def check_minutes(minutes: int) -> int:
    if not 1 <= minutes <= MAX_MINUTES:
        raise InputError("remind.bad_within", n=minutes, most=MAX_MINUTES)
    return minutes


def due_within(nb: Notebook, minutes: int = DEFAULT_MINUTES) -> Reminders:
    """The timed items due from the start of this minute to ``minutes`` later, in time order."""
    from gridnote.services.agenda import timeline

    check_minutes(minutes)
    start = clock.now().replace(second=0, microsecond=0)
    end = start + timedelta(minutes=minutes)
    found: list[Reminder] = []
    day = start.date()
    while day <= end.date():
        for item in timeline(nb, day):
            if item.time is None or item.done:
                continue
            moment = clock.at(day, time.fromisoformat(item.time))
            if start <= moment < end:
                found.append(Reminder(clock.iso(moment), item))
        day += timedelta(days=1)
    found.sort(key=lambda r: (r.at, not r.item.starred, r.item.kind, r.item.id))
    return Reminders(clock.iso(start), clock.iso(end), found)
