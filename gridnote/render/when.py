"""Days and times as she reads them: "today", "tomorrow", "Mon 30 Nov" / "11月30日 周一"."""

from __future__ import annotations

from datetime import date

from gridnote.i18n import t

_RELATIVE = {0: "when.today", 1: "when.tomorrow", -1: "when.yesterday"}


def short_date(day: date) -> str:
    """``Mon 30 Nov`` / ``11月30日 周一``."""
    return t("when.date", weekday=t("when.weekdays").split()[day.weekday()], day=day.day,
             month=t("when.months").split()[day.month - 1])


def long_date(day: date) -> str:
    """``Monday 30 November 2026`` / ``2026年11月30日 星期一``."""
    return t("when.date_long", weekday=t("when.weekdays_long").split()[day.weekday()], day=day.day,
             month=t("when.months_long").split()[day.month - 1], year=day.year)


def relative_word(day: date, today: date) -> str | None:
    """``today``, ``tomorrow``, ``yesterday`` or None."""
    key = _RELATIVE.get((day - today).days)
    return t(key) if key else None


def day_label(day: date, today: date) -> str:
    """``today``, ``tomorrow``, ``Mon 30 Nov``; another year: ``2027-11-30``."""
    word = relative_word(day, today)
    if word:
        return word
    return short_date(day) if day.year == today.year else day.isoformat()


def due_label(due_date: str | None, due_time: str | None, today: date) -> str:
    """``tomorrow 06:30``, ``Mon 30 Nov``, ``no date``."""
    if due_date is None:
        return t("task.undated")
    label = day_label(date.fromisoformat(due_date), today)
    return f"{label} {due_time}" if due_time else label
