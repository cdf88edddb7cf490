"""`gridnote task …` and `gridnote tomorrow add`, driven through the real CLI.

The clock is pinned to Sunday 2026-11-29 09:00 in Shanghai (conftest).
"""

from __future__ import annotations

import json

import pytest

from gridnote.services.tasks import get_task


def snapshot(nb) -> list[tuple]:
    """Everything a task command may write: tasks and their revisions."""
    return [tuple(r) for r in nb.rows("SELECT * FROM tasks ORDER BY id")] + [
        tuple(r) for r in nb.rows("SELECT * FROM revisions WHERE table_name = 'tasks' ORDER BY id")
    ]


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def fails(result, code: int, message: str) -> None:
    """One line on stderr, the error's exit code, nothing on stdout."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr == f"Error: {message}\n"
    assert result.stdout == ""


# -- adding ------------------------------------------------------------------------
def test_add_with_a_chinese_natural_due(cli, nb) -> None:
    assert ok(cli("task", "add", "x", "--due", "明天早上6点半")) == "✓ Added task 1: x · tomorrow 06:30\n"
    task = get_task(nb, 1)
    assert (task.due_date, task.due_at, task.starred, task.every) == (
        "2026-11-30",
        "2026-11-30T06:30:00+08:00",
        False,
        None,
    )


def test_add_with_an_english_day_and_a_time(cli, nb) -> None:
    ok(cli("task", "add", "call", "the", "property", "company", "--due", "fri", "--at", "3pm"))
    task = get_task(nb, 1)
    assert (task.text, task.due_at) == ("call the property company", "2026-12-04T15:00:00+08:00")


def test_a_time_alone_is_today_and_no_due_is_no_date(cli, nb) -> None:
    ok(cli("task", "add", "回电话", "--at", "下午3点"))
    ok(cli("task", "add", "整理台账"))
    assert get_task(nb, 1).due_at == "2026-11-29T15:00:00+08:00"
    assert (get_task(nb, 2).due_date, get_task(nb, 2).due_at) == (None, None)


def test_tomorrow_add_with_star_links_the_resident_named_in_the_text(cli, demo, nb) -> None:
    out = ok(cli("tomorrow", "add", "量血压 李奶奶", "--at", "6:30", "--star"))
    assert out == "✓ Added task 1: 量血压 李奶奶 · tomorrow 06:30 · 李秀英（李奶奶） 8-2-301 · ★\n"
    task = get_task(nb, 1)
    assert (task.resident_id, task.starred, task.due_at) == (1, True, "2026-11-30T06:30:00+08:00")


def test_plan_is_tomorrow_and_speaks_chinese(cli, demo, nb) -> None:
    out = ok(cli("plan", "add", "给高阿姨送药", "--at", "明天早上8点", env={"LANG": "zh_CN.UTF-8"}))
    assert out == "✓ 已添加任务 1：给高阿姨送药 · 明天 08:00 · 高玉兰（高阿姨） 5-1-502\n"


def test_a_building_named_in_the_text_is_linked(cli, demo, nb) -> None:
    ok(cli("task", "add", "walk building 5", "--every", "day"))
    ok(cli("task", "add", "巡查6号楼消防通道"))
    assert (get_task(nb, 1).building, get_task(nb, 1).due_date, get_task(nb, 1).every) == ("5", "2026-11-29", "day")
    assert get_task(nb, 2).building == "6"


def test_no_link_when_the_text_names_several_people_or_a_shared_alias(cli, nb, add_resident) -> None:
    add_resident("王秀英", "5-1-101", alias="王奶奶")
    add_resident("王桂兰", "6-1-101", alias="王奶奶")
    add_resident("高玉兰", "5-1-502", alias="高阿姨")
    add_resident("李秀英", "8-2-301", alias="李奶奶")
    ok(cli("task", "add", "看望王奶奶"))
    ok(cli("task", "add", "高阿姨 李奶奶 一起量血压"))
    ok(cli("task", "add", "问问王奶奶", "--resident", "王桂兰"))
    assert [get_task(nb, i).resident_id for i in (1, 2, 3)] == [None, None, 2]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (
            ["--due", "sometime"],
            2,
            'Cannot read the date "sometime". Try: today, tomorrow 6:30, fri, next mon, '
            "in 2 days, 3h, 2026-12-01, 12-01, 明天6:30, 下周一, 3天后",
        ),
        (
            ["--due", "2026-02-30"],
            2,
            'No such date or time: "2026-02-30". Try: today, tomorrow 6:30, fri, '
            "next mon, in 2 days, 3h, 2026-12-01, 12-01, 明天6:30, 下周一, 3天后",
        ),
        (
            ["--every", "fortnightish"],
            2,
            'Unknown repeat rule "fortnightish". Try: day, weekday, week, month, '
            "2d, 3w, 2m, every 2 days, 每天, 工作日, 每周, 每2天",
        ),
        (["--at", "明天"], 2, '--at needs a time of day, e.g. 6:30 or 早上6点半; not "明天"'),
        (
            ["--due", "周五", "--at", "明天6:30"],
            2,
            '--at "明天6:30" is on another day than 2026-12-04; give the day with --due',
        ),
        (
            ["--resident", "王秀英"],
            2,
            '"王秀英" matches 2 residents: #1 王秀英 5-1-101; #2 王秀英 6-1-101. '
            'Add the address, all in quotes (e.g. "王秀英 5-1-101"), or use the number alone (e.g. 1)',
        ),
        (
            ["--resident", "nobody"],
            3,
            'no resident matches "nobody" (try part of the name, pinyin initials such as lnn, or an address such as 8-2-301)',
        ),
        (["--building", "9"], 3, "there is no building 9; known: 5, 6"),
        (["--building", "east"], 2, '"east" is not a building (e.g. 5 or 5号楼)'),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(cli, nb, add_resident, args, code, message) -> None:
    add_resident("王秀英", "5-1-101")
    add_resident("王秀英", "6-1-101")
    before = snapshot(nb)
    fails(cli("task", "add", "量血压", *args), code, message)
    assert snapshot(nb) == before


def test_empty_text_is_refused(cli, nb) -> None:
    fails(cli("task", "add", "  "), 2, "a task needs some text")
    assert snapshot(nb) == []


# -- numbers and state changes -------------------------------------------------------
def test_unknown_or_malformed_numbers_change_nothing(cli, nb) -> None:
    ok(cli("task", "add", "a", "--due", "today"))
    before = snapshot(nb)
    fails(cli("task", "done", "1", "99"), 3, "there is no task 99")
    fails(cli("task", "done", "abc"), 2, '"abc" is not a task number (e.g. 12 or #12)')
    fails(cli("task", "show", "#7"), 3, "there is no task 7")
    fails(
        cli("task", "move", "1", "whenever"),
        2,
        'Cannot read the date "whenever". Try: today, '
        "tomorrow 6:30, fri, next mon, in 2 days, 3h, 2026-12-01, 12-01, 明天6:30, 下周一, 3天后",
    )
    assert snapshot(nb) == before
    assert get_task(nb, 1).status == "open"


def test_done_star_drop_reopen(cli, nb) -> None:
    ok(cli("task", "add", "a", "--due", "today"))
    ok(cli("task", "add", "b", "--due", "today"))
    assert ok(cli("task", "done", "1", "#2")) == "✓ Done 1: a\n✓ Done 2: b\n"
    assert (get_task(nb, 1).status, get_task(nb, 1).done_at) == ("done", "2026-11-29T09:00:00+08:00")
    assert nb.scalar("SELECT done_day FROM tasks WHERE id = 1") == "2026-11-29"
    fails(cli("task", "done", "1"), 4, "task 1 (a) is already done; reopen it with: gridnote task reopen 1")
    assert ok(cli("task", "reopen", "1")) == "✓ Reopened 1: a\n"
    assert (get_task(nb, 1).status, get_task(nb, 1).done_at) == ("open", None)
    fails(cli("task", "reopen", "1"), 4, "task 1 (a) is still open")
    assert ok(cli("task", "star", "1")) == "✓ Starred 1: a\n"
    fails(cli("task", "star", "1"), 4, "task 1 (a) is already starred")
    assert ok(cli("task", "unstar", "1")) == "✓ Unstarred 1: a\n"
    assert ok(cli("task", "drop", "1")) == "✓ Dropped 1: a (kept; undo with: gridnote task reopen 1)\n"
    fails(cli("task", "done", "1"), 4, "task 1 (a) was dropped; reopen it first: gridnote task reopen 1")
    task = get_task(nb, 1)
    assert (task.status, task.dropped_at) == ("dropped", "2026-11-29T09:00:00+08:00")
    actions = [r[0] for r in nb.rows("SELECT action FROM revisions WHERE row_id = 1 ORDER BY id")]
    assert actions == ["done", "reopen", "star", "unstar", "drop"]


def test_a_list_of_numbers_changes_all_or_none(cli, nb) -> None:
    ok(cli("task", "add", "a", "--due", "today"))
    ok(cli("task", "add", "b", "--due", "today"))
    ok(cli("task", "done", "2"))
    before = snapshot(nb)
    fails(cli("task", "done", "1", "2"), 4, "task 2 (b) is already done; reopen it with: gridnote task reopen 2")
    assert snapshot(nb) == before


def test_move_keeps_the_time_unless_a_new_one_is_given(cli, nb) -> None:
    ok(cli("task", "add", "量血压", "--due", "上周三 6:30"))
    ok(cli("task", "add", "整理台账", "--due", "上周三"))
    out = ok(cli("task", "move", "1", "2", "明天"))
    assert out == "✓ Moved 1 to tomorrow 06:30: 量血压\n✓ Moved 2 to tomorrow: 整理台账\n"
    ok(cli("task", "move", "1", "周五 9:00"))
    assert get_task(nb, 1).due_at == "2026-12-04T09:00:00+08:00"
    ok(cli("task", "done", "2"))
    fails(
        cli("task", "move", "2", "today"),
        4,
        "task 2 (整理台账) is already done; reopen it with: gridnote task reopen 2",
    )


def test_edit_changes_fields_and_keeps_the_old_row(cli, demo, nb) -> None:
    ok(cli("task", "add", "量血压", "--due", "明天 6:30"))
    out = ok(cli("task", "edit", "1", "--text", "量血压 复测", "--at", "7:00", "-r", "李奶奶", "--note", "带血压计"))
    assert out == "✓ Changed task 1: 量血压 复测 · tomorrow 07:00 · 李秀英（李奶奶） 8-2-301\n"
    task = get_task(nb, 1)
    assert (task.due_at, task.note, task.resident_id) == ("2026-11-30T07:00:00+08:00", "带血压计", 1)
    before = json.loads(nb.scalar("SELECT before FROM revisions WHERE table_name = 'tasks' AND row_id = 1"))
    assert (before["text"], before["due_at"], before["resident_id"]) == ("量血压", "2026-11-30T06:30:00+08:00", None)
    ok(cli("task", "edit", "1", "--no-resident", "--note", "", "--due", "12-01"))
    task = get_task(nb, 1)
    assert (task.resident_id, task.note, task.due_date, task.due_at) == (None, None, "2026-12-01", None)


def test_edit_refuses_nonsense(cli, nb) -> None:
    ok(cli("task", "add", "巡楼", "--every", "day"))
    before = snapshot(nb)
    fails(cli("task", "edit", "1"), 2, "nothing to change; see: gridnote task edit --help")
    fails(cli("task", "edit", "1", "--no-due"), 2, "a repeating task needs a due day; add --due (task 1)")
    fails(
        cli("task", "edit", "1", "--due", "today", "--no-due"),
        2,
        "a field cannot be set and cleared at once (e.g. --due with --no-due)",
    )
    assert snapshot(nb) == before


# -- repeating tasks -------------------------------------------------------------------
def test_finishing_a_repeating_task_keeps_its_number_and_a_record_of_the_time(cli, nb) -> None:
    ok(cli("task", "add", "量血压", "--due", "today 6:30", "--every", "2d", "--star"))
    assert ok(cli("task", "done", "1")) == "✓ Done 1: 量血压 · next time: Tue 1 Dec 06:30\n"
    same, record = get_task(nb, 1), get_task(nb, 2)
    assert (same.status, same.due_at, same.starred, same.every, same.series_id) == (
        "open",
        "2026-12-01T06:30:00+08:00",  # two days on, at its time
        True,
        "2d",
        None,
    )
    # the time that was done: a record of its own, on the day it was due, pointing at the task
    assert (record.text, record.status, record.due_at, record.done_at, record.series_id, record.every) == (
        "量血压",
        "done",
        "2026-11-29T06:30:00+08:00",
        "2026-11-29T09:00:00+08:00",
        1,
        "2d",
    )
    assert nb.scalar("SELECT count(*) FROM tasks WHERE done_day = '2026-11-29'") == 1  # counted as done once
    # the task's earlier row is kept, as for every change
    assert (
        nb.scalar("SELECT count(*) FROM revisions WHERE table_name = 'tasks' AND row_id = 1 AND action = 'done'") == 1
    )


def test_a_late_repeat_comes_back_on_its_rhythm_after_today(cli, nb) -> None:
    ok(cli("task", "add", "看望高阿姨", "--due", "2026-11-16", "--every", "week"))  # a Monday
    ok(cli("task", "done", "1"))  # done late, on Sunday the 29th
    assert get_task(nb, 1).due_date == "2026-11-30"  # the next Monday, not a past one
    assert get_task(nb, 2).due_date == "2026-11-16"  # the record keeps the day it was due
    ok(cli("task", "add", "walk building 5", "--every", "每天"))  # 3
    ok(cli("task", "done", "3"))
    assert get_task(nb, 3).due_date == "2026-11-30"


def test_a_monthly_series_keeps_to_the_end_of_the_month(cli, nb) -> None:
    ok(cli("task", "add", "月报", "--due", "2026-10-31", "--every", "month"))
    days = []
    for _ in range(4):  # the rhythm counts from the first due day, not from the task's moving one
        ok(cli("task", "done", "1"))
        days.append(get_task(nb, 1).due_date)
    assert days == ["2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28"]
    ok(cli("task", "done", "1"))
    assert get_task(nb, 1).due_date == "2027-03-31"  # February's 28th did not become the anchor


def test_reopening_takes_back_the_last_time(cli, nb) -> None:
    ok(cli("task", "add", "巡楼", "--every", "day"))
    ok(cli("task", "done", "1"))  # record 2, task 1 now tomorrow
    assert ok(cli("task", "reopen", "1")) == "✓ Reopened 1: 巡楼 · back to today: its last time taken back\n"
    assert (get_task(nb, 1).status, get_task(nb, 1).due_date) == ("open", "2026-11-29")
    assert nb.scalar("SELECT count(*) FROM tasks") == 1  # the record is gone from the list …
    assert nb.scalar("SELECT count(*) FROM revisions WHERE table_name = 'tasks' AND row_id = 2") == 1  # … kept
    # reopening the record's own number does the same; an earlier time than the last is refused
    ok(cli("task", "done", "1"))  # record 3
    ok(cli("task", "done", "1"))  # record 4
    before = snapshot(nb)
    fails(
        cli("task", "reopen", "3"),
        4,
        "task 3 is an earlier time of repeating task 1; only its last time can be taken back: gridnote task reopen 1",
    )
    assert snapshot(nb) == before
    assert "已撤回最近一次" in ok(cli("--lang", "zh", "task", "reopen", "4"))
    assert get_task(nb, 1).due_date == "2026-11-30"
    # nothing to take back: a one-off open task, or a series never done
    ok(cli("task", "reopen", "1"))
    fails(cli("task", "reopen", "1"), 4, "task 1 (巡楼) is still open")
    ok(cli("task", "drop", "1"))  # dropping stops the series
    assert nb.scalar("SELECT count(*) FROM tasks WHERE status = 'open'") == 0


def test_dropping_a_repeating_task_says_its_series_ends(cli, nb) -> None:
    ok(cli("task", "add", "巡楼", "--every", "day"))
    assert ok(cli("task", "drop", "1")) == (
        "✓ Dropped 1: 巡楼 · the repeating series ends: no next time\n"
        "  undo: gridnote task reopen 1 · miss one time only: gridnote task skip N\n"
    )
    ok(cli("task", "reopen", "1"))
    assert "整个系列到此结束" in ok(cli("--lang", "zh", "task", "drop", "1"))
    ok(cli("task", "add", "送药"))
    assert ok(cli("task", "drop", "2")) == "✓ Dropped 2: 送药 (kept; undo with: gridnote task reopen 2)\n"


def test_skipping_one_time_of_a_repeating_task_moves_the_series_on(cli, nb) -> None:
    ok(cli("task", "add", "量血压", "--due", "today 6:30", "--every", "2d", "--star"))
    assert ok(cli("task", "skip", "1")) == (
        "✓ Skipped 1: 量血压 (not done) · next time: Tue 1 Dec 06:30\n  undo: gridnote task reopen 1\n"
    )
    same, skipped = get_task(nb, 1), get_task(nb, 2)
    assert (skipped.status, skipped.skipped, skipped.done_at, skipped.dropped_at, skipped.series_id) == (
        "dropped",
        True,
        None,
        "2026-11-29T09:00:00+08:00",
        1,
    )
    assert (same.status, same.due_at, same.starred) == ("open", "2026-12-01T06:30:00+08:00", True)
    assert nb.scalar("SELECT count(*) FROM tasks WHERE done_day IS NOT NULL") == 0  # not counted as done
    ok(cli("task", "skip", "1"))
    assert get_task(nb, 1).due_date == "2026-12-03"  # on the series' rhythm
    # undo: reopening takes the skipped time back
    assert ok(cli("task", "reopen", "1")) == (
        "✓ Reopened 1: 量血压 · back to Tue 1 Dec 06:30: its last time taken back\n"
    )
    assert get_task(nb, 1).due_at == "2026-12-01T06:30:00+08:00"


def test_a_skipped_time_shows_as_skipped_not_dropped(cli, nb) -> None:
    ok(cli("task", "add", "d", "--every", "day", "--due", "今天9:00"))
    ok(cli("task", "add", "送药", "--due", "today"))
    ok(cli("task", "skip", "1"))  # record 3: the skipped time
    ok(cli("task", "drop", "2"))
    assert get_task(nb, 1).due_date == "2026-11-30"
    card = ok(cli("task", "show", "3"))
    assert "Status   skipped" in card and "Skipped  2026-11-29 09:00" in card and "Dropped" not in card
    assert "（已跳过）" in ok(cli("--lang", "zh", "task", "list", "--status", "all"))
    assert "(skipped)" in ok(cli("task", "list", "--status", "all"))
    before = snapshot(nb)
    fails(cli("task", "skip", "3"), 4, "task 3 (d) was skipped; reopen it first: gridnote task reopen 3")
    fails(cli("task", "done", "3"), 4, "task 3 (d) was skipped; reopen it first: gridnote task reopen 3")
    assert snapshot(nb) == before
    # JSON keeps the stored status (documented) and says which dropped ones were skipped
    shown = json.loads(ok(cli("task", "show", "3", "--json")))
    assert (shown["status"], shown["skipped"]) == ("dropped", True)

    def ids(status: str) -> list[int]:
        return [t["id"] for t in json.loads(ok(cli("task", "list", "--json", "--status", status)))]

    assert (ids("skipped"), ids("跳过"), ids("dropped")) == ([3], [3], [2])
    # taken back, then dropped for good: no longer skipped
    ok(cli("task", "reopen", "3"))
    ok(cli("task", "drop", "1"))
    assert "Status   dropped" in ok(cli("task", "show", "1"))
    assert json.loads(ok(cli("task", "show", "1", "--json")))["skipped"] is False


def test_overdue_with_another_status_is_refused(cli, nb) -> None:
    ok(cli("task", "add", "旧事", "--due", "上周一"))
    fails(
        cli("task", "list", "--overdue", "--status", "dropped"),
        2,
        "--overdue lists open tasks only; it cannot go with --status dropped",
    )
    assert [t["id"] for t in json.loads(ok(cli("task", "list", "--overdue", "--status", "all", "--json")))] == [1]


def test_only_an_open_repeating_task_can_be_skipped(cli, nb) -> None:
    ok(cli("task", "add", "送药", "--due", "today"))
    before = snapshot(nb)
    fails(
        cli("task", "skip", "1"),
        4,
        "task 1 (送药) does not repeat, so there is no next time to skip to; "
        "move it (gridnote task move 1 tomorrow) or drop it (gridnote task drop 1)",
    )
    assert snapshot(nb) == before
    ok(cli("task", "add", "巡楼", "--every", "day"))  # 2
    ok(cli("task", "done", "2"))  # the record of that time: 3
    fails(cli("task", "skip", "3"), 4, "task 3 (巡楼) is already done; reopen it with: gridnote task reopen 3")
    assert "gridnote task skip 12" in ok(cli("task", "skip", "--help"))
    assert "跳过重复任务的这一次" in ok(cli("--lang", "zh", "task", "skip", "--help"))


# -- lists and cards -------------------------------------------------------------------
def test_list_filters(cli, demo, nb) -> None:
    ok(cli("task", "add", "量血压 李奶奶", "--due", "tomorrow 6:30", "--star"))
    ok(cli("task", "add", "巡查5号楼", "--due", "today"))
    ok(cli("task", "add", "给高阿姨换灯泡", "--due", "12-05"))
    ok(cli("task", "add", "整理台账"))
    ok(cli("task", "add", "旧事", "--due", "上周一"))
    ok(cli("task", "done", "5"))

    def ids(*args: str) -> list[int]:
        return [t["id"] for t in json.loads(ok(cli("task", "list", "--json", *args)))]

    assert ids() == [2, 1, 3, 4]
    assert ids("--status", "all") == [2, 1, 3, 4, 5]
    assert ids("--status", "已完成") == [5]
    assert ids("--starred") == [1]
    assert ids("-r", "lnn") == [1]
    assert ids("-b", "5") == [2, 3]  # the building's own task and 高阿姨's (she lives in 5)
    assert ids("--from", "tomorrow", "--to", "12-05") == [1, 3]
    assert ids("--from", "tomorrow", "--to", "周五") == [1]
    assert ids("--undated") == [4]
    fails(
        cli("task", "list", "--status", "bogus"), 2, 'unknown status "bogus"; use open, done, dropped, skipped or all'
    )


@pytest.mark.parametrize(
    "args, lang, line",
    [
        (("--starred",), "en", 'No tasks match. Add one: gridnote task add "…" --due tomorrow'),
        (("--status", "done"), "en", "No done tasks match."),
        (("--status", "dropped", "--from", "12-01"), "en", "No dropped tasks match."),
        (("--status", "已完成"), "zh", "没有符合条件的已完成任务。"),
        (("--overdue",), "en", "Nothing overdue."),
        (("--overdue",), "zh", "没有逾期未办的任务。"),
        (("--overdue", "--starred"), "en", "No overdue task matches these filters."),
        (("--overdue", "--from", "11-01"), "zh", "没有符合这些条件的逾期任务。"),
        (("--overdue", "--status", "all"), "en", "Nothing overdue."),
    ],
)
def test_an_empty_list_says_what_fits_its_filter(cli, nb, args, lang, line) -> None:
    ok(cli("task", "add", "明天的事", "--due", "tomorrow"))
    assert ok(cli("--lang", lang, "task", "list", *args)) == line + "\n"


def test_list_table_at_80_columns(cli, demo) -> None:
    ok(cli("task", "add", "量血压 李奶奶", "--due", "tomorrow 6:30", "--star"))
    ok(cli("task", "add", "送降压药", "--due", "上周三"))
    ok(cli("task", "add", "walk building 5", "--every", "day"))
    lines = ok(cli("task", "list")).splitlines()
    assert [line.rstrip() for line in lines] == [
        " #   Due              Task                          For",
        " " + "─" * 75,
        " 2   Wed 18 Nov       送降压药",
        " 3   today            walk building 5 ↻ every day   building 5",
        " 1   tomorrow 06:30   ★ 量血压 李奶奶               李秀英（李奶奶） 8-2-301",
        "",
        "                                   3 tasks",
    ]


def test_list_in_chinese(cli, demo) -> None:
    ok(cli("task", "add", "巡查5号楼", "--every", "每天"))
    out = ok(cli("task", "list", env={"LANG": "zh_CN.UTF-8"}))
    assert "编号" in out and "今天" in out and "巡查5号楼 ↻ 每天" in out and "共 1 项" in out


def test_empty_list_says_how_to_add(cli) -> None:
    assert ok(cli("task", "list")) == 'No tasks match. Add one: gridnote task add "…" --due tomorrow\n'


def test_show_card_and_json(cli, demo, nb) -> None:
    ok(cli("task", "add", "量血压 李奶奶", "--due", "明早6点半", "--every", "2d", "--note", "带血压计"))
    out = ok(cli("task", "show", "1"))
    for line in (
        "1 量血压 李奶奶 ↻ every 2 days",
        "Status   open",
        "Due      tomorrow 06:30",
        "For      李秀英（李奶奶） 8-2-301",
        "Repeats  every 2 days",
        "Note     带血压计",
        "Written  2026-11-29 09:00",
    ):
        assert line in out, line
    data = json.loads(ok(cli("task", "show", "1", "--json")))
    assert data == {
        "id": 1,
        "text": "量血压 李奶奶",
        "status": "open",
        "starred": False,
        "due_date": "2026-11-30",
        "due_time": "06:30",
        "due_at": "2026-11-30T06:30:00+08:00",
        "resident_id": 1,
        "resident": "李秀英（李奶奶）",
        "address": "8-2-301",
        "building": None,
        "every": "2d",
        "series_id": None,
        "note": "带血压计",
        "source": None,
        "created_at": "2026-11-29T09:00:00+08:00",
        "done_at": None,
        "dropped_at": None,
        "skipped": False,
    }


def test_a_series_written_before_numbers_were_kept_still_reopens(cli, nb) -> None:
    """A notebook from before: each time was a new task (``source = "task:N"``), the done one closed."""
    ok(cli("task", "add", "月报", "--due", "2027-01-31", "--every", "month"))  # 1
    from gridnote.store import write

    with nb.transaction():
        nb.execute("UPDATE tasks SET status = 'done', done_at = '2026-11-29T08:00:00+08:00', done_day = '2026-11-29'")
        row = {"text": "月报", "due_date": "2027-02-28", "every": "month", "series_id": 1, "source": "task:1"}
        write.insert(nb, "tasks", {**row, "created_at": "2026-11-29T08:00:00+08:00", "updated_at": ""})  # 2
    assert ok(cli("task", "reopen", "1")) == "✓ Reopened 1: 月报 · its next occurrence, task 2, is dropped\n"
    assert (get_task(nb, 1).status, get_task(nb, 2).status) == ("open", "dropped")
    fails(cli("task", "reopen", "1"), 4, "task 1 (月报) is still open")
    # from now on the series keeps number 1, on the rhythm of its first day
    ok(cli("task", "done", "1"))
    assert (get_task(nb, 1).due_date, get_task(nb, 3).status) == ("2027-02-28", "done")
    assert [t["id"] for t in json.loads(ok(cli("task", "list", "--json")))] == [1]


def test_a_weekday_task_starts_on_a_weekday(cli) -> None:
    out = ok(cli("task", "add", "巡楼", "--every", "weekday"))  # today is Sunday 29 Nov
    assert "· tomorrow ·" in out  # Monday
    result = cli("task", "add", "巡楼", "--every", "weekday", "--due", "周六")
    assert result.exit_code == 2 and "is a weekend day" in result.stderr
