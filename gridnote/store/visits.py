"""Visits, calls, building walks and their readings: the SQL of the visit log."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from gridnote.domain.readings import flags_from_text
from gridnote.input.text import display_name
from gridnote.models import Reading, Visit
from gridnote.store.notebook import Notebook

VISIT_SELECT = """
    SELECT v.*, r.name AS resident_name, r.alias AS resident_alias, h.address AS address,
           b.code AS building_code
    FROM visits v
    LEFT JOIN residents r ON r.id = v.resident_id
    LEFT JOIN households h ON h.id = v.household_id
    LEFT JOIN buildings b ON b.id = v.building_id
"""


def reading_from_row(row: sqlite3.Row) -> Reading:
    return Reading(
        id=row["id"],
        kind=row["kind"],
        value=row["value"],
        value2=row["value2"],
        unit=row["unit"],
        flags=flags_from_text(row["flag_reason"], row["value"], row["value2"]) if row["flagged"] else (),
        at=row["at"],
        day=row["day"],
        visit_id=row["visit_id"],
    )


def _visit_from_row(row: sqlite3.Row, readings: tuple[Reading, ...]) -> Visit:
    name, alias = row["resident_name"], row["resident_alias"]
    return Visit(
        id=row["id"],
        kind=row["kind"],
        at=row["at"],
        day=row["day"],
        resident_id=row["resident_id"],
        resident=display_name(name, alias),
        household_id=row["household_id"],
        address=row["address"],
        building_id=row["building_id"],
        building=row["building_code"],
        note=row["note"],
        readings=readings,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        undone_at=row["undone_at"],
        back_at=row["back_at"],
    )


def visit(nb: Notebook, visit_id: int) -> Visit | None:
    row = nb.one(VISIT_SELECT + " WHERE v.id = ?", [visit_id])
    if row is None:
        return None
    readings = tuple(
        reading_from_row(r) for r in nb.rows("SELECT * FROM readings WHERE visit_id = ? ORDER BY id", [visit_id])
    )
    return _visit_from_row(row, readings)


def _query(
    nb: Notebook, where: list[str], params: list[Any], *, order: str = "v.at, v.id", limit: int | None = None
) -> list[Visit]:
    """Visits matching conditions on ``v`` (visits), with their readings, in one pass each."""
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    tail = f" ORDER BY {order}" + (f" LIMIT {int(limit)}" if limit else "")
    rows = nb.rows(VISIT_SELECT + f" {clause}{tail}", params)
    if not rows:
        return []
    by_visit: dict[int, list[Reading]] = {}
    if limit:  # a few visits: fetch their readings by id
        ids = [r["id"] for r in rows]
        reading_sql = f"SELECT rd.* FROM readings rd WHERE rd.visit_id IN ({','.join('?' * len(ids))})"
        reading_params: list[Any] = ids
    else:  # any number of visits: the same conditions, joined
        reading_sql = f"SELECT rd.* FROM readings rd JOIN visits v ON v.id = rd.visit_id {clause}"
        reading_params = params
    for r in nb.rows(reading_sql + " ORDER BY rd.id", reading_params):
        by_visit.setdefault(r["visit_id"], []).append(reading_from_row(r))
    return [_visit_from_row(row, tuple(by_visit.get(row["id"], ()))) for row in rows]


def visits_by_ids(nb: Notebook, ids: list[int], *, newest_first: bool = False, limit: int | None = None) -> list[Visit]:
    """These visits, by time (or newest written first), at most ``limit``."""
    order = "v.id DESC" if newest_first else "v.at DESC, v.id DESC"
    return _query(nb, ["v.id IN (SELECT value FROM json_each(?))"], [json.dumps(ids)], order=order, limit=limit)


def filter_visits(
    nb: Notebook,
    *,
    start: str | None = None,
    end: str | None = None,
    resident_id: int | None = None,
    household_id: int | None = None,
    building_id: int | None = None,
    kind: str | None = None,
    include_undone: bool = False,
) -> list[Visit]:
    """Visits between two local days (inclusive), oldest first; a resident's include visits
    to the household she lives in (``household_id``)."""
    where: list[str] = []
    params: list[Any] = []
    if start is not None:
        where.append("v.day >= ?")
        params.append(start)
    if end is not None:
        where.append("v.day <= ?")
        params.append(end)
    if resident_id is not None:
        if household_id is not None:
            where.append("(v.resident_id = ? OR (v.resident_id IS NULL AND v.household_id = ?))")
            params += [resident_id, household_id]
        else:
            where.append("v.resident_id = ?")
            params.append(resident_id)
    if building_id is not None:
        where.append("v.building_id = ?")
        params.append(building_id)
    if kind is not None:
        where.append("v.kind = ?")
        params.append(kind)
    if not include_undone:
        where.append("v.undone_at IS NULL")
    return _query(nb, where, params)


def latest_ids(nb: Notebook, resident_id: int, household_id: int | None, limit: int) -> list[int]:
    """Ids of her last visits and of her household's last visits (up to ``limit`` each), undone ones left out.

    Two short index walks, so ten years of visits cost what one week does.
    """
    ids = [
        r[0]
        for r in nb.rows(
            "SELECT id FROM visits WHERE resident_id = ? AND undone_at IS NULL"
            " ORDER BY day DESC, at DESC, id DESC LIMIT ?",
            [resident_id, limit],
        )
    ]
    if household_id is not None:
        ids += [
            r[0]
            for r in nb.rows(
                "SELECT id FROM visits WHERE household_id = ? AND resident_id IS NULL AND undone_at IS NULL"
                " ORDER BY day DESC, at DESC, id DESC LIMIT ?",
                [household_id, limit],
            )
        ]
    return ids


def last_readings(nb: Notebook, resident_id: int, kind: str, limit: int) -> list[Reading]:
    """Her last readings of one kind, newest first, undone visits left out (one short index walk)."""
    rows = nb.rows(
        "SELECT rd.* FROM readings rd JOIN visits v ON v.id = rd.visit_id"
        " WHERE rd.resident_id = ? AND rd.kind = ? AND v.undone_at IS NULL"
        " ORDER BY rd.at DESC, rd.id DESC LIMIT ?",
        [resident_id, kind, limit],
    )
    return [reading_from_row(r) for r in rows]


def last_standing(nb: Notebook) -> int | None:
    """The number of the last entry logged and not undone."""
    found = nb.scalar("SELECT max(id) FROM visits WHERE undone_at IS NULL")
    return None if found is None else int(found)


def count_visits(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM visits"))


def walk_group(nb: Notebook, visit_id: int, created_at: str, note: str | None) -> list[int]:
    """The walks one command logged with this one (``log -b 5 -b 6 巡查``), newest first: written at
    the same moment with the same note, after the last entry of another kind or moment."""
    return [
        r[0]
        for r in nb.rows(
            "SELECT id FROM visits WHERE undone_at IS NULL AND kind = 'walk' AND created_at = ?"
            " AND coalesce(note, '') = ? AND id > coalesce((SELECT max(id) FROM visits"
            " WHERE id < ? AND (kind != 'walk' OR created_at != ?)), 0) ORDER BY id DESC",
            [created_at, note or "", visit_id, created_at],
        )
    ]


RECENT_ENTRIES = 100  # the newest entries a twin is looked for in (minutes of typing; no index on created_at)


def recent_twin(
    nb: Notebook,
    *,
    kind: str,
    resident_id: int | None,
    household_id: int | None,
    building_id: int | None,
    note: str | None,
    readings: list[tuple[str, float, float | None]],
    at: str,
    now: str,
    minutes: int,
) -> sqlite3.Row | None:
    """(id, created_at) of the newest entry written in the ``minutes`` before ``now``, not undone, identical in who, kind,
    note and readings ((kind, value, value2), in any order) to the one about to be written, for a
    moment at most ``minutes`` from ``at`` (visits she dated an hour apart are two visits)."""
    rows = nb.rows(
        """
        SELECT id, created_at, (SELECT json_group_array(json_array(kind, value, value2))
                                FROM (SELECT kind, value, value2 FROM readings
                                      WHERE visit_id = v.id ORDER BY kind, value, value2)) AS readings
        FROM (SELECT * FROM visits ORDER BY id DESC LIMIT :limit) v
        WHERE (julianday(:now) - julianday(created_at)) * 86400 <= :seconds AND undone_at IS NULL AND kind = :kind
          AND resident_id IS :resident AND household_id IS :household AND building_id IS :building
          AND coalesce(note, '') = :note AND abs(julianday(at) - julianday(:at)) * 86400 <= :seconds
        ORDER BY id DESC
        """,
        {
            "limit": RECENT_ENTRIES,
            "now": now,
            "at": at,
            "seconds": minutes * 60 + 0.01,  # julianday is a float: a second's hundredth of slack
            "kind": kind,
            "resident": resident_id,
            "household": household_id,
            "building": building_id,
            "note": note or "",
        },
    )

    def key(found: Any) -> list[tuple[str, float, float]]:
        return sorted((k, float(v), -1.0 if v2 is None else float(v2)) for k, v, v2 in found)

    wanted = key(readings)
    for row in rows:
        if key(json.loads(row["readings"])) == wanted:
            return row
    return None


def day_of(nb: Notebook, visit_id: int) -> str:
    return str(nb.scalar("SELECT day FROM visits WHERE id = ?", [visit_id]))


def count_flagged(nb: Notebook, visit_id: int) -> int:
    return int(nb.scalar("SELECT count(*) FROM readings WHERE visit_id = ? AND flagged = 1", [visit_id]))


def flagged_kinds(nb: Notebook, visit_id: int) -> list[str]:
    return [
        r[0] for r in nb.rows("SELECT kind FROM readings WHERE visit_id = ? AND flagged = 1 ORDER BY id", [visit_id])
    ]


def count_on(nb: Notebook, day: str) -> int:
    """Contacts with residents on ``day`` (every kind but the building walk), not undone."""
    return int(nb.scalar("SELECT count(*) FROM visits WHERE day = ? AND kind != 'walk' AND undone_at IS NULL", [day]))
