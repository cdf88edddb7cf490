"""Changing tasks: done, skip, reopen, star, move, edit, drop.

Every change applies to one or several task numbers, all or none, and keeps
each task's previous row in ``revisions``.

Repeating tasks (``every``) keep one number, the one she types every day:
finishing one writes a record of that time (a closed row pointing at the task,
``series_id``) and moves the task on to its next day, on the series' rhythm
(counted from its first due day, so "every month" from the 31st stays at month
ends), after both its due day and today. Skipping a time does the same with a
record marked ``skipped`` (not done); dropping a repeating task ends its series;
reopening takes the last time back. A series whose next day would fall after
the last plausible year (``dates.LAST_YEAR``) ends there instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote import clock
from gridnote.errors import InputError, StateError
from gridnote.models import Task
from gridnote.services.tasks import clean_text, due_columns, get_task
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
    task: Task  # the time that was done or skipped (a repeating task's: its record, a number of its own)
    next: Task | None  # a repeating task, moved on to its next time: the number she keeps typing
    ended: bool = False  # a repeating task whose next day would be past dates.LAST_YEAR

    @property
    def number(self) -> int:
        """The number to show: a series keeps its own, the record's is for history."""
        return self.next.id if self.next is not None else self.task.id


def complete(nb: Notebook, numbers: Iterable[int]) -> list[Completion]:
    """Mark tasks done; a repeating task moves on to its next time."""
    now = clock.now()
    closing = {"status": "done", "done_at": clock.iso(now), "done_day": now.date().isoformat()}
    return _close(nb, numbers, "done", _must_be_open, closing)


def skip(nb: Notebook, numbers: Iterable[int]) -> list[Completion]:
    """Skip this time of repeating tasks: dropped, not done, and the series goes on to its next time."""

    def check(task: Task) -> None:
        _must_be_open(task)
        if not task.every:
            raise StateError("task.skip_not_repeating", id=task.id, text=task.text)

    return _close(nb, numbers, "skip", check, {"status": "dropped", "skipped": 1, "dropped_at": clock.iso(clock.now())})


def _close(
    nb: Notebook, numbers: Iterable[int], action: str, check: Callable[[Task], None], closing: dict[str, Any]
) -> list[Completion]:
    """Close this time of each task, all or none.

    A one-off task is closed. A repeating task keeps its number: the time just closed is written
    as a record of its own (``series_id`` pointing at the task, the closing columns), and the task
    moves on to its next day, its previous row kept in ``revisions``. Only a series whose next
    day would fall past the calendar (``dates.LAST_YEAR``) is closed itself, and ends.
    """
    now = clock.now()
    stamp = clock.iso(now)
    with nb.transaction():
        tasks = [get_task(nb, i) for i in dict.fromkeys(numbers)]
        for task in tasks:
            check(task)
        result = []
        for task in tasks:
            following = _next_time(nb, task, now.date()) if task.every else None
            if following is None:
                write.update(nb, "tasks", task.id, {**closing, "updated_at": stamp}, revision=action)
                result.append(Completion(get_task(nb, task.id), None, ended=bool(task.every)))
                continue
            record = {**rows.stored_values(nb, task.id), **closing, "series_id": task.series_id or task.id}
            record_id = write.insert(nb, "tasks", {**record, "updated_at": stamp})
            write.update(nb, "tasks", task.id, {**due_columns(following), "updated_at": stamp}, revision=action)
            result.append(Completion(get_task(nb, record_id), get_task(nb, task.id)))
        return result


def _next_time(nb: Notebook, task: Task, today: date) -> When | None:
    """A repeating task's next day and time, after both its due day and today; None past the last plausible year."""
    from gridnote.input.dates import When, in_bounds
    from gridnote.input.recurrence import Rule

    rule = Rule(task.every or "")
    anchor_day = rows.series_anchor(nb, task.series_id or task.id, task.id, task.every or "")
    anchor = date.fromisoformat(anchor_day) if anchor_day else None
    due = date.fromisoformat(task.due_date) if task.due_date else today
    try:
        day = rule.next_day(max(due, today), anchor=anchor)
    except OverflowError:  # a due day near 9999-12-31, written before dates were bounded
        return None
    if not in_bounds(day):
        return None
    return When(day, clock.parse(task.due_at).time() if task.due_at else None)


@dataclass(frozen=True)
class Reopening:
    task: Task
    withdrawn: Task | None = None  # the next occurrence an older series had written, now dropped
    record: Task | None = None  # the record of the time taken back: the task is due then again


def reopen(nb: Notebook, numbers: Iterable[int]) -> list[Reopening]:
    """Open tasks again, all or none.

    A done, skipped or dropped task opens again. A repeating task's last time is taken back:
    ``task reopen N`` on the series' own (open) number, or on the record of its last time, puts
    the task back on that time's day and removes the record (kept in ``revisions``). A series
    written before numbers were kept (each time a new task, ``source = "task:N"``) reopens the
    old way: the time opens again and the next occurrence it wrote is dropped.
    """
    with nb.transaction():
        return [_reopen(nb, get_task(nb, i)) for i in dict.fromkeys(numbers)]


def _reopen(nb: Notebook, task: Task) -> Reopening:
    series = task.series_id or task.id
    if task.is_open:
        last = rows.last_closed_in_series(nb, series) if task.every else None
        if last is None:
            raise StateError("task.already_open", id=task.id, text=task.text)
        return _take_back(nb, get_task(nb, last), task)
    current = rows.open_in_series(nb, series) if task.every else None
    if current is not None:
        if rows.last_closed_in_series(nb, series) != task.id:  # only the last time can be taken back
            raise StateError("task.series_open", id=task.id, other=current)
        carrier = get_task(nb, current)
        if carrier.source != f"task:{task.id}":
            return _take_back(nb, task, carrier)
    stamp = clock.iso(clock.now())
    opening = {"status": "open", "done_at": None, "done_day": None, "dropped_at": None, "skipped": 0}
    write.update(nb, "tasks", task.id, {**opening, "updated_at": stamp}, revision="reopen")
    withdrawn = drop(nb, [current])[0] if current is not None else None
    return Reopening(get_task(nb, task.id), withdrawn)


def _take_back(nb: Notebook, record: Task, carrier: Task) -> Reopening:
    """The series' task due again on the day of its last time, whose record goes (kept in ``revisions``)."""
    back = {"due_date": record.due_date, "due_at": record.due_at, "updated_at": clock.iso(clock.now())}
    write.update(nb, "tasks", carrier.id, back, revision="reopen")
    write.delete(nb, "tasks", record.id, revision="reopen")
    return Reopening(get_task(nb, carrier.id), record=record)


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
