"""Visits and readings (``gridnote log``, ``gridnote visits``, the resident card)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridnote.models.tasks import Task


@dataclass(frozen=True)
class ReadingFlag:
    """A threshold a reading reached: ``diastolic 90 >= 90``. A flag, never a diagnosis."""

    measure: str  # systolic, diastolic, pulse, glucose, temp
    op: str  # ">=", ">" or "<"
    threshold: float
    value: float


@dataclass(frozen=True)
class Reading:
    """A measurement taken on a visit, with the thresholds it reached."""

    id: int
    kind: str  # bp, pulse, glucose, temp, weight
    value: float  # the systolic for blood pressure
    value2: float | None = None  # the diastolic
    unit: str = ""
    flags: tuple[ReadingFlag, ...] = ()
    at: str = ""  # ISO 8601 with offset (the visit's time)
    day: str = ""
    visit_id: int = 0

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class Visit:
    """One `gridnote log` entry: a home visit, call, message, building walk, call-out or outreach."""

    id: int
    kind: str  # visit, phone, wechat, walk, emergency, outreach
    at: str  # ISO 8601 with offset
    day: str  # local day, YYYY-MM-DD
    resident_id: int | None = None
    resident: str | None = None  # display name, e.g. 李秀英（李奶奶）
    household_id: int | None = None
    address: str | None = None  # the household's address, e.g. 8-2-301
    building_id: int | None = None
    building: str | None = None  # building code, e.g. "8"
    note: str | None = None
    readings: tuple[Reading, ...] = ()
    created_at: str = ""
    updated_at: str = ""
    undone_at: str | None = None
    back_at: str | None = None  # when she got back (a call-out's ``--until``); ``at`` is when she left

    @property
    def time(self) -> str:
        """``06:30``: the local wall-clock time."""
        return self.at[11:16]

    @property
    def minutes(self) -> int | None:
        """How long it took, from ``at`` to ``back_at``; None when she did not say."""
        if not self.back_at:
            return None
        from gridnote import clock

        return int((clock.parse(self.back_at) - clock.parse(self.at)).total_seconds() // 60)

    @property
    def flagged(self) -> bool:
        return any(r.flagged for r in self.readings)


@dataclass(frozen=True)
class Trend:
    """A resident's recent readings of one kind, oldest first."""

    kind: str
    unit: str
    points: tuple[Reading, ...]


@dataclass(frozen=True)
class NextCareVisit:
    """When a resident on a care round is next due a visit, after this one."""

    day: str
    every: int
    tag: str


@dataclass(frozen=True)
class LogResult:
    """What one `gridnote log` wrote, for the confirmation lines."""

    visits: list[Visit]
    tasks: list[Task] = field(default_factory=list)
    care_due: NextCareVisit | None = None
    recheck_suggested: bool = False
    recheck_open: Task | None = None  # the open re-check that already covers the flagged readings
    dropped_tasks: list[Task] = field(default_factory=list)  # re-checks no longer wanted (log edit)
    moved_rechecks: list[Task] = field(default_factory=list)  # written again for a later flagged visit
    # walk tasks the walk finished (services.walk_tasks), each with its next time if it repeats
    walk_done: list[tuple[Task, Task | None]] = field(default_factory=list)


@dataclass(frozen=True)
class UndoResult:
    """What `gridnote log undo` marked as undone: the visit and the follow-up tasks dropped with it."""

    visit: Visit
    dropped_tasks: list[Task] = field(default_factory=list)
    others: list[Visit] = field(default_factory=list)  # entries written by the same command (-b 5 -b 6)
    moved_rechecks: list[Task] = field(default_factory=list)  # re-checks written again for a later flagged visit
    reopened_tasks: list[Task] = field(default_factory=list)  # walk tasks the walks left no longer cover


@dataclass(frozen=True)
class Target:
    """Who or what a visit is for."""

    resident_id: int | None = None
    household_id: int | None = None
    building_id: int | None = None
    label: str = ""  # 李秀英（李奶奶）, 8-2-301, 5号楼 (for default task texts)

    @property
    def is_building(self) -> bool:
        return self.resident_id is None and self.household_id is None
