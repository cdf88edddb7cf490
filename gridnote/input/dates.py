"""The one natural date/time reader behind ``--due``, ``--at``, ``--date``, ``--from``/``--to``.

She types between two doorbells, in English or Chinese, on a phone keyboard
that may produce full-width digits, so the input is normalised first
(``gridnote.input.text``) and English is case-folded. The common forms are read
by the patterns of ``gridnote.input.date_grammar``; only unusual English ones (``Dec 3``,
``3 Dec 2026 14:00``) fall back to ``dateutil.parser``, imported on demand
because it costs ~30 ms at start-up.

Decisions (each pinned by ``tests/test_dates.py``):

* A day without a time is an all-day item (``When.time is None``).
* A time without a day means *today*, even if that time has already passed:
  she is often logging something that happened this morning. What is due
  (``--due``, ``--follow-up``, ``task move``: :func:`parse_due_when`) looks
  ahead instead: a bare time already past today is tomorrow's (``6:30``
  typed at noon is tomorrow 06:30); ``今天6:30`` still means today.
* In a history (:func:`parse_past_when`) only a time alone may mean the last
  such time (``20:00`` at 14:00 is last night's); a time that names its day
  (``今晚8点``, ``今天20:00``, ``today 20:00``, ``tonight 8pm``) is that day, and
  still ahead it is refused by whatever records what happened.
* Weekday names (``fri``, ``周五``) mean the next such day, today included.
  ``next fri``/``下周五`` is the Friday of next week, ``last fri``/``上周五``
  of last week, ``this fri``/``这周五`` of this week even if it has passed;
  weeks start on Monday. ``周末``/``weekend`` is the next Saturday.
* A month and day without a year (``12-01``, ``12月1日``, ``Dec 3``) mean the
  next such day, today included, unless that day was at most two months ago
  (``11-20`` typed on 11-29 is nine days ago, not next year). A day of month
  alone (``1号``) means the next such day, today included.
* A month counted from this one (``下个月5号``, ``上月20日``, ``下个月底``, ``下月初``,
  ``the 5th of next month``, ``next month``: its 1st) is that month's day;
  ``the 5th`` alone is the next 5th, as ``5号`` is. ``last night``/``昨晚``/``昨夜``
  and ``yesterday morning`` … ``tomorrow night`` are the day before or after
  with a part of the day (``last night 8pm``, ``8pm last night``).
* ``2d``/``3天后`` (days, weeks, months, years) give a day; ``3h``/``30m``/
  ``2小时后`` give a moment counted from now. ``m`` is minutes; months are
  ``mo`` or spelled out (recurrence codes differ: there ``2m`` is months).
* Chinese hours without a part of the day are on the 24-hour clock
  (``两点`` is 02:00, ``下午两点`` 14:00); ``晚上12点`` is the midnight that
  ends that evening. A part of the day alone gets a usual hour:
  morning/早上 07:00, 上午 09:00, noon/中午 12:00, afternoon/下午 15:00,
  傍晚 18:00, evening/晚上 20:00 (so ``tonight``/``今晚`` is 20:00).
* A date-time with an offset (``2026-12-01T06:30+08:00``) is converted to
  the local wall clock. A bare number (``3``) is refused: day or hour?
* Work dates lie in the years ``FIRST_YEAR``–``LAST_YEAR`` (1900–2100); any
  other year is a typo (``0001-01-01``, ``in 200 years``) and is refused by
  name, so no later date arithmetic (ranges, repeats) can leave the calendar.
  Birth dates have their own reader (``services.resident_fields``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from gridnote import clock
from gridnote.errors import InputError
from gridnote.input.text import normalize
from gridnote.input.when import FIRST_YEAR, LAST_YEAR, When, in_bounds
from gridnote.messages.i18n import t

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "When",
    "in_bounds",
    "parse_when",
    "parse_day",
    "parse_due_when",
    "parse_past_when",
    "parse_past_day",
    "parse_after",
    "parse_range",
    "format_examples",
]


# ---------------------------------------------------------------- public API
def format_examples(*, days_only: bool = False) -> str:
    """Accepted forms, in the current language, for the one-line error messages."""
    return t("dates.examples_day" if days_only else "dates.examples")


def _shown(text: str) -> str:
    """The input as quoted in an error: one line, not too long."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 40 else one_line[:39] + "…"


def _read_form(text: str, now: datetime | None, days_only: bool) -> tuple[When, str]:
    """The day and time typed, and its form (``date_grammar.TIME``, ``RECURRING`` or ``ANCHORED``)."""
    from gridnote.input.date_grammar import OutOfBounds, OutOfRange, read

    examples = format_examples(days_only=days_only)
    raw = " ".join(normalize(text).split())
    if not raw:
        raise InputError("dates.empty", examples=examples)
    current = clock.to_local(now) if now is not None else clock.now()
    try:
        found = read(raw, raw.casefold(), current)
    except (OutOfRange, OverflowError):  # OverflowError: in 9999999999 hours
        raise InputError("dates.invalid", text=_shown(text), examples=examples) from None
    except OutOfBounds:
        raise _bounds_error(text) from None
    if found is None:
        raise InputError("dates.unparseable", text=_shown(text), examples=examples)
    if not in_bounds(found[0].day):
        raise _bounds_error(text)
    return found


def _read(text: str, now: datetime | None, days_only: bool) -> When:
    return _read_form(text, now, days_only)[0]


def _bounds_error(text: str) -> InputError:
    return InputError("dates.out_of_bounds", text=_shown(text), first=FIRST_YEAR, last=LAST_YEAR)


def parse_when(text: str, *, now: datetime | None = None) -> When:
    """Read a day with an optional time (``--due``, ``--at``); raises ``InputError``."""
    return _read(text, now, days_only=False)


