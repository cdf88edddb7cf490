"""The daily walk is the record; a task that asks for it is done when the walk covers it."""

from __future__ import annotations

import json


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def open_ids(cli) -> list[int]:
    return [t["id"] for t in json.loads(ok(cli("task", "list", "--json")))]


def test_the_walk_of_every_building_finishes_the_daily_walk_task(cli, demo) -> None:
    ok(cli("task", "add", "巡查4栋楼", "--every", "day"))  # 1: today, repeats (no building: every one)
    ok(cli("task", "add", "整理台账", "--due", "today"))  # 2: not a walk
    ok(cli("task", "add", "巡查4栋楼", "--due", "tomorrow"))  # 3: another day
    # two of the four buildings: the task waits
    assert ok(cli("log", "-b", "5", "-b", "6", "-k", "巡查", "--at", "8:00")) == (
        "✓ Walked building 5 · 08:00 (#1, building walk)\n✓ Walked building 6 · 08:00 (#2, building walk)\n"
    )
    assert open_ids(cli) == [1, 2, 3]
    # the other two: the walk covers it, and the series goes on tomorrow
    assert ok(cli("log", "-b", "7", "-b", "8", "-k", "巡查", "--at", "8:40")) == (
        "✓ Walked building 7 · 08:40 (#3, building walk)\n"
        "✓ Walked building 8 · 08:40 (#4, building walk)\n"
        "  ✓ Task 1 done: 巡查4栋楼 (the walk covers it) · next time: task 4, 11-30 Mon\n"
    )
    assert open_ids(cli) == [2, 3, 4]
    today = ok(cli("today"))
    assert "  1 ✓ all day 巡查4栋楼 ↻\n" in today
    assert "Daily walk: all buildings walked (4) ✓\n" in today
    # walked again later: nothing more to finish
    assert "Task" not in ok(cli("log", "-b", "5", "-k", "巡查", "--again"))


def test_a_building_s_walk_task_is_done_by_that_building_s_walk(cli, demo) -> None:
    ok(cli("task", "add", "巡查5号楼", "--due", "today"))  # 1: building 5
    ok(cli("task", "add", "walk building 6", "--due", "today"))  # 2: building 6
    ok(
        cli("task", "add", "巡查李奶奶家门口", "--due", "today", "-r", "李奶奶")
    )  # 3: for a resident: a visit, not the walk
    zh = ok(cli("--lang", "zh", "log", "-b", "5", "-k", "巡查", "--at", "8:00"))
    assert zh == "✓ 已巡查 5号楼 · 08:00（#1，巡查）\n  ✓ 任务 1 已完成：巡查5号楼（巡查已覆盖）\n"
    assert open_ids(cli) == [2, 3]
    ok(cli("log", "-b", "6", "-k", "walk", "--at", "8:10"))
    assert open_ids(cli) == [3]
    # a home visit is not a walk
    ok(cli("task", "add", "巡查8号楼", "--due", "today"))  # 4
    ok(cli("log", "李奶奶", "-k", "visit", "--at", "8:20", "--note", "量血压"))
    assert open_ids(cli) == [3, 4]
