"""Plain records the services return and the renderers draw. No database, no screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Building:
    id: int
    code: str
    name: str | None = None
    households: int = 0
    residents: int = 0

    @property
    def label(self) -> str:
        return self.name or f"{self.code}号楼"


@dataclass(frozen=True)
class Household:
    id: int
    address: str
    building: str
    unit: str
    room: str
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    id: int
    name: str
    relation: str | None = None
    phone: str | None = None
    nearby: bool = False


@dataclass(frozen=True)
class Resident:
    id: int
    name: str
    alias: str | None = None
    gender: str | None = None
    birth: str | None = None
    phones: tuple[str, ...] = ()
    id_number: str | None = None
    note: str | None = None
    address: str | None = None
    household_id: int | None = None
    tags: tuple[str, ...] = ()
    moved_out_at: str | None = None
    moved_out_note: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def display_name(self) -> str:
        """``李秀英（李奶奶）``: the name with what neighbours call her."""
        return f"{self.name}（{self.alias}）" if self.alias else self.name

    @property
    def moved_out(self) -> bool:
        return self.moved_out_at is not None

    def age(self, today: date) -> int | None:
        if not self.birth:
            return None
        year = int(self.birth[:4])
        age = today.year - year
        if len(self.birth) >= 10 and (today.month, today.day) < (int(self.birth[5:7]), int(self.birth[8:10])):
            age -= 1
        return age


@dataclass(frozen=True)
class ResidentCard:
    """Everything ``resident show`` draws about one person."""

    resident: Resident
    household: list[Resident] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)  # the last few, newest first
    trends: list[Trend] = field(default_factory=list)  # readings per kind, oldest first


@dataclass(frozen=True)
class ImportProblem:
    row: int
    message: str


@dataclass(frozen=True)
class ImportResult:
    rows: int
    added: int
    updated: int
    unchanged: int
    dry_run: bool = False
    encoding: str | None = None


@dataclass(frozen=True)
class Task:
    id: int
    text: str
    status: str = "open"  # open, done, dropped
    starred: bool = False
    due_date: str | None = None  # local day, YYYY-MM-DD
    due_at: str | None = None  # ISO 8601 with offset; None for an all-day item
    resident_id: int | None = None
    resident: str | None = None  # display name, e.g. 李秀英（李奶奶）
    resident_address: str | None = None
    building: str | None = None  # building code when tied to a building
    every: str | None = None  # repeat rule code (gridnote.recurrence)
    note: str | None = None
    source: str | None = None  # e.g. "visit:12" when created by `log --follow-up`
    created_at: str = ""
    done_at: str | None = None
    dropped_at: str | None = None
    building_id: int | None = None
    series_id: int | None = None  # first task of a repeating series (None: this one is the first)

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def due_time(self) -> str | None:
        """``06:30`` (local wall clock) or None for an all-day item."""
        return self.due_at[11:16] if self.due_at else None


# -- the daily agenda (gridnote today) ---------------------------------------------
@dataclass(frozen=True)
class TimelineItem:
    """One line of a day's timeline.

    ``kind`` says where it comes from ("task"); other sources (events) become
    items of their own kind, so the timeline, its order and its JSON stay one list.
    """

    kind: str
    id: int
    text: str
    time: str | None = None  # local "06:30"; None for an all-day item
    starred: bool = False
    done: bool = False
    resident: str | None = None  # display name
    address: str | None = None  # the resident's address
    building: str | None = None  # building code, for items tied to a building
    every: str | None = None  # repeat rule code


@dataclass(frozen=True)
class OverdueTask:
    task: Task
    days_late: int


@dataclass(frozen=True)
class CareDue:
    """A resident of a care group due (or overdue) a visit."""

    resident_id: int
    name: str
    alias: str | None
    address: str | None
    tags: tuple[str, ...]  # care tags with an interval, most frequent first
    interval_days: int  # the shortest interval among the tags
    last_visit: str | None  # local day of the last care visit; None: never visited
    due_day: str | None  # last_visit + interval; None: due since always
    days_overdue: int | None  # 0: due today; None: never visited

    @property
    def display_name(self) -> str:
        return f"{self.name}（{self.alias}）" if self.alias else self.name


@dataclass(frozen=True)
class BuildingWalk:
    building_id: int
    code: str
    name: str | None
    walked_at: str | None  # ISO time of the first walk that day; None: not walked

    @property
    def walked(self) -> bool:
        return self.walked_at is not None


@dataclass(frozen=True)
class Figure:
    """One count of the summary line, e.g. Figure("open_tasks", 5)."""

    code: str
    count: int


@dataclass(frozen=True)
class Agenda:
    """Everything ``gridnote today`` shows, most important first (the renderer keeps this order)."""

    day: date
    today: date  # the real today, so the renderer can say "today" or "tomorrow"
    timeline: list[TimelineItem]  # starred first, then timed in time order, then all-day
    overdue: list[OverdueTask]
    care: list[CareDue]  # most overdue first
    walk: list[BuildingWalk]
    summary: list[Figure]

    @property
    def empty(self) -> bool:
        """Nothing to do: no items, no visits due, every building walked."""
        return not (self.timeline or self.overdue or self.care) and all(w.walked for w in self.walk)


@dataclass(frozen=True)
class DayPlan:
    """A day's list as written the evening before (``gridnote tomorrow``)."""

    day: date
    today: date
    timeline: list[TimelineItem]
    carry_over: int  # open tasks due up to today that will show as overdue


# -- visits and readings (gridnote log) ------------------------------------------
@dataclass(frozen=True)
class ReadingFlag:
    """A threshold a reading reached: ``diastolic 90 >= 90``. A flag, never a diagnosis."""

    measure: str  # systolic, diastolic, pulse, glucose, temp
    op: str  # ">=", ">" or "<"
    threshold: float
    value: float


@dataclass(frozen=True)
class Reading:
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

    @property
    def time(self) -> str:
        """``06:30``: the local wall-clock time."""
        return self.at[11:16]

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


@dataclass(frozen=True)
class UndoResult:
    """What `gridnote log undo` marked as undone: the visit and the follow-up tasks dropped with it."""

    visit: Visit
    dropped_tasks: list[Task] = field(default_factory=list)
