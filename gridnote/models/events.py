"""Outreach events, and who was there."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventResident:
    """A resident named as at an event, with what the report counts of them."""

    id: int
    name: str  # display name, e.g. 李秀英（李奶奶）
    address: str | None = None
    living_alone: bool = False  # tagged living alone (独居)
    age: int | None = None  # on the event's day, from the register's birth date; None: not known


@dataclass(frozen=True)
class EventPhoto:
    path: str  # relative to the notebook's files folder
    name: str  # the original file name


@dataclass(frozen=True)
class Event:
    """An outreach session (an anti-fraud talk with the community police …)."""

    id: int
    title: str
    day: str
    at: str | None = None  # None for an all-day event
    partners: tuple[str, ...] = ()
    building: str | None = None
    attendees: int | None = None  # the head count (may be more than the residents named)
    note: str | None = None
    kind: str = "other"  # a code of gridnote.domain.issue_terms.EVENT_KINDS
    contacts: tuple[tuple[str, str], ...] = ()  # (partner, contact) for the partners noted with one
    residents: tuple[EventResident, ...] = ()
    photos: tuple[EventPhoto, ...] = ()

    @property
    def time(self) -> str | None:
        return self.at[11:16] if self.at else None

    def contact_of(self, partner: str) -> str | None:
        return dict(self.contacts).get(partner)
