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
        "  ✓ Task 1 done: 巡查4栋楼 (the walk covers it) · next time: 11-30 Mon\n"
    )
    assert open_ids(cli) == [2, 1, 3]  # the daily walk task keeps its number, now due tomorrow
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


def at(hhmm: str) -> dict[str, str]:
    """The clock at ``hhmm`` on the pinned Sunday: each command of a morning at its own moment."""
    return {"GRIDNOTE_NOW": f"2026-11-29T{hhmm}:00+08:00"}


def test_undoing_the_walk_opens_the_walk_task_again(cli, demo) -> None:
    ok(cli("task", "add", "巡查4栋楼", "--every", "day", env=at("07:00")))  # 1: every building, repeats
    ok(cli("task", "add", "巡查5号楼", "--due", "today", env=at("07:01")))  # 2: building 5, once
    ok(cli("log", "-b", "5", "-b", "6", "-k", "巡查", env=at("08:00")))  # finishes 2
    ok(cli("log", "-b", "7", "-b", "8", "-k", "巡查", env=at("08:40")))  # finishes 1 (record 3)
    assert open_ids(cli) == [1]
    # the 8:40 walk was a mistake: the daily walk is no longer whole, so task 1 is due today again
    undone = ok(cli("log", "undo", env=at("08:50")))
    assert "  Task 1 is open again: 巡查4栋楼" in undone
    assert open_ids(cli) == [1]
    assert json.loads(ok(cli("task", "show", "1", "--json")))["due_date"] == "2026-11-29"
    done = json.loads(ok(cli("task", "list", "--json", "--status", "done")))
    assert [t["id"] for t in done] == [2]  # building 5's task stays done: building 5 is still walked
    assert "  1   all day 巡查4栋楼 ↻" in ok(cli("today"))
    # undoing the 8:00 walk of 5 and 6 opens building 5's task as well
    ok(cli("log", "undo", env=at("08:51")))
    assert open_ids(cli) == [1, 2]
    # walked again, both are done again
    ok(cli("log", "-b", "5", "-b", "6", "-b", "7", "-b", "8", "-k", "巡查", env=at("09:00")))
    assert open_ids(cli) == [1]  # the series, now due tomorrow
    assert json.loads(ok(cli("task", "show", "1", "--json")))["due_date"] == "2026-11-30"


def test_undoing_a_walk_leaves_a_task_the_remaining_walks_still_cover(cli, demo) -> None:
    ok(cli("task", "add", "巡查5号楼", "--due", "today", env=at("07:00")))  # 1
    ok(cli("log", "-b", "5", "-k", "巡查", env=at("08:00")))  # finishes 1
    ok(cli("log", "-b", "5", "-k", "巡查", "--again", env=at("08:30")))  # walked twice
    assert "open again" not in ok(cli("log", "undo", env=at("08:40")))  # building 5 is still walked at 8:00
    assert open_ids(cli) == []
    payload = json.loads(ok(cli("log", "undo", "--json", env=at("08:41"))))  # the first: now it is not
    assert [t["id"] for t in payload["reopened_tasks"]] == [1]
    assert open_ids(cli) == [1]


def test_undoing_a_walk_leaves_a_walk_task_done_before_it(cli, demo) -> None:
    ok(cli("task", "add", "巡查5号楼", "--due", "today", env=at("07:00")))  # 1
    ok(cli("task", "done", "1", env=at("07:30")))  # she marked it herself, before any walk was logged
    ok(cli("log", "-b", "5", "-k", "巡查", env=at("08:00")))
    ok(cli("log", "undo", env=at("08:10")))
    assert open_ids(cli) == []
