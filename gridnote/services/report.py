"""The shift-end report: one model of a range of days, built from a few queries.

:func:`build_report` returns a :class:`gridnote.models.Report`; the renderers in
``gridnote/render/report_*.py`` turn that one model into text, Markdown, HTML,
JSON, CSV and XLSX, so the formats cannot disagree. The rows of the range are
read by their indexed ``day`` columns (``visits.day``, ``readings.day``,
``issue_updates.day``, ``issues.*_day``, ``tasks.done_day``, ``events.day``,
``points.day``), one query each, never one query per row. The figures and rates
the grid centre also shows are computed from those rows by
:mod:`gridnote.services.figures`, the one code both reports call, so a grid's
figures at the centre equal her own. The lists live in
:mod:`gridnote.services.report_lists`.

**Ranges.** A day (``--date``, default today), ``--from A --to B``, or the
calendar week (Monday to Sunday, ``--week``) or month (``--month``) holding
``--date`` or today, cut at today. A range that ends before it starts or
after today is refused.

**Numbers.** Entries of the visit log by kind (undone ones left out);
residents reached (a resident's own visits, and everyone living in a
household visited as a whole) and households reached, by every kind but the
building walk; building walks as (building, day) pairs walked, of buildings ×
days; readings taken and flagged; issues that took each step (received,
verified, rejected, referred, resolved, reported back, rated, closed,
reopened: each issue counted once per step); tasks finished, and tasks due
on or before the last day still open at its end (they carry over); outreach
events and their attendees; points awarded (and to how many residents) and
redeemed; care-group residents overdue a visit on the last day (residents
registered after it left out: :func:`gridnote.services.care.care_round`).

**As it stood.** Lists and states are read as at the end of the range (now,
when it ends today): an issue's state from its timeline, care rounds from the
visits up to the last day. The next day's work (starred and timed items) is
shown when the range ends today: it is tomorrow's.

**Rates** (for ``--week``, ``--month`` and any range of 7 days or more); each
is a numerator over a denominator, so it can be checked by hand:

* **response rate** — issues whose *response deadline falls in the range*
  (``response_due_day``), first contact (``first_response_at``) at or before
  that deadline / those issues. An issue not yet contacted whose deadline is
  still ahead (or is now, exactly) is *pending*: counted in neither. Rejected issues count (a
  rejection answers the reporter).
* **resolution rate** — issues whose *resolution deadline falls in the range*
  (``resolve_due_day``), rejected ones left out, resolved (``resolved_at``) at
  or before that deadline / those issues; unresolved ones whose deadline is
  still ahead are pending.
* **satisfaction rate** — (satisfied + basically satisfied) / issues rated
  in the range: each issue given a rating in the range counts once, with the
  latest rating it was given in the range, also when it was reopened
  afterwards (read from the timeline: ``figures.latest_ratings``, which also
  gives the "rated" figure of the numbers, so the two agree).
* **care coverage**, per care group — residents of that tag with at least one
  care visit in the range (:func:`care_coverage`: a home
  visit or emergency call-out, not undone; household visits count) /
  residents of that tag (moved-out residents, and residents registered after
  the range, left out).

**Call-outs.** The emergency call-outs of the range (``log -k 应急``), each with
when she left and got back (``--until``) when she said, are listed apart.

**Privacy.** Unless ``full``, phone and ID numbers are masked as the model is
built (``138****5678``), also inside free text, so no format can leak them.
Readings are listed only when flagged, unless ``readings="all"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gridnote import clock
from gridnote.domain.vocab import VISIT_KINDS, Term, Vocabulary
from gridnote.errors import InputError
from gridnote.input.periods import Period
from gridnote.models import Call, Report, ReportNumbers, ReportRange, ReportRates
from gridnote.models.figures import GridRows
from gridnote.store import report as figures
from gridnote.store.notebook import Notebook

JSON_VERSION = 1

READING_SCOPES = Vocabulary(
    "readings",
    (
        Term("flagged", "flagged", "标记的", ("异常", "标记", "flag")),
        Term("all", "all", "全部", ("所有", "every")),
    ),
)
# the keys of ``ReportNumbers.issues``: issues that took each step of the timeline
ISSUE_FIGURES = ("received", "verified", "rejected", "referred", "resolved", "reported", "rated", "closed", "reopened")


# -- the range ---------------------------------------------------------------------
def report_range(today: date, period: Period) -> ReportRange:
    """The days to report on, from the period asked for (``gridnote.input.periods``).

    Nothing asked is today; a week or a month is cut at today; ``--to`` needs
    ``--from``; no day after today is reported.
    """
    if period.kind in ("week", "month"):
        assert period.start is not None and period.end is not None
        _not_future(period.start, today)
        return ReportRange(period.start, min(period.end, today), period.kind)
    if period.start is None and period.end is not None:
        raise InputError("report.to_needs_from")
    if period.kind == "range":
        assert period.start is not None
        end = period.end or today
        if period.start > end:
            raise InputError("dates.range_backwards", start=period.start.isoformat(), end=end.isoformat())
        _not_future(end, today)
        return ReportRange(period.start, end, "range" if period.start != end else "day")
    day = period.start or today
    _not_future(day, today)
    return ReportRange(day, day, "day")


def _not_future(day: date, today: date) -> None:
    if day > today:
        raise InputError("report.future", day=day.isoformat())


def as_of(span: ReportRange) -> datetime:
    """The moment states and deadlines are judged at: now, or the end of the range's last day."""
    today = clock.today()
    return clock.now() if span.end >= today else clock.at(span.end + timedelta(days=1))


