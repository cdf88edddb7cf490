"""The grammar behind :mod:`gridnote.input.dates`: days, and days with times, in English and Chinese.

The decisions it implements are listed in ``gridnote.input.dates``; this module holds
the patterns and the reading (numbers and times of day are in
:mod:`gridnote.input.time_of_day`). It is imported only when a date is typed, so
commands that merely carry a :class:`~gridnote.input.dates.When` compile none of
its patterns.

Besides the day and time, a reading says what *form* was typed, which decides how
a history reads it (:func:`gridnote.input.dates.parse_past_when`):

* ``TIME``: a time of day alone (``8点``, ``20:00``): it comes round every day;
* ``RECURRING``: a day that comes round again (``周五``, ``12-01``, ``5号``, ``the 5th``);
* ``ANCHORED``: a day fixed by what was typed (``2026-12-01``, ``今天``, ``今晚8点``,
  ``下周五``, ``下个月5号``, ``3天后``): it means that day and no other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, date, datetime, time, timedelta

from gridnote import clock
from gridnote.input.spans import add, relative
from gridnote.input.time_of_day import NUM, OutOfRange, alternation, count, parse_time
from gridnote.input.when import When, in_bounds

__all__ = ["ANCHORED", "RECURRING", "TIME", "OutOfBounds", "OutOfRange", "interpret", "read"]

TIME, RECURRING, ANCHORED = "time", "recurring", "anchored"


class OutOfBounds(Exception):
    """A real date, but not in a plausible year for her work (0001-01-01, 9999-12-31)."""


def _bounded(moment: datetime) -> datetime:
    """Refuse a far year before converting time zones (which fails near year 1 and 9999)."""
    if not in_bounds(moment.date()):
        raise OutOfBounds(moment)
    return moment


# ---------------------------------------------------------------- days
# A day read from the start of the text: the day, a part of the day it implies, and
# whether it is a day that comes round again (周五) rather than one fixed by the words.
_DayResult = tuple[date, str | None, bool]


def _upcoming(today: date, month: int | None, day: int) -> date:
    """The next ``month``/``day`` (or ``day`` of any month: 1号), today included.

    A month and day up to two months back is that recent day instead
    (``11-20`` typed on 11-29 is nine days ago, not next year). 29 Feb waits
    for a leap year; 31号 skips the short months.
    """
    if month is not None and 1 <= month <= 12 and 1 <= day <= 31:
        with suppress(ValueError):
            recent = date(today.year, month, day)
            if timedelta(0) < today - recent <= timedelta(days=61):
                return recent
    if not (1 <= day <= 31 and (month is None or 1 <= month <= 12)):
        raise OutOfRange(f"{month}-{day}")
    date(2000, month or 1, day)  # ValueError for 2-30, read as out of range by callers
    year, current = today.year, month or today.month
    while True:
        with suppress(ValueError):
            if (candidate := date(year, current, day)) >= today:
                return candidate
        if month is not None or current == 12:
            year, current = year + 1, month or 1
        else:
            current += 1


def _end_of_month(today: date) -> date:
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _weekday(today: date, weekday: int, week_shift: int | None) -> date:
    """``None``: the next such weekday, today included; else that day of a shifted week."""
    if week_shift is None:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=week_shift, days=weekday)


_DAY_WORDS: dict[str, tuple[int, str | None]] = {
    "today": (0, None),
    "tomorrow": (1, None),
    "tmr": (1, None),
    "tmrw": (1, None),
    "yesterday": (-1, None),
    "day after tomorrow": (2, None),
    "day before yesterday": (-2, None),
    "tonight": (0, "evening"),
    "this morning": (0, "morning"),
    "this afternoon": (0, "afternoon"),
    "this evening": (0, "evening"),
    "last night": (-1, "night"),
    "yesterday morning": (-1, "morning"),
    "yesterday afternoon": (-1, "afternoon"),
    "yesterday evening": (-1, "evening"),
    "tomorrow morning": (1, "morning"),
    "tomorrow afternoon": (1, "afternoon"),
    "tomorrow evening": (1, "evening"),
    "tomorrow night": (1, "night"),
    "今天": (0, None),
    "今日": (0, None),
    "明天": (1, None),
    "明日": (1, None),
    "后天": (2, None),
    "大后天": (3, None),
    "昨天": (-1, None),
    "昨日": (-1, None),
    "前天": (-2, None),
    "大前天": (-3, None),
    "今早": (0, "早上"),
    "今晨": (0, "早上"),
    "明早": (1, "早上"),
    "明晨": (1, "早上"),
    "昨早": (-1, "早上"),
    "今晚": (0, "晚上"),
    "今夜": (0, "晚上"),
    "明晚": (1, "晚上"),
    "昨晚": (-1, "晚上"),
    "昨夜": (-1, "晚上"),
}
_EN_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            "mon monday",
            "tue tues tuesday",
            "wed weds wednesday",
            "thu thur thurs thursday",
            "fri friday",
            "sat saturday",
            "sun sunday",
        )
    )
    for name in names.split()
}
_CN_WEEKDAYS = {c: i for i, c in enumerate("一二三四五六")} | {"日": 6, "天": 6} | {str(i + 1): i for i in range(7)}
_SHIFTS = {
    "this": 0,
    "next": 1,
    "last": -1,
    "这": 0,
    "这个": 0,
    "本": 0,
    "下": 1,
    "下个": 1,
    "下下": 2,
    "下下个": 2,
    "上": -1,
    "上个": -1,
    "上上": -2,
    "上上个": -2,
}
_EN_SHIFT = r"(?:(this|next|last)\s+)?"
_CN_SHIFT = rf"({alternation(w for w in _SHIFTS if not w.isascii())})?"
_CN_MONTH_SHIFT = rf"({alternation(w for w in _SHIFTS if not w.isascii())})月"  # 下个月, 本月, 上上个月
_WEEK = "(?:周|星期|礼拜)"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)(?![a-z])"  # the 5th


def _shift(word: str | None) -> int | None:
    return None if word is None else _SHIFTS[word]


def _in_month(today: date, months: int, day: int | None) -> date:
    """Day ``day`` (the 1st if None, the last if 0) of the month ``months`` from this one."""
    index = today.year * 12 + today.month - 1 + months
    year, month = divmod(index, 12)
    first = date(year, month + 1, 1)
    if day == 0:
        return _end_of_month(first)
    if day is not None and not 1 <= day <= 31:
        raise OutOfRange(str(day))
    return first.replace(day=day or 1)  # ValueError for 31 in a short month: no such date


_DAY_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], date], _DayResult]]] = [
    (
        re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})t?"),
        lambda m, today: (date(int(m[1]), int(m[2]), int(m[3])), None, False),
    ),
    (
        re.compile(rf"(?:(\d{{4}})\s*年\s*)?({NUM})\s*月\s*({NUM})\s*[日号]"),
        lambda m, today: (
            date(int(m[1]), count(m[2]), count(m[3])) if m[1] else _upcoming(today, count(m[2]), count(m[3])),
            None,
            not m[1],
        ),
    ),
    (
        re.compile(r"(\d{1,2})[-/](\d{1,2})(?![\d/-])"),
        lambda m, today: (_upcoming(today, int(m[1]), int(m[2])), None, True),
    ),
    (
        re.compile(alternation(_DAY_WORDS)),
        lambda m, today: (today + timedelta(days=_DAY_WORDS[m[0]][0]), _DAY_WORDS[m[0]][1], False),
    ),
    (
        re.compile(rf"{_EN_SHIFT}({alternation(_EN_WEEKDAYS)})"),
        lambda m, today: (_weekday(today, _EN_WEEKDAYS[m[2]], _shift(m[1])), None, m[1] is None),
    ),
    (
        re.compile(rf"{_CN_SHIFT}{_WEEK}([一二三四五六日天1-7])"),
        lambda m, today: (_weekday(today, _CN_WEEKDAYS[m[2]], _shift(m[1])), None, m[1] is None),
    ),
    (
        re.compile(rf"{_EN_SHIFT}weekend(?![a-z])|{_CN_SHIFT}周末"),
        lambda m, today: (_weekday(today, 5, _shift(m[1] or m[2])), None, not (m[1] or m[2])),
    ),
    (
        re.compile(rf"next\s+week(?![a-z])|(下下个?|下个?){_WEEK}"),
        lambda m, today: (_weekday(today, 0, _shift(m[1]) or 1), None, False),
    ),
    (
        re.compile(r"eow(?![a-z])|end\s+of\s+(?:the\s+)?week(?![a-z])"),
        lambda m, today: (_weekday(today, 6, 0), None, False),
    ),
    # a month counted from this one: 下个月5号, 上月20日, 本月底, 下个月初, 下个月; the 5th of next month
    (
        re.compile(rf"{_CN_MONTH_SHIFT}\s*(?:({NUM})\s*[号日]|([底末])|(初))?"),
        lambda m, today: (
            _in_month(today, _SHIFTS[m[1]], count(m[2]) if m[2] else 0 if m[3] else None),
            None,
            False,
        ),
    ),
    (
        re.compile(
            r"(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)\s+(?:of\s+)?|(end|start|beginning)\s+of\s+)?"
            r"(?:the\s+)?(this|next|last)\s+month(?:\s+(?:on\s+)?(?:the\s+)?" + _ORDINAL + r")?(?![a-z])"
        ),
        lambda m, today: (
            _in_month(
                today,
                _SHIFTS[m[3]],
                int(m[1] or m[4]) if (m[1] or m[4]) else 0 if m[2] == "end" else None,
            ),
            None,
            False,
        ),
    ),
    (
        re.compile(r"eom(?![a-z])|end\s+of\s+(?:the\s+)?month(?![a-z])|月[底末]"),
        lambda m, today: (_end_of_month(today), None, False),
    ),
    (re.compile(rf"({NUM})\s*[号日]"), lambda m, today: (_upcoming(today, None, count(m[1])), None, True)),
    (re.compile(rf"(?:the\s+)?{_ORDINAL}"), lambda m, today: (_upcoming(today, None, int(m[1])), None, True)),
]


def _day_prefixes(s: str, now: datetime) -> tuple[list[tuple[_DayResult, str]], bool]:
    """Every way a day can be read at the start of ``s``, with what remains.

    The flag says a shape was recognised whose value does not exist (2026-13-01).
    """
    found: list[tuple[_DayResult, str]] = []
    out_of_range = False
    try:
        rel = relative(s)
        if rel and rel[1] not in ("minute", "hour"):
            found.append(((add(now.date(), rel[0], rel[1]), None, False), s[rel[2].end() :].strip()))
    except (OutOfRange, ValueError, OverflowError):  # 十十天后, in 99999 years
        out_of_range = True
    for pattern, read_day in _DAY_PATTERNS:
        m = pattern.match(s)
        if m:
            try:
                found.append((read_day(m, now.date()), s[m.end() :].strip()))
            except (ValueError, OutOfRange, OverflowError):  # date(2026, 13, 1)
                out_of_range = True
    return found, out_of_range


def _form(recurring: bool) -> str:
    return RECURRING if recurring else ANCHORED


def read(raw: str, s: str, now: datetime) -> tuple[When, str] | None:
    """The grammar: ISO date-time | relative moment | day [time] | time [day] | time; with its form."""
    if re.match(r"\d{4}-\d{2}-\d{2}[t ]\d", s):
        try:
            moment = datetime.fromisoformat(raw.upper())
        except ValueError:
            pass
        else:
            local = clock.to_local(_bounded(moment))
            return When(local.date(), local.time().replace(microsecond=0)), ANCHORED
    if s in ("now", "right now", "现在"):
        return When(now.date(), now.time().replace(microsecond=0)), ANCHORED
    rel = relative(s)
    if rel and rel[1] in ("minute", "hour") and rel[2].end() == len(s):
        moment = now.astimezone(UTC) + timedelta(**{rel[1] + "s": rel[0]})
        local = clock.to_local(moment)
        return When(local.date(), local.time().replace(microsecond=0)), ANCHORED
    prefixes, out_of_range = _day_prefixes(s, now)
    for (day, period, recurring), rest in prefixes:
        if not rest and period is None:
            return When(day, None), _form(recurring)
        try:
            found = parse_time(rest, period)
        except OutOfRange:
            out_of_range = True
            continue
        if found:
            return When(day + timedelta(days=found[1]), found[0]), _form(recurring)
    for cut in [m.start() for m in re.finditer(" ", s)]:  # "6pm tomorrow", "8pm last night"
        for (day, period, recurring), rest in _day_prefixes(s[cut + 1 :], now)[0]:
            if rest:
                continue
            try:
                found = parse_time(s[:cut], period) if period is None else _time_in(s[:cut], period)
            except OutOfRange:
                continue
            if found:
                return When(day + timedelta(days=found[1]), found[0]), _form(recurring)
    found = parse_time(s)  # may raise OutOfRange: 25:00
    if found:
        return When(now.date() + timedelta(days=found[1]), found[0]), TIME
    if out_of_range:
        raise OutOfRange(s)
    # dateutil is for English month names; digits alone (``1 2``) are too ambiguous.
    if raw.isascii() and re.search("[a-z]", s):
        return _dateutil_fallback(raw, now.date())
    return None


def _time_in(text: str, period: str) -> tuple[time, int] | None:
    """A time typed before a day that names a part of the day (``8pm last night``): an hour is needed."""
    found = parse_time(text, period)
    return found if found and text.strip() else None


def interpret(raw: str, s: str, now: datetime) -> When | None:
    """The day and time typed, without its form (see :func:`read`)."""
    found = read(raw, s, now)
    return found[0] if found else None


def _dateutil_fallback(raw: str, today: date) -> tuple[When, str] | None:
    """Other English forms (``Dec 3``, ``3 Dec 2026 14:00``) via ``dateutil.parser``.

    Parsing with two different defaults tells which fields were typed: a field
    that follows the default was not. Month and day are required (``Dec`` or
    ``3`` alone are refused); both defaults are in leap years so ``feb 29``
    can be read and then moved to its next occurrence (a day without a year
    comes round every year).
    """
    import warnings

    from dateutil import parser

    first, other = datetime(2000, 3, 3, 0), datetime(1904, 1, 1, 23)
    with warnings.catch_warnings():
        warnings.simplefilter("error", parser.UnknownTimezoneWarning)
        try:
            a = parser.parse(raw, default=first)
            b = parser.parse(raw, default=other)
        except ValueError as exc:  # ParserError; a chained cause means a value out of range
            if exc.__cause__ is not None:
                raise OutOfRange(raw) from exc
            return None
        except (OverflowError, parser.UnknownTimezoneWarning):
            return None
    if a.month != b.month or a.day != b.day:
        return None
    timed = a.hour == b.hour
    yearless = a.year != b.year
    if yearless:
        a = a.replace(year=_upcoming(today, a.month, a.day).year)
    if a.tzinfo is not None:
        a = clock.to_local(_bounded(a))
    return When(a.date(), a.time().replace(microsecond=0) if timed else None), _form(yearless)
