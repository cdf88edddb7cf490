"""Changing tasks: done, skip, reopen, star, move, edit, drop.

Every change applies to one or several task numbers, all or none, and keeps
each task's previous row in ``revisions``.

Repeating tasks (``every``): finishing one writes the next occurrence, on the
series' rhythm (counted from the first task's due day, so "every month" from
the 31st stays at month ends), after both its due day and today. The new row
points at the first task of the series (``series_id``) and at the task it
follows (``source = "task:N"``), so reopening a finished task can take back
the occurrence it created. Skipping one occurrence drops it (not done), marks
it ``skipped`` (so it shows as skipped, not dropped) and writes the next one the same way; dropping a repeating task ends its series.
A series whose next day would fall after the
last plausible year (``dates.LAST_YEAR``) ends there instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote import clock
from gridnote.errors import InputError, StateError
from gridnote.models import Task
from gridnote.services.tasks import add_task, clean_text, due_columns, get_task
from gridnote.store import tasks as rows
from gridnote.store import write
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:
    from gridnote.input.dates import When


def _change(
    nb: Notebook,
    numbers: Iterable[int],
    action: str,
    check: Callable[[Task], None],
    change: Callable[[Task], dict[str, Any]],
) -> list[Task]:
    """Apply one change to several tasks, all or none; each old row goes to ``revisions``."""
    ids = list(dict.fromkeys(numbers))
    with nb.transaction():
        tasks = [get_task(nb, i) for i in ids]
        for task in tasks:
            check(task)
        for task in tasks:
            write.update(nb, "tasks", task.id, {**change(task), "updated_at": clock.iso(clock.now())}, revision=action)
    return [get_task(nb, i) for i in ids]


def _must_be_open(task: Task) -> None:
    if task.status == "done":
        raise StateError("task.already_done", id=task.id, text=task.text)
    if task.status == "dropped":
        raise StateError("task.is_skipped" if task.skipped else "task.is_dropped", id=task.id, text=task.text)


@dataclass(frozen=True)
class Completion:
    task: Task
    next: Task | None  # the next occurrence of a repeating task
    ended: bool = False  # a repeating task whose next day would be past dates.LAST_YEAR


def complete(nb: Notebook, numbers: Iterable[int]) -> list[Completion]:
    """Mark tasks done; a repeating task writes its next occurrence."""
    now = clock.now()
    with nb.transaction():
        done = _change(
            nb,
            numbers,
            "done",
            _must_be_open,
            lambda task: {"status": "done", "done_at": clock.iso(now), "done_day": now.date().isoformat()},
        )
        result = []
        for task in done:
            follower = _schedule_next(nb, task, now.date()) if task.every else None
            result.append(Completion(task, follower, ended=bool(task.every) and follower is None))
        return result


def _schedule_next(nb: Notebook, task: Task, today: date) -> Task | None:
    """Write the next occurrence; None when it would fall past the last plausible year."""
    from gridnote.input.dates import When, in_bounds
    from gridnote.input.recurrence import Rule

    rule = Rule(task.every or "")
    first = get_task(nb, task.series_id) if task.series_id else task
    anchor = date.fromisoformat(first.due_date) if first.due_date else None
    due = date.fromisoformat(task.due_date) if task.due_date else today
    try:
        day = rule.next_day(max(due, today), anchor=anchor)
    except OverflowError:  # a due day near 9999-12-31, written before dates were bounded
        return None
    if not in_bounds(day):
        return None
    moment = clock.parse(task.due_at).time() if task.due_at else None
    follower = add_task(
        nb,
        "" if task.text_code else task.text,
        text_code=task.text_code,
        due=When(day, moment),
        starred=task.starred,
        resident_id=task.resident_id,
        building_id=task.building_id,
        every=task.every,
        note=task.note,
        source=f"task:{task.id}",
    )
    write.update(nb, "tasks", follower.id, {"series_id": first.id})
    return get_task(nb, follower.id)


def skip(nb: Notebook, numbers: Iterable[int]) -> list[Completion]:
    """Skip this time of repeating tasks: dropped, not done, and the series goes on to its next time."""
    now = clock.now()

    def check(task: Task) -> None:
        _must_be_open(task)
        if not task.every:
            raise StateError("task.skip_not_repeating", id=task.id, text=task.text)

    with nb.transaction():
        skipped = _change(
            nb, numbers, "skip", check, lambda task: {"status": "dropped", "skipped": 1, "dropped_at": clock.iso(now)}
        )
        result = []
        for task in skipped:
            follower = _schedule_next(nb, task, now.date())
            result.append(Completion(task, follower, ended=follower is None))
        return result


@dataclass(frozen=True)
class Reopening:
    task: Task
    withdrawn: Task | None  # the next occurrence its completion had written, now dropped


def reopen(nb: Notebook, numbers: Iterable[int]) -> list[Reopening]:
    """Open done, skipped or dropped tasks again; a repeating task takes back the occurrence it wrote.

    Done and skipped occurrences wrote the next one (``source = "task:N"``);
    a dropped one wrote none, so there is nothing to take back.
    """
    ids = list(dict.fromkeys(numbers))

    def check(task: Task) -> None:
        if task.is_open:
            raise StateError("task.already_open", id=task.id, text=task.text)
        if task.every:
            # one open occurrence per series: the done task's own follower is taken back below
            series = task.series_id or task.id
            other = rows.other_open_in_series(nb, task.id, series)
            if other is not None:
                raise StateError("task.series_open", id=task.id, other=other)

    with nb.transaction():
        opened = _change(
            nb,
            ids,
            "reopen",
            check,
            lambda task: {"status": "open", "done_at": None, "done_day": None, "dropped_at": None, "skipped": 0},
        )
        result = []
        for task in opened:
            follower = None
            if task.every:
                found = rows.open_follower(nb, task.id)
                if found is not None:
                    follower = drop(nb, [found])[0]
            result.append(Reopening(task, follower))
    return result


def drop(nb: Notebook, numbers: Iterable[int]) -> list[Task]:
    """Mark open tasks dropped (kept in the notebook; a repeating one stops repeating)."""
    now = clock.iso(clock.now())
    return _change(nb, numbers, "drop", _must_be_open, lambda task: {"status": "dropped", "dropped_at": now})


def star(nb: Notebook, numbers: Iterable[int], starred: bool = True) -> list[Task]:
    def check(task: Task) -> None:
        if task.starred == starred:
            raise StateError("task.already_starred" if starred else "task.not_starred", id=task.id, text=task.text)

    return _change(nb, numbers, "star" if starred else "unstar", check, lambda task: {"starred": int(starred)})


def move(nb: Notebook, numbers: Iterable[int], when: When) -> list[Task]:
    """Give open tasks a new due day; a day without a time keeps each task's time.

    Moving is planning: a task is moved to a day and time still ahead. A day
    already past (``task move 7 昨天``), or today at a time already gone, is
    refused, and nothing is moved; a task that was done is marked done instead.
    """
    from gridnote.input.dates import When

    def target(task: Task) -> When:
        moment = when.time
        if moment is None and task.due_at:
            moment = clock.parse(task.due_at).time()
        return When(when.day, moment)

    def check(task: Task) -> None:
        _must_be_open(task)
        _still_ahead(task.id, target(task))

    return _change(nb, numbers, "move", check, lambda task: due_columns(target(task)))


def _still_ahead(number: int, due: When) -> None:
    """A task given a new due day and time (``move``, ``edit --due/--at``) is planned ahead, not into the past."""
    now = clock.now()
    if due.day < now.date() or (due.time is not None and due.to_datetime() < now):
        shown = due.day.isoformat() + (f" {due.time:%H:%M}" if due.time is not None else "")
        raise InputError("task.move_past", id=number, due=shown)


@dataclass
class TaskEdit:
    """What ``task edit`` changes; ``None`` leaves a field as it is."""

    text: str | None = None
    due: When | None = None
    clear_due: bool = False
    resident_id: int | None = None
    clear_resident: bool = False
    building_id: int | None = None
    clear_building: bool = False
    every: str | None = None
    clear_every: bool = False
    note: str | None = None  # "" clears the note


def edit(nb: Notebook, number: int, e: TaskEdit) -> Task:
    """Change a task's fields (the old row is kept in ``revisions``).

    A new repeat rule starts a series of its own from this task.
    """
    if (
        (e.due is not None and e.clear_due)
        or (e.resident_id is not None and e.clear_resident)
        or (e.building_id is not None and e.clear_building)
        or (e.every is not None and e.clear_every)
    ):
        raise InputError("task.conflicting_edit")
    changes: dict[str, Any] = {}
    if e.text is not None:
        changes.update({"text": clean_text(e.text), "text_code": None})  # her words now
    if e.due is not None or e.clear_due:
        changes.update(due_columns(e.due))
    if e.resident_id is not None or e.clear_resident:
        changes["resident_id"] = e.resident_id
    if e.building_id is not None or e.clear_building:
        changes["building_id"] = e.building_id
    if e.every is not None or e.clear_every:
        changes.update({"every": e.every, "series_id": None})
    if e.note is not None:
        changes["note"] = e.note or None
    if not changes:
        raise InputError("task.nothing_to_change")
    current = get_task(nb, number)
    every = changes.get("every", current.every)
    due = changes.get("due_date", current.due_date)
    if every and not due:
        raise InputError("task.repeat_needs_due", id=number)
    if e.due is not None and current.status == "open":
        _still_ahead(number, e.due)  # a new due day is a move: `task edit 7 --due 昨天` as `task move 7 昨天`
    return _change(nb, [number], "edit", lambda task: None, lambda task: changes)[0]
