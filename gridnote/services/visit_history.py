"""What the visit log shows about one resident: her recent visits and reading trends.

Care rounds and the daily walk, which the agenda and the report read, live in
:mod:`gridnote.services.care`.
"""

from __future__ import annotations

from gridnote.domain.readings import UNITS
from gridnote.models import Resident, Trend, Visit
from gridnote.services.visits import query_visits, reading_from_row
from gridnote.store.notebook import Notebook

RECENT_VISITS = 5
TREND_POINTS = 8


def recent_visits(nb: Notebook, resident: Resident, limit: int = RECENT_VISITS) -> list[Visit]:
    """Her last visits (and visits to her household), newest first, undone ones left out.

    Two short index walks (her own visits, her household's) find the candidates,
    so a resident visited for ten years shows as fast as one visited last week.
    """
    ids = [
        r[0]
        for r in nb.rows(
            "SELECT id FROM visits WHERE resident_id = ? AND undone_at IS NULL"
            " ORDER BY day DESC, at DESC, id DESC LIMIT ?",
            [resident.id, limit],
        )
    ]
    if resident.household_id is not None:
        ids += [
            r[0]
            for r in nb.rows(
                "SELECT id FROM visits WHERE household_id = ? AND resident_id IS NULL AND undone_at IS NULL"
                " ORDER BY day DESC, at DESC, id DESC LIMIT ?",
                [resident.household_id, limit],
            )
        ]
    if not ids:
        return []
    return query_visits(
        nb, [f"v.id IN ({', '.join('?' for _ in ids)})"], ids, order="v.at DESC, v.id DESC", limit=limit
    )


def trends(nb: Notebook, resident_id: int, points: int = TREND_POINTS) -> list[Trend]:
    """Her last readings of each kind (oldest first), undone visits left out: one short index walk per kind."""
    found: list[Trend] = []
    for kind, unit in UNITS.items():
        rows = nb.rows(
            "SELECT rd.* FROM readings rd JOIN visits v ON v.id = rd.visit_id"
            " WHERE rd.resident_id = ? AND rd.kind = ? AND v.undone_at IS NULL"
            " ORDER BY rd.at DESC, rd.id DESC LIMIT ?",
            [resident_id, kind, points],
        )
        if rows:
            found.append(Trend(kind, unit, tuple(reading_from_row(r) for r in reversed(rows))))
    return found
