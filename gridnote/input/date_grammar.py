"""The grammar behind :mod:`gridnote.input.dates`: numbers, times of day and days, in English and Chinese.

The decisions it implements are listed in ``gridnote.input.dates``; this module holds
the patterns and the reading. It is imported only when a date is typed, so
commands that merely carry a :class:`~gridnote.input.dates.When` compile none of
its patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import UTC, date, datetime, time, timedelta

from gridnote import clock
from gridnote.input.when import When, in_bounds


class OutOfRange(Exception):
    """The shape was understood but a value does not exist (25:00, 2月30日)."""


class OutOfBounds(Exception):
    """A real date, but not in a plausible year for her work (0001-01-01, 9999-12-31)."""


def _bounded(moment: datetime) -> datetime:
    """Refuse a far year before converting time zones (which fails near year 1 and 9999)."""
    if not in_bounds(moment.date()):
        raise OutOfBounds(moment)
    return moment


# ---------------------------------------------------------------- numbers
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUM = r"(?:\d+|[零〇一二两三四五六七八九十]+)"
_EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def parse_count(text: str) -> int | None:
    """``3``, ``三``, ``两``, ``十五``, ``二十三``, ``零五`` → int (0–99); None otherwise.

    Shared with ``gridnote.input.recurrence`` (每两天) so both read numerals alike.
    """
    if text.isascii():
        return int(text) if text.isdigit() else None
    if len(text) == 1:
        return 10 if text == "十" else _CN_DIGITS.get(text)
    if len(text) == 2 and text[0] in "零〇":
        return _CN_DIGITS.get(text[1])
    tens, sep, ones = text.partition("十")
    if not sep or len(tens) > 1 or len(ones) > 1:
        return None
    high = 1 if not tens else _CN_DIGITS.get(tens)
    low = 0 if not ones else _CN_DIGITS.get(ones)
    return None if high is None or low is None else high * 10 + low


def _count(text: str) -> int:
    value = _EN_NUMBERS.get(text, parse_count(text))
    if value is None:
        raise OutOfRange(text)
    return value


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation, longest first; English words must end at a word end."""
    ordered = sorted(words, key=len, reverse=True)
    english = "|".join(re.escape(w) for w in ordered if w.isascii())
    chinese = "|".join(re.escape(w) for w in ordered if not w.isascii())
    return "|".join(filter(None, [english and f"(?:{english})(?![a-z])", chinese]))


# ---------------------------------------------------------------- times of day
# Part of the day → (usual time when no hour is given, how to read the hour).
_PERIODS: dict[str, tuple[time | None, str]] = {
    "凌晨": (None, "small"),
    "早上": (time(7), "am"),
    "早晨": (time(7), "am"),
    "清晨": (time(7), "am"),
    "早": (time(7), "am"),
    "上午": (time(9), "am"),
    "中午": (time(12), "noon"),
    "下午": (time(15), "pm"),
    "傍晚": (time(18), "pm"),
    "晚上": (time(20), "night"),
    "晚": (time(20), "night"),
    "夜里": (None, "night"),
    "morning": (time(7), "am"),
    "noon": (time(12), "noon"),
    "afternoon": (time(15), "pm"),
    "evening": (time(20), "night"),
    "night": (time(20), "night"),
}
_PERIOD_RE = re.compile(rf"({_alternation(_PERIODS)})\s*")
_CLOCK_RE = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?")
_AMPM_RE = re.compile(r"(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)")
_CN_CLOCK_RE = re.compile(rf"({NUM})\s*[点时]钟?\s*(?:(半)|([一三])刻|整|({NUM})\s*分?)?")


def _hour_in_period(hour: int, kind: str) -> tuple[int, int]:
    """Read an hour said with a part of the day; returns (hour, days to add)."""
    if kind == "night" and (hour == 12 or hour < 5):
        return hour % 12, 1
    if kind in ("pm", "night") or (kind == "noon" and 1 <= hour <= 5):
        return (hour + 12, 0) if hour < 12 else (hour, 0)
    if kind == "small":
        return (0, 0) if hour == 12 else (hour, 0) if hour < 12 else (-1, 0)
    return (hour, 0) if kind != "am" or hour <= 12 else (-1, 0)


def parse_time(text: str, period: str | None = None) -> tuple[time, int] | None:
    """A time of day, possibly after a part of the day; (time, days to add) or None."""
    s = re.sub(r"^(?:at\s+|@\s*)", "", text.strip())
    m = _PERIOD_RE.match(s)
    if m:
        if period is not None:
            return None  # 明早下午3点: two parts of the day
        period, s = m.group(1), s[m.end() :]
    if not s:
        default = _PERIODS[period][0] if period else None
        return (default, 0) if default is not None else None
    ampm = None
    if m := _CLOCK_RE.fullmatch(s):
        hour, minute, second, ampm = int(m[1]), int(m[2]), int(m[3] or 0), m[4]
    elif m := _AMPM_RE.fullmatch(s):
        hour, minute, second, ampm = int(m[1]), 0, 0, m[2]
    elif m := _CN_CLOCK_RE.fullmatch(s):
        hour, second = _count(m[1]), 0
        quarter = {"一": 15, "三": 45}.get(m[3] or "", 0)
        minute = 30 if m[2] else quarter or (_count(m[4]) if m[4] else 0)
    else:
        return None
    extra = 0
    if ampm:
        if not 1 <= hour <= 12:
            raise OutOfRange(text)
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    elif period:
        hour, extra = _hour_in_period(hour, _PERIODS[period][1])
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        raise OutOfRange(text)
    return time(hour, minute, second), extra


