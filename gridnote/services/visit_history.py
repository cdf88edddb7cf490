"""What the visit log tells the rest of gridnote: last visits, reading trends, care rounds, walks.

The agenda (``gridnote today``) and the shift report read these facts:

* a **care visit** is a visit of kind ``visit`` or ``emergency`` that was not
  undone; a household visit (``resident_id`` NULL, ``household_id`` set) is a
  care visit for everyone living in that household;
* a building is **walked** on a day when a ``walk`` visit with that
  ``building_id`` and ``day`` exists that was not undone.
"""

from __future__ import annotations

from datetime import date, timedelta

from gridnote.db import Notebook
from gridnote.models import CareDue, Reading, Resident, Trend, Visit
from gridnote.readings import UNITS
from gridnote.services.visits import CARE_KINDS, query_visits, reading_from_row

RECENT_VISITS = 5
TREND_POINTS = 8
_CARE = "v.kind IN ({}) AND v.undone_at IS NULL".format(", ".join(f"'{k}'" for k in CARE_KINDS))


def last_care_visits(nb: Notebook, resident_ids: list[int] | None = None) -> dict[int, str]:
    """The day of each resident's last care visit (``{resident_id: 'YYYY-MM-DD'}``)."""
    rows = nb.rows(
        f"""
        SELECT v.resident_id AS rid, max(v.day) AS day FROM visits v
         WHERE v.resident_id IS NOT NULL AND {_CARE} GROUP BY v.resident_id
        UNION ALL
        SELECT r.id AS rid, max(v.day) AS day FROM visits v JOIN residents r ON r.household_id = v.household_id
         WHERE v.resident_id IS NULL AND v.household_id IS NOT NULL AND {_CARE} GROUP BY r.id
        """
    )
    wanted = set(resident_ids) if resident_ids is not None else None
    last: dict[int, str] = {}
    for row in rows:
        rid, day = row["rid"], row["day"]
        if (wanted is None or rid in wanted) and day > last.get(rid, ""):
            last[rid] = day
    return last


def walked_buildings(nb: Notebook, day: date) -> list[str]:
    """Codes of the buildings walked on ``day``."""
    rows = nb.rows(
        "SELECT DISTINCT b.code FROM visits v JOIN buildings b ON b.id = v.building_id"
        " WHERE v.day = ? AND v.kind = 'walk' AND v.undone_at IS NULL"
        " ORDER BY CAST(b.code AS INTEGER), b.code",
        [day.isoformat()],
    )
    return [r[0] for r in rows]


def next_care_visit(nb: Notebook, resident_id: int) -> CareDue | None:
    """When a resident on a care round (by her tags) is next due a visit; None if she is on none."""
    from gridnote.services.config import get
    from gridnote.settings import care_tags

    rounds = care_tags()
    tags = [r[0] for r in nb.rows("SELECT tag FROM resident_tags WHERE resident_id = ?", [resident_id])
            if r[0] in rounds]
    if not tags:
        return None
    every, tag = min((int(get(nb, rounds[tag])), tag) for tag in tags)
    last = last_care_visits(nb, [resident_id]).get(resident_id)
    if last is None:
        return None
    return CareDue((date.fromisoformat(last) + timedelta(days=every)).isoformat(), every, tag)


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
