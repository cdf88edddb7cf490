"""Plain records the services return and the renderers draw. No database, no screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


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

    ``kind`` says where it comes from: a task or an outreach event; both are
    items of one list, so the timeline, its order and its JSON stay one list.
    """

    kind: str  # "task" or "event"
    id: int
    text: str
    time: str | None = None  # local "06:30"; None for an all-day item
    starred: bool = False
    done: bool = False
    resident: str | None = None  # display name
    address: str | None = None  # the resident's address
    building: str | None = None  # building code, for items tied to a building
    every: str | None = None  # repeat rule code
    partners: tuple[str, ...] = ()  # an event's partners (community police, building heads …)


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
    followups: list[Followup] = field(default_factory=list)  # issues waiting on her, most urgent first

    @property
    def empty(self) -> bool:
        """Nothing to do: no items, no follow-ups, no visits due, every building walked."""
        return not (self.timeline or self.overdue or self.followups or self.care) and all(
            w.walked for w in self.walk)


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


# -- issues, points, events ----------------------------------------------------
@dataclass(frozen=True)
class Category:
    """An issue category: a default from :mod:`gridnote.issue_categories` or the notebook's own."""

    code: str
    en: str
    zh: str
    parent: str | None = None  # the top-level category this one belongs to
    group: str = "general"  # deadline group: emergency, utility, general, complex
    upward: str | None = None  # the code the grid centre files it under
    synonyms: tuple[str, ...] = ()
    custom: bool = False  # added or changed in this notebook


@dataclass(frozen=True)
class Issue:
    id: int
    text: str
    category: str
    category_group: str
    upward_code: str | None
    channel: str
    priority: str  # urgent, normal
    status: str  # received, verified, rejected, referred, resolved, reported, closed
    received_at: str
    response_due_at: str
    resolve_due_at: str
    reporter_id: int | None = None
    reporter: str | None = None  # display name, e.g. 王芳（王阿姨）
    reporter_address: str | None = None
    reporter_phone: str | None = None
    reporter_contact: str | None = None  # someone not in the register: "王先生 138…"
    place: str | None = None  # where: "5" (a building), "8-2" (a unit), "8-2-301"
    building: str | None = None
    first_response_at: str | None = None
    verified_at: str | None = None
    rejected_at: str | None = None
    reject_reason: str | None = None
    duplicate_of: int | None = None
    referred_at: str | None = None
    referred_to: str | None = None
    referral_contact: str | None = None
    referral_due_day: str | None = None
    referral_due_at: str | None = None
    resolved_at: str | None = None
    resolution: str | None = None
    reported_at: str | None = None
    rating: str | None = None  # the latest rating, also a dissatisfied one that reopened it
    rated_at: str | None = None
    closed_at: str | None = None
    reopen_count: int = 0
    updated_at: str = ""

    @property
    def is_open(self) -> bool:
        return self.status not in ("rejected", "closed")

    def overdue(self, now: datetime) -> tuple[str, ...]:
        """Which deadlines have passed at ``now`` (an aware datetime): ``response``, ``resolve``."""
        if not self.is_open:
            return ()
        late: list[str] = []
        if self.first_response_at is None and datetime.fromisoformat(self.response_due_at) < now:
            late.append("response")
        if self.resolved_at is None and self.status in ("received", "verified", "referred") \
                and datetime.fromisoformat(self.resolve_due_at) < now:
            late.append("resolve")
        return tuple(late)


@dataclass(frozen=True)
class IssueUpdate:
    """One line of an issue's timeline: a state change or a note."""

    id: int
    issue_id: int
    kind: str  # a code of gridnote.issue_terms.STEPS
    at: str
    recorded_at: str
    text: str | None = None
    actor: str | None = None  # who acted, when not the grid worker (a partner code or a name)
    from_status: str | None = None
    to_status: str | None = None
    data: dict[str, object] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class IssuePhoto:
    id: int
    issue_id: int
    path: str  # relative to the notebook's files folder: photos/<sha256>.jpg
    name: str  # the file's original name
    sha256: str
    size: int
    added_at: str
    update_id: int | None = None


@dataclass(frozen=True)
class IssueDetail:
    """Everything ``issue show`` draws."""

    issue: Issue
    timeline: list[IssueUpdate] = field(default_factory=list)
    affects: list[Resident] = field(default_factory=list)
    photos: list[IssuePhoto] = field(default_factory=list)


@dataclass(frozen=True)
class IssueChange:
    """What one command did to an issue: the steps written (implied ones first) and any points."""

    issue: Issue
    steps: tuple[str, ...]
    points: int = 0
    balance: int | None = None
    photos: int = 0


@dataclass(frozen=True)
class Followup:
    """An issue waiting on her on a given day (for ``gridnote today``)."""

    id: int
    text: str
    status: str
    reason: str  # the most urgent of ``reasons``; a code of issue_terms.FOLLOWUP_REASONS
    deadline: str | None  # ISO 8601 of that reason's deadline; None for report-back
    reporter: str | None = None  # display name
    address: str | None = None  # the reporter's address, else where the issue is
    phone: str | None = None
    priority: str = "normal"
    category: str = ""
    reasons: tuple[str, ...] = ()
    since: str | None = None  # report-back: when it was resolved


@dataclass(frozen=True)
class PointsEntry:
    id: int
    resident_id: int
    delta: int
    reason: str  # report, redeem
    at: str
    issue_id: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class PointsLedger:
    resident: Resident
    balance: int
    entries: list[PointsEntry] = field(default_factory=list)


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


# -- search (gridnote find) ----------------------------------------------------------
@dataclass(frozen=True)
class SearchHit:
    """One match of ``gridnote find``: the row itself in the field named by ``kind``."""

    kind: str  # resident, issue, task, visit
    id: int
    exact: bool = False  # a resident whose name, alias, pinyin or initials is one of the words
    snippet: str | None = None  # where it matched, when that is not in the line shown
    resident: Resident | None = None
    issue: Issue | None = None
    task: Task | None = None
    visit: Visit | None = None


@dataclass(frozen=True)
class SearchGroup:
    """The matches of one kind."""

    kind: str
    count: int  # every match of this kind; ``hits`` holds the first ``limit``
    hits: list[SearchHit] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResult:
    """Everything ``gridnote find`` shows: groups in the order residents, issues, tasks, visits."""

    query: str
    terms: tuple[str, ...]  # the normalised words, for highlighting
    limit: int
    groups: list[SearchGroup] = field(default_factory=list)  # only kinds with matches

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)
