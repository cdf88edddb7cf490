"""Care rounds and the daily building walk, read from the visit log (the ``visits`` table).

* A **care visit** is a visit row for that resident of kind ``visit`` or
  ``emergency`` that was not undone. Phone and WeChat contacts do not count:
  a care round means seeing the person at home. A household visit
  (``resident_id`` NULL, ``household_id`` set) is a care visit for everyone
  living in that household.
* A resident with care tags is due a visit every N days, N being the shortest
  ``care.<tag>`` setting among their tags (``gridnote config set care.bedridden 2``).
  They are due on the day of their last care visit plus N; never visited
  means due now. Residents who moved out are left out, and so are residents
  not yet registered by the end of the day asked about (``residents.created_at``):
  a report for yesterday does not list someone added today as never visited.
* A building is **walked** on a day when a ``walk`` row for it on that day
  was not undone.

Both are read "as of" a day, so ``today --date`` works for past and future days.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from gridnote.domain.settings import care_tags
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:  # each function imports the records it builds: `log` needs one, `today` two others
    from gridnote.models import BuildingWalk, CareDue, NextCareVisit

CARE_KINDS = ("visit", "emergency")  # what counts as a care visit (not phone or wechat)
# Written out as in the partial index ``visits_care`` (m007): SQLite uses it only for queries repeating its terms.
_CARE = "v.kind IN ({}) AND v.undone_at IS NULL".format(", ".join(f"'{k}'" for k in CARE_KINDS))

# The day of resident r's last care visit up to :day: her own, and her household's. Each is one step
# down an index (``visits_care``, ``visits_household_only``), however long her history is.
_LAST_OWN = f"(SELECT max(v.day) FROM visits v WHERE v.resident_id = r.id AND v.day <= :day AND {_CARE})"
_LAST_HOUSEHOLD = (
    f"(SELECT max(v.day) FROM visits v WHERE v.household_id = r.household_id"
    f" AND v.resident_id IS NULL AND v.day <= :day AND {_CARE})"
)

# On the care rounds as of a day: living here, and registered before :registered_by (the end of that day).
_ON_ROUNDS = "r.moved_out_at IS NULL AND julianday(r.created_at) < julianday(:registered_by)"

_CARE_SQL = f"""
    SELECT r.id, r.name, r.alias, h.address, group_concat(t.tag) AS tags,
           {_LAST_OWN} AS own_visit, {_LAST_HOUSEHOLD} AS household_visit
    FROM resident_tags t
    JOIN residents r ON r.id = t.resident_id
    LEFT JOIN households h ON h.id = r.household_id
    WHERE t.tag IN ({{tags}}) AND {_ON_ROUNDS}
    GROUP BY r.id
"""


def _registered_by(day: date) -> str:
    """The end of ``day`` (local midnight after it): residents registered later are not on that day's rounds."""
    from gridnote import clock

    return clock.iso(clock.at(day + timedelta(days=1)))


def care_intervals(nb: Notebook) -> dict[str, int]:
    """Days between care visits per care tag, from the notebook's settings."""
    from gridnote.services.settings import get

    return {tag: int(get(nb, key)) for tag, key in care_tags().items()}


def care_round(nb: Notebook, day: date) -> list[CareDue]:
    """Residents due or overdue a care visit on ``day``: never visited first, then most overdue."""
    from gridnote.models import CareDue

    intervals = care_intervals(nb)
    marks = ", ".join(f":t{i}" for i in range(len(intervals)))
    params: dict[str, str] = {"day": day.isoformat(), "registered_by": _registered_by(day)}
    params.update({f"t{i}": tag for i, tag in enumerate(intervals)})
    due: list[CareDue] = []
    for row in nb.rows(_CARE_SQL.replace("{tags}", marks), params):
        tags = sorted(row["tags"].split(","), key=lambda tag: (intervals[tag], tag))
        interval = intervals[tags[0]]
        last = max(row["own_visit"] or "", row["household_visit"] or "") or None
        due_day = date.fromisoformat(last) + timedelta(days=interval) if last else None
        if due_day is not None and due_day > day:
            continue
        due.append(
            CareDue(
                resident_id=row["id"],
                name=row["name"],
                alias=row["alias"],
                address=row["address"],
                tags=tuple(tags),
                interval_days=interval,
                last_visit=last,
                due_day=due_day.isoformat() if due_day else None,
                days_overdue=(day - due_day).days if due_day else None,
            )
        )
    due.sort(key=_urgency)
    return due


