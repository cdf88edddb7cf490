"""A repeating task keeps one number: whatever she does to it, the number she types stays the series'.

Driven through the domain functions on a real notebook (one per example), the clock moving a day
at a time; every figure below is worked out from the rule, not read back from the program.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gridnote import clock
from gridnote.errors import StateError
from gridnote.input.dates import When
from gridnote.services import task_changes
from gridnote.services.tasks import add_task, get_task
from gridnote.store.notebook import open_notebook

START = date(2026, 11, 29)
ACTIONS = st.lists(st.sampled_from(["done", "skip", "reopen", "next day"]), max_size=14)


def _open_rows(nb) -> list[int]:
    return [row[0] for row in nb.rows("SELECT id FROM tasks WHERE status = 'open' ORDER BY id")]


@settings(max_examples=40, deadline=None)
@given(ACTIONS)
def test_a_daily_series_keeps_its_number_through_any_done_skip_and_reopen(actions: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        nb = open_notebook(Path(folder) / "n.db")
        today = START
        clock.set_now(datetime(2026, 11, 29, 9, 0).astimezone())
        try:
            number = add_task(nb, "巡楼", due=When(START, None), every="day").id
            closed: list[tuple[str, str]] = []  # (action, due day) of the times closed, in order (a stack)
            due = START
            for action in actions:
                if action == "next day":
                    today += timedelta(days=1)
                    clock.set_now(datetime(today.year, today.month, today.day, 9, 0).astimezone())
                    continue
                if action == "reopen":
                    if not closed:
                        try:
                            task_changes.reopen(nb, [number])
                        except StateError:
                            continue
                        raise AssertionError("a series with nothing done reopened")
                    [r] = task_changes.reopen(nb, [number])
                    due = date.fromisoformat(closed.pop()[1])
                    assert r.task.id == number and r.record is not None
                else:
                    closing = task_changes.complete if action == "done" else task_changes.skip
                    [c] = closing(nb, [number])
                    closed.append((action, due.isoformat()))
                    assert c.number == number and c.task.id != number
                    assert c.task.due_date == due.isoformat()  # the record keeps the day it was due
                    due = max(due, today) + timedelta(days=1)  # daily: the day after both
                task = get_task(nb, number)
                assert (task.status, task.due_date) == ("open", due.isoformat())
                assert _open_rows(nb) == [number]  # one open row: the series' own
                records = nb.rows("SELECT due_date FROM tasks WHERE series_id = ? ORDER BY id", [number])
                assert [row[0] for row in records] == [day for _, day in closed]
                done = nb.scalar("SELECT count(*) FROM tasks WHERE done_day IS NOT NULL")
                assert done == sum(1 for kind, _ in closed if kind == "done")  # a skipped time is not done
        finally:
            nb.close()
            clock.reset()


def test_a_record_of_one_time_cannot_be_changed_as_if_it_were_the_task(nb) -> None:
    clock.set_now(datetime(2026, 11, 29, 9, 0).astimezone())
    number = add_task(nb, "量血压", due=When(START, None), every="2d").id
    [c] = task_changes.complete(nb, [number])
    for change in (task_changes.complete, task_changes.skip):
        try:
            change(nb, [c.task.id])
        except StateError as e:
            assert e.key == "task.already_done"
        else:
            raise AssertionError("a done record was closed again")
