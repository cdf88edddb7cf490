"""The figures and rates of one grid over a range of days, from plain rows: the one definition.

The worker's ``gridnote report`` (:mod:`gridnote.services.report`) and the grid
centre's ``gridnote centre report`` (:mod:`gridnote.centre.store.report`) both read a
:class:`GridRows` for a grid and a range (the notebook from its SQLite tables,
the centre from its own, on SQLite or PostgreSQL) and hand it to
:func:`figures` and :func:`rates`. The rules live here and nowhere else, so the
two reports agree to the unit. A row source only selects the rows of the range
(by their ``day`` columns) and leaves out undone visits; every other rule —
who was reached, which deadline was met, which rating counts, who is on a care
round — is applied below. Keys (a resident, an issue …) are whatever the
source uses to tell rows apart: local numbers in a notebook, global ids at the
centre.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable
from datetime import datetime
from typing import Any

from gridnote import clock
from gridnote.domain.issue_terms import OPEN_STATUSES
from gridnote.models import ReportRate, ReportRates
from gridnote.models.figures import DeadlineRow, Figures, GridRows, RatingRow, StepRow

CARE_VISIT_KINDS = ("visit", "emergency")  # a care visit sees the person at home (not phone or wechat)
RATINGS = ("satisfied", "basically-satisfied", "dissatisfied")
# the steps of the numbers, each counting issues once: step -> the timeline kinds that take it
STEP_KINDS: dict[str, tuple[str, ...]] = {
    "received": ("receive",),
    "verified": ("verify",),
    "rejected": ("reject",),
    "referred": ("refer",),
    "resolved": ("resolve",),
    "reported": ("tell",),
    "closed": ("close",),  # and a rating that closed it
    "reopened": ("reopen",),
}

# enquiries (咨询/建议) are counted apart: step -> the timeline kind that takes it
ENQUIRY_STEPS: dict[str, str] = {"received": "receive", "answered": "resolve", "told": "tell"}


def _at(stamp: str) -> datetime:
    return clock.parse(stamp)


# -- the counts -----------------------------------------------------------------------------
def figures(rows: GridRows, kinds: Iterable[str], moment: datetime | None = None) -> Figures:
    """The counts of ``rows``; ``kinds`` are the visit kinds to show (each, also 0).

    ``moment`` (the end of the range) judges which open issues are overdue.
    """
    visits = dict.fromkeys(kinds, 0)
    for v in rows.visits:
        visits[v.kind] = visits.get(v.kind, 0) + 1
    complaints = [s for s in rows.steps if not s.enquiry]
    steps = issue_steps(complaints)
    received: dict[str, int] = {}
    resolved: dict[str, int] = {}
    seen: set[tuple[str, Hashable]] = set()
    for s in complaints:
        for kind, counts in (("receive", received), ("resolve", resolved)):
            if s.kind == kind and (kind, s.issue) not in seen:
                seen.add((kind, s.issue))
                counts[s.category] = counts.get(s.category, 0) + 1
    overdue: dict[str, int] = {}
    if moment is not None:
        for issue in rows.open_issues:
            if (
                not issue.enquiry
                and issue_deadline(
                    issue.status, issue.first_response_at, issue.response_due_at, issue.resolve_due_at, moment
                )[2]
            ):
                overdue[issue.category] = overdue.get(issue.category, 0) + 1
    return Figures(
        visits=visits,
        residents_reached=len(reached(rows)),
        households_reached=len({v.household for v in rows.visits if v.kind != "walk" and v.household is not None}),
        buildings=rows.buildings,
        walks=len({(v.building, v.day) for v in rows.visits if v.kind == "walk" and v.building is not None}),
        readings=len(rows.readings),
        readings_flagged=sum(1 for flagged in rows.readings if flagged),
        issues={**steps, "rated": sum(latest_ratings(r for r in rows.ratings if not r.enquiry).values())},
        events=len(rows.attendees),
        attendees=sum(n or 0 for n in rows.attendees),
        received_by_category=received,
        resolved_by_category=resolved,
        overdue_by_category=overdue,
        enquiries=enquiry_steps(rows.steps),
    )


def enquiry_steps(steps: Iterable[StepRow]) -> dict[str, int]:
    """Enquiries received, answered and told in the range, each counted once per step."""
    taken: dict[str, set[Hashable]] = {step: set() for step in ENQUIRY_STEPS}
    by_kind = {kind: step for step, kind in ENQUIRY_STEPS.items()}
    for s in steps:
        step = by_kind.get(s.kind)
        if s.enquiry and step is not None:
            taken[step].add(s.issue)
    return {step: len(issues) for step, issues in taken.items()}


def reached(rows: GridRows) -> set[Hashable]:
    """Residents reached: a resident's own contacts, and everyone living in a household visited as a whole
    (those who had moved out by the time of the visit left out). The building walk reaches nobody."""
    found = {v.resident for v in rows.visits if v.kind != "walk" and v.resident is not None}
    whole: dict[Hashable, list[str]] = {}
    for v in rows.visits:
        if v.kind != "walk" and v.resident is None and v.household is not None:
            whole.setdefault(v.household, []).append(v.at)
    if whole:
        for r in rows.residents:
            times = whole.get(r.household)
            if times is None or r.key in found:
                continue
            if r.moved_out_at is None or any(_at(r.moved_out_at) > _at(t) for t in times):
                found.add(r.key)
    return found


def issue_steps(steps: Iterable[StepRow]) -> dict[str, int]:
    """Issues that took each step, each counted once per step (a rating that closed an issue closes it)."""
    taken: dict[str, set[Hashable]] = {step: set() for step in STEP_KINDS}
    by_kind = {kind: step for step, kinds in STEP_KINDS.items() for kind in kinds}
    for s in steps:
        step = by_kind.get(s.kind)
        if step is not None:
            taken[step].add(s.issue)
        elif s.kind == "rate" and s.to_status == "closed":
            taken["closed"].add(s.issue)
    return {step: len(issues) for step, issues in taken.items()}


def latest_ratings(ratings: Iterable[RatingRow]) -> dict[str, int]:
    """Issues rated, by the latest rating each was given among ``ratings`` (the one definition of "rated").

    Only a reporter rates: a rating stored on an issue nobody reported (possible
    before ``rate`` refused it) is left out, so it never counts upward.
    """
    latest: dict[Hashable, tuple[str, int, str]] = {}
    for r in ratings:
        if not r.reported:
            continue
        rating = json.loads(r.data or "{}").get("rating")
        known = latest.get(r.issue)
        if known is None or (r.at, r.order) > known[:2]:
            latest[r.issue] = (r.at, r.order, rating)
    counts = dict.fromkeys(RATINGS, 0)
    for _, _, rating in latest.values():
        counts[rating] = counts.get(rating, 0) + 1
    return counts


# -- the rates -----------------------------------------------------------------------------
def rates(rows: GridRows, care_groups: Iterable[str], now: datetime) -> ReportRates:
    """The three rates and care coverage (definitions in :mod:`gridnote.services.report`).

    Enquiries are left out of the three rates, also one given a deadline group.
    """
    ratings = latest_ratings(r for r in rows.ratings if not r.enquiry)
    return ReportRates(
        response=deadline_rate("response", [d for d in rows.response if not d.enquiry], now),
        resolution=deadline_rate(
            "resolution", [d for d in rows.resolve if d.status != "rejected" and not d.enquiry], now
        ),
        satisfaction=ReportRate(
            "satisfaction", ratings["satisfied"] + ratings["basically-satisfied"], sum(ratings.values()), parts=ratings
        ),
        coverage=[ReportRate(tag, visited, residents) for tag, visited, residents in coverage(rows, care_groups)],
    )


def deadline_rate(code: str, due: Iterable[DeadlineRow], now: datetime) -> ReportRate:
    """Deadlines met in time / deadlines decided; one not met whose deadline is still ahead is pending.

    The deadline's own moment is in time: met at exactly the deadline is met,
    and not met at exactly the deadline (``now``) is still pending, not missed.
    """
    total = met = pending = 0
    for d in due:
        total += 1
        if d.done_at is not None:
            met += _at(d.done_at) <= _at(d.due_at)
        elif _at(d.due_at) >= now:
            pending += 1
    return ReportRate(code, met, total - pending, pending=pending)


def coverage(rows: GridRows, care_groups: Iterable[str]) -> list[tuple[str, int, int]]:
    """Per care group with anyone in it, in the order given: (tag, residents with a care visit, residents).

    On the rounds: living here and registered before ``rows.registered_by``.
    A care visit is a home visit or call-out in the range, her own or her
    household's as a whole.
    """
    own = {v.resident for v in rows.visits if v.kind in CARE_VISIT_KINDS and v.resident is not None}
    households = {
        v.household
        for v in rows.visits
        if v.kind in CARE_VISIT_KINDS and v.resident is None and v.household is not None
    }
    limit = _at(rows.registered_by) if rows.registered_by else None
    counts: dict[str, list[int]] = {}
    for r in rows.residents:
        if not r.tags or r.moved_out_at is not None or (limit is not None and _at(r.created_at) >= limit):
            continue
        visited = r.key in own or (r.household is not None and r.household in households)
        for tag in r.tags:
            pair = counts.setdefault(tag, [0, 0])
            pair[0] += visited
            pair[1] += 1
    return [(tag, *counts[tag]) for tag in care_groups if tag in counts]  # type: ignore[misc]


# -- many grids' figures as one ------------------------------------------------------------
def _add(counts: Iterable[dict[str, int]], first: Iterable[str] = ()) -> dict[str, int]:
    """Counts added key by key; keys in the order met (``first`` before any)."""
    total = dict.fromkeys(first, 0)
    for one in counts:
        for key, n in one.items():
            total[key] = total.get(key, 0) + n
    return total


def added_figures(each: list[Figures], kinds: Iterable[str]) -> Figures:
    """The figures of many grids' rows together, from each grid's figures.

    Every figure counts things keyed by their grid (a resident, a household, a
    (building, day) walk, an issue), so no two grids count the same thing and the
    counts add up: the same numbers as :func:`figures` over all grids' rows, in
    the same order of keys, without running the rules a second time.
    """
    return Figures(
        visits=_add((f.visits for f in each), kinds),
        residents_reached=sum(f.residents_reached for f in each),
        households_reached=sum(f.households_reached for f in each),
        buildings=sum(f.buildings for f in each),
        walks=sum(f.walks for f in each),
        readings=sum(f.readings for f in each),
        readings_flagged=sum(f.readings_flagged for f in each),
        issues=_add((f.issues for f in each), [*STEP_KINDS, "rated"]),
        events=sum(f.events for f in each),
        attendees=sum(f.attendees for f in each),
        received_by_category=_add(f.received_by_category for f in each),
        resolved_by_category=_add(f.resolved_by_category for f in each),
        overdue_by_category=_add(f.overdue_by_category for f in each),
        enquiries=_add((f.enquiries for f in each), ENQUIRY_STEPS),
    )


def _added_rate(code: str, each: list[ReportRate], parts: Iterable[str] | None = None) -> ReportRate:
    return ReportRate(
        code,
        sum(r.numerator for r in each),
        sum(r.denominator for r in each),
        pending=sum(r.pending for r in each),
        parts={} if parts is None else _add((r.parts for r in each), parts),
    )


def added_rates(each: list[ReportRates], care_groups: Iterable[str]) -> ReportRates:
    """The rates of many grids together: numerators, denominators and pending add up (keys are per grid)."""
    groups: dict[str, list[ReportRate]] = {}
    for rates_of in each:
        for rate in rates_of.coverage:
            groups.setdefault(rate.code, []).append(rate)
    return ReportRates(
        response=_added_rate("response", [r.response for r in each]),
        resolution=_added_rate("resolution", [r.resolution for r in each]),
        satisfaction=_added_rate("satisfaction", [r.satisfaction for r in each], RATINGS),
        coverage=[_added_rate(tag, groups[tag]) for tag in care_groups if tag in groups],
    )


# -- deadlines of one issue ------------------------------------------------------------------
def issue_deadline(
    status: str, first_response_at: str | None, response_due_at: str | None, resolve_due_at: str | None, moment: Any
) -> tuple[str | None, str | None, bool]:
    """(the deadline she works against — "response" or "resolve" —, when it falls, passed at ``moment``).

    Not yet contacted by ``moment``: the response deadline; contacted and not
    resolved: the resolution deadline; resolved, told, closed or rejected: none.
    """
    if status not in OPEN_STATUSES:
        return None, None, False
    if first_response_at is None or _at(first_response_at) > moment:
        deadline, due_at = "response", response_due_at
    elif status in ("received", "verified", "referred"):
        deadline, due_at = "resolve", resolve_due_at
    else:
        return None, None, False
    if due_at is None:
        return deadline, None, False
    return deadline, due_at, _at(due_at) < moment