# ---------------------------------------------------------------- days
_DayResult = tuple[date, str | None]  # the day, and a part of the day it implies


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


def _add(day: date, amount: int, unit: str) -> date:
    if unit in ("month", "year"):
        from dateutil.relativedelta import relativedelta  # lazy: only month arithmetic needs it

        return day + relativedelta(**{unit + "s": amount})
    return day + timedelta(days=amount * (7 if unit == "week" else 1))


_UNITS = {
    "minute": ("m", "min", "mins", "minute", "minutes", "分钟", "分"),
    "hour": ("h", "hr", "hrs", "hour", "hours", "小时", "钟头"),
    "day": ("d", "day", "days", "天", "日"),
    "week": ("w", "wk", "wks", "week", "weeks", "周", "星期", "礼拜"),
    "month": ("mo", "mos", "month", "months", "月"),
    "year": ("y", "yr", "yrs", "year", "years", "年"),
}
_UNIT_OF = {word: unit for unit, words in _UNITS.items() for word in words}
_EN_UNIT = _alternation(w for w in _UNIT_OF if w.isascii())
_CN_UNIT = _alternation(w for w in _UNIT_OF if not w.isascii())
_EN_COUNT = rf"(\d+|{_alternation(_EN_NUMBERS)})"
_RELATIVE = (
    (re.compile(rf"in\s+{_EN_COUNT}\s*({_EN_UNIT})"), 1),
    (re.compile(rf"{_EN_COUNT}\s*({_EN_UNIT})\s+ago(?![a-z])"), -1),
    (re.compile(rf"\+?(\d+)\s*({_EN_UNIT})"), 1),
    (re.compile(rf"({NUM})?\s*(个)?\s*(半)?\s*({_CN_UNIT})\s*(以后|之后|后|以前|之前|前)"), 0),
    # 3天, 两周, 2小时内: a span ahead, as 3d is (not 日/月/年: 3日 and 3月 are dates)
    (re.compile(rf"({NUM})\s*(?:个\s*)?(天|小时|钟头|分钟|周|星期|礼拜)\s*(?:以内|之内|内)?"), 1),
)


def _relative(s: str) -> tuple[int, str, re.Match[str]] | None:
    """``in 2 days``, ``3h``, ``2 days ago``, ``3天后``, ``一个半小时后`` → (amount, unit, match)."""
    for pattern, sign in _RELATIVE:
        m = pattern.match(s)
        if not m:
            continue
        if sign:
            return sign * _count(m[1]), _UNIT_OF[m[2]], m
        unit = _UNIT_OF[m[4]]
        sign = -1 if "前" in m[5] else 1
        if m[3]:  # 半小时, 一个半小时: only hours are counted in halves
            if unit != "hour":
                continue
            return sign * ((_count(m[1]) if m[1] else 0) * 60 + 30), "minute", m
        if not m[1] or (unit == "month" and not m[2]):
            continue  # 3月后 is "after March", 3个月后 is three months
        return sign * _count(m[1]), unit, m
    return None


_DAY_WORDS: dict[str, tuple[int, str | None]] = {
    "today": (0, None),
    "tomorrow": (1, None),
    "tmr": (1, None),
    "tmrw": (1, None),
    "yesterday": (-1, None),
    "day after tomorrow": (2, None),
    "tonight": (0, "evening"),
    "this morning": (0, "morning"),
    "this afternoon": (0, "afternoon"),
    "this evening": (0, "evening"),
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
    "今晚": (0, "晚上"),
    "明晚": (1, "晚上"),
    "昨晚": (-1, "晚上"),
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
_CN_SHIFT = rf"({_alternation(w for w in _SHIFTS if not w.isascii())})?"
_WEEK = "(?:周|星期|礼拜)"


def _shift(word: str | None) -> int | None:
    return None if word is None else _SHIFTS[word]


_DAY_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], date], _DayResult]]] = [
    (
        re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})t?"),
        lambda m, today: (date(int(m[1]), int(m[2]), int(m[3])), None),
    ),
    (
        re.compile(rf"(?:(\d{{4}})\s*年\s*)?({NUM})\s*月\s*({NUM})\s*[日号]"),
        lambda m, today: (
            date(int(m[1]), _count(m[2]), _count(m[3])) if m[1] else _upcoming(today, _count(m[2]), _count(m[3])),
            None,
        ),
    ),
    (re.compile(r"(\d{1,2})[-/](\d{1,2})(?![\d/-])"), lambda m, today: (_upcoming(today, int(m[1]), int(m[2])), None)),
    (
        re.compile(_alternation(_DAY_WORDS)),
        lambda m, today: (today + timedelta(days=_DAY_WORDS[m[0]][0]), _DAY_WORDS[m[0]][1]),
    ),
    (
        re.compile(rf"{_EN_SHIFT}({_alternation(_EN_WEEKDAYS)})"),
        lambda m, today: (_weekday(today, _EN_WEEKDAYS[m[2]], _shift(m[1])), None),
    ),
    (
        re.compile(rf"{_CN_SHIFT}{_WEEK}([一二三四五六日天1-7])"),
        lambda m, today: (_weekday(today, _CN_WEEKDAYS[m[2]], _shift(m[1])), None),
    ),
    (
        re.compile(rf"{_EN_SHIFT}weekend(?![a-z])|{_CN_SHIFT}周末"),
        lambda m, today: (_weekday(today, 5, _shift(m[1] or m[2])), None),
    ),
    (
        re.compile(rf"next\s+week(?![a-z])|(下下个?|下个?){_WEEK}"),
        lambda m, today: (_weekday(today, 0, _shift(m[1]) or 1), None),
    ),
    (re.compile(r"eow(?![a-z])|end\s+of\s+(?:the\s+)?week(?![a-z])"), lambda m, today: (_weekday(today, 6, 0), None)),
    (
        re.compile(r"eom(?![a-z])|end\s+of\s+(?:the\s+)?month(?![a-z])|(?:本|这个?)?月[底末]"),
        lambda m, today: (_end_of_month(today), None),
    ),
    (re.compile(rf"({NUM})\s*[号日]"), lambda m, today: (_upcoming(today, None, _count(m[1])), None)),
]


