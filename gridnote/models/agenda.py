"""The daily agenda (``gridnote today``) and tomorrow's list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridnote.models.care import CareDue, Route
    from gridnote.models.issues import Followup
    from gridnote.models.tasks import Task
    from gridnote.models.visits import Visit


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
    late: bool = False  # an open task whose time has gone (as of the moment the day is looked at)
    minutes_late: int | None = None  # how late, for a late task with a time of day


@dataclass(frozen=True)
class OverdueTask:
    """An open task due before the agenda's day, and by how many days."""

    task: Task
    days_late: int


@dataclass(frozen=True)
class BuildingWalk:
    """One building and whether (and when first) it was walked that day."""

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
    timeline: list[TimelineItem]  # timed in time order, then all-day (starred first among equals)
    overdue: list[OverdueTask]
    care: list[CareDue]  # most overdue first
    walk: list[BuildingWalk]
    summary: list[Figure]
    followups: list[Followup] = field(default_factory=list)  # issues waiting on her, most urgent first
    route: Route | None = None  # ``today --route``: the care round and the walk as one route
    callouts: list[Visit] = field(default_factory=list)  # emergency call-outs of the last 24 hours, oldest first
    centre: dict[str, int] = field(default_factory=dict)  # what the centre sent, waiting for her: kind -> items
    calls: dict[str, int] = field(default_factory=dict)  # today's call list (gridnote calls): reason -> calls

    @property
    def empty(self) -> bool:
        """Nothing to do (and no call-out to look back on): no items, no follow-ups, no visits due,
        every building walked, nothing from the centre waiting."""
        busy = (
            self.timeline or self.overdue or self.followups or self.care or self.callouts or any(self.centre.values())
        )
        return not busy and all(w.walked for w in self.walk)


@dataclass(frozen=True)
class DayPlan:
    """A day's list as written the evening before (``gridnote tomorrow``)."""

    day: date
    today: date
    timeline: list[TimelineItem]
    carry_over: int  # open tasks due up to today that will show as overdue


@dataclass(frozen=True)
class Reminder:
    """A timed item of the timeline and the moment it is due (``gridnote remind``)."""

    at: str  # ISO 8601 with offset
    item: TimelineItem


@dataclass(frozen=True)
class Reminders:
    """What ``gridnote remind`` found: the window looked at (``start`` included, ``end`` not) and the items."""

    start: str
    end: str
    items: list[Reminder]
