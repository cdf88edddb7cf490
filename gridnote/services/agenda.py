"""The daily agenda (``gridnote today``) and tomorrow's list (``gridnote tomorrow``).

One function per section, each a few indexed queries; :func:`build_agenda`
puts them together in the order she reads them. To add a section, add a
field to ``models.Agenda``, fill it here, and give ``render.agenda`` a
section function for it.
"""

from __future__ import annotations

from datetime import date, datetime

from gridnote import clock
from gridnote.models import Agenda, DayPlan, Event, Figure, OverdueTask, Task, TimelineItem
from gridnote.services import callouts, care, events, followups, issues, tasks
from gridnote.services.inbox import pending
from gridnote.store.notebook import Notebook


def task_item(task: Task, moment: datetime | None = None) -> TimelineItem:
    """The task as a timeline item; late or not as of ``moment`` (None: not asked)."""
    return TimelineItem(
        kind="task",
        id=task.number,
        text=task.text,
        time=task.due_time,
        starred=task.starred,
        done=task.status == "done",
        resident=task.resident,
        address=task.resident_address,
        building=task.building,
        every=task.every,
        late=moment is not None and task.late_at(moment),
        minutes_late=task.minutes_late(moment) if moment is not None else None,
    )


def event_item(event: Event) -> TimelineItem:
    return TimelineItem(
        kind="event", id=event.id, text=event.title, time=event.time, building=event.building, partners=event.partners
    )


def timeline_order(item: TimelineItem) -> tuple[bool, str, bool, str, int]:
    """The day in time order, all-day items after the timed ones; a star (marked on the
    screen) only puts an item first among those of the same time."""
    return (item.time is None, item.time or "", not item.starred, item.kind, item.id)


def timeline(nb: Notebook, day: date, due: list[Task] | None = None) -> list[TimelineItem]:
    """The day's tasks (``due``, if already read) and events in time order, each task late or not
    as the day is looked at (:func:`gridnote.clock.as_of`: now for today)."""
    moment = clock.as_of(day)
    items = [task_item(task, moment) for task in (tasks.tasks_due_on(nb, day) if due is None else due)]
    items += [event_item(event) for event in events.events_on(nb, day)]
    return sorted(items, key=timeline_order)


def overdue(nb: Notebook, day: date, late: list[Task] | None = None) -> list[OverdueTask]:
    """Open tasks of days before ``day`` (``late``, if already read), with how many days late."""
    late = tasks.overdue_tasks(nb, day) if late is None else late
    return [OverdueTask(task, (day - date.fromisoformat(str(task.due_date))).days) for task in late]


def summary(nb: Notebook, day: date) -> list[Figure]:
    """The counts of the last line, in order."""
    return [
        Figure("open_tasks", tasks.count_open(nb)),
        Figure("done_tasks", tasks.count_done_on(nb, day)),
        Figure("open_issues", issues.count_open(nb)),
        Figure("visits", care.visits_on(nb, day)),
    ]


def build_agenda(nb: Notebook, day: date | None = None, *, route: bool = False) -> Agenda:
    """The agenda of ``day`` (default today); ``route``: with the visits due as a walking route."""
    today = clock.today()
    day = day or today
    due = care.care_round(nb, day)
    walk = care.daily_walk(nb, day)
    walking = None
    if route:
        from gridnote.services.route import route_of

        walking = route_of(day, due, walk)
    waiting = followups.followups(nb, day)
    on_day, late = tasks.tasks_due_on(nb, day), tasks.overdue_tasks(nb, day)
    calls: dict[str, int] = {}
    if day == today:  # the call list is today's: another day's agenda has none
        from gridnote.services.calls import call_counts, call_list

        calls = call_counts(call_list(nb, waiting, [*on_day, *late], with_numbers=False))
    return Agenda(
        day=day,
        today=today,
        timeline=timeline(nb, day, on_day),
        overdue=overdue(nb, day, late),
        followups=waiting,
        care=due,
        walk=walk,
        summary=summary(nb, day),
        route=walking,
        callouts=callouts.last_day(nb, day),
        centre=pending(nb),
        calls=calls,
    )


def day_plan(nb: Notebook, day: date) -> DayPlan:
    """The list for ``day`` and how many earlier open tasks will carry over into it."""
    from datetime import timedelta

    return DayPlan(
        day=day,
        today=clock.today(),
        timeline=timeline(nb, day),
        carry_over=tasks.count_carry_over(nb, day - timedelta(days=1)),
    )
