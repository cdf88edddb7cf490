"""Outreach events."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """An outreach session (an anti-fraud talk with the community police …)."""

    id: int
    title: str
    day: str
    at: str | None = None  # None for an all-day event
    partners: tuple[str, ...] = ()
    building: str | None = None
    attendees: int | None = None
    note: str | None = None

    @property
    def time(self) -> str | None:
        return self.at[11:16] if self.at else None
