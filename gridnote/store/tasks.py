"""Tasks (tomorrow's work, follow-ups, re-checks, repeating rounds): their SQL."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from gridnote.input.text import display_name
from gridnote.models import Task
from gridnote.store.notebook import Notebook

TASK_SELECT = """
    SELECT t.*, r.name AS resident_name, r.alias AS resident_alias, h.address AS resident_address,
           b.code AS building_code
    FROM tasks t
    LEFT JOIN residents r ON r.id = t.resident_id
    LEFT JOIN households h ON h.id = r.household_id
    LEFT JOIN buildings b ON b.id = t.building_id
"""
# Dated before undated; by day, then timed before all-day, then by time.
TASK_ORDER = " ORDER BY t.due_date IS NULL, t.due_date, t.due_at IS NULL, t.due_at, t.id"


def task_from_row(row: sqlite3.Row) -> Task:
    name = row["resident_name"]
    alias = row["resident_alias"]
    text, code = row["text"], row["text_code"]
    if code:  # words gridnote wrote: said in the interface language
        from gridnote.domain.task_words import task_words

        text = task_words(code, display_name(name, alias))
    return Task(
        id=row["id"],
        text=text,
        status=row["status"],
        starred=bool(row["starred"]),
        due_date=row["due_date"],
        due_at=row["due_at"],
        resident_id=row["resident_id"],
        resident=display_name(name, alias),
        resident_address=row["resident_address"],
        building=row["building_code"],
        every=row["every"],
        note=row["note"],
        source=row["source"],
        created_at=row["created_at"],
        done_at=row["done_at"],
        dropped_at=row["dropped_at"],
        building_id=row["building_id"],
        series_id=row["series_id"],
        skipped=bool(row["skipped"]),
        text_code=code,
    )


def task(nb: Notebook, task_id: int) -> Task | None:
    row = nb.one(TASK_SELECT + " WHERE t.id = ?", [task_id])
    return None if row is None else task_from_row(row)


def tasks_by_ids(nb: Notebook, ids: list[int], limit: int) -> list[Task]:
    """At most ``limit`` of these tasks: open ones first, then the newest."""
    import json

    rows = nb.rows(
        TASK_SELECT + " WHERE t.id IN (SELECT value FROM json_each(?))"
        " ORDER BY t.status = 'open' DESC, t.id DESC LIMIT ?",
        [json.dumps(ids), limit],
    )
    return [task_from_row(row) for row in rows]


# -- lists -----------------------------------------------------------------------
# The shown status (``Task.state``) a --status code picks: skipped occurrences are stored dropped.
_STATE_CLAUSES = {
    "open": "t.status = 'open'",
    "done": "t.status = 'done'",
    "dropped": "t.status = 'dropped' AND NOT t.skipped",
    "skipped": "t.status = 'dropped' AND t.skipped",
}


@dataclass(frozen=True)
class TaskFilter:
    status: str | None = "open"  # a shown status (open, done, dropped, skipped); None: every status
    starred: bool = False
    resident_id: int | None = None
    building_id: int | None = None  # tied to the building, or to someone living in it
    start: date | None = None
    end: date | None = None
    undated: bool = False
    # only open tasks late at this moment: due before its day, or at a time gone that day (the
    # store picks those due up to its day; ``services.tasks.list_tasks`` keeps the late ones)
    late_at: datetime | None = None

    @property
    def narrowed(self) -> bool:
        """Filtered by more than status and overdue (so an empty list is not "nothing at all")."""
        return bool(
            self.starred
            or self.resident_id is not None
            or self.building_id is not None
            or self.start
            or self.end
            or self.undated
        )


def filter_tasks(nb: Notebook, f: TaskFilter) -> list[Task]:
    """The tasks the filter picks, open ones first, then by due day and time."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.status:
        clauses.append(_STATE_CLAUSES[f.status])
    if f.starred:
        clauses.append("t.starred = 1")
    if f.resident_id is not None:
        clauses.append("t.resident_id = ?")
        params.append(f.resident_id)
    if f.building_id is not None:
        clauses.append("(t.building_id = ? OR h.building_id = ?)")
        params += [f.building_id, f.building_id]
    if f.undated:
        clauses.append("t.due_date IS NULL")
    if f.start is not None:
        clauses.append("t.due_date >= ?")
        params.append(f.start.isoformat())
    if f.end is not None:
        clauses.append("t.due_date <= ?")
        params.append(f.end.isoformat())
    if f.late_at is not None:
        clauses.append("t.status = 'open' AND t.due_date <= ?")
        params.append(f.late_at.date().isoformat())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    order = " ORDER BY t.status != 'open'," + TASK_ORDER.removeprefix(" ORDER BY")
    return [task_from_row(r) for r in nb.rows(TASK_SELECT + where + order, params)]


