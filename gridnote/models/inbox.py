"""What came down from the grid centre, as her inbox shows it (issue 16)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldChange:
    """One field of a register correction: her value, the centre's, and whether both changed it."""

    name: str  # a resident field (gridnote.domain.down.REGISTER_FIELDS), or "tags", or "moved_out"
    mine: str | None
    theirs: str | None
    conflict: bool = False  # she changed it since the centre last had it, to something else


@dataclass(frozen=True)
class InboxItem:
    id: int  # her number for it (inbox accept N)
    seq: int  # its number among the items the centre sent her grid
    gid: str
    kind: str  # issue, task, register
    source: str | None  # the hotline, the app, a department
    sent_at: str
    status: str  # pending, accepted, declined
    text: str  # the issue, the task, or the resident's name
    why: str | None = None
    answered_at: str | None = None
    made: str | None = None  # what accepting wrote: issue:12, task:7, resident:3
    due: str | None = None  # the centre's deadline (issue) or the task's day and time
    order: str | None = None  # the request's id (issue)
    address: str | None = None
    op: str | None = None  # register: update, add, move-out, death
    resident_id: int | None = None  # register: the resident it is about, once found
    changes: tuple[FieldChange, ...] = ()
    mine_by: str | None = None  # register: who wrote her values (the worker) and when
    mine_at: str | None = None

    @property
    def conflict(self) -> bool:
        return any(c.conflict for c in self.changes)


@dataclass
class Received:
    """What one sync (or bundle) brought down."""

    new: Counter[str] = field(default_factory=Counter)  # kind -> new items
    known: int = 0  # items she already had


@dataclass
class Answered:
    accepted: list[InboxItem] = field(default_factory=list)
    declined: list[InboxItem] = field(default_factory=list)
    left: list[InboxItem] = field(default_factory=list)  # conflicts ``accept all`` leaves to her
