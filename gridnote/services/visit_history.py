"""What the visit log shows about one resident: her recent visits and reading trends.

Care rounds and the daily walk, which the agenda and the report read, live in
:mod:`gridnote.services.care`.
"""

from __future__ import annotations

from datetime import date, timedelta

from gridnote.db import Notebook
from gridnote.models import NextCareVisit, Reading, Resident, Trend, Visit
from gridnote.readings import UNITS
from gridnote.services.visits import query_visits, reading_from_row

RECENT_VISITS = 5
TREND_POINTS = 8


def recent_visits(nb: Notebook, resident: Resident, limit: int = RECENT_VISITS) -> list[Visit]:
    """Her last visits (and visits to her household), newest first, undone ones left out."""
    where = ["v.undone_at IS NULL"]
    if resident.household_id is not None:
        where.append("(v.resident_id = ? OR (v.resident_id IS NULL AND v.household_id = ?))")
        params = [resident.id, resident.household_id]
    else:
        where.append("v.resident_id = ?")
        params = [resident.id]
    return query_visits(nb, where, params, order="v.at DESC, v.id DESC", limit=limit)


def trends(nb: Notebook, resident_id: int, points: int = TREND_POINTS) -> list[Trend]:
    """Her last readings of each kind (oldest first), undone visits left out."""
    rows = nb.rows(
        """
        SELECT * FROM (
            SELECT rd.*, row_number() OVER (PARTITION BY rd.kind ORDER BY rd.at DESC, rd.id DESC) AS n
            FROM readings rd JOIN visits v ON v.id = rd.visit_id
            WHERE rd.resident_id = ? AND v.undone_at IS NULL
        ) WHERE n <= ? ORDER BY at, id
        """,
        [resident_id, points],
    )
    by_kind: dict[str, list[Reading]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(reading_from_row(row))
    order = list(UNITS)
    return [Trend(kind, UNITS.get(kind, points_[0].unit), tuple(points_))
            for kind, points_ in sorted(by_kind.items(), key=lambda kv: order.index(kv[0])
                                        if kv[0] in order else len(order))]
