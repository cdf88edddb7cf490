"""Care rounds and the daily building walk, read from the visit log (the ``visits`` table).

* A **care visit** is a visit row for that resident of kind ``visit`` or
  ``emergency`` that was not undone. Phone and WeChat contacts do not count:
  a care round means seeing the person at home. A household visit
  (``resident_id`` NULL, ``household_id`` set) is a care visit for everyone
  living in that household.
* A resident with care tags is due a visit every N days, N being the shortest
  ``care.<tag>`` setting among their tags (``gridnote config set care.bedridden 2``).
  They are due on the day of their last care visit plus N; never visited
  means due now. A **starting date** (``care_baselines``: ``gridnote care
  baseline DAY``, or a roster's last-visit column) is not a visit: when it is
  later than her last care visit, the round counts from it instead, so a new
  notebook does not call everyone "never visited". It is shown as a starting
  date, never as a visit, and care coverage counts visits only. Residents who moved out are left out, and so are residents
  not yet registered by the end of the day asked about (``residents.created_at``):
  a report for yesterday does not list someone added today as never visited.
* A building is **walked** on a day when a ``walk`` row for it on that day
  was not undone.

Both are read "as of" a day, so ``today --date`` works for past and future days.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from gridnote.domain.settings import care_tags
from gridnote.store import care as rows
from gridnote.store.care import CARE_VISIT_KINDS
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:  # each function imports the records it builds: `log` needs one, `today` two others
    from gridnote.models import BuildingWalk, CareDue, NextCareVisit

CARE_KINDS = CARE_VISIT_KINDS  # what counts as a care visit (not phone or wechat)


def registered_by(day: date) -> str:
    """The end of ``day`` (local midnight after it): residents registered later are not on that day's rounds."""
    from gridnote import clock

    return clock.iso(clock.at(day + timedelta(days=1)))


def care_intervals(nb: Notebook) -> dict[str, int]:
    """Days between care visits per care tag, from the notebook's settings."""
    from gridnote.services.settings import get

    return {tag: int(get(nb, key)) for tag, key in care_tags().items()}


def care_round(nb: Notebook, day: date) -> list[CareDue]:
    """Residents due or overdue a care visit on ``day``: never visited first, then most overdue."""
    from gridnote.models import CareDue

    intervals = care_intervals(nb)
    due: list[CareDue] = []
    for row in rows.care_rows(nb, list(intervals), day.isoformat(), registered_by(day)):
        tags = sorted(row["tags"].split(","), key=lambda tag: (intervals[tag], tag))
        interval = intervals[tags[0]]
        last = max(row["own_visit"] or "", row["household_visit"] or "") or None
        baseline = row["baseline"] if row["baseline"] and row["baseline"] > (last or "") else None
        counted = baseline or last
        due_day = date.fromisoformat(counted) + timedelta(days=interval) if counted else None
        if due_day is not None and due_day > day:
            continue
        due.append(
            CareDue(
                resident_id=row["id"],
                name=row["name"],
                alias=row["alias"],
                address=row["address"],
                tags=tuple(tags),
                interval_days=interval,
                last_visit=last,
                due_day=due_day.isoformat() if due_day else None,
                days_overdue=(day - due_day).days if due_day else None,
                baseline=baseline,
            )
        )
    due.sort(key=_urgency)
    return due


def _urgency(c: CareDue) -> tuple[int, int, int, str, int]:
    never = c.days_overdue is None
    return (0 if never else 1, 0 if never else -(c.days_overdue or 0), c.interval_days, c.address or "~", c.resident_id)


def daily_walk(nb: Notebook, day: date) -> list[BuildingWalk]:
    """Every building, with the time of its first walk on ``day`` (None: not walked yet)."""
    from gridnote.models import BuildingWalk
    from gridnote.store.buildings import walked_on

    return [BuildingWalk(r["id"], r["code"], r["name"], r["walked_at"]) for r in walked_on(nb, day.isoformat())]


def visits_on(nb: Notebook, day: date) -> int:
    """Contacts with residents on ``day`` (every kind but the building walk), not undone."""
    from gridnote.store.visits import count_on

    return count_on(nb, day.isoformat())


def last_care_visits(nb: Notebook, resident_ids: list[int] | None = None) -> dict[int, str]:
    """The day of each resident's last care visit (``{resident_id: 'YYYY-MM-DD'}``); never visited: left out."""
    found = rows.last_care_days(nb, resident_ids)
    return {row["id"]: max(row["own"] or "", row["household"] or "") for row in found if row["own"] or row["household"]}


def next_care_visit(nb: Notebook, resident_id: int) -> NextCareVisit | None:
    """When a resident on a care round is next due after her last care visit; None if on none or never visited."""
    from gridnote.models import NextCareVisit

    intervals = care_intervals(nb)
    from gridnote.store.residents import tags_of

    tags = [tag for tag in tags_of(nb, resident_id) if tag in intervals]
    if not tags:
        return None
    every, tag = min((intervals[tag], tag) for tag in tags)
    last = last_care_visits(nb, [resident_id]).get(resident_id)
    if last is None:
        return None
    return NextCareVisit((date.fromisoformat(last) + timedelta(days=every)).isoformat(), every, tag)
