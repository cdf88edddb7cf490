"""Times and dates are never silently wrong: what is explicitly today stays today, ranges run forwards.

The rules, at a fixed afternoon and then as properties over many "now"s:

* a time that names its day (``今晚8点``, ``今天20:00``, ``today 20:00``, ``tonight 8pm``)
  means that day; still ahead, it is refused by a record of what happened ("还没到");
  only a bare time (``8点``, ``20:00``) may mean the last such time;
* a range is read within itself and refused, with both days, when it runs backwards;
* ``task move`` plans ahead; ``--due`` and ``--at`` do not contradict each other;
* ``下个月5号``, ``last night 8pm`` and their family are read in both languages.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridnote import clock
from gridnote.errors import InputError
from gridnote.input.dates import When, parse_due_when, parse_past_when, parse_range, parse_when

CST = timezone(timedelta(hours=8))
AFTERNOON = {"GRIDNOTE_NOW": "2026-11-29T14:00:00+08:00"}  # a Sunday, 14:00
SUN_2PM = datetime(2026, 11, 29, 14, 0, tzinfo=CST)


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


# -- a time that names today, still ahead, is not last night -------------------------------------
@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("今晚8点", "2026-11-29 20:00"),
        ("今天20:00", "2026-11-29 20:00"),
        ("今天下午5点", "2026-11-29 17:00"),
        ("today 20:00", "2026-11-29 20:00"),
        ("tonight 8pm", "2026-11-29 20:00"),
        ("tonight", "2026-11-29 20:00"),
    ],
)
def test_a_log_refuses_today_still_ahead(cli, demo, text, at) -> None:
    result = cli("log", "高阿姨", "跳闸", "-k", "应急", "--at", text, env=AFTERNOON)
    fails(result, 2, f'"{text}" ({at}) is in the future; a log records what already happened')
    assert stored(demo, "SELECT count(*) FROM visits") == [(0,)]


def test_the_refusal_in_chinese_says_not_yet(cli, demo) -> None:
    result = cli("--lang", "zh", "log", "高阿姨", "跳闸", "-k", "应急", "--at", "今晚8点", env=AFTERNOON)
    assert (result.exit_code, result.stderr) == (2, "错误：“今晚8点”（2026-11-29 20:00）还没到；记录的是已经发生的事\n")


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("8点", "2026-11-29T08:00:00+08:00"),  # a bare time already past: this morning
        ("20:00", "2026-11-28T20:00:00+08:00"),  # a bare time still ahead: the last one, last night
        ("昨晚8点", "2026-11-28T20:00:00+08:00"),
        ("last night 8pm", "2026-11-28T20:00:00+08:00"),
        ("8pm last night", "2026-11-28T20:00:00+08:00"),
        ("yesterday evening", "2026-11-28T20:00:00+08:00"),
        ("昨夜11点", "2026-11-28T23:00:00+08:00"),
        ("今天上午10点", "2026-11-29T10:00:00+08:00"),
    ],
)
def test_a_log_keeps_what_has_happened(cli, demo, text, at) -> None:
    result = cli("log", "高阿姨", "跳闸", "-k", "应急", "--at", text, "--json", env=AFTERNOON)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["at"] == at


def test_an_issue_received_tonight_is_refused_at_two_in_the_afternoon(cli, demo) -> None:
    result = cli("issue", "add", "跳闸", "-r", "高阿姨", "--at", "今天20:00", env=AFTERNOON)
    fails(result, 2, "2026-11-29 20:00 has not happened yet; --at is for something that already happened")
    assert stored(demo, "SELECT count(*) FROM issues") == [(0,)]
    result = cli("issue", "add", "跳闸", "-r", "高阿姨", "--at", "今天10:00", env=AFTERNOON)
    assert result.exit_code == 0, result.stderr
    assert stored(demo, "SELECT received_at FROM issues") == [("2026-11-29T10:00:00+08:00",)]


# -- ranges run forwards -------------------------------------------------------------------------
EARLY_DEC = {"GRIDNOTE_NOW": "2026-12-03T10:00:00+08:00"}


@pytest.mark.parametrize(
    "command",
    [("report",), ("visits",), ("issue", "list", "--all"), ("event", "list"), ("task", "list", "--status", "all")],
)
def test_a_backwards_range_is_refused_with_both_days_by_every_command(cli, demo, command) -> None:
    # 12-05 is still ahead on 12-03: read backwards alone it would be 2025-12-05, a year-long range
    result = cli(*command, "--from", "12-05", "--to", "12-01", env=EARLY_DEC)
    fails(result, 2, "--from 2026-12-05 is after --to 2026-12-01")


def test_a_backwards_range_in_chinese(cli, demo) -> None:
    result = cli("--lang", "zh", "report", "--from", "12-05", "--to", "12-01", env=EARLY_DEC)
    assert (result.exit_code, result.stderr) == (2, "错误：--from 2026-12-05 晚于 --to 2026-12-01\n")


@pytest.mark.parametrize(
    ("first", "last", "start", "end", "now"),
    [
        ("12-20", "01-10", date(2026, 12, 20), date(2027, 1, 10), datetime(2027, 1, 15, 9, tzinfo=CST)),
        ("12-20", "01-10", date(2026, 12, 20), date(2027, 1, 10), datetime(2027, 3, 15, 9, tzinfo=CST)),
        ("周五", "周一", date(2026, 11, 20), date(2026, 11, 23), SUN_2PM),  # the Friday before that Monday
        ("fri", "mon", date(2026, 11, 20), date(2026, 11, 23), SUN_2PM),
        ("25号", "5号", date(2026, 10, 25), date(2026, 11, 5), SUN_2PM),
        ("11-01", "11-30", date(2026, 11, 1), date(2026, 11, 30), SUN_2PM),  # --to tomorrow: this month
        ("3天前", "昨天", date(2026, 11, 26), date(2026, 11, 28), SUN_2PM),  # counted from today, not from --to
        ("上个月5号", "今天", date(2026, 10, 5), date(2026, 11, 29), SUN_2PM),
    ],
)
def test_ranges_read_within_themselves(first, last, start, end, now) -> None:
    clock.set_now(now)
    assert parse_range(first, last) == (start, end)


def test_a_report_range_across_the_new_year(cli, demo) -> None:
    result = cli("report", "--from", "12-20", "--to", "01-10", "-f", "json", env={"GRIDNOTE_NOW": "2027-01-15T09:00"})
    assert result.exit_code == 0, result.stderr
    span = json.loads(result.stdout)["range"]
    assert (span["from"], span["to"]) == ("2026-12-20", "2027-01-10")


# -- task move and --due/--at say what they do, or refuse ---------------------------------------
def test_task_move_into_the_past_is_refused_and_nothing_moves(cli, demo) -> None:
    assert cli("task", "add", "送药", "--due", "明天6:30", env=AFTERNOON).exit_code == 0
    message = (
        "task 1 would be due {}, which has passed: move it to a day or time still ahead "
        "(done already? gridnote task done 1)"
    )
    fails(cli("task", "move", "1", "昨天", env=AFTERNOON), 2, message.format("2026-11-28 06:30"))
    fails(cli("task", "move", "1", "今天", env=AFTERNOON), 2, message.format("2026-11-29 06:30"))
    assert stored(demo, "SELECT due_date, due_at FROM tasks") == [("2026-11-30", "2026-11-30T06:30:00+08:00")]
    result = cli("task", "move", "1", "今天 15:00", env=AFTERNOON)
    assert (result.exit_code, result.stdout) == (0, "✓ Moved 1 to today 15:00: 送药\n")


def test_task_move_in_chinese(cli, demo) -> None:
    assert cli("task", "add", "送药", "--due", "明天", env=AFTERNOON).exit_code == 0
    result = cli("--lang", "zh", "task", "move", "1", "昨天", env=AFTERNOON)
    assert (result.exit_code, result.stderr) == (
        2,
        "错误：任务 1 会移到 2026-11-28，这个时间已经过去了：请移到还没到的日期或时刻（已经做完了？gridnote task done 1）\n",
    )


def test_due_with_a_time_and_another_at_is_a_contradiction(cli, demo) -> None:
    result = cli("task", "add", "量血压", "--due", "明天6:30", "--at", "7:00", env=AFTERNOON)
    fails(result, 2, '--due "明天6:30" already gives the time 06:30, and --at "7:00" says 07:00: give the time once')
    assert stored(demo, "SELECT count(*) FROM tasks") == [(0,)]
    same = cli("task", "add", "量血压", "--due", "明天6:30", "--at", "6:30", env=AFTERNOON)
    assert (same.exit_code, same.stdout) == (0, "✓ Added task 1: 量血压 · tomorrow 06:30\n")


# -- the grammar: the month counted from this one, and the night before -------------------------
@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("下个月5号", When(date(2026, 12, 5), None)),
        ("下月5日", When(date(2026, 12, 5), None)),
        ("下个月5号下午3点", When(date(2026, 12, 5), time(15))),
        ("上个月20号", When(date(2026, 10, 20), None)),
        ("本月底", When(date(2026, 11, 30), None)),
        ("下个月底", When(date(2026, 12, 31), None)),
        ("下个月初", When(date(2026, 12, 1), None)),
        ("下下个月1号", When(date(2027, 1, 1), None)),
        ("下个月", When(date(2026, 12, 1), None)),
        ("next month", When(date(2026, 12, 1), None)),
        ("next month on the 5th", When(date(2026, 12, 5), None)),
        ("the 5th of next month", When(date(2026, 12, 5), None)),
        ("5th next month 9am", When(date(2026, 12, 5), time(9))),
        ("end of next month", When(date(2026, 12, 31), None)),
        ("last month 20th", When(date(2026, 10, 20), None)),
        ("the 5th", When(date(2026, 12, 5), None)),  # the next 5th, as 5号 is
        ("last night 8pm", When(date(2026, 11, 28), time(20))),
        ("last night", When(date(2026, 11, 28), time(20))),
        ("8pm last night", When(date(2026, 11, 28), time(20))),
        ("yesterday morning 7:30", When(date(2026, 11, 28), time(7, 30))),
        ("tomorrow morning", When(date(2026, 11, 30), time(7))),
        ("tomorrow night 9pm", When(date(2026, 11, 30), time(21))),
        ("day before yesterday", When(date(2026, 11, 27), None)),
        ("昨夜11点", When(date(2026, 11, 28), time(23))),
        ("今夜9点", When(date(2026, 11, 29), time(21))),
        ("昨早7点", When(date(2026, 11, 28), time(7))),
    ],
)
def test_new_forms(text, when) -> None:
    assert parse_when(text, now=SUN_2PM) == when


@pytest.mark.parametrize(("text", "shown"), [("下个月31号", "下个月31号"), ("2月30日", "2月30日")])
def test_days_that_do_not_exist_are_refused(text, shown) -> None:
    clock.set_now(datetime(2027, 1, 10, 9, tzinfo=CST))  # next month is February
    with pytest.raises(InputError) as caught:
        parse_when(text)
    assert caught.value.key == "dates.invalid"


def test_a_month_counted_from_this_one_is_that_month_in_a_history() -> None:
    # not "the last 5th of a next month", a year back
    assert parse_past_when("下个月5号", now=SUN_2PM) == When(date(2026, 12, 5), None)
    assert parse_past_when("上个月5号", now=SUN_2PM) == When(date(2026, 10, 5), None)
    assert parse_past_when("下周五", now=SUN_2PM) == When(date(2026, 12, 4), None)


# -- properties over many "now"s -------------------------------------------------------------
NOWS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(
    lambda naive: naive.replace(second=0, microsecond=0, tzinfo=CST)
)
CLOCK = st.tuples(st.integers(0, 23), st.integers(0, 59))
TODAY_WORDS = st.sampled_from(["今天{h}:{m:02d}", "today {h}:{m:02d}", "今天{h}点{m}分"])


@settings(max_examples=300, deadline=None)
@given(now=NOWS, at=CLOCK, form=TODAY_WORDS)
def test_a_time_that_names_today_is_today_ahead_or_not(now, at, form) -> None:
    text = form.format(h=at[0], m=at[1])
    expected = When(now.date(), time(*at))
    assert parse_past_when(text, now=now) == expected
    assert parse_due_when(text, now=now) == expected


@settings(max_examples=300, deadline=None)
@given(now=NOWS, at=CLOCK)
def test_a_bare_time_is_the_last_such_time_in_a_history_and_the_next_when_due(now, at) -> None:
    text = f"{at[0]}:{at[1]:02d}"
    past = parse_past_when(text, now=now).to_datetime()
    due = parse_due_when(text, now=now).to_datetime()
    assert past.time() == due.time() == time(*at)
    assert now - timedelta(days=1) < past <= now
    assert now <= due < now + timedelta(days=1)


@settings(max_examples=300, deadline=None)
@given(now=NOWS, weekday=st.integers(0, 6), chinese=st.booleans())
def test_a_weekday_in_a_history_is_the_last_one(now, weekday, chinese) -> None:
    text = "周" + "一二三四五六日"[weekday] if chinese else ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][weekday]
    day = parse_past_when(text, now=now).day
    assert day.weekday() == weekday
    assert 0 <= (now.date() - day).days <= 6


@settings(max_examples=300, deadline=None)
@given(now=NOWS, day=st.integers(1, 28), shift=st.sampled_from([("下个月", 1), ("上个月", -1), ("本月", 0)]))
def test_a_month_counted_from_this_one(now, day, shift) -> None:
    word, months = shift
    index = now.year * 12 + now.month - 1 + months
    expected = date(index // 12, index % 12 + 1, day)
    assert parse_when(f"{word}{day}号", now=now) == When(expected, None)
    assert parse_past_when(f"{word}{day}号", now=now) == When(expected, None)


@settings(max_examples=300, deadline=None)
@given(
    now=NOWS,
    first=st.tuples(st.integers(1, 12), st.integers(1, 28)),
    last=st.tuples(st.integers(1, 12), st.integers(1, 28)),
)
def test_a_range_of_month_days_is_forwards_and_short_or_refused(now, first, last) -> None:
    clock.set_now(now)
    try:
        start, end = parse_range(f"{first[0]}-{first[1]}", f"{last[0]}-{last[1]}")
    except InputError as exc:
        assert exc.key == "dates.range_backwards"
        start, end = date.fromisoformat(exc.values["start"]), date.fromisoformat(exc.values["end"])
        assert start > end
        assert (start.month, start.day) == first and (end.month, end.day) == last
        return
    assert start is not None and end is not None
    assert (start.month, start.day) == first and (end.month, end.day) == last
    assert start <= end
    # the start is never pushed a year back to fit: the same year, or at most two months before
    assert start.year == end.year or (end - start).days <= 61
