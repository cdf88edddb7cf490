"""The read paths that grow with the years cost the same after a long history as after a short one.

Each test counts the SQLite virtual-machine steps a service takes (a progress
handler, called every 100 steps) on the example grid after 1,000 and after
4,000 more calls to 李奶奶 (and readings), and visits to her household: a path that walks
her history pays several steps per visit, one that looks her last ones up pays
the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from gridnote.services import care
from gridnote.services.residents import get_resident
from gridnote.services.visit_history import recent_visits, trends
from gridnote.store import write
from gridnote.store.notebook import Notebook, open_notebook

DAY = date(2026, 11, 29)
LI = 1  # 李奶奶, bedridden: on the care round


def steps(nb: Notebook, action: Callable[[], object]) -> int:
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    nb.conn.set_progress_handler(tick, 100)
    try:
        action()
    finally:
        nb.conn.set_progress_handler(None, 0)
    return count[0] * 100


def add_history(nb: Notebook, visits: int) -> None:
    """``visits`` more days of history: phone calls to her (not care visits), visits to her household,
    a reading each; her own last care visit stays the one before them all."""
    household = nb.scalar("SELECT household_id FROM residents WHERE id = ?", [LI])
    start = DAY - timedelta(days=20_000)
    with nb.transaction():
        if not nb.scalar("SELECT count(*) FROM visits WHERE resident_id = ?", [LI]):
            first = (start - timedelta(days=1)).isoformat()
            at = f"{first}T10:00:00+08:00"
            write.insert(
                nb,
                "visits",
                {
                    "kind": "visit",
                    "at": at,
                    "day": first,
                    "resident_id": LI,
                    "household_id": household,
                    "created_at": at,
                    "updated_at": at,
                },
            )
        for n in range(visits):
            day = (start + timedelta(days=n)).isoformat()
            at = f"{day}T10:00:00+08:00"
            own = write.insert(
                nb,
                "visits",
                {
                    "kind": "phone",
                    "at": at,
                    "day": day,
                    "resident_id": LI,
                    "household_id": household,
                    "created_at": at,
                    "updated_at": at,
                },
            )
            write.insert(
                nb,
                "visits",
                {"kind": "visit", "at": at, "day": day, "household_id": household, "created_at": at, "updated_at": at},
            )
            write.insert(
                nb,
                "readings",
                {
                    "visit_id": own,
                    "resident_id": LI,
                    "kind": "bp",
                    "value": 130,
                    "value2": 85,
                    "unit": "mmHg",
                    "at": at,
                    "day": day,
                },
            )


def growth(demo: Path, action: Callable[[Notebook], object]) -> tuple[int, int]:
    """Steps after 1,000 and after 4,000 extra visits."""
    nb = open_notebook(demo)
    try:
        add_history(nb, 1_000)
        short = steps(nb, lambda: action(nb))
        add_history(nb, 3_000)
        long = steps(nb, lambda: action(nb))
    finally:
        nb.close()
    return short, long


def assert_flat(short: int, long: int) -> None:
    # 3,000 more visits walked would cost at least 3,000 steps more (one per row, and far more in practice)
    assert long - short < 1_000, (short, long)


def test_the_care_round_costs_the_same_after_years_of_visits(demo: Path) -> None:
    assert_flat(*growth(demo, lambda nb: care.care_round(nb, DAY)))


def test_the_next_care_visit_after_a_log_costs_the_same(demo: Path) -> None:
    assert_flat(*growth(demo, lambda nb: care.next_care_visit(nb, LI)))


def test_a_residents_card_reads_only_her_latest_visits_and_readings(demo: Path) -> None:
    def card(nb: Notebook) -> object:
        li = get_resident(nb, LI)
        return recent_visits(nb, li), trends(nb, li.id)

    assert_flat(*growth(demo, card))
