"""The centre's rows for the shared figures (:mod:`gridnote.services.figures`), every grid in one pass.

Each query reads the range for all grids at once, by the ``(grid, day)``
indexes, and the rows are dealt out per grid; keys are ``(grid, gid)``, so the
street's total is the sum of the grids' figures
(:func:`gridnote.services.figures.added_figures`). Like the notebook's own row
source, it only selects the range and leaves out undone visits; every rule is
the shared code's.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from gridnote.domain.issue_terms import OPEN_STATUSES
from gridnote.models.figures import DeadlineRow, GridRows, OpenRow, RatingRow, ResidentRow, StepRow, VisitRow


def _key(grid: str, gid: str | None) -> tuple[str, str] | None:
    return None if gid is None else (grid, gid)


def grid_list(conn: Any) -> list[Any]:
    """Every grid with its last sync and how many residents the centre keeps of it."""
    from sqlalchemy import func, select

    from gridnote.centre.store.schema import SYNCED, grids

    residents = SYNCED["residents"]
    count = (
        select(residents.c.grid, func.count().label("residents"))
        .where(residents.c.moved_out_at.is_(None))
        .group_by(residents.c.grid)
        .subquery()
    )
    query = (
        select(grids, func.coalesce(count.c.residents, 0).label("residents"))
        .outerjoin(count, count.c.grid == grids.c.notebook_id)
        .order_by(grids.c.grid_code, grids.c.notebook_id)
    )
    return list(conn.execute(query))


def rows_by_grid(conn: Any, start: str, end: str, registered_by: str, tags: list[str]) -> dict[str, GridRows]:
    """``GridRows`` of every grid for the days ``start``..``end`` (ISO, inclusive)."""
    from sqlalchemy import and_, func, or_, select, tuple_, union

    from gridnote.centre.store.schema import SYNCED
    from gridnote.centre.store.schema import grids as grid_table

    t = SYNCED
    grids = sorted(r[0] for r in conn.execute(select(grid_table.c.notebook_id)))
    parts: dict[str, dict[str, list[Any]]] = {g: defaultdict(list) for g in grids}

    v = t["visits"]
    for r in conn.execute(
        select(v.c.grid, v.c.kind, v.c.resident_gid, v.c.household_gid, v.c.building_gid, v.c.day, v.c.at).where(
            v.c.day.between(start, end), v.c.undone_at.is_(None)
        )
    ):
        g = r[0]
        parts[g]["visits"].append(VisitRow(r[1], _key(g, r[2]), _key(g, r[3]), _key(g, r[4]), r[5], r[6]))

    res, tg = t["residents"], t["resident_tags"]
    tagged: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in conn.execute(select(tg.c.grid, tg.c.resident_gid, tg.c.tag).where(tg.c.tag.in_(tags))):
        tagged[(r[0], r[1])].append(r[2])
    whole = (
        select(v.c.grid, v.c.household_gid)
        .where(v.c.day.between(start, end), v.c.undone_at.is_(None), v.c.resident_gid.is_(None))
        .distinct()
        .subquery()
    )
    # the residents the rules use, each set from its index: those with a care tag, and those living in a
    # household visited as a whole in the range (not every resident of the street)
    wanted = (res.c.grid, res.c.gid, res.c.household_gid, res.c.moved_out_at, res.c.created_at)
    with_tag = select(*wanted).where(
        tuple_(res.c.grid, res.c.gid).in_(select(tg.c.grid, tg.c.resident_gid).where(tg.c.tag.in_(tags)))
    )
    in_whole = select(*wanted).select_from(
        whole.join(res, and_(res.c.grid == whole.c.grid, res.c.household_gid == whole.c.household_gid))
    )
    for r in conn.execute(union(with_tag, in_whole)):
        g = r[0]
        tags_of = tuple(sorted(tagged.get((g, r[1]), ())))
        parts[g]["residents"].append(ResidentRow((g, r[1]), _key(g, r[2]), r[3], r[4], tags_of))

    u, i = t["issue_updates"], t["issues"]
    joined = u.join(i, and_(i.c.grid == u.c.grid, i.c.gid == u.c.issue_gid))
    reported = or_(i.c.reporter_gid.is_not(None), func.coalesce(i.c.reporter_contact, "") != "")
    enquiry = func.coalesce(i.c.kind, "complaint") == "enquiry"  # counted apart, as in her own report
    for r in conn.execute(
        select(
            u.c.grid,
            u.c.issue_gid,
            u.c.kind,
            u.c.to_status,
            i.c.category,
            u.c.at,
            u.c.local_id,
            u.c.data,
            reported,
            enquiry,
        )
        .select_from(joined)
        .where(u.c.day.between(start, end))
    ):
        g = r[0]
        parts[g]["steps"].append(StepRow((g, r[1]), r[2], r[3], r[4], bool(r[9])))
        if r[2] == "rate":
            parts[g]["ratings"].append(RatingRow((g, r[1]), r[5], r[6] or 0, r[7], bool(r[8]), bool(r[9])))

    for which, due, day, done in (
        ("response", i.c.response_due_at, i.c.response_due_day, i.c.first_response_at),
        ("resolve", i.c.resolve_due_at, i.c.resolve_due_day, i.c.resolved_at),
    ):
        for r in conn.execute(select(i.c.grid, i.c.gid, i.c.status, due, done, enquiry).where(day.between(start, end))):
            parts[r[0]][which].append(DeadlineRow((r[0], r[1]), r[2], r[3], r[4], bool(r[5])))
    for r in conn.execute(
        select(
            i.c.grid,
            i.c.gid,
            i.c.category,
            i.c.status,
            i.c.first_response_at,
            i.c.response_due_at,
            i.c.resolve_due_at,
            enquiry,
        ).where(i.c.status.in_(OPEN_STATUSES), i.c.received_day <= end)
    ):
        parts[r[0]]["open"].append(OpenRow((r[0], r[1]), r[2], r[3], r[4], r[5], r[6], bool(r[7])))

    rd = t["readings"]
    vj = rd.join(v, and_(v.c.grid == rd.c.grid, v.c.gid == rd.c.visit_gid))
    for r in conn.execute(
        select(rd.c.grid, rd.c.flagged).select_from(vj).where(rd.c.day.between(start, end), v.c.undone_at.is_(None))
    ):
        parts[r[0]]["readings"].append(bool(r[1]))
    e = t["events"]
    for r in conn.execute(select(e.c.grid, e.c.attendees).where(e.c.day.between(start, end))):
        parts[r[0]]["attendees"].append(r[1])
    b = t["buildings"]
    buildings = dict(conn.execute(select(b.c.grid, func.count()).group_by(b.c.grid)).all())

    return {
        g: GridRows(
            visits=p["visits"],
            residents=p["residents"],
            buildings=int(buildings.get(g, 0)),
            readings=p["readings"],
            steps=p["steps"],
            ratings=p["ratings"],
            response=p["response"],
            resolve=p["resolve"],
            attendees=p["attendees"],
            open_issues=p["open"],
            registered_by=registered_by,
        )
        for g, p in parts.items()
    }
