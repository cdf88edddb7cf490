"""The shared task writer used by `task add`, `tomorrow add` and `log --follow-up`."""

from __future__ import annotations

from datetime import date, time

from gridnote.input.dates import When
from gridnote.services.tasks import add_task, get_task


def test_timed_task_stores_day_and_offset(nb, add_resident) -> None:
    li = add_resident("李秀英", "8-2-301", alias="李奶奶")
    task = add_task(nb, "量血压", due=When(date(2026, 11, 30), time(6, 30)), starred=True, resident_id=li.id)
    assert task.due_date == "2026-11-30"
    assert task.due_at == "2026-11-30T06:30:00+08:00"
    assert task.due_time == "06:30"
    assert task.starred and task.resident == "李秀英（李奶奶）" and task.resident_address == "8-2-301"
    assert get_task(nb, task.id) == task


def test_all_day_task_has_no_moment(nb) -> None:
    task = add_task(nb, "巡楼", due=When(date(2026, 11, 30), None))
    assert task.due_date == "2026-11-30" and task.due_at is None and task.due_time is None
