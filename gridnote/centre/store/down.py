"""The centre's side of what goes down to a grid: items numbered per grid, read back "after N".

Each item (:data:`gridnote.centre.store.schema.down_items`) is written once, in the
centre's transaction, with the next number of its grid; a worker's sync (or a
bundle made by ``centre export``) carries the items after the last one she
has, and her answers come back up as rows of her ``inbox`` table (same gid).
"""

from __future__ import annotations

import json
from typing import Any

from gridnote import clock
from gridnote.errors import NotFoundError
from gridnote.store.changes import new_gid


def grid_named(conn: Any, code: str) -> Any:
    """The grid row whose grid code (or notebook id) is ``code``: it must have synced once."""
    from sqlalchemy import or_, select

    from gridnote.centre.store.schema import grids

    found = list(conn.execute(select(grids).where(or_(grids.c.grid_code == code, grids.c.notebook_id == code))))
    if len(found) != 1:
        raise NotFoundError("centre.no_such_grid" if not found else "centre.grid_twice", grid=code)
    return found[0]


def add_items(conn: Any, grid: str, kind: str, bodies: list[dict[str, Any]], source: str | None) -> list[int]:
    """Write items of one kind for ``grid`` with its next numbers; returns their numbers."""
    from sqlalchemy import func, select, text

    from gridnote.centre.store.schema import down_items

    if conn.dialect.name == "postgresql":  # two senders to one grid at once take turns (staff cannot lock grids)
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:grid))"), {"grid": grid})
    top = int(
        conn.execute(select(func.coalesce(func.max(down_items.c.seq), 0)).where(down_items.c.grid == grid)).scalar()
    )
    now = clock.iso(clock.now())
    rows = [
        {
            "grid": grid,
            "seq": top + n,
            "gid": new_gid(),
            "kind": kind,
            "body": json.dumps(body, ensure_ascii=False, sort_keys=True),
            "source": source,
            "created_at": now,
        }
        for n, body in enumerate(bodies, start=1)
    ]
    if rows:
        conn.execute(down_items.insert(), rows)
    return [int(r["seq"] or 0) for r in rows]


def items_after(conn: Any, grid: str, seq: int) -> list[dict[str, Any]]:
    """The items for ``grid`` after number ``seq``, in order, as plain rows."""
    from sqlalchemy import select

    from gridnote.centre.store.schema import down_items

    query = select(down_items).where(down_items.c.grid == grid, down_items.c.seq > seq).order_by(down_items.c.seq)
    return [dict(r._mapping) for r in conn.execute(query)]


def known_residents(conn: Any, grid: str) -> list[dict[str, Any]]:
    """The grid's residents as the centre last received them: gid, record, their household's address."""
    from sqlalchemy import and_, select

    from gridnote.centre.store.schema import SYNCED

    r, h = SYNCED["residents"], SYNCED["households"]
    query = (
        select(r.c.gid, r.c.record, h.c.address)
        .select_from(r.outerjoin(h, and_(h.c.grid == r.c.grid, h.c.gid == r.c.household_gid)))
        .where(r.c.grid == grid)
    )
    return [{"gid": g, "record": json.loads(rec or "{}"), "address": a} for g, rec, a in conn.execute(query)]


def sent_items(conn: Any, grid: str | None) -> list[dict[str, Any]]:
    """What the centre sent (to one grid, or to all), with the grid's code and her answer when it came
    back: the ``inbox`` row her sync brought up (none: not brought down yet)."""
    from sqlalchemy import and_, select

    from gridnote.centre.store.schema import SYNCED, down_items, grids

    d, i = down_items, SYNCED["inbox"]
    query = (
        select(
            grids.c.grid_code,
            d.c.seq,
            d.c.kind,
            d.c.body,
            d.c.source,
            d.c.created_at,
            i.c.status,
            i.c.why,
            i.c.answered_at,
        )  # fmt: skip
        .select_from(
            d.join(grids, grids.c.notebook_id == d.c.grid).outerjoin(i, and_(i.c.grid == d.c.grid, i.c.gid == d.c.gid))
        )
        .order_by(grids.c.grid_code, d.c.seq)
    )
    if grid is not None:
        query = query.where(d.c.grid == grid)
    return [dict(r._mapping) for r in conn.execute(query)]
