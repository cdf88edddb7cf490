"""The one period reader: ``--date DAY | --from DAY --to DAY | --week | --month``, for every command.

A period is the days a list or a report covers, both included. The options
exclude each other the same way everywhere (``--date`` or a range, not both;
``--week`` or ``--month``, with ``--date`` naming a day inside them), and a range
whose end comes before its start is refused with both days shown
(:func:`gridnote.input.dates.parse_range` reads the days).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from gridnote.errors import InputError


@dataclass(frozen=True)
class Period:
    """Days both included; ``kind`` says how they were asked for: day, range, week, month, or none."""

    start: date | None
    end: date | None
    kind: str = "none"


def combine(
    day: date | None = None,
    start: date | None = None,
    end: date | None = None,
    *,
    week: bool = False,
    month: bool = False,
) -> Period:
    """The period from options already read as days: the same refusals for every command."""
    if week and month:
        raise InputError("dates.week_and_month")
    if (week or month) and (start is not None or end is not None):
        raise InputError("dates.period_and_range")
    if day is not None and (start is not None or end is not None):
        raise InputError("dates.date_and_range")
    if start is not None and end is not None and start > end:
        raise InputError("dates.range_backwards", start=start.isoformat(), end=end.isoformat())
    if week or month:
        if day is None:
            from gridnote import clock

            day = clock.today()
        if week:
            first = day - timedelta(days=day.weekday())
            return Period(first, first + timedelta(days=6), "week")
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return Period(day.replace(day=1), last, "month")
    if day is not None:
        return Period(day, day, "day")
    if start is not None or end is not None:
        return Period(start, end, "range")
    return Period(None, None)


def read_period(
    day: str | None = None,
    first: str | None = None,
    last: str | None = None,
    *,
    week: bool = False,
    month: bool = False,
    past: bool = True,
    default_last: date | None = None,
) -> Period:
    """The period from what she typed; ``past`` reads days backwards (histories), else forwards (tasks).

    ``default_last`` is the end of a range given only ``--from`` (today for the
    visit log and the report; open-ended elsewhere).
    """
    from gridnote.input.dates import parse_day, parse_past_day, parse_range

    combine(
        day=date.min if day else None,
        start=date.min if first else None,
        end=date.max if last else None,
        week=week,
        month=month,
    )  # the options that exclude each other, before reading any day
    if first is not None or last is not None:
        start, end = parse_range(first, last, past=past, default_last=default_last if first else None)
        return combine(start=start, end=end)
    read = parse_past_day if past else parse_day
    return combine(day=read(day) if day is not None else None, week=week, month=month)
