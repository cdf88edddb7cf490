"""A timed task whose time has passed is late: on the timeline, in `task list --overdue`, in the JSON."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gridnote.models import Task

AT_TWO = {"GRIDNOTE_NOW": "2026-11-29T14:00:00+08:00"}


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def pad(text: str, cells: int) -> str:
    return text + " " * (cells - width(text))


def day_of_tasks(cli) -> None:
    """Written the evening before (11-28 21:00) and earlier that morning."""
    evening = {"GRIDNOTE_NOW": "2026-11-28T21:00:00+08:00"}
    ok(cli("tomorrow", "add", "量血压", "--at", "6:30", "--star", env=evening))  # 1: starred, left undone
    ok(cli("tomorrow", "add", "回电话", "--at", "8:00", env=evening))  # 2: done
    ok(cli("tomorrow", "add", "开会", "--at", "13:00", env=evening))  # 3: open at 14:00
    ok(cli("tomorrow", "add", "反诈宣传", "--at", "15:00", env=evening))  # 4: still ahead
    ok(cli("tomorrow", "add", "整理台账", env=evening))  # 5: all day
    ok(cli("task", "add", "送降压药", "--due", "11-27 9:00", env=evening))  # 6: two days ago
    ok(cli("task", "done", "2", env={"GRIDNOTE_NOW": "2026-11-29T08:05:00+08:00"}))


def test_the_timeline_marks_late_tasks_in_time_order(cli) -> None:
    day_of_tasks(cli)
    lines = lines_of(ok(cli("today", env=AT_TWO)))
    start = lines.index("Schedule")
    # the text column is as wide as its widest cell: 量血压 (6) + "  7h 30m late" (13) = 19
    assert lines[start + 1 : start + 6] == [
        "  1 ★ 06:30   量血压  7h 30m late",
        "  2 ✓ 08:00   回电话",
        "  3   13:00   开会  1h late",
        "  4   15:00   反诈宣传",
        "  5   all day 整理台账",
    ]
    zh = lines_of(ok(cli("--lang", "zh", "today", env=AT_TWO)))
    start = zh.index("日程")
    assert zh[start + 1 : start + 6] == [
        "  1 ★ 06:30 量血压  已超7小时30分",
        "  2 ✓ 08:00 回电话",
        "  3   13:00 开会  已超1小时",
        "  4   15:00 反诈宣传",
        "  5   全天  整理台账",
    ]
    # earlier days stay in the Overdue section, by days
    assert "Overdue: 1" in lines


def test_today_json_says_which_items_are_late_and_by_how_much(cli) -> None:
    day_of_tasks(cli)
    data = json.loads(ok(cli("today", "--json", env=AT_TWO)))
    assert [(i["id"], i["time"], i["late"], i["minutes_late"]) for i in data["timeline"]] == [
        (1, "06:30", True, 7 * 60 + 30),
        (2, "08:00", False, None),  # done
        (3, "13:00", True, 60),
        (4, "15:00", False, None),
        (5, None, False, None),  # all day: not late before the day is over
    ]
    # seen from the next day, every open task of that day was late by its end
    before = json.loads(
        ok(cli("today", "--date", "2026-11-29", "--json", env={"GRIDNOTE_NOW": "2026-11-30T08:00:00+08:00"}))
    )
    assert [(i["id"], i["late"], i["minutes_late"]) for i in before["timeline"]] == [
        (1, True, 17 * 60 + 30),
        (2, False, None),
        (3, True, 11 * 60),
        (4, True, 9 * 60),
        (5, True, None),
    ]


def test_task_list_overdue_holds_every_late_task(cli) -> None:
    day_of_tasks(cli)
    listed = json.loads(ok(cli("task", "list", "--overdue", "--json", env=AT_TWO)))
    assert [t["id"] for t in listed] == [6, 1, 3]  # by due day and time
    table = lines_of(ok(cli("task", "list", "--overdue", env=AT_TWO)))
    assert [line.split()[0] for line in table if line[:3].strip().isdigit()] == ["6", "1", "3"]
    # at 13:00 exactly the meeting is not late yet; a second later it is
    at_one = [
        t["id"]
        for t in json.loads(
            ok(cli("task", "list", "--overdue", "--json", env={"GRIDNOTE_NOW": "2026-11-29T13:00:00+08:00"}))
        )
    ]
    assert at_one == [6, 1]
    later = json.loads(
        ok(cli("task", "list", "--overdue", "--json", env={"GRIDNOTE_NOW": "2026-11-29T13:00:01+08:00"}))
    )
    assert [t["id"] for t in later] == [6, 1, 3]
    # done, it is no longer late
    ok(cli("task", "done", "3", env=AT_TWO))
    assert [t["id"] for t in json.loads(ok(cli("task", "list", "--overdue", "--json", env=AT_TWO)))] == [6, 1]


DAY = date(2026, 11, 29)
NOON = datetime.fromisoformat("2026-11-29T12:00:00+08:00")


@given(
    due=st.integers(0, 24 * 60 - 1),
    offset=st.integers(-36 * 3600, 36 * 3600),
    status=st.sampled_from(["open", "done", "dropped"]),
)
def test_a_task_is_late_exactly_when_its_time_has_gone(due, offset, status) -> None:
    """Due at ``due`` minutes into 11-29, looked at ``offset`` seconds after that: an open
    task is late after its time (not at it), a whole minute for every started minute; an
    all-day task of the same day is late only from the next day on; done or dropped, never."""
    due_at = datetime.fromisoformat("2026-11-29T00:00:00+08:00") + timedelta(minutes=due)
    moment = due_at + timedelta(seconds=offset)
    timed = Task(1, "x", status=status, due_date=DAY.isoformat(), due_at=due_at.isoformat())
    all_day = Task(2, "y", status=status, due_date=DAY.isoformat())
    is_open = status == "open"
    assert timed.late_at(moment) == (is_open and offset > 0)
    assert timed.minutes_late(moment) == (-(-offset // 60) if is_open and offset > 0 else None)
    assert all_day.late_at(moment) == (is_open and moment.date() > DAY)
    assert all_day.minutes_late(moment) is None


def test_a_task_without_a_day_is_never_late() -> None:
    assert not Task(1, "x").late_at(NOON)
