"""The one source of "now", the local time zone, and timestamp text.

Timestamps are stored as ISO 8601 with the local offset
(``2026-11-29T06:30:00+08:00``); a "day" is a local calendar day stored as
``YYYY-MM-DD`` beside it so day queries use an index.

``GRIDNOTE_NOW`` (an ISO date-time) pins the clock, for scripted demos and
tests; ``set_now`` does the same from Python.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, tzinfo

from gridnote.errors import InputError

_fixed_now: datetime | None = None
_tz: tzinfo | None = None


class ClockError(InputError):
    """A time zone or pinned time that cannot be used."""


def set_timezone(name: str | None) -> None:
    """Use an IANA zone (``Asia/Shanghai``) instead of the machine's zone."""
    global _tz
    if not name:
        _tz = None
        return
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        _tz = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ClockError("config.bad_timezone", text=name) from exc


def set_now(value: datetime | None) -> None:
    """Pin the clock (``None`` releases it)."""
    global _fixed_now
    _fixed_now = value


def reset() -> None:
    set_now(None)
    set_timezone(None)


def localize(naive: datetime) -> datetime:
    """Attach the local zone to a wall-clock time."""
    if _tz is not None:
        return naive.replace(tzinfo=_tz)
    return naive.astimezone()


def to_local(moment: datetime) -> datetime:
    """The same instant on the local wall clock; naive values are taken as local."""
    if moment.tzinfo is None:
        return localize(moment)
    if _tz is not None:
        return moment.astimezone(_tz)
    return moment.astimezone()


def now() -> datetime:
    """The current local time, aware, to the second."""
    if _fixed_now is not None:
        return to_local(_fixed_now)
    env = os.environ.get("GRIDNOTE_NOW")
    if env:
        try:
            return to_local(datetime.fromisoformat(env))
        except ValueError as exc:
            raise ClockError("clock.bad_now", text=env) from exc
    current = datetime.now(_tz) if _tz is not None else datetime.now().astimezone()
    return current.replace(microsecond=0)


def today() -> date:
    return now().date()


def at(day: date, clock_time: time | None = None) -> datetime:
    """An aware local datetime for a day and a wall-clock time (midnight if none)."""
    return localize(datetime.combine(day, clock_time or time(0, 0)))


def as_of(day: date) -> datetime:
    """The moment a day's agenda is looked at from: now for today, the start of a later
    day, the end of an earlier one (what is late by then, is late)."""
    current = now()
    if day == current.date():
        return current
    return at(day if day > current.date() else day + timedelta(days=1))


def iso(moment: datetime) -> str:
    """Stored form: local ISO 8601 with offset, to the second."""
    return to_local(moment).isoformat(timespec="seconds")


def parse(text: str) -> datetime:
    """Read a stored timestamp back as a local aware datetime."""
    return to_local(datetime.fromisoformat(text))


def day_of(moment: datetime) -> str:
    """The local day of an instant, as stored in ``day`` columns."""
    return to_local(moment).date().isoformat()