def _day_prefixes(s: str, now: datetime) -> tuple[list[tuple[_DayResult, str]], bool]:
    """Every way a day can be read at the start of ``s``, with what remains.

    The flag says a shape was recognised whose value does not exist (2026-13-01).
    """
    found: list[tuple[_DayResult, str]] = []
    out_of_range = False
    try:
        rel = _relative(s)
        if rel and rel[1] not in ("minute", "hour"):
            found.append(((_add(now.date(), rel[0], rel[1]), None), s[rel[2].end() :].strip()))
    except (OutOfRange, ValueError, OverflowError):  # 十十天后, in 99999 years
        out_of_range = True
    for pattern, read in _DAY_PATTERNS:
        m = pattern.match(s)
        if m:
            try:
                found.append((read(m, now.date()), s[m.end() :].strip()))
            except (ValueError, OutOfRange):  # date(2026, 13, 1)
                out_of_range = True
    return found, out_of_range


def interpret(raw: str, s: str, now: datetime) -> When | None:
    """The grammar: ISO date-time | relative moment | day [time] | time [day] | time."""
    if re.match(r"\d{4}-\d{2}-\d{2}[t ]\d", s):
        try:
            moment = datetime.fromisoformat(raw.upper())
        except ValueError:
            pass
        else:
            local = clock.to_local(_bounded(moment))
            return When(local.date(), local.time().replace(microsecond=0))
    if s in ("now", "right now", "现在"):
        return When(now.date(), now.time().replace(microsecond=0))
    rel = _relative(s)
    if rel and rel[1] in ("minute", "hour") and rel[2].end() == len(s):
        moment = now.astimezone(UTC) + timedelta(**{rel[1] + "s": rel[0]})
        local = clock.to_local(moment)
        return When(local.date(), local.time().replace(microsecond=0))
    prefixes, out_of_range = _day_prefixes(s, now)
    for (day, period), rest in prefixes:
        if not rest and period is None:
            return When(day, None)
        try:
            read = parse_time(rest, period)
        except OutOfRange:
            out_of_range = True
            continue
        if read:
            return When(day + timedelta(days=read[1]), read[0])
    for cut in [m.start() for m in re.finditer(" ", s)]:  # "6pm tomorrow"
        try:
            read = parse_time(s[:cut])
        except OutOfRange:
            continue
        days = [day for (day, period), rest in _day_prefixes(s[cut + 1 :], now)[0] if not rest and period is None]
        if read and days:
            return When(days[0] + timedelta(days=read[1]), read[0])
    read = parse_time(s)  # may raise OutOfRange: 25:00
    if read:
        return When(now.date() + timedelta(days=read[1]), read[0])
    if out_of_range:
        raise OutOfRange(s)
    # dateutil is for English month names; digits alone (``1 2``) are too ambiguous.
    if raw.isascii() and re.search("[a-z]", s):
        return _dateutil_fallback(raw, now.date())
    return None


def _dateutil_fallback(raw: str, today: date) -> When | None:
    """Other English forms (``Dec 3``, ``3 Dec 2026 14:00``) via ``dateutil.parser``.

    Parsing with two different defaults tells which fields were typed: a field
    that follows the default was not. Month and day are required (``Dec`` or
    ``3`` alone are refused); both defaults are in leap years so ``feb 29``
    can be read and then moved to its next occurrence.
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
    if a.year != b.year:
        a = a.replace(year=_upcoming(today, a.month, a.day).year)
    if a.tzinfo is not None:
        a = clock.to_local(_bounded(a))
    return When(a.date(), a.time().replace(microsecond=0) if timed else None)
