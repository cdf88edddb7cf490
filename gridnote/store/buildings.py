"""Buildings and households: the SQL of the grid's addresses."""

from __future__ import annotations

import sqlite3

from gridnote.models import Building, Household
from gridnote.store.notebook import Notebook

# Buildings in the order she counts them: 2 before 10, then by code.
_BUILDING_ORDER = "ORDER BY CAST(b.code AS INTEGER), b.code"


def building_id(nb: Notebook, code: str) -> int | None:
    row = nb.one("SELECT id FROM buildings WHERE code = ?", [code])
    return None if row is None else int(row[0])


def building_code(nb: Notebook, building_id: int) -> str | None:
    return nb.scalar("SELECT code FROM buildings WHERE id = ?", [building_id])


def building_codes(nb: Notebook, *, by_number: bool = True) -> list[str]:
    """Every building code, 2 before 10 (or as text when ``by_number`` is False)."""
    order = _BUILDING_ORDER if by_number else "ORDER BY b.code"
    return [r[0] for r in nb.rows(f"SELECT b.code FROM buildings b {order}")]


def count_buildings(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM buildings"))


def count_households(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM households"))


def list_buildings(nb: Notebook) -> list[Building]:
    rows = nb.rows(
        f"""
        SELECT b.id, b.code, b.name,
               (SELECT count(*) FROM households h WHERE h.building_id = b.id) AS households,
               (SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id
                 WHERE h.building_id = b.id AND r.moved_out_at IS NULL) AS residents
        FROM buildings b
        {_BUILDING_ORDER}
        """
    )
    return [Building(r["id"], r["code"], r["name"], r["households"], r["residents"]) for r in rows]


def household_at(nb: Notebook, address: str) -> sqlite3.Row | None:
    """The household at a canonical address: (id, building_id), or None."""
    return nb.one("SELECT id, building_id FROM households WHERE address = ?", [address])


def building_of_household(nb: Notebook, household_id: int) -> int | None:
    return nb.scalar("SELECT building_id FROM households WHERE id = ?", [household_id])


def list_households(nb: Notebook, building_id: int | None = None) -> list[Household]:
    where, params = "", []
    if building_id is not None:
        where = "WHERE h.building_id = ?"
        params.append(building_id)
    rows = nb.rows(
        f"""
        SELECT h.id, h.address, b.code AS building, h.unit, h.room,
               (SELECT group_concat(coalesce(r.alias, r.name), '、') FROM residents r
                 WHERE r.household_id = h.id AND r.moved_out_at IS NULL) AS members
        FROM households h JOIN buildings b ON b.id = h.building_id
        {where}
        ORDER BY CAST(b.code AS INTEGER), b.code, CAST(h.unit AS INTEGER), CAST(h.room AS INTEGER)
        """,
        params,
    )
    return [
        Household(
            r["id"],
            r["address"],
            r["building"],
            r["unit"],
            r["room"],
            tuple((r["members"] or "").split("、")) if r["members"] else (),
        )
        for r in rows
    ]


def walked_on(nb: Notebook, day: str) -> list[sqlite3.Row]:
    """Every building with the time of its first walk on ``day`` (None: not walked)."""
    return nb.rows(
        f"""
        SELECT b.id, b.code, b.name,
               (SELECT min(v.at) FROM visits v
                 WHERE v.building_id = b.id AND v.day = ? AND v.kind = 'walk'
                   AND v.undone_at IS NULL) AS walked_at
        FROM buildings b
        {_BUILDING_ORDER}
        """,
        [day],
    )
