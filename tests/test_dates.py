"""gridnote.input.dates: every accepted form, at a fixed "now", in English and Chinese."""

from __future__ import annotations

import os
import string
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from gridnote import clock
from gridnote.errors import InputError
from gridnote.input.dates import When, format_examples, parse_day, parse_when
from gridnote.input.time_of_day import parse_count
from gridnote.messages import i18n
from gridnote.messages.dates import MESSAGES

CST = timezone(timedelta(hours=8))
# Sunday evening, when she writes tomorrow's work list …
SUN = datetime(2026, 11, 29, 21, 0, tzinfo=CST)
# … and a Wednesday morning, at the start of the patrol.
WED = datetime(2026, 12, 2, 8, 0, tzinfo=CST)
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _shanghai():
    clock.set_timezone("Asia/Shanghai")
    yield
    clock.reset()
    i18n.reset()


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def t(hour: int, minute: int = 0) -> time:
    return time(hour, minute)


ENGLISH_SUNDAY = [
    ("2026-12-01", d(12, 1), None),
    ("2026-12-01 06:30", d(12, 1), t(6, 30)),
    ("2026-12-01T06:30", d(12, 1), t(6, 30)),
    ("2026-12-01T06:30+08:00", d(12, 1), t(6, 30)),
    ("2026-12-01T06:30+00:00", d(12, 1), t(14, 30)),  # converted to local
    ("2026-11-30T20:00Z", d(12, 1), t(4, 0)),
    ("2026/12/1", d(12, 1), None),
    ("2026-12-1 6:30", d(12, 1), t(6, 30)),
    ("12-01", d(12, 1), None),
    ("12/01", d(12, 1), None),
    ("11-29", d(11, 29), None),  # today is still upcoming
    ("11-28", d(11, 28), None),  # yesterday: a recent month-day is that day, not next year
    ("9-20", d(9, 20, 2027), None),  # more than two months back: next year
    ("today", d(11, 29), None),
    ("Today", d(11, 29), None),
    ("tomorrow", d(11, 30), None),
    ("tmr", d(11, 30), None),
    ("yesterday", d(11, 28), None),
    ("day after tomorrow", d(12, 1), None),
    ("tonight", d(11, 29), t(20)),
    ("mon", d(11, 30), None),
    ("monday", d(11, 30), None),
    ("fri", d(12, 4), None),
    ("Friday", d(12, 4), None),
    ("sun", d(11, 29), None),  # today included
    ("next mon", d(11, 30), None),  # Monday of next week
    ("next fri", d(12, 4), None),
    ("last mon", d(11, 16), None),
    ("this fri", d(11, 27), None),  # this week's, even if past
    ("in 2 days", d(12, 1), None),
    ("in a week", d(12, 6), None),
    ("in 3 hours", d(11, 30), t(0)),  # crosses midnight
    ("2 days ago", d(11, 27), None),
    ("2 hours ago", d(11, 29), t(19)),
    ("2d", d(12, 1), None),
    ("3h", d(11, 30), t(0)),
    ("30m", d(11, 29), t(21, 30)),
    ("1w", d(12, 6), None),
    ("+3d", d(12, 2), None),
    ("in 2 months", d(1, 29, 2027), None),
    ("2mo", d(1, 29, 2027), None),
    ("eow", d(11, 29), None),  # Sunday ends the week: today
    ("eom", d(11, 30), None),
    ("end of month", d(11, 30), None),
    ("next week", d(11, 30), None),
    ("weekend", d(12, 5), None),
    ("6:30", d(11, 29), t(6, 30)),  # bare time: today, even if past
    ("tomorrow 6:30", d(11, 30), t(6, 30)),
    ("tomorrow at 6pm", d(11, 30), t(18)),
    ("6pm tomorrow", d(11, 30), t(18)),
    ("6:30pm", d(11, 29), t(18, 30)),
    ("6:30 PM", d(11, 29), t(18, 30)),
    ("6pm", d(11, 29), t(18)),
    ("12am", d(11, 29), t(0)),
    ("12pm", d(11, 29), t(12)),
    ("18:00", d(11, 29), t(18)),
    ("fri 14:00", d(12, 4), t(14)),
    ("noon", d(11, 29), t(12)),
    ("tomorrow noon", d(11, 30), t(12)),
    ("tomorrow morning", d(11, 30), t(7)),
    ("tonight 9:30", d(11, 29), t(21, 30)),
    ("now", d(11, 29), t(21)),
    ("Dec 3", d(12, 3), None),
    ("3 Dec 2026 14:00", d(12, 3), t(14)),
    ("december 3rd at 2pm", d(12, 3), t(14)),
    ("Nov 1", d(11, 1), None),  # dateutil forms follow the same rule (28 days back)
    ("feb 29", d(2, 29, 2028), None),
    ("  tomorrow  ", d(11, 30), None),
    ("ＴＯＭＯＲＲＯＷ ６：３０", d(11, 30), t(6, 30)),
]

