"""What a typed date means once read: a day and maybe a time, within the years of her work.

Kept apart from the reader (:mod:`gridnote.input.dates`) and its grammar so that
both can use it, and commands that merely carry a :class:`When` load neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from gridnote import clock


@dataclass(frozen=True)
class When:
    """A day and, unless it is an all-day item, a local wall-clock time."""

    day: date
    time: time | None  # None = all day

    def to_datetime(self) -> datetime:
        """Aware local datetime (midnight for an all-day item), for storage and sorting."""
        return clock.at(self.day, self.time)


FIRST_YEAR, LAST_YEAR = 1900, 2100  # the years a work date can fall in


def in_bounds(day: date) -> bool:
    """True for a day in ``FIRST_YEAR``–``LAST_YEAR``; also used to end a repeating task."""
    return FIRST_YEAR <= day.year <= LAST_YEAR