def _urgency(c: CareDue) -> tuple[int, int, int, str, int]:
    never = c.days_overdue is None
    return (0 if never else 1, 0 if never else -(c.days_overdue or 0), c.interval_days, c.address or "~", c.resident_id)


def daily_walk(nb: Notebook, day: date) -> list[BuildingWalk]:
    """Every building, with the time of its first walk on ``day`` (None: not walked yet)."""
    from gridnote.models import BuildingWalk

    rows = nb.rows(
        """
        SELECT b.id, b.code, b.name,
               (SELECT min(v.at) FROM visits v
                 WHERE v.building_id = b.id AND v.day = ? AND v.kind = 'walk'
                   AND v.undone_at IS NULL) AS walked_at
        FROM buildings b
        ORDER BY CAST(b.code AS INTEGER), b.code
        """,
        [day.isoformat()],
    )
    return [BuildingWalk(r["id"], r["code"], r["name"], r["walked_at"]) for r in rows]


def visits_on(nb: Notebook, day: date) -> int:
    """Contacts with residents on ``day`` (every kind but the building walk), not undone."""
    return int(
        nb.scalar(
            "SELECT count(*) FROM visits WHERE day = ? AND kind != 'walk' AND undone_at IS NULL", [day.isoformat()]
        )
    )


def last_care_visits(nb: Notebook, resident_ids: list[int] | None = None) -> dict[int, str]:
    """The day of each resident's last care visit (``{resident_id: 'YYYY-MM-DD'}``); never visited: left out."""
    params: dict[str, object] = {"day": "9999-12-31"}
    where = ""
    if resident_ids is not None:
        params.update({f"r{i}": rid for i, rid in enumerate(resident_ids)})
        where = "WHERE r.id IN (" + ", ".join(f":r{i}" for i in range(len(resident_ids))) + ")"
    rows = nb.rows(f"SELECT r.id, {_LAST_OWN} AS own, {_LAST_HOUSEHOLD} AS household FROM residents r {where}", params)
    return {row["id"]: max(row["own"] or "", row["household"] or "") for row in rows if row["own"] or row["household"]}


def next_care_visit(nb: Notebook, resident_id: int) -> NextCareVisit | None:
    """When a resident on a care round is next due after her last care visit; None if on none or never visited."""
    from gridnote.models import NextCareVisit

    intervals = care_intervals(nb)
    tags = [
        r[0] for r in nb.rows("SELECT tag FROM resident_tags WHERE resident_id = ?", [resident_id]) if r[0] in intervals
    ]
    if not tags:
        return None
    every, tag = min((intervals[tag], tag) for tag in tags)
    last = last_care_visits(nb, [resident_id]).get(resident_id)
    if last is None:
        return None
    return NextCareVisit((date.fromisoformat(last) + timedelta(days=every)).isoformat(), every, tag)


def coverage(nb: Notebook, start: date, end: date) -> list[tuple[str, int, int]]:
    """Per care group: (tag, residents with a care visit from ``start`` to ``end``, residents).

    A care visit as above (also a household visit for everyone living there);
    residents who moved out or were registered after ``end`` are left out;
    groups with nobody in them too.
    Care groups come in the order of their settings.
    """
    intervals = care_intervals(nb)
    rows = nb.rows(
        f"""
        WITH visited AS (
            SELECT v.resident_id AS rid FROM visits v
             WHERE v.day BETWEEN :start AND :end AND v.resident_id IS NOT NULL AND {_CARE}
            UNION
            SELECT r.id FROM visits v JOIN residents r ON r.household_id = v.household_id
             WHERE v.day BETWEEN :start AND :end AND v.resident_id IS NULL
               AND v.household_id IS NOT NULL AND {_CARE}
        )
        SELECT t.tag, count(*) AS residents, count(visited.rid) AS visited
        FROM resident_tags t
        JOIN residents r ON r.id = t.resident_id
        LEFT JOIN visited ON visited.rid = r.id
        WHERE {_ON_ROUNDS} AND t.tag IN (SELECT value FROM json_each(:tags))
        GROUP BY t.tag
        """,
        {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "tags": _json_list(list(intervals)),
            "registered_by": _registered_by(end),
        },
    )
    found = {r["tag"]: (int(r["visited"]), int(r["residents"])) for r in rows}
    return [(tag, *found[tag]) for tag in intervals if tag in found]


def _json_list(values: list[str]) -> str:
    import json

    return json.dumps(values)
