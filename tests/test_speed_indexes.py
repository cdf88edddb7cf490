"""The read paths that grow with the years look rows up by index (m007), never by walking a history.

Each test records the statements a service runs and asks SQLite how it plans
them: a resident visited every day for ten years must cost what one visit does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from gridnote.services import care
from gridnote.services.residents import get_resident
from gridnote.services.visit_history import recent_visits, trends
from gridnote.store.notebook import Notebook, open_notebook

DAY = date(2026, 11, 29)


def plans(nb: Notebook, action: Callable[[], object]) -> list[str]:
    statements: list[str] = []
    nb.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        nb.conn.set_trace_callback(None)
    return [
        row[3]
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT")
        for row in nb.conn.execute("EXPLAIN QUERY PLAN " + sql)
    ]


def walks_visits(plan: list[str]) -> list[str]:
    """Plan lines reading visits or readings row by row instead of through an index."""
    return [line for line in plan if line.split()[:2] in (["SCAN", "v"], ["SCAN", "visits"], ["SCAN", "rd"])]


def test_the_care_round_finds_each_last_visit_by_index(demo: Path) -> None:
    nb = open_notebook(demo)
    plan = plans(nb, lambda: care.care_round(nb, DAY))
    assert any("visits_care" in line for line in plan), plan
    assert any("visits_household_only" in line for line in plan), plan
    assert not walks_visits(plan)


def test_the_next_care_visit_after_a_log_is_found_by_index(demo: Path) -> None:
    nb = open_notebook(demo)
    plan = plans(nb, lambda: care.next_care_visit(nb, 1))
    assert any("visits_care" in line for line in plan), plan
    assert not walks_visits(plan)


def test_a_residents_card_reads_only_her_latest_visits_and_readings(demo: Path) -> None:
    nb = open_notebook(demo)
    li = get_resident(nb, 1)
    plan = plans(nb, lambda: (recent_visits(nb, li), trends(nb, li.id)))
    assert any("visits_resident" in line for line in plan), plan
    assert any("visits_household_only" in line for line in plan), plan
    assert any("readings_resident (resident_id=? AND kind=?)" in line for line in plan), plan
    assert not walks_visits(plan)
