"""Tasks: tomorrow's work, follow-ups, repeating rounds."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Task:
    """A task: tomorrow's work, a follow-up or an occurrence of a repeating round."""

    id: int
    text: str
    status: str = "open"  # open, done, dropped (a skipped occurrence too: see ``skipped``)
    starred: bool = False
    due_date: str | None = None  # local day, YYYY-MM-DD
    due_at: str | None = None  # ISO 8601 with offset; None for an all-day item
    resident_id: int | None = None
    resident: str | None = None  # display name, e.g. 李秀英（李奶奶）
    resident_address: str | None = None
    building: str | None = None  # building code when tied to a building
    every: str | None = None  # repeat rule code (gridnote.input.recurrence)
    note: str | None = None
    source: str | None = None  # e.g. "visit:12" when created by `log --follow-up`
    created_at: str = ""
    done_at: str | None = None
    dropped_at: str | None = None
    building_id: int | None = None
    series_id: int | None = None  # first task of a repeating series (None: this one is the first)
    skipped: bool = False  # a dropped occurrence of a repeating task that she skipped (`task skip`)
    text_code: str | None = None  # words gridnote wrote, as a code (``text`` holds them in her language)

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def number(self) -> int:
        """The number she types for it: a repeating task's record of one time goes by its series' number."""
        return self.series_id if self.series_id and self.every and not self.is_open else self.id

    @property
    def state(self) -> str:
        """The status as she sees it: ``skipped`` for a skipped occurrence (stored ``dropped``)."""
        return "skipped" if self.skipped else self.status

    def late_at(self, moment: datetime) -> bool:
        """Open and its time gone at ``moment`` (aware): due on an earlier day, or at a time
        already past on that day (at the time exactly it is not late yet)."""
        if self.status != "open" or self.due_date is None:
            return False
        if self.due_date < moment.date().isoformat():
            return True
        return self.due_at is not None and datetime.fromisoformat(self.due_at) < moment

    def minutes_late(self, moment: datetime) -> int | None:
        """Whole minutes a timed task is late at ``moment``, rounded up (a second late is a
        minute late); None when it is not late or has no time."""
        if self.due_at is None or not self.late_at(moment):
            return None
        return math.ceil((moment - datetime.fromisoformat(self.due_at)).total_seconds() / 60)

    @property
    def due_time(self) -> str | None:
        """``06:30`` (local wall clock) or None for an all-day item."""
        return self.due_at[11:16] if self.due_at else None