CHINESE_SUNDAY = [
    ("今天", d(11, 29), None),
    ("明天", d(11, 30), None),
    ("后天", d(12, 1), None),
    ("大后天", d(12, 2), None),
    ("昨天", d(11, 28), None),
    ("前天", d(11, 27), None),
    ("明早", d(11, 30), t(7)),
    ("今早", d(11, 29), t(7)),
    ("今晚", d(11, 29), t(20)),
    ("明晚", d(11, 30), t(20)),
    ("周三", d(12, 2), None),
    ("星期三", d(12, 2), None),
    ("礼拜三", d(12, 2), None),
    ("周日", d(11, 29), None),
    ("星期天", d(11, 29), None),
    ("周5", d(12, 4), None),
    ("这周五", d(11, 27), None),
    ("本周五", d(11, 27), None),
    ("下周一", d(11, 30), None),
    ("下星期一", d(11, 30), None),
    ("下下周一", d(12, 7), None),
    ("上周三", d(11, 18), None),
    ("3天后", d(12, 2), None),
    ("三天后", d(12, 2), None),
    ("2小时后", d(11, 29), t(23)),
    ("两小时后", d(11, 29), t(23)),
    ("半小时后", d(11, 29), t(21, 30)),
    ("一个半小时后", d(11, 29), t(22, 30)),
    ("3天前", d(11, 26), None),
    ("一周后", d(12, 6), None),
    ("3个月后", d(2, 28, 2027), None),  # clamped to the month's end
    ("明天6:30", d(11, 30), t(6, 30)),
    ("明天 6:30", d(11, 30), t(6, 30)),
    ("明天早上6点半", d(11, 30), t(6, 30)),
    ("明早6点半", d(11, 30), t(6, 30)),
    ("明晚8点", d(11, 30), t(20)),
    ("明天下午", d(11, 30), t(15)),
    ("三天后下午3点", d(12, 2), t(15)),
    ("早上6点", d(11, 29), t(6)),
    ("晚上8点", d(11, 29), t(20)),
    ("下午3点", d(11, 29), t(15)),
    ("下午3点半", d(11, 29), t(15, 30)),
    ("中午12点", d(11, 29), t(12)),
    ("中午1点", d(11, 29), t(13)),
    ("上午10点", d(11, 29), t(10)),
    ("凌晨2点", d(11, 29), t(2)),
    ("今晚12点", d(11, 30), t(0)),  # the midnight that ends this evening
    ("8点15分", d(11, 29), t(8, 15)),
    ("8点15", d(11, 29), t(8, 15)),
    ("8时30分", d(11, 29), t(8, 30)),
    ("8点一刻", d(11, 29), t(8, 15)),
    ("8点三刻", d(11, 29), t(8, 45)),
    ("八点零五", d(11, 29), t(8, 5)),
    ("十点半", d(11, 29), t(10, 30)),
    ("二十三点五十九", d(11, 29), t(23, 59)),
    ("两点", d(11, 29), t(2)),  # no part of the day: 24-hour clock
    ("12月1日", d(12, 1), None),
    ("12月1号", d(12, 1), None),
    ("十二月一日", d(12, 1), None),
    ("11月28日", d(11, 28), None),
    ("2026年12月1日", d(12, 1), None),
    ("12月1日下午3点", d(12, 1), t(15)),
    ("1号", d(12, 1), None),
    ("31号", d(12, 31), None),  # November has no 31st
    ("月底", d(11, 30), None),
    ("周末", d(12, 5), None),
    ("下周末", d(12, 5), None),
    ("明天６：３０", d(11, 30), t(6, 30)),
    ("６：３０", d(11, 29), t(6, 30)),
    ("\u3000明天\u3000", d(11, 30), None),
    ("现在", d(11, 29), t(21)),
]

