"""Days and times as she reads them: "today", "tomorrow", "Mon 30 Nov" / "11月30日 周一".

Every short form drops the year only for a date in the current year: a
visit of 2025-11-29 must not read as the coming 11-29.
"""

from __future__ import annotations

from datetime import date

from gridnote.messages.i18n import t

_RELATIVE = {0: "when.today", 1: "when.tomorrow", -1: "when.yesterday"}


def _as_date(day: str | date) -> date:
    return date.fromisoformat(day[:10]) if isinstance(day, str) else day


def month_day(day: str | date, today: date) -> str:
    """``11-29`` in the current year, ``2025-11-29`` in another."""
    value = _as_date(day)
    return value.isoformat()[5:] if value.year == today.year else value.isoformat()


def month_day_weekday(day: str | date, today: date) -> str:
    """``12-01 Tue`` / ``12-01 周二``; another year: ``2025-11-29 Sat``."""
    value = _as_date(day)
    return f"{month_day(value, today)} " + t("when.weekdays").split()[value.weekday()]


def short_time(stamp: str, today: date) -> str:
    """A stored timestamp (or a bare day) as ``11-29 09:40`` / ``2025-11-29 09:40``."""
    day, _, clock_time = stamp.partition("T")
    shown = month_day(day, today)
    return f"{shown} {clock_time[:5]}" if clock_time else shown


def short_date(day: date, today: date) -> str:
    """``Mon 30 Nov`` / ``11月30日 周一``; another year: the long form, which has the year."""
    if day.year != today.year:
        return long_date(day)
    return t(
        "when.date",
        weekday=t("when.weekdays").split()[day.weekday()],
        day=day.day,
        month=t("when.months").split()[day.month - 1],
    )


def long_date(day: date) -> str:
    """``Monday 30 November 2026`` / ``2026年11月30日 星期一``."""
    return t(
        "when.date_long",
        weekday=t("when.weekdays_long").split()[day.weekday()],
        day=day.day,
        month=t("when.months_long").split()[day.month - 1],
        year=day.year,
    )


def relative_word(day: date, today: date) -> str | None:
    """``today``, ``tomorrow``, ``yesterday`` or None."""
    key = _RELATIVE.get((day - today).days)
    return t(key) if key else None


def day_label(day: date, today: date) -> str:
    """``today``, ``tomorrow``, ``Mon 30 Nov``; another year: ``2027-11-30``."""
    word = relative_word(day, today)
    if word:
        return word
    return short_date(day, today) if day.year == today.year else day.isoformat()


def due_label(due_date: str | None, due_time: str | None, today: date) -> str:
    """``tomorrow 06:30``, ``Mon 30 Nov``, ``no date``."""
    if due_date is None:
        return t("task.undated")
    label = day_label(date.fromisoformat(due_date), today)
    return f"{label} {due_time}" if due_time else label


def span_text(minutes: int) -> str:
    """A length of time as she reads it: ``45 min``, ``2h``, ``17h 50m``; two days and more
    in whole days (``3 days``). Negative lengths are shown by their size."""
    minutes = abs(minutes)
    if minutes < 60:
        return t("when.span_minutes", m=minutes)
    hours, rest = divmod(minutes, 60)
    if hours >= 48:
        return t("when.span_days", d=hours // 24)
    if rest == 0:
        return t("when.span_hours", h=hours)
    return t("when.span_hours_minutes", h=hours, m=rest)
