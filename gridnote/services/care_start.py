"""Where care rounds start: ``gridnote care baseline DAY`` and a roster's last-visit column.

A new notebook knows no visits, so everyone on a care round would be "never
visited" for weeks. A **starting date** says "count her round from this day"
without pretending a visit happened: it is kept in ``care_baselines`` (one
row per resident, ``source`` ``baseline`` or ``import``), never in the visit
log. The care round (:mod:`gridnote.services.care`) counts from the later of
her last care visit and her starting date; the visit history, the report's
visit figures and care coverage see visits only, and the agenda and the
report say "from 11-20 (starting date)" rather than "last visit 11-20".
"""

from __future__ import annotations

from datetime import date

from gridnote import clock
from gridnote.errors import InputError
from gridnote.models import BaselineResult, CareStart
from gridnote.store import care as rows
from gridnote.store import write
from gridnote.store.notebook import Notebook

SOURCES = ("baseline", "import")


def check_day(day: date) -> None:
    """A starting date lies in the past or today: a round cannot start from a day still ahead."""
    if day > clock.today():
        raise InputError("care.baseline_future", day=day.isoformat())


def set_start(nb: Notebook, resident_id: int, day: date, source: str) -> bool:
    """Give one resident a starting date (inside the caller's transaction); True if it changed."""
    assert source in SOURCES, source
    found = rows.baseline_of(nb, resident_id)
    values = {"day": day.isoformat(), "source": source}
    if found is not None and (found["day"], found["source"]) == (values["day"], source):
        return False
    stamp = clock.iso(clock.now())
    if found is None:
        write.insert(nb, "care_baselines", {"resident_id": resident_id, **values, "set_at": stamp})
    else:
        write.update(nb, "care_baselines", found["id"], {**values, "set_at": stamp}, revision="edit")
    return True


def set_baseline(nb: Notebook, day: date, building: str | None = None) -> BaselineResult:
    """Give everyone living in the grid (or in one building) the starting date ``day``, in one transaction."""
    from gridnote.services.care import care_intervals, care_round

    check_day(day)
    tags = list(care_intervals(nb))
    with nb.transaction():
        building_id = None
        if building is not None:
            from gridnote.services.buildings import find_building

            building_id = find_building(nb, building)
        found = rows.current_residents(nb, building_id, tags)
        for row in found:
            set_start(nb, row["id"], day, "baseline")
    due = care_round(nb, clock.today())
    return BaselineResult(
        day=day.isoformat(),
        building=building,
        residents=len(found),
        on_rounds=sum(bool(r["on_rounds"]) for r in found),
        due=len(due),
        never=sum(c.days_overdue is None for c in due),
    )


def care_start(nb: Notebook, resident_id: int) -> CareStart | None:
    """Her starting date, if one is set."""
    found = rows.baseline_of(nb, resident_id)
    return None if found is None else CareStart(found["day"], found["source"])