WEDNESDAY_MORNING = [
    ("today", d(12, 2), None),
    ("mon", d(12, 7), None),
    ("wed", d(12, 2), None),
    ("fri", d(12, 4), None),
    ("next mon", d(12, 7), None),
    ("next fri", d(12, 11), None),
    ("last mon", d(11, 23), None),
    ("this fri", d(12, 4), None),
    ("eow", d(12, 6), None),
    ("eom", d(12, 31), None),
    ("6:30", d(12, 2), t(6, 30)),
    ("3h", d(12, 2), t(11)),
    ("tonight", d(12, 2), t(20)),
    ("12-01", d(12, 1), None),
    ("12-02", d(12, 2), None),
    ("Dec 3", d(12, 3), None),
    ("周三", d(12, 2), None),
    ("这周五", d(12, 4), None),
    ("下周一", d(12, 7), None),
    ("上周三", d(11, 25), None),
    ("周末", d(12, 5), None),
    ("1号", d(1, 1, 2027), None),
    ("月底", d(12, 31), None),
    ("早上6点", d(12, 2), t(6)),
    ("2小时后", d(12, 2), t(10)),
]


@pytest.mark.parametrize(("text", "day", "at"), ENGLISH_SUNDAY)
def test_english_forms(text: str, day: date, at: time | None) -> None:
    assert parse_when(text, now=SUN) == When(day, at)


@pytest.mark.parametrize(("text", "day", "at"), CHINESE_SUNDAY)
def test_chinese_forms(text: str, day: date, at: time | None) -> None:
    assert parse_when(text, now=SUN) == When(day, at)


@pytest.mark.parametrize(("text", "day", "at"), WEDNESDAY_MORNING)
def test_weekday_morning(text: str, day: date, at: time | None) -> None:
    assert parse_when(text, now=WED) == When(day, at)


def test_now_defaults_to_the_clock() -> None:
    clock.set_now(SUN)
    assert parse_when("tomorrow 6:30") == When(d(11, 30), t(6, 30))
    assert parse_day("明天") == d(11, 30)


def test_naive_now_is_local_wall_time() -> None:
    assert parse_when("3h", now=datetime(2026, 11, 29, 21, 0)) == When(d(11, 30), t(0))


def test_to_datetime_is_aware_local() -> None:
    moment = When(d(12, 1), t(6, 30)).to_datetime()
    assert moment.tzinfo is not None
    assert moment.utcoffset() == timedelta(hours=8)
    assert moment.replace(tzinfo=None) == datetime(2026, 12, 1, 6, 30)
    assert When(d(12, 1), None).to_datetime().isoformat() == "2026-12-01T00:00:00+08:00"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", d(11, 29)),
        ("明天", d(11, 30)),
        ("fri", d(12, 4)),
        ("下周一", d(11, 30)),
        ("in 2 days", d(12, 1)),
        ("3天后", d(12, 2)),
        ("2026-12-01", d(12, 1)),
        ("12月1日", d(12, 1)),
        ("eom", d(11, 30)),
        ("Dec 3", d(12, 3)),
    ],
)
def test_parse_day(text: str, day: date) -> None:
    assert parse_day(text, now=SUN) == day


@pytest.mark.parametrize("text", ["6:30", "tomorrow 6:30", "3h", "今晚", "明天6:30", "noon"])
def test_parse_day_refuses_a_time(text: str) -> None:
    i18n.set_lang("en")
    with pytest.raises(InputError) as info:
        parse_day(text, now=SUN)
    assert info.value.key == "dates.day_only"
    message = str(info.value)
    assert "\n" not in message and f'"{text}"' in message
    assert format_examples(days_only=True) in message


