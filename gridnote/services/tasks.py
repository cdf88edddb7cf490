"""Tasks: tomorrow's work, follow-ups, recurring rounds.

A task has a local due day (``due_date``) and, unless it is an all-day item,
a due moment (``due_at``, ISO 8601 with offset). Tasks are never erased:
``drop`` marks them dropped, and every change keeps the row as it was in
``revisions``. A task's number is its row id: short, never reused.

This module reads tasks, writes a new one, and reads what she typed about
them; ``gridnote.services.task_changes`` finishes, moves, edits and drops them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote import clock
from gridnote.errors import InputError, NotFoundError
from gridnote.models import Task
from gridnote.store import tasks as rows
from gridnote.store import write
from gridnote.store.notebook import Notebook
from gridnote.store.tasks import TaskFilter as TaskFilter
from gridnote.store.tasks import count_carry_over as count_carry_over
from gridnote.store.tasks import count_done_on as count_done_on
from gridnote.store.tasks import count_open as count_open
from gridnote.store.tasks import overdue_tasks as overdue_tasks
from gridnote.store.tasks import tasks_due_on as tasks_due_on

if TYPE_CHECKING:
    from gridnote.input.dates import When
    from gridnote.models import Resident

MAX_TEXT = 500


def get_task(nb: Notebook, task_id: int) -> Task:
    found = rows.task(nb, task_id)
    if found is None:
        raise NotFoundError("task.not_found", id=task_id)
    return found


def due_columns(when: When | None) -> dict[str, Any]:
    """The stored due columns for a day and optional time (None: no date)."""
    return {
        "due_date": when.day.isoformat() if when else None,
        "due_at": clock.iso(when.to_datetime()) if when and when.time is not None else None,
    }


def add_task(
    nb: Notebook,
    text: str,
    *,
    due: When | None = None,
    starred: bool = False,
    resident_id: int | None = None,
    building_id: int | None = None,
    every: str | None = None,
    note: str | None = None,
    source: str | None = None,
    text_code: str | None = None,
) -> Task:
    """Write one task (inside the caller's transaction if there is one).

    ``text_code``: words gridnote writes itself (:mod:`gridnote.domain.task_words`), with ``text`` empty.
    """
    from gridnote.input.text import MAX_NOTE, check_length

    check_length(text)
    check_length(note, MAX_NOTE)
    now = clock.iso(clock.now())
    with nb.transaction():
        task_id = write.insert(
            nb,
            "tasks",
            {
                "text": text,
                "note": note,
                "starred": int(starred),
                **due_columns(due),
                "resident_id": resident_id,
                "building_id": building_id,
                "every": every,
                "source": source,
                "text_code": text_code,
                "created_at": now,
                "updated_at": now,
            },
        )
    return get_task(nb, task_id)


# -- reading what she typed ------------------------------------------------------


def parse_status(text: str) -> str | None:
    """``open``/``未完成``, ``done``, ``dropped``, ``skipped`` → the code; ``all``/``全部`` → None (every status)."""
    from gridnote.domain.vocab import TASK_STATUSES
    from gridnote.input.text import fold

    if fold(text) in ("all", "全部", "所有"):
        return None
    code = TASK_STATUSES.lookup(text)
    if code is None:
        raise InputError("task.bad_status", text=text)
    return code


def clean_text(text: str) -> str:
    from gridnote.input.text import one_line

    cleaned = one_line(text)
    if not cleaned:
        raise InputError("task.text_empty")
    if len(cleaned) > MAX_TEXT:
        raise InputError("task.text_too_long", limit=MAX_TEXT)
    return cleaned


def due_from(due: str | None, at: str | None, *, default: date | None = None) -> When | None:
    """The due day and time from ``--due WHEN`` and ``--at TIME``.

    ``--at`` gives the time of day (``6:30``, ``早上6点半``); it may repeat the
    day (``明天6:30``) but not contradict ``--due`` or the default day. What is due looks
    ahead (``dates.parse_due_when``): a bare time already past today is tomorrow's.
    """
    from gridnote.input.dates import When, parse_due_when, parse_when

    when = parse_due_when(due) if due else None
    if at is None:
        return when if when is not None or default is None else When(default, None)
    moment = parse_due_when(at) if when is None and default is None else parse_when(at)
    if moment.time is None:
        raise InputError("task.at_needs_time", text=at)
    if when is not None and when.time is not None and when.time != moment.time:
        raise InputError(
            "task.at_and_due_time", due=due, time=f"{when.time:%H:%M}", at=at, other=f"{moment.time:%H:%M}"
        )
    day = when.day if when else default
    if moment.day != clock.today():  # she typed a day with the time
        if day is not None and moment.day != day:
            raise InputError("task.at_other_day", text=at, day=day.isoformat())
        day = moment.day
    return When(day or clock.today(), moment.time)


def parse_every(text: str | None) -> str | None:
    if text is None:
        return None
    from gridnote.input.recurrence import parse_rule

    return parse_rule(text).code


def first_due(rule: str | None, when: When | None, *, explicit: bool) -> When | None:
    """A weekday-only task starts on a weekday: the next one unless a weekend day was asked for,
    which is refused (it would never come round again)."""
    if rule != "weekday" or when is None or when.day.weekday() < 5:
        return when
    if explicit:
        raise InputError("task.weekday_on_weekend", day=when.day.isoformat())
    from datetime import timedelta

    from gridnote.input.dates import When

    return When(when.day + timedelta(days=7 - when.day.weekday()), when.time)


def named_in(nb: Notebook, text: str) -> tuple[int | None, int | None]:
    """(resident id, building id) the task text names, for linking when none is given."""
    resident = named_resident(nb, text)
    if resident is not None:
        return resident.id, None
    return None, named_building(nb, text)


def named_resident(nb: Notebook, text: str) -> Resident | None:
    """The one current resident the task text names, if exactly one is named.

    A whole word equal to a name or alias counts (``量血压 李奶奶``); a name or
    alias of three characters or more counts anywhere (``给李奶奶量血压``).
    Two people named, or a name several residents share: no one.
    """
    from gridnote.input.text import fold
    from gridnote.services.residents import get_resident
    from gridnote.store.residents import current_names

    folded = fold(text)
    words = set(folded.split())
    found: set[int] = set()
    for row in current_names(nb):
        for label in (row["name"], row["alias"]):
            key = fold(label) if label else ""
            if key and (key in words or (len(key) >= 3 and key in folded)):
                found.add(row["id"])
    return get_resident(nb, found.pop()) if len(found) == 1 else None


_BUILDING_WORD = re.compile(r"(\d+)\s*(?:号楼|栋|幢)|\bbuilding\s*(\d+)\b|\bbldg\.?\s*(\d+)\b", re.I)


def named_building(nb: Notebook, text: str) -> int | None:
    """The one known building the task text names (``巡查5号楼``, ``walk building 5``)."""
    from gridnote.input.text import normalize

    codes = {next(g for g in m.groups() if g) for m in _BUILDING_WORD.finditer(normalize(text))}
    if len(codes) != 1:
        return None
    from gridnote.store.buildings import building_id

    return building_id(nb, codes.pop())


# -- lists -----------------------------------------------------------------------
_OPEN = TaskFilter()


def list_tasks(nb: Notebook, f: TaskFilter = _OPEN) -> list[Task]:
    """The tasks the filter picks; overdue tasks are open by definition, so another status is refused."""
    if f.late_at is not None and f.status not in (None, "open"):
        raise InputError("task.overdue_with_status", status=f.status)
    found = rows.filter_tasks(nb, f)
    if f.late_at is not None:
        moment = f.late_at
        found = [task for task in found if task.late_at(moment)]
    return found
