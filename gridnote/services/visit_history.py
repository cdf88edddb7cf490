"""What the visit log shows about one resident: her recent visits and reading trends.

Care rounds and the daily walk, which the agenda and the report read, live in
:mod:`gridnote.services.care`.
"""

from __future__ import annotations

from gridnote.domain.readings import UNITS
from gridnote.models import Resident, Trend, Visit
from gridnote.store import visits as rows
from gridnote.store.notebook import Notebook

RECENT_VISITS = 5
TREND_POINTS = 8


def recent_visits(nb: Notebook, resident: Resident, limit: int = RECENT_VISITS) -> list[Visit]:
    """Her last visits (and visits to her household), newest first, undone ones left out.

    Two short index walks (her own visits, her household's) find the candidates,
    so a resident visited for ten years shows as fast as one visited last week.
    """
    ids = rows.latest_ids(nb, resident.id, resident.household_id, limit)
    if not ids:
        return []
    return rows.visits_by_ids(nb, ids, limit=limit)


def trends(nb: Notebook, resident_id: int, points: int = TREND_POINTS) -> list[Trend]:
    """Her last readings of each kind (oldest first), undone visits left out: one short index walk per kind."""
    found: list[Trend] = []
    for kind, unit in UNITS.items():
        readings = rows.last_readings(nb, resident_id, kind, points)
        if readings:
            found.append(Trend(kind, unit, tuple(reversed(readings))))
    return found
