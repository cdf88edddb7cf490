"""Care rounds and the daily building walk, read from the visit log (the ``visits`` table).

* A **care visit** is a visit row for that resident of kind ``visit`` or
  ``emergency`` that was not undone. Phone and WeChat contacts do not count:
  a care round means seeing the person at home.
* A resident with care tags is due a visit every N days, N being the shortest
  ``care.<tag>`` setting among their tags (``gridnote config set care.bedridden 2``).
  They are due on the day of their last care visit plus N; never visited
  means due now. Residents who moved out are left out.
* A building is **walked** on a day when a ``walk`` row for it on that day
  was not undone.

Both are read "as of" a day, so ``today --date`` works for past and future days.
"""

from __future__ import annotations

from datetime import date, timedelta

from gridnote.db import Notebook
from gridnote.models import BuildingWalk, CareDue
from gridnote.settings import care_tags

CARE_KINDS = ("visit", "emergency")  # what counts as a care visit (not phone or wechat)

_CARE_SQL = """
    SELECT r.id, r.name, r.alias, h.address, group_concat(t.tag) AS tags,
           (SELECT max(v.day) FROM visits v
             WHERE v.resident_id = r.id AND v.day <= :day AND v.undone_at IS NULL
               AND v.kind IN ({kinds})) AS last_visit
    FROM resident_tags t
    JOIN residents r ON r.id = t.resident_id
    LEFT JOIN households h ON h.id = r.household_id
    WHERE t.tag IN ({tags}) AND r.moved_out_at IS NULL
    GROUP BY r.id
"""


def care_intervals(nb: Notebook) -> dict[str, int]:
    """Days between care visits per care tag, from the notebook's settings."""
    from gridnote.services.config import get

    return {tag: int(get(nb, key)) for tag, key in care_tags().items()}


def care_round(nb: Notebook, day: date) -> list[CareDue]:
    """Residents due or overdue a care visit on ``day``: never visited first, then most overdue."""
    intervals = care_intervals(nb)
    marks = ", ".join(f":t{i}" for i in range(len(intervals)))
    params: dict[str, str] = {"day": day.isoformat()}
    params.update({f"t{i}": tag for i, tag in enumerate(intervals)})
    due: list[CareDue] = []
    kinds = ", ".join(f"'{kind}'" for kind in CARE_KINDS)
    for row in nb.rows(_CARE_SQL.format(tags=marks, kinds=kinds), params):
        tags = sorted(row["tags"].split(","), key=lambda tag: (intervals[tag], tag))
        interval = intervals[tags[0]]
        last = row["last_visit"]
        due_day = date.fromisoformat(last) + timedelta(days=interval) if last else None
        if due_day is not None and due_day > day:
            continue
        due.append(CareDue(
            resident_id=row["id"], name=row["name"], alias=row["alias"], address=row["address"],
            tags=tuple(tags), interval_days=interval, last_visit=last,
            due_day=due_day.isoformat() if due_day else None,
            days_overdue=(day - due_day).days if due_day else None,
        ))
    due.sort(key=_urgency)
    return due


def _urgency(c: CareDue) -> tuple[int, int, int, str, int]:
    never = c.days_overdue is None
    return (0 if never else 1, 0 if never else -(c.days_overdue or 0), c.interval_days,
            c.address or "~", c.resident_id)


def daily_walk(nb: Notebook, day: date) -> list[BuildingWalk]:
    """Every building, with the time of its first walk on ``day`` (None: not walked yet)."""
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
    return int(nb.scalar("SELECT count(*) FROM visits WHERE day = ? AND kind != 'walk'"
                         " AND undone_at IS NULL", [day.isoformat()]))
