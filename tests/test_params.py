"""Shared command parameters: one record-number reader, one period reader, one "resident or building?"."""

from __future__ import annotations

import json
from datetime import date

import pytest

from gridnote.errors import InputError
from gridnote.input.periods import Period, combine, read_period


def fails(result, code: int, message: str) -> None:
    assert (result.exit_code, result.stderr, result.stdout) == (code, f"Error: {message}\n", "")


# -- record numbers ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("task", "done", "x1"), "a task"),
        (("task", "show", "x1"), "a task"),
        (("issue", "show", "x1"), "an issue"),
        (("issue", "verify", "x1"), "an issue"),
        (("log", "edit", "x1", "--note", "n"), "a visit"),
        (("log", "undo", "x1"), "a visit"),
    ],
)
def test_one_error_for_a_number_that_is_not_one(cli, demo, args, what) -> None:
    fails(cli(*args), 2, f'"x1" is not {what} number (e.g. 12 or #12)')


def test_the_number_error_in_chinese(cli, demo) -> None:
    result = cli("--lang", "zh", "log", "undo", "x1")
    assert (result.exit_code, result.stderr) == (2, "错误：“x1”不是记录编号（例如 12 或 #12）\n")


@pytest.mark.parametrize("typed", ["1", "#1", "＃１", "１"])
def test_every_number_form_reads_alike(cli, demo, typed) -> None:
    assert cli("log", "李奶奶", "血压正常").exit_code == 0
    assert cli("task", "add", "回访").exit_code == 0
    assert cli("issue", "add", "下水道堵了", "-r", "张大爷").exit_code == 0
    assert cli("task", "show", typed).stdout.splitlines()[0].startswith("╭─ 1 回访")
    assert cli("issue", "show", typed).stdout.splitlines()[0] == "#1 下水道堵了"
    result = cli("log", "undo", typed)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("✓ Undid home visit #1:")


# -- the period reader -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"week": True, "month": True}, "dates.week_and_month"),
        ({"week": True, "first": "11-01"}, "dates.period_and_range"),
        ({"month": True, "last": "11-01"}, "dates.period_and_range"),
        ({"day": "11-20", "first": "11-01"}, "dates.date_and_range"),
        ({"day": "11-20", "last": "11-21"}, "dates.date_and_range"),
        ({"first": "11-28", "last": "11-20"}, "dates.range_backwards"),
    ],
)
def test_the_period_refusals(options, key) -> None:
    with pytest.raises(InputError) as caught:
        read_period(**options)
    assert caught.value.key == key


def test_periods_read() -> None:  # the clock of conftest: Sunday 2026-11-29
    assert read_period() == Period(None, None, "none")
    assert read_period("周五") == Period(date(2026, 11, 27), date(2026, 11, 27), "day")
    assert read_period(week=True) == Period(date(2026, 11, 23), date(2026, 11, 29), "week")
    assert read_period("11-18", week=True) == Period(date(2026, 11, 16), date(2026, 11, 22), "week")
    assert read_period(month=True) == Period(date(2026, 11, 1), date(2026, 11, 30), "month")
    assert read_period("2026-02-10", month=True) == Period(date(2026, 2, 1), date(2026, 2, 28), "month")
    assert read_period(first="11-20") == Period(date(2026, 11, 20), None, "range")
    assert read_period(first="11-20", default_last=date(2026, 11, 29)).end == date(2026, 11, 29)
    assert read_period(last="11-20") == Period(None, date(2026, 11, 20), "range")
    assert read_period(first="周一", last="周五", past=False) == Period(date(2026, 11, 30), date(2026, 12, 4), "range")
    assert combine(start=date(2026, 11, 2), end=date(2026, 11, 2)) == Period(
        date(2026, 11, 2), date(2026, 11, 2), "range"
    )


@pytest.mark.parametrize("command", [("visits",), ("issue", "list", "--all"), ("event", "list"), ("report",)])
def test_every_history_refuses_the_same_mixtures(cli, demo, command) -> None:
    fails(cli(*command, "--date", "11-28", "--from", "11-20"), 2, "give either --date or --from/--to, not both")
    fails(cli(*command, "--week", "--month"), 2, "choose one of --week and --month")
    fails(cli(*command, "--week", "--from", "11-20"), 2, "--week/--month take --date (a day inside), not --from/--to")


def test_visits_of_the_week(cli, demo) -> None:
    assert cli("log", "李奶奶", "周一的走访", "--at", "周一 10:00").exit_code == 0
    assert cli("log", "张大爷", "上周的电话", "-k", "电话", "--at", "上周五 10:00").exit_code == 0
    week = cli("visits", "--week", "--json")
    assert [v["note"] for v in json.loads(week.stdout)] == ["周一的走访"]
    last_week = cli("visits", "--week", "--date", "11-20", "--json")
    assert [v["note"] for v in json.loads(last_week.stdout)] == ["上周的电话"]


# -- resident or building? -------------------------------------------------------------------------
def test_the_log_decides_who_in_the_service(demo) -> None:
    from gridnote.services.visit_targets import decide_who
    from gridnote.store.notebook import open_notebook

    nb = open_notebook(demo)
    try:
        walk = decide_who(nb, "巡查", ["5", "6", "5"], ["楼道灯坏了"])
        assert [t.label for t in walk.targets] == ["building 5", "building 6"]
        assert walk.words == ["巡查", "楼道灯坏了"]
        with pytest.raises(InputError) as caught:
            decide_who(nb, "李奶奶", ["5"], [])
        assert caught.value.key == "visit.who_and_building"
        [her] = decide_who(nb, "李奶奶").targets
        assert (her.label, her.is_building) == ("李秀英（李奶奶）", False)
        [building] = decide_who(nb, "5号楼").targets
        assert building.is_building
        with pytest.raises(InputError) as caught:
            decide_who(nb, None)
        assert caught.value.key == "visit.who_missing"
    finally:
        nb.close()
