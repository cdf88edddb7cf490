"""Repeat rules of recurring tasks (measure Grandma Li's blood pressure every 2 days).

A rule is stored as a short canonical code — ``day``, ``weekday``, ``week``,
``month``, or a count and a unit: ``2d``, ``3w``, ``2m`` (here ``m`` is
months; a task never repeats by minutes) — so the notebook stays readable
and the label is rendered in the reader's language only when shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from gridnote.errors import InputError
from gridnote.input.text import normalize
from gridnote.input.time_of_day import NUM, parse_count
from gridnote.messages.i18n import t

_CODE_RE = re.compile(r"(day|weekday|week|month)|([1-9]\d{0,2})([dwm])")
_SINGLE = {"d": "day", "w": "week", "m": "month"}
_MAX_COUNT = 366

# Whole phrases, after folding and with spaces removed.
_WORDS = {
    "day": "day",
    "daily": "day",
    "everyday": "day",
    "eachday": "day",
    "每天": "day",
    "每日": "day",
    "天天": "day",
    "weekday": "weekday",
    "weekdays": "weekday",
    "everyweekday": "weekday",
    "workday": "weekday",
    "workdays": "weekday",
    "工作日": "weekday",
    "每个工作日": "weekday",
    "每工作日": "weekday",
    "week": "week",
    "weekly": "week",
    "everyweek": "week",
    "eachweek": "week",
    "每周": "week",
    "每星期": "week",
    "每个星期": "week",
    "每礼拜": "week",
    "每个礼拜": "week",
    "month": "month",
    "monthly": "month",
    "everymonth": "month",
    "eachmonth": "month",
    "每月": "month",
    "每个月": "month",
    "everyotherday": "2d",
    "隔天": "2d",
    "隔日": "2d",
    "everyotherweek": "2w",
    "biweekly": "2w",
    "fortnightly": "2w",
    "隔周": "2w",
    "everyothermonth": "2m",
    "隔月": "2m",
}
_EN_COUNTED = re.compile(r"(?:every|each)?(\d+)(d|days?|w|wks?|weeks?|m|mos?|months?)")
_CN_COUNTED = re.compile(rf"每({NUM})个?(天|日|周|星期|礼拜|月)")
_UNIT_LETTER = {
    "d": "d",
    "day": "d",
    "days": "d",
    "w": "w",
    "wk": "w",
    "wks": "w",
    "week": "w",
    "weeks": "w",
    "m": "m",
    "mo": "m",
    "mos": "m",
    "month": "m",
    "months": "m",
    "天": "d",
    "日": "d",
    "周": "w",
    "星期": "w",
    "礼拜": "w",
    "月": "m",
}


@dataclass(frozen=True)
class Rule:
    """A canonical repeat rule; build it with ``parse_rule`` from what was typed."""

    code: str  # "day", "weekday", "week", "month", "2d", "3w", "2m"

    def __post_init__(self) -> None:
        # A bad code can only come from code or a damaged notebook, not from typing.
        m = _CODE_RE.fullmatch(self.code)
        if not m or (m[2] and not 2 <= int(m[2]) <= _MAX_COUNT):
            raise ValueError(f"not a canonical repeat rule: {self.code!r}")

    def _step(self) -> tuple[int, str]:
        """(count, unit letter) — ``weekday`` is reported as (1, "b") for business day."""
        if self.code == "weekday":
            return 1, "b"
        if self.code in ("day", "week", "month"):
            return 1, self.code[0]
        return int(self.code[:-1]), self.code[-1]

    def next_day(self, after: date, *, anchor: date | None = None) -> date:
        """The next due day strictly after ``after``.

        Without ``anchor`` the step is counted from ``after`` (a task done
        late moves with it). With ``anchor`` (the first due day) the series
        keeps its own rhythm, so a monthly task due on the 31st comes back
        to the 31st after a short month instead of drifting to the 28th.
        """
        count, unit = self._step()
        if unit == "b":
            day = after + timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            return day
        start = after if anchor is None else anchor
        if anchor is not None and anchor > after:
            return anchor
        if unit == "m":
            from dateutil.relativedelta import relativedelta  # lazy: rarely needed

            months = (after.year - start.year) * 12 + after.month - start.month
            k = max(months // count, 1 if anchor is None else 0)
            while (candidate := start + relativedelta(months=k * count)) <= after:
                k += 1
            return candidate
        step = count * (7 if unit == "w" else 1)
        return start + timedelta(days=((after - start).days // step + 1) * step)

    def label(self) -> str:
        """Human label in the current language: "every 2 days" / "每2天"."""
        count, unit = self._step()
        if unit == "b":
            return t("recurrence.weekday")
        names = {"d": ("day", "days"), "w": ("week", "weeks"), "m": ("month", "months")}
        single, plural = names[unit]
        return t(f"recurrence.{single}") if count == 1 else t(f"recurrence.{plural}", n=count)


def _from_count(count: int | None, unit: str) -> str | None:
    if count is None or not 1 <= count <= _MAX_COUNT:
        return None
    return _SINGLE[unit] if count == 1 else f"{count}{unit}"


def parse_rule(text: str) -> Rule:
    """Read a repeat rule in English or Chinese; raises ``InputError`` with examples."""
    folded = re.sub(r"\s+", "", normalize(text).casefold())
    code = _WORDS.get(folded)
    if not code and (m := _EN_COUNTED.fullmatch(folded)):
        code = _from_count(int(m[1]), _UNIT_LETTER[m[2]])
    if not code and (m := _CN_COUNTED.fullmatch(folded)):
        code = _from_count(parse_count(m[1]), _UNIT_LETTER[m[2]])
    if code:
        try:
            return Rule(code)
        except ValueError:
            pass  # "1d" or "0w": fall through to the error
    raise InputError("recurrence.unknown", text=" ".join(text.split()), examples=t("recurrence.examples"))
