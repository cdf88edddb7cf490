"""Numbers and times of day as she types them, in English and Chinese (``6:30``, ``下午两点``, ``8pm``).

Part of the date grammar (:mod:`gridnote.input.date_grammar` reads days and puts
the two together); also read by ``gridnote.input.recurrence`` (每两天).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import time


class OutOfRange(Exception):
    """The shape was understood but a value does not exist (25:00, 2月30日)."""


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
EN_NUMBERS = {
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


def count(text: str) -> int:
    """``3``, ``三``, ``three`` → int; ``OutOfRange`` for a numeral it cannot read (十十)."""
    value = EN_NUMBERS.get(text, parse_count(text))
    if value is None:
        raise OutOfRange(text)
    return value


def alternation(words: Iterable[str]) -> str:
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
_PERIOD_RE = re.compile(rf"({alternation(_PERIODS)})\s*")
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
        hour, second = count(m[1]), 0
        quarter = {"一": 15, "三": 45}.get(m[3] or "", 0)
        minute = 30 if m[2] else quarter or (count(m[4]) if m[4] else 0)
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
