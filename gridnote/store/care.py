"""The care rounds' SQL: each care-group resident's last care visit, and care coverage of a range.

A care visit is a ``visit`` or ``emergency`` row not undone, for the resident
or for her whole household (``resident_id`` NULL); the rules are
:mod:`gridnote.services.care`'s.
"""

from __future__ import annotations

import json
import sqlite3

from gridnote.store.notebook import Notebook

CARE_VISIT_KINDS = ("visit", "emergency")  # what counts as a care visit (not phone or wechat)
# Written out as in the partial index ``visits_care`` (m007): SQLite uses it only for queries repeating its terms.
_CARE = "v.kind IN ({}) AND v.undone_at IS NULL".format(", ".join(f"'{k}'" for k in CARE_VISIT_KINDS))

# The day of resident r's last care visit up to :day: her own, and her household's. Each is one step
# down an index (``visits_care``, ``visits_household_only``), however long her history is.
_LAST_OWN = f"(SELECT max(v.day) FROM visits v WHERE v.resident_id = r.id AND v.day <= :day AND {_CARE})"
_LAST_HOUSEHOLD = (
    f"(SELECT max(v.day) FROM visits v WHERE v.household_id = r.household_id"
    f" AND v.resident_id IS NULL AND v.day <= :day AND {_CARE})"
)

# The day her care round counts from when no later visit says otherwise (``care baseline``, an import).
_BASELINE = "(SELECT cb.day FROM care_baselines cb WHERE cb.resident_id = r.id AND cb.day <= :day)"

# On the care rounds as of a day: living here, and registered before :registered_by (the end of that day).
_ON_ROUNDS = "r.moved_out_at IS NULL AND julianday(r.created_at) < julianday(:registered_by)"

_CARE_SQL = f"""
    SELECT r.id, r.name, r.alias, h.address, group_concat(t.tag) AS tags,
           {_LAST_OWN} AS own_visit, {_LAST_HOUSEHOLD} AS household_visit, {_BASELINE} AS baseline
    FROM resident_tags t
    JOIN residents r ON r.id = t.resident_id
    LEFT JOIN households h ON h.id = r.household_id
    WHERE t.tag IN ({{tags}}) AND {_ON_ROUNDS}
    GROUP BY r.id
"""


def care_rows(nb: Notebook, tags: list[str], day: str, registered_by: str) -> list[sqlite3.Row]:
    """(id, name, alias, address, tags, own_visit, household_visit, baseline) of each resident on the
    rounds with one of ``tags``: her last care visit up to ``day``, her own and her household's, and
    her starting date if one is set on or before ``day``."""
    marks = ", ".join(f":t{i}" for i in range(len(tags)))
    params: dict[str, str] = {"day": day, "registered_by": registered_by}
    params.update({f"t{i}": tag for i, tag in enumerate(tags)})
    return nb.rows(_CARE_SQL.replace("{tags}", marks), params)


def last_care_days(nb: Notebook, resident_ids: list[int] | None = None) -> list[sqlite3.Row]:
    """(id, own, household): the day of each resident's last care visit, her own and her household's."""
    params: dict[str, object] = {"day": "9999-12-31"}
    where = ""
    if resident_ids is not None:
        params.update({f"r{i}": rid for i, rid in enumerate(resident_ids)})
        where = "WHERE r.id IN (" + ", ".join(f":r{i}" for i in range(len(resident_ids))) + ")"
    return nb.rows(f"SELECT r.id, {_LAST_OWN} AS own, {_LAST_HOUSEHOLD} AS household FROM residents r {where}", params)


# -- starting dates (``care baseline``, a roster's last-visit column) -----------------------------
def baseline_of(nb: Notebook, resident_id: int) -> sqlite3.Row | None:
    """(id, day, source, set_at) of her starting date, if one is set."""
    return nb.one("SELECT id, day, source, set_at FROM care_baselines WHERE resident_id = ?", [resident_id])


def baselines_of(nb: Notebook, resident_ids: list[int]) -> dict[int, sqlite3.Row]:
    """resident id -> (id, day, source) of the starting dates set for these residents."""
    rows = nb.rows(
        "SELECT resident_id, id, day, source FROM care_baselines WHERE resident_id IN (SELECT value FROM json_each(?))",
        [json.dumps(resident_ids)],
    )
    return {r["resident_id"]: r for r in rows}


def current_residents(nb: Notebook, building_id: int | None, tags: list[str]) -> list[sqlite3.Row]:
    """(id, on_rounds) of everyone living in the grid (or in one building); on_rounds: has a care tag."""
    sql = (
        "SELECT r.id, EXISTS (SELECT 1 FROM resident_tags t WHERE t.resident_id = r.id"
        " AND t.tag IN (SELECT value FROM json_each(:tags))) AS on_rounds"
        " FROM residents r LEFT JOIN households h ON h.id = r.household_id"
        " WHERE r.moved_out_at IS NULL"
    )
    params: dict[str, object] = {"tags": json.dumps(tags)}
    if building_id is not None:
        sql += " AND h.building_id = :building"
        params["building"] = building_id
    return nb.rows(sql + " ORDER BY r.id", params)
