"""Dates outside 1900–2100 are refused by the one date reader, so nothing downstream overflows."""

from __future__ import annotations

import sqlite3

import pytest

from tests.helpers.visit_rows import log_counts as counts


@pytest.mark.parametrize(
    "args, shown",
    [
        (["task", "add", "x", "--due", "0001-01-01 00:00"], "0001-01-01 00:00"),
        (["task", "add", "x", "--due", "0001-01-01T00:00+08:00"], "0001-01-01T00:00+08:00"),
        (["task", "add", "y", "--due", "9999-12-31", "--every", "day"], "9999-12-31"),
        (["task", "add", "y", "--due", "in 200 years"], "in 200 years"),
        (["visits", "--date", "0001-01-01"], "0001-01-01"),
        (["report", "--date", "0001-01-01"], "0001-01-01"),
        (["log", "lnn", "x", "--at", "0001-01-01"], "0001-01-01"),
        (["log", "edit", "1", "--at", "0001-01-01"], "0001-01-01"),
        (["visits", "--date", "1899-12-31"], "1899-12-31"),
    ],
)
def test_far_years_are_one_line_exit_2_nothing_written(cli, demo, args, shown) -> None:
    cli("log", "李奶奶", "x")
    before = counts(demo)
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f'Error: "{shown}" is not between the years 1900 and 2100: check the year\n'
    assert counts(demo) == before


def test_far_years_in_chinese(cli, demo) -> None:
    result = cli("--lang", "zh", "visits", "--date", "2101-01-01")
    assert (result.exit_code, result.stderr) == (2, "错误：“2101-01-01”不在1900年到2100年之间，请检查年份\n")


def test_the_bounds_themselves_are_accepted(cli, demo) -> None:
    assert cli("visits", "--date", "1900-01-01").exit_code == 0
    assert cli("today", "--date", "2100-12-31").exit_code == 0
    assert cli("log", "李奶奶", "old note", "--at", "1950-06-01").exit_code == 0


def test_birth_dates_keep_their_own_reader(cli, demo) -> None:
    result = cli("resident", "add", "王老太", "--address", "8-2-302", "--born", "1930-05-01")
    assert result.exit_code == 0, result.stderr


def test_a_daily_series_at_the_last_year_ends_there(cli, demo) -> None:
    assert cli("task", "add", "y", "--due", "2100-12-31", "--every", "day").exit_code == 0
    result = cli("task", "done", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "✓ Done 1: y · it does not repeat any more: its next date would be after 2100\n"
    conn = sqlite3.connect(demo)
    assert conn.execute("SELECT count(*) FROM tasks WHERE status = 'open'").fetchone()[0] == 0


def test_a_series_stored_before_dates_were_bounded_ends_cleanly(cli, demo) -> None:
    assert cli("task", "add", "y", "--due", "2030-01-01", "--every", "day").exit_code == 0
    conn = sqlite3.connect(demo)
    conn.execute("UPDATE tasks SET due_date = '9999-12-31'")
    conn.commit()
    result = cli("task", "done", "1")
    assert result.exit_code == 0, result.stderr
    assert "does not repeat any more" in result.stdout


def test_skipping_the_last_time_of_a_series_says_it_ended(cli, demo) -> None:
    assert cli("task", "add", "y", "--due", "2100-12-31", "--every", "day").exit_code == 0
    result = cli("task", "skip", "1")
    assert result.exit_code == 0, result.stderr
    assert " ".join(result.stdout.split()) == (
        "✓ Skipped 1: y (not done) · it does not repeat any more:"
        " its next date would be after 2100 undo: gridnote task reopen 1"
    )
    conn = sqlite3.connect(demo)
    assert conn.execute("SELECT status FROM tasks WHERE id = 1").fetchone()[0] == "dropped"
    assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 1