def tasks_due_on(nb: Notebook, day: date) -> list[Task]:
    """Open and done tasks due on ``day`` (dropped ones are left out)."""
    rows = nb.rows(
        TASK_SELECT + " WHERE t.status IN ('open', 'done') AND t.due_date = ?" + TASK_ORDER, [day.isoformat()]
    )
    return [task_from_row(r) for r in rows]


def overdue_tasks(nb: Notebook, day: date) -> list[Task]:
    """Open tasks due before ``day``: starred first, then the oldest first."""
    rows = nb.rows(
        TASK_SELECT + " WHERE t.status = 'open' AND t.due_date < ?"
        " ORDER BY t.starred DESC, t.due_date, t.due_at IS NULL, t.due_at, t.id",
        [day.isoformat()],
    )
    return [task_from_row(r) for r in rows]


def count_tasks(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM tasks"))


def count_open(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM tasks WHERE status = 'open'"))


def count_done_on(nb: Notebook, day: date) -> int:
    return int(nb.scalar("SELECT count(*) FROM tasks WHERE done_day = ? AND status = 'done'", [day.isoformat()]))


def count_carry_over(nb: Notebook, day: date) -> int:
    """Open tasks due on or before ``day``."""
    return int(nb.scalar("SELECT count(*) FROM tasks WHERE status = 'open' AND due_date <= ?", [day.isoformat()]))


def count_done_between(nb: Notebook, start: str, end: str) -> int:
    # "+status": read by the done_day index, not by status (most tasks of a long notebook are done)
    return int(
        nb.scalar(
            "SELECT count(*) FROM tasks WHERE done_day BETWEEN :start AND :end AND +status = 'done'",
            {"start": start, "end": end},
        )
    )


def count_open_at(nb: Notebook, end: str, at: str) -> int:
    """Tasks due on or before ``end`` that were open at the moment ``at``."""
    return int(
        nb.scalar(
            """
        SELECT count(*) FROM tasks
        WHERE due_date <= :end AND julianday(created_at) <= julianday(:at)
          AND (status = 'open' OR julianday(coalesce(done_at, dropped_at)) > julianday(:at))
        """,
            {"end": end, "at": at},
        )
    )


# -- by source and series ------------------------------------------------------------
def open_from(nb: Notebook, sources: list[str]) -> list[int]:
    """Ids of the open tasks written for these sources (``visit:12``, ``recheck:12``), in order."""
    if not sources:
        return []
    marks = ", ".join("?" for _ in sources)
    return [r[0] for r in nb.rows(f"SELECT id FROM tasks WHERE status = 'open' AND source IN ({marks})", sources)]


def open_sources(nb: Notebook, sources: list[str]) -> list[sqlite3.Row]:
    """(id, source) of the open tasks written for these sources."""
    marks = ", ".join("?" for _ in sources)
    return nb.rows(f"SELECT id, source FROM tasks WHERE status = 'open' AND source IN ({marks})", sources)


def open_twin(nb: Notebook, task: Task) -> int | None:
    """An open task of the same source, words and due moment as ``task``."""
    return nb.scalar(
        "SELECT id FROM tasks t WHERE status = 'open' AND source = ? AND text = ? AND text_code IS ? AND due_date IS ?"
        " AND due_at IS ? AND id != ?",
        [task.source, "" if task.text_code else task.text, task.text_code, task.due_date, task.due_at, task.id],
    )


def done_since(nb: Notebook, day: str, since: str) -> list[Task]:
    """Tasks done on local ``day`` at or after the moment ``since``, for no resident and in her own words."""
    found = nb.rows(
        TASK_SELECT + " WHERE t.done_day = ? AND t.status = 'done' AND t.done_at >= ?"
        " AND t.resident_id IS NULL AND t.text_code IS NULL ORDER BY t.id",
        [day, since],
    )
    return [task_from_row(row) for row in found]


# A series is its first task (``id``) and every row pointing at it (``series_id``): the one open
# task that carries it, and the records of the times that were done or skipped.
_IN_SERIES = "(id = :series OR series_id = :series)"


def open_in_series(nb: Notebook, series: int) -> int | None:
    """The open task that carries a repeating series."""
    return nb.scalar(
        f"SELECT id FROM tasks WHERE {_IN_SERIES} AND status = 'open' ORDER BY id LIMIT 1", {"series": series}
    )


def last_closed_in_series(nb: Notebook, series: int) -> int | None:
    """The series' time most recently done or skipped (a dropped task ends a series: it is not a time)."""
    return nb.scalar(
        f"SELECT id FROM tasks WHERE {_IN_SERIES} AND (status = 'done' OR skipped = 1)"
        " ORDER BY coalesce(done_at, dropped_at) DESC, id DESC LIMIT 1",
        {"series": series},
    )


def series_anchor(nb: Notebook, series: int, open_id: int, every: str) -> str | None:
    """The due day the series' rhythm counts from: its first time under this rule.

    The open task's own due day moves with every time done, so the earliest other row of the
    series (its first task, or the record of its first time) comes first; with none, the open task's.
    """
    return nb.scalar(
        f"SELECT due_date FROM tasks WHERE {_IN_SERIES} AND due_date IS NOT NULL AND every = :every"
        " ORDER BY id = :open, id LIMIT 1",
        {"series": series, "open": open_id, "every": every},
    )


def stored_values(nb: Notebook, task_id: int) -> dict[str, Any]:
    """A task's stored columns but its keys: what the record of one of its times starts from."""
    row = nb.one("SELECT * FROM tasks WHERE id = ?", [task_id])
    assert row is not None
    return {key: row[key] for key in row.keys() if key not in ("id", "gid")}  # noqa: SIM118 (a Row iterates values)


# -- re-checks of flagged readings ----------------------------------------------------------
def covering_rows(nb: Notebook, resident_id: int | None) -> list[sqlite3.Row]:
    """(task id, text code, source, reading kind) of the resident's open tasks written for a visit with
    flagged readings, one row per flagged reading, in task order."""
    return nb.rows(
        """
        SELECT t.id, t.text_code, t.source, r.kind FROM tasks t
        JOIN readings r ON r.flagged = 1
          AND (t.source = 'recheck:' || r.visit_id OR t.source = 'visit:' || r.visit_id)
        WHERE t.status = 'open' AND t.resident_id IS ?
        ORDER BY t.id, r.id
        """,
        [resident_id],
    )


def later_flagged_visit(nb: Notebook, visit_id: int, excluded: list[int]) -> sqlite3.Row | None:
    """(id, resident_id) of the resident's latest flagged visit after ``visit_id`` that still stands,
    is not one of ``excluded`` and has no task of its own."""
    marks = ", ".join("?" for _ in excluded)
    return nb.one(
        f"""
        SELECT v.id, v.resident_id FROM visits v, visits old
        WHERE old.id = ? AND v.resident_id = old.resident_id AND v.undone_at IS NULL
          AND (v.at, v.id) > (old.at, old.id) AND v.id NOT IN ({marks})
          AND EXISTS (SELECT 1 FROM readings r WHERE r.visit_id = v.id AND r.flagged = 1)
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.source IN ('visit:' || v.id, 'recheck:' || v.id))
        ORDER BY v.at DESC, v.id DESC LIMIT 1
        """,
        [visit_id, *excluded],
    )