def parse_day(text: str, *, now: datetime | None = None) -> date:
    """Read a day (``--date``, ``--from``/``--to``); input carrying a time is refused.

    Silently dropping a time would hide a typo (``--from 6:30``), so it is an error.
    """
    when = _read(text, now, days_only=True)
    if when.time is not None:
        raise InputError("dates.day_only", text=_shown(text), examples=format_examples(days_only=True))
    return when.day


def parse_due_when(text: str, *, now: datetime | None = None) -> When:
    """A due day and time (``--due``, ``--follow-up``): a bare time already past today is tomorrow's.

    Only a time typed without a day moves; a day typed with it is kept as typed.
    """
    from gridnote.input.date_grammar import TIME

    current = clock.to_local(now) if now is not None else clock.now()
    when, form = _read_form(text, current, days_only=False)
    if form == TIME and when.day == current.date() and when.to_datetime() < current:
        return When(when.day + timedelta(days=1), when.time)
    return when


# ---------------------------------------------------------------- looking back
def parse_past_when(text: str, *, now: datetime | None = None) -> When:
    """A day (and time) in a history: ``周五``, ``11-20``, ``1号`` mean the last such day, not the next.

    :func:`parse_when` reads them forward (the next such day, as due dates
    need). A day that comes round again (a weekday, a month and day, a day of
    the month) is read from a reference moved back by less than its period (a
    week, a month, a year): the earlier occurrence is kept when it is the latest
    one on or before today. A monthly or yearly form falling tomorrow (``--to
    11-30`` on 11-29) is tomorrow's, not a period ago. A time of day alone that
    is still ahead is the last such time (``23:00`` typed at 00:30: last night).
    Anything that names its day (``今天``, ``今晚8点``, ``today 20:00``,
    ``下周五``, ``2 days ago``) means that day and is returned as read, even
    when it is still ahead: a record of what happened then refuses it.
    """
    from gridnote.input.date_grammar import RECURRING, TIME

    now = clock.to_local(now) if now is not None else clock.now()
    today = now.date()
    when, form = _read_form(text, now, days_only=False)
    if form == TIME:
        if when.to_datetime() > now:
            return When(when.day - timedelta(days=1), when.time)  # 23:00 typed at 00:30: last night
        return when
    if form != RECURRING or when.day <= today:
        return when
    for back in (6, 30, 365):  # a week, a month, a year: the form's period, less a day
        candidate = parse_when(text, now=now - timedelta(days=back))
        if candidate.day <= today and (today - candidate.day).days <= back:
            if back > 6 and (when.day - today).days <= 1:
                return when  # --to 11-30 typed on 11-29 means tomorrow, not a year ago
            return candidate  # the latest occurrence on or before today
    return when


def parse_after(text: str, start: datetime, *, now: datetime | None = None) -> datetime:
    """A moment after ``start`` (``log --until``, when she got back): a time of day alone is the
    first such time after ``start`` (``--at 23:30 --until 0:20`` is past midnight); anything naming
    its day is read as :func:`parse_past_when` reads it. A day without a time is refused."""
    from gridnote.input.date_grammar import TIME

    start = clock.to_local(start)
    when, form = _read_form(text, start, days_only=False)
    if form == TIME:
        moment = when.to_datetime()
        while moment <= start:
            moment += timedelta(days=1)
        return moment
    when = parse_past_when(text, now=now)
    if when.time is None:
        raise InputError("dates.needs_time", text=_shown(text))
    return when.to_datetime()


def parse_past_day(text: str) -> date:
    """``--date``/``--from``/``--to`` of a history query (see :func:`parse_past_when`); a time is refused."""
    parse_day(text)  # refuses a time of day (and anything unreadable) with the usual message
    return parse_past_when(text).day


def parse_range(
    first: str | None, last: str | None, *, past: bool = True, default_last: date | None = None
) -> tuple[date | None, date | None]:
    """``--from``/``--to`` of a list, read one way for every command, and in order.

    ``past=True`` for histories (visits, issues, events, reports: ``周五`` is last
    Friday), ``False`` for what is due (tasks: ``周五`` is the coming one). In a
    history the start is read against the end: a day that comes round again is
    the latest one on or before ``--to`` (``--from 周五 --to 周一``: the Friday
    before that Monday; ``--from 12-20 --to 01-10`` crosses the new year). A
    month and day more than two months before the end is not pushed back a
    year to fit: ``--from 12-05 --to 12-01`` is a range backwards, refused with
    both days shown, as is any start after its end. ``--from`` alone is read
    against today the same way: ``--from 12-05`` typed on 11-29 is the coming
    12-05 (a range that has not begun), never a year of history.
    """
    read = parse_past_day if past else parse_day
    end = read(last) if last else default_last
    start = None
    if first:
        start = read(first)
        if past:  # an open range (--from alone) is read against today, as if --to were today
            start = _start_before(first, end if end is not None else clock.today())
    if start is not None and end is not None and start > end:
        raise InputError("dates.range_backwards", start=start.isoformat(), end=end.isoformat())
    return start, end


def _start_before(text: str, end: date) -> date:
    """The first day of a history range, read against its last day (see :func:`parse_range`)."""
    from gridnote.input.date_grammar import RECURRING

    _, form = _read_form(text, None, days_only=True)
    if form != RECURRING:
        return parse_past_day(text)  # today, 3 days ago, 2026-12-01: as they are
    evening = clock.at(end, time(23, 59, 59))
    latest = parse_past_when(text, now=evening).day
    if (end - latest).days <= 61:
        return latest
    return parse_when(text, now=evening).day  # the one after the end: the range is backwards
