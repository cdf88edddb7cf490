"""Amounts of time counted from now, as she types them: ``3天后``, ``in 2 days``, ``2 days ago``, ``3h``.

Part of the date grammar (:mod:`gridnote.input.date_grammar`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from gridnote.input.time_of_day import EN_NUMBERS, NUM, alternation, count


def add(day: date, amount: int, unit: str) -> date:
    if unit in ("month", "year"):
        from dateutil.relativedelta import relativedelta  # lazy: only month arithmetic needs it

        return day + (relativedelta(months=amount) if unit == "month" else relativedelta(years=amount))
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
_EN_UNIT = alternation(w for w in _UNIT_OF if w.isascii())
_CN_UNIT = alternation(w for w in _UNIT_OF if not w.isascii())
_EN_COUNT = rf"(\d+|{alternation(EN_NUMBERS)})"
_RELATIVE = (
    (re.compile(rf"in\s+{_EN_COUNT}\s*({_EN_UNIT})"), 1),
    (re.compile(rf"{_EN_COUNT}\s*({_EN_UNIT})\s+ago(?![a-z])"), -1),
    (re.compile(rf"\+?(\d+)\s*({_EN_UNIT})"), 1),
    (re.compile(rf"({NUM})?\s*(个)?\s*(半)?\s*({_CN_UNIT})\s*(以后|之后|后|以前|之前|前)"), 0),
    # 3天, 两周, 2小时内: a span ahead, as 3d is (not 日/月/年: 3日 and 3月 are dates)
    (re.compile(rf"({NUM})\s*(?:个\s*)?(天|小时|钟头|分钟|周|星期|礼拜)\s*(?:以内|之内|内)?"), 1),
)


def relative(s: str) -> tuple[int, str, re.Match[str]] | None:
    """``in 2 days``, ``3h``, ``2 days ago``, ``3天后``, ``一个半小时后`` → (amount, unit, match)."""
    for pattern, sign in _RELATIVE:
        m = pattern.match(s)
        if not m:
            continue
        if sign:
            return sign * count(m[1]), _UNIT_OF[m[2]], m
        unit = _UNIT_OF[m[4]]
        sign = -1 if "前" in m[5] else 1
        if m[3]:  # 半小时, 一个半小时: only hours are counted in halves
            if unit != "hour":
                continue
            return sign * ((count(m[1]) if m[1] else 0) * 60 + 30), "minute", m
        if not m[1] or (unit == "month" and not m[2]):
            continue  # 3月后 is "after March", 3个月后 is three months
        return sign * count(m[1]), unit, m
    return None