# -- building it -------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportOptions:
    full: bool = False  # phone and ID numbers as they are
    readings: str = "flagged"  # or "all"


def parse_readings_scope(text: str) -> str:
    code = READING_SCOPES.lookup(text)
    if code is None:
        raise InputError("report.bad_readings", text=text)
    return code


def build_report(nb: Notebook, span: ReportRange, options: ReportOptions = ReportOptions()) -> Report:
    """The whole report of ``span``."""
    from gridnote.services import events as outreach
    from gridnote.services import report_lists as lists
    from gridnote.services.callouts import callouts_between, masked
    from gridnote.services.categories import categories

    moment = as_of(span)
    care = lists.care_overdue(nb, span.end, full=options.full)
    # the range's rows are counted, then let go before the lists are read: a decade's report holds
    # 100,000 visit rows or 5,000 issues' lists, never both at once
    rows = grid_rows(nb, span)
    counted = numbers(nb, span, moment, care_overdue=len(care), rows=rows)
    measured = rates(nb, span, rows) if span.with_rates else None
    del rows
    new, progressed, still_open = lists.issue_lists(nb, span, moment, full=options.full)
    next_day = span.end + timedelta(days=1) if span.end >= clock.today() else None
    planned, others = lists.planned(nb, next_day, full=options.full) if next_day else ([], 0)
    events = outreach.list_events(nb, since=span.start, until=span.end)
    return Report(
        range=span,
        generated_at=clock.iso(clock.now()),
        as_of=clock.iso(moment),
        full=options.full,
        readings_scope=options.readings,
        numbers=counted,
        readings=lists.readings(nb, span, flagged_only=options.readings != "all"),
        care_overdue=care,
        new_issues=new,
        progressed_issues=progressed,
        open_issues=still_open,
        next_day=next_day,
        planned=planned,
        planned_others=others,
        rates=measured,
        categories=categories(nb) if new or progressed or still_open else [],
        callouts=masked(callouts_between(nb, span.start, span.end), full=options.full),
        events=outreach.masked(events, full=options.full),
        event_reach=outreach.event_reach(events),
        calls_left=calls_left(nb, span, full=options.full),
    )


def calls_left(nb: Notebook, span: ReportRange, *, full: bool) -> list[Call]:
    """The afternoon's calls still to make, when the report ends today: what the shift leaves for
    tomorrow's first hour. Numbers masked unless ``full`` (a report is a file that travels)."""
    if span.end != clock.today():
        return []
    from gridnote.services.calls import call_list, masked

    return masked(call_list(nb), full=full)


# -- the numbers -------------------------------------------------------------------------
def grid_rows(nb: Notebook, span: ReportRange) -> GridRows:
    """The rows of ``span`` that the shared figures (:mod:`gridnote.services.figures`) are computed from."""
    from gridnote.services.care import registered_by

    p = {"start": span.start.isoformat(), "end": span.end.isoformat(), "registered_by": registered_by(span.end)}
    return figures.grid_rows(nb, p)


def numbers(
    nb: Notebook, span: ReportRange, moment: datetime, *, care_overdue: int, rows: GridRows | None = None
) -> ReportNumbers:
    """Every count of the range: the shared figures, and the notebook's own (tasks, points)."""
    from gridnote.services.figures import figures as count

    p = {"start": span.start.isoformat(), "end": span.end.isoformat()}
    found = count(rows or grid_rows(nb, span), VISIT_KINDS.codes)
    points = figures.points(nb, p)
    return ReportNumbers(
        visits=found.visits,
        residents_reached=found.residents_reached,
        households_reached=found.households_reached,
        buildings=found.buildings,
        walks=found.walks,
        readings=found.readings,
        readings_flagged=found.readings_flagged,
        issues={step: found.issues[step] for step in ISSUE_FIGURES},
        tasks_done=int(figures.tasks_done(nb, p)),
        tasks_carried_over=carried_over(nb, span.end, moment),
        events=found.events,
        attendees=found.attendees,
        points_awarded=int(points[0]),
        points_residents=int(points[1]),
        points_redeemed=int(points[2]),
        points_taken_back=int(points[3]),
        care_overdue=care_overdue,
        enquiries=found.enquiries,
    )


def carried_over(nb: Notebook, end: date, moment: datetime) -> int:
    """Tasks due on or before ``end`` that were open at ``moment`` (the end of the range)."""
    from gridnote.services.tasks import count_carry_over

    if end >= clock.today():
        return count_carry_over(nb, end)
    from gridnote.store.tasks import count_open_at

    return count_open_at(nb, end.isoformat(), clock.iso(moment))


# -- the rates --------------------------------------------------------------------------------
def rates(nb: Notebook, span: ReportRange, rows: GridRows | None = None) -> ReportRates:
    """The three rates and care coverage of ``span`` (definitions in the module docstring)."""
    from gridnote.domain.settings import care_tags
    from gridnote.services.figures import rates as shared

    return shared(rows or grid_rows(nb, span), care_tags(), clock.now())


def care_coverage(nb: Notebook, start: date, end: date) -> list[tuple[str, int, int]]:
    """Per care group: (tag, residents with a care visit from ``start`` to ``end``, residents).

    A care visit as above (also a household visit for everyone living there);
    residents who moved out or were registered after ``end`` are left out;
    groups with nobody in them too. Care groups come in the order of their
    settings. The rule is :func:`gridnote.services.figures.coverage`'s, which
    the report and the grid centre share.
    """
    from gridnote.models import ReportRange
    from gridnote.services.care import care_tags
    from gridnote.services.figures import coverage as shared

    return shared(grid_rows(nb, ReportRange(start, end, "range")), care_tags())
