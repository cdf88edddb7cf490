"""Times and dates are never silently wrong, continued: the gaps left after test_dates_as_meant.

* ``--from`` alone in a history is read against today, never a year back (``report --from 12-05``
  typed on 11-29 was a report from 2025-12-05);
* ``task edit --due/--at`` moves a task as ``task move`` does: not into the past;
* a day still ahead with no time is refused as "not yet" by what records the past, shown as the day;
* the refusal of a time still ahead has its boundary where the log says (ten minutes of a fast clock).
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridnote import clock
from gridnote.errors import InputError
from gridnote.input.dates import parse_range

CST = timezone(timedelta(hours=8))
AFTERNOON = {"GRIDNOTE_NOW": "2026-11-29T14:00:00+08:00"}  # a Sunday, 14:00


@pytest.fixture(autouse=True)
def _shanghai():
    clock.set_timezone("Asia/Shanghai")
    yield
    clock.reset()


def fails(result, code: int, message: str) -> None:
    assert (result.exit_code, result.stderr, result.stdout) == (code, f"Error: {message}\n", "")


def stored(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


# -- --from alone ----------------------------------------------------------------------------------
def test_a_report_from_a_day_still_ahead_is_refused_not_a_year_long(cli, demo) -> None:
    # 12-05 typed on 11-29 alone was read as 2025-12-05: a report of a whole year, without a word
    result = cli("report", "--from", "12-05", env=AFTERNOON)
    fails(result, 2, "--from 2026-12-05 is after --to 2026-11-29")


def test_an_open_range_of_issues_starts_at_the_coming_day(cli, demo) -> None:
    assert cli("issue", "add", "5号楼下水道堵了", "--at", "今天10:00", env=AFTERNOON).exit_code == 0
    # received today: inside a range from 11-20, outside one that starts at the coming 12-05
    assert cli("issue", "list", "--from", "11-20", "--json", env=AFTERNOON).stdout.count('"id"') == 1
    assert cli("issue", "list", "--from", "12-05", "--json", env=AFTERNOON).stdout.strip() == "[]"


@settings(max_examples=300, deadline=None)
@given(
    now=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    typed=st.tuples(st.integers(1, 12), st.integers(1, 28)),
)
def test_from_alone_is_never_more_than_two_months_back(now, typed) -> None:
    clock.set_now(now.replace(tzinfo=CST))
    today = now.date()
    start, end = parse_range(f"{typed[0]}-{typed[1]}", None)
    assert end is None
    assert start is not None and (start.month, start.day) == typed
    assert start >= today - timedelta(days=61)  # the latest such day up to two months back, else the next
    assert start <= today or start == date(today.year + (typed < (today.month, today.day)), *typed)


# -- task edit is a move too ---------------------------------------------------------------------
MOVE_PAST = (
    "task 1 would be due {}, which has passed: move it to a day or time still ahead "
    "(done already? gridnote task done 1)"
)


def test_task_edit_into_the_past_is_refused_and_nothing_changes(cli, demo) -> None:
    assert cli("task", "add", "送药", "--due", "今天16:00", env=AFTERNOON).exit_code == 0
    fails(cli("task", "edit", "1", "--due", "昨天", env=AFTERNOON), 2, MOVE_PAST.format("2026-11-28"))
    fails(cli("task", "edit", "1", "--at", "10:00", env=AFTERNOON), 2, MOVE_PAST.format("2026-11-29 10:00"))
    assert stored(demo, "SELECT due_date, due_at FROM tasks") == [("2026-11-29", "2026-11-29T16:00:00+08:00")]
    result = cli("task", "edit", "1", "--at", "15:00", env=AFTERNOON)
    assert (result.exit_code, result.stdout) == (0, "✓ Changed task 1: 送药 · today 15:00\n")


def test_a_done_task_keeps_its_day_correctable(cli, demo) -> None:
    assert cli("task", "add", "送药", "--due", "今天16:00", env=AFTERNOON).exit_code == 0
    assert cli("task", "done", "1", env=AFTERNOON).exit_code == 0
    result = cli("task", "edit", "1", "--due", "昨天", env=AFTERNOON)
    assert result.exit_code == 0, result.stderr
    assert stored(demo, "SELECT due_date FROM tasks") == [("2026-11-28",)]


# -- a day still ahead, without a time ------------------------------------------------------------
def test_an_issue_at_tomorrow_is_not_yet_rather_than_timeless(cli, demo) -> None:
    result = cli("issue", "add", "跳闸", "-r", "高阿姨", "--at", "明天", env=AFTERNOON)
    fails(result, 2, "2026-11-30 has not happened yet; --at is for something that already happened")
    result = cli("issue", "add", "跳闸", "-r", "高阿姨", "--at", "昨天", env=AFTERNOON)
    fails(result, 2, '"昨天" has no time of day; say when, e.g. "yesterday 18:00" or 10:20')


def test_a_log_at_tomorrow_shows_the_day_it_read(cli, demo) -> None:
    result = cli("log", "高阿姨", "跳闸", "--at", "明天", env=AFTERNOON)
    fails(result, 2, '"明天" (2026-11-30) is in the future; a log records what already happened')


# -- the boundary of "still ahead" ----------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(
    now=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    at=st.tuples(st.integers(0, 23), st.integers(0, 59)),
    form=st.sampled_from(["今天{h}:{m:02d}", "today {h}:{m:02d}", "今天{h}点{m}分"]),
)
def test_a_log_today_is_refused_exactly_when_it_is_more_than_ten_minutes_ahead(now, at, form) -> None:
    from gridnote.services.visit_input import visit_moment

    now = now.replace(second=0, microsecond=0, tzinfo=CST)
    clock.set_now(now)
    moment = datetime.combine(now.date(), time(*at), tzinfo=CST)
    text = form.format(h=at[0], m=at[1])
    if moment > now + timedelta(minutes=10):
        with pytest.raises(InputError) as caught:
            visit_moment(text)
        assert caught.value.key == "visit.in_future"
    else:
        assert visit_moment(text) == moment  # today, never moved to yesterday
