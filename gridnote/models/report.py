"""The shift-end report (``gridnote report``): one model that every output format renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridnote.models.agenda import TimelineItem
    from gridnote.models.calls import Call
    from gridnote.models.care import CareDue
    from gridnote.models.events import Event
    from gridnote.models.issues import Category
    from gridnote.models.visits import Reading, Visit


@dataclass(frozen=True)
class ReportRange:
    """The days a report covers, both included; ``period`` is how they were asked for."""

    start: date
    end: date
    period: str = "day"  # day, week, month or range (--from/--to)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def with_rates(self) -> bool:
        """The three rates and care coverage: for a week, a month, or any range of 7 days or more."""
        return self.period in ("week", "month") or self.days >= 7


@dataclass(frozen=True)
class ReportNumbers:
    """The range in numbers; every count is of rows whose ``day`` falls in the range."""

    visits: dict[str, int]  # visit kind -> entries, not undone (every kind, also 0)
    residents_reached: int
    households_reached: int
    buildings: int  # buildings in the grid
    walks: int  # (building, day) pairs walked
    readings: int
    readings_flagged: int
    issues: dict[str, int]  # step -> issues that took it: received, verified, rejected, referred, …
    tasks_done: int
    tasks_carried_over: int  # open at the end of the range, due on or before its last day
    events: int
    attendees: int
    points_awarded: int
    points_residents: int
    points_redeemed: int
    points_taken_back: int  # awards of earlier days taken back in the range (a report rejected late)
    care_overdue: int
    enquiries: dict[str, int] = field(default_factory=dict)  # received, answered, told: apart from ``issues``

    @property
    def contacts(self) -> int:
        """Visits, calls, messages, call-outs and outreach: every kind but the building walk."""
        return sum(n for kind, n in self.visits.items() if kind != "walk")


@dataclass(frozen=True)
class ReportReading:
    """A reading with who it was taken for."""

    reading: Reading
    resident_id: int | None
    resident: str | None  # display name
    address: str | None


@dataclass(frozen=True)
class ReportCare:
    """A care-group resident overdue a visit on the report's last day."""

    due: CareDue
    phone: str | None  # masked unless the report is --full


@dataclass(frozen=True)
class ReportIssue:
    """An issue as the report shows it: its state at the end of the range and its steps within it."""

    id: int
    text: str
    category: str
    priority: str
    status: str  # at the end of the range
    received_at: str
    reporter: str | None  # display name, else the contact noted (masked)
    phone: str | None  # the reporter's phone (masked unless --full)
    place: str | None  # the reporter's address, else where the issue is
    steps: tuple[str, ...]  # codes of issue_terms.STEPS taken within the range, in order
    age_days: int  # from the day it was received to the last day of the range
    deadline: str | None  # "response" or "resolve": the deadline she works against; None
    due_at: str | None
    state: str  # overdue, due-today, on-time, to-tell, to-rate, done


@dataclass(frozen=True)
class ReportRate:
    """numerator / denominator, with what was left out because it is not decided yet."""

    code: str  # response, resolution, satisfaction, or a care tag for coverage
    numerator: int
    denominator: int
    pending: int = 0  # deadline still ahead and not yet met: not counted either way
    parts: dict[str, int] = field(default_factory=dict)  # satisfaction: count per rating

    @property
    def percent(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None


@dataclass(frozen=True)
class ReportRates:
    response: ReportRate
    resolution: ReportRate
    satisfaction: ReportRate
    coverage: list[ReportRate]  # one per care group with residents, code = the tag


@dataclass(frozen=True)
class Report:
    """Everything ``gridnote report`` shows; every output format renders this one model."""

    range: ReportRange
    generated_at: str  # ISO 8601 with offset
    as_of: str  # the moment states and deadlines are judged at: now, or the end of the last day
    full: bool  # phone and ID numbers included (else masked)
    readings_scope: str  # "flagged" or "all"
    numbers: ReportNumbers
    readings: list[ReportReading]
    care_overdue: list[ReportCare]
    new_issues: list[ReportIssue]
    progressed_issues: list[ReportIssue]
    open_issues: list[ReportIssue]
    next_day: date | None  # the day after the range when it ends today (tomorrow); None for a past range
    planned: list[TimelineItem]  # starred or timed, not done, on next_day
    planned_others: int  # the other open items of next_day
    rates: ReportRates | None  # None for ranges shorter than a week
    categories: list[Category] = field(default_factory=list)  # the notebook's, for naming issue categories
    callouts: list[Visit] = field(default_factory=list)  # emergency call-outs of the range, oldest first (masked)
    events: list[Event] = field(default_factory=list)  # outreach events of the range, in time order (masked)
    event_reach: list[EventReach] = field(default_factory=list)  # per kind with an event in the range
    calls_left: list[Call] = field(default_factory=list)  # today's calls not made yet: a range ending today (masked)


@dataclass(frozen=True)
class EventReach:
    """What one kind of outreach event reached in the range: residents named, each counted once."""

    kind: str  # a code of gridnote.domain.issue_terms.EVENT_KINDS
    events: int
    attendees: int  # the head counts summed
    named: int  # residents named at any event of the kind
    living_alone: int  # of them, tagged living alone
    aged_60: int  # of them, 60 or more on the day of an event of the kind they came to