BAD = [
    ("xyz", "dates.unparseable"),
    ("25:00", "dates.invalid"),
    ("明天99点", "dates.invalid"),
    ("2026-13-01", "dates.invalid"),
    ("2月30日", "dates.invalid"),
    ("tomorrow 13pm", "dates.invalid"),
    ("3", "dates.unparseable"),  # day or hour? refused
    ("1 2", "dates.unparseable"),
    ("明早下午3点", "dates.unparseable"),
    ("in 99999 years", "dates.invalid"),
    ("9999999999h", "dates.invalid"),
    ("", "dates.empty"),
    ("   ", "dates.empty"),
]


@pytest.mark.parametrize(("text", "key"), BAD)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_errors_are_one_line_with_examples(text: str, key: str, lang: str) -> None:
    i18n.set_lang(lang)
    with pytest.raises(InputError) as info:
        parse_when(text, now=SUN)
    error = info.value
    assert error.key == key
    assert error.exit_code == 2
    message = str(error)
    assert "\n" not in message
    if lang == "en":
        assert "Try: today, tomorrow 6:30" in message
    else:
        assert "可以这样写：今天、明天6:30" in message
    if text.strip():
        assert text in message


def test_error_messages_render_exactly() -> None:
    i18n.set_lang("en")
    with pytest.raises(InputError) as info:
        parse_when("xyz", now=SUN)
    assert str(info.value) == (
        'Cannot read the date "xyz". Try: today, tomorrow 6:30, fri, next mon, in 2 days, '
        "3h, 2026-12-01, 12-01, 明天6:30, 下周一, 3天后"
    )
    i18n.set_lang("zh")  # the examples are rendered when raised: set the language first
    with pytest.raises(InputError) as info:
        parse_when("xyz", now=SUN)
    assert str(info.value) == (
        "看不懂日期“xyz”。可以这样写：今天、明天6:30、明早、下午3点、周五、下周一、3天后、"
        "2小时后、12月1日、2026-12-01、tomorrow 6:30"
    )


def test_multiline_input_is_quoted_on_one_line() -> None:
    i18n.set_lang("en")
    with pytest.raises(InputError) as info:
        parse_when("明天\n99点", now=SUN)
    assert "\n" not in str(info.value)
    assert '"明天 99点"' in str(info.value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3),
        ("三", 3),
        ("两", 2),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("二十三", 23),
        ("五十九", 59),
        ("零五", 5),
        ("abc", None),
        ("十十", None),
    ],
)
def test_parse_count(text: str, value: int | None) -> None:
    assert parse_count(text) == value


def test_catalogue_keys_and_placeholders() -> None:
    for key, (english, chinese) in MESSAGES.items():
        assert key.startswith(("dates.", "recurrence."))
        fields = {name for _, name, _, _ in string.Formatter().parse(english) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(chinese) if name}


def _modules_after(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
    )
    return result.stdout.strip()


def test_common_forms_do_not_import_dateutil_parser() -> None:
    code = (
        "import sys, gridnote.input.dates as d\n"
        "assert 'dateutil.parser' not in sys.modules, 'on import'\n"
        "for text in ('tomorrow 6:30', '明天6:30', 'fri', '下周一', '3天后', '2026-12-01'):\n"
        "    d.parse_when(text)\n"
        "print('dateutil.parser' in sys.modules)\n"
    )
    assert _modules_after(code) == "False"


def test_rare_english_forms_load_dateutil_parser_on_demand() -> None:
    code = "import sys, gridnote.input.dates as d\nd.parse_when('Dec 3')\nprint('dateutil.parser' in sys.modules)\n"
    assert _modules_after(code) == "True"


# -- what is due looks ahead: a bare time already past today is tomorrow's ----------------------
@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("6:30", d(11, 30), t(6, 30)),  # typed at 21:00: passed, so tomorrow morning
        ("早上6点半", d(11, 30), t(6, 30)),
        ("22:00", d(11, 29), t(22, 0)),  # still ahead today
        ("今天6:30", d(11, 29), t(6, 30)),  # a day typed with it is kept
        ("tomorrow 6:30", d(11, 30), t(6, 30)),
        ("fri", d(12, 4), None),
    ],
)
def test_due_dates_look_ahead(text: str, day: date, at: time | None) -> None:
    from gridnote.input.dates import parse_due_when

    assert parse_due_when(text, now=SUN) == When(day, at)
    assert parse_when("6:30", now=SUN) == When(d(11, 29), t(6, 30))  # histories and --at keep today
