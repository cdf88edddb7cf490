"""The street's total: the grids' figures added up equal the shared rules run over all grids' rows at once.

``gridnote centre report`` adds each grid's figures and rates
(``services.figures.added_figures`` / ``added_rates``) instead of running the
rules a second time over every row of the street; keys are per grid, so the two
must agree, figure for figure and in the same order of keys.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridnote.models.figures import DeadlineRow, GridRows, OpenRow, RatingRow, ResidentRow, StepRow, VisitRow
from gridnote.services.figures import RATINGS, added_figures, added_rates, figures, rates

TZ = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 29, 18, 0, tzinfo=TZ)
KINDS = ("visit", "phone", "walk", "emergency")
TAGS = ("elderly-alone", "disabled", "low-income")
CATEGORIES = ("drains", "noise", "enquiry-like")
STEPS = ("receive", "verify", "refer", "resolve", "tell", "close", "rate", "reopen")


def _stamp(hours: int) -> str:
    return (NOW - timedelta(hours=hours)).isoformat(timespec="seconds")


stamps = st.integers(-48, 24 * 9).map(_stamp)
small = st.integers(0, 4)


@st.composite
def grid_rows(draw: st.DrawFn, grid: str) -> GridRows:
    def key(n: int) -> tuple[str, int]:
        return (grid, n)

    optional = st.none() | small.map(key)
    visits = draw(
        st.lists(
            st.builds(
                lambda kind, res, hh, b, at: VisitRow(kind, res, hh, b, at[:10], at),
                st.sampled_from(KINDS),
                optional,
                optional,
                optional,
                stamps,
            ),
            max_size=12,
        )
    )
    residents = draw(
        st.lists(
            st.builds(
                lambda n, hh, out, made, tags: ResidentRow(key(n), hh, out, made, tags),
                small,
                optional,
                st.none() | stamps,
                stamps,
                st.lists(st.sampled_from(TAGS), unique=True, max_size=2).map(tuple),
            ),
            max_size=8,
            unique_by=lambda r: r.key,
        )
    )
    issue = small.map(key)
    category = st.sampled_from(CATEGORIES)
    steps = draw(
        st.lists(
            st.builds(StepRow, issue, st.sampled_from(STEPS), st.none() | st.just("closed"), category, st.booleans()),
            max_size=10,
        )
    )
    rating = st.sampled_from(RATINGS).map(lambda r: json.dumps({"rating": r}))
    ratings = draw(
        st.lists(st.builds(RatingRow, issue, stamps, small, rating, st.booleans(), st.booleans()), max_size=5)
    )
    deadline = st.builds(
        DeadlineRow, issue, st.sampled_from(("received", "resolved", "rejected")), stamps, st.none() | stamps
    )
    open_issues = draw(
        st.lists(
            st.builds(
                OpenRow,
                issue,
                category,
                st.sampled_from(("received", "verified", "referred", "resolved")),
                st.none() | stamps,
                st.none() | stamps,
                st.none() | stamps,
                st.booleans(),
            ),
            max_size=4,
        )
    )
    return GridRows(
        visits=visits,
        residents=residents,
        buildings=draw(small),
        readings=draw(st.lists(st.booleans(), max_size=5)),
        steps=steps,
        ratings=ratings,
        response=draw(st.lists(deadline, max_size=4)),
        resolve=draw(st.lists(deadline, max_size=4)),
        attendees=draw(st.lists(st.none() | small, max_size=3)),
        open_issues=open_issues,
        registered_by=_stamp(24),
    )


def _all(rows: list[GridRows]) -> GridRows:
    """Every grid's rows as one (keys already tell grids apart)."""
    return GridRows(
        visits=[x for r in rows for x in r.visits],
        residents=[x for r in rows for x in r.residents],
        buildings=sum(r.buildings for r in rows),
        readings=[x for r in rows for x in r.readings],
        steps=[x for r in rows for x in r.steps],
        ratings=[x for r in rows for x in r.ratings],
        response=[x for r in rows for x in r.response],
        resolve=[x for r in rows for x in r.resolve],
        attendees=[x for r in rows for x in r.attendees],
        open_issues=[x for r in rows for x in r.open_issues],
        registered_by=_stamp(24),
    )


streets = st.integers(0, 4).flatmap(lambda n: st.tuples(*[grid_rows(f"g{k}") for k in range(n)]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(streets)
def test_added_figures_are_the_rules_over_all_rows(street: tuple[GridRows, ...]) -> None:
    grids = list(street)
    whole = _all(grids)
    added = added_figures([figures(g, KINDS, NOW) for g in grids], KINDS)
    direct = figures(whole, KINDS, NOW)
    assert added == direct
    for name in ("visits", "issues", "received_by_category", "overdue_by_category", "enquiries"):
        assert list(getattr(added, name)) == list(getattr(direct, name))  # the same order of keys
    together = added_rates([rates(g, TAGS, NOW) for g in grids], TAGS)
    assert together == rates(whole, TAGS, NOW)
    assert list(together.satisfaction.parts) == list(rates(whole, TAGS, NOW).satisfaction.parts)


def test_no_grid_adds_up_to_zero() -> None:
    empty = added_figures([], KINDS)
    assert empty.visits == dict.fromkeys(KINDS, 0)
    assert empty.residents_reached == 0
    none = added_rates([], TAGS)
    assert (none.response.numerator, none.response.denominator, none.response.percent) == (0, 0, None)
    assert none.satisfaction.parts == dict.fromkeys(RATINGS, 0)
    assert none.coverage == []
