"""Merging a notebook's changes into the centre: idempotent, one transaction per batch.

The centre keeps, per notebook, the last change it acknowledged
(``grids.last_seq``). A batch is applied in one transaction that also moves
``last_seq``: changes at or before it are skipped (a repeated sync or bundle
does nothing), and a batch that starts after a change the centre has not seen
is refused (nothing would fill the gap). A change carries the whole row, so
applying it is an upsert by ``(grid, gid)``; a delete deletes. Killed at any
moment, either the whole batch and its ``last_seq`` are in, or neither is.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from gridnote import clock
from gridnote.errors import StateError
from gridnote.store.changes import TABLES, Change, Identity


@dataclass
class Merged:
    """What one sync or import brought in."""

    changes: int = 0  # changes applied (skipped repeats not counted)
    skipped: int = 0  # changes the centre already had
    rows: Counter[str] = field(default_factory=Counter)  # table -> rows changed
    last_seq: int = 0  # the centre's acknowledged seq afterwards

    def add(self, other: Merged) -> None:
        self.changes += other.changes
        self.skipped += other.skipped
        self.rows.update(other.rows)
        self.last_seq = other.last_seq


def acknowledged(conn: Any, notebook_id: str, *, lock: bool = False) -> int:
    """The last change of ``notebook_id`` the centre has (0: none)."""
    from sqlalchemy import select

    from gridnote.centre.store.schema import grids

    query = select(grids.c.last_seq).where(grids.c.notebook_id == notebook_id)
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return int(conn.execute(query).scalar() or 0)


def centre_row(table: str, change: Change, grid: str, *, full_readings: bool) -> dict[str, Any]:
    """The centre's row for a change (insert or update)."""
    from gridnote.centre.store.schema import COLUMNS, READING_VALUES, ref_column, ref_columns

    row = dict(change.row or {})
    if table == "readings" and not full_readings:
        for name in READING_VALUES:
            row.pop(name, None)
    values: dict[str, Any] = {
        "grid": grid,
        "gid": change.gid,
        "seq": change.seq,
        "local_id": row.get("id") if isinstance(row.get("id"), int) else None,
        "record": json.dumps(row, ensure_ascii=False, sort_keys=True),
        "refs": json.dumps(change.refs, ensure_ascii=False, sort_keys=True),
    }
    for column in ref_columns(table):
        values[ref_column(column)] = change.refs.get(column)
    for column in COLUMNS[table]:
        values[column] = row.get(column)
    return values


def merge(conn: Any, who: Identity, after: int, changes: Iterable[Change], *, full_readings: bool) -> Merged:
    """Apply one batch of ``who``'s changes (those after ``after``) in the caller's transaction."""
    from sqlalchemy import delete, func, tuple_, update

    from gridnote.centre.store.schema import SYNCED, grids
    from gridnote.centre.store.upsert import upsert

    grid = who.notebook_id
    now = clock.iso(clock.now())
    known = conn.execute(grids.select().where(grids.c.notebook_id == grid)).first()
    if known is None:
        values: dict[str, Any] = {
            "notebook_id": grid,
            "grid_code": who.grid_code,
            "worker_name": who.worker_name,
            "street": who.street,
            "last_seq": 0,
            "first_sync_at": now,
            "last_sync_at": now,
        }
        if conn.dialect.name == "postgresql":
            values["worker_role"] = func.current_user()
        conn.execute(grids.insert().values(**values))
    last = acknowledged(conn, grid, lock=True)
    if after > last:
        raise StateError("centre.gap", grid=who.grid_code or grid, have=last, after=after)
    found = Merged(last_seq=last)
    latest: dict[tuple[str, str], Change] = {}
    top = last
    for change in changes:
        if change.seq <= last:
            found.skipped += 1
            continue
        if change.table not in TABLES:
            continue
        found.changes += 1
        top = max(top, change.seq)
        latest[(change.table, change.gid)] = change  # later changes of a row win: each carries the whole row
    for (table, _gid), _change in latest.items():
        found.rows[table] += 1
    for table in TABLES:
        target = SYNCED[table]
        mine = [c for (t, _), c in latest.items() if t == table]
        gone = [c.gid for c in mine if c.op == "delete"]
        kept = [centre_row(table, c, grid, full_readings=full_readings) for c in mine if c.op != "delete"]
        for start in range(0, len(gone), 500):
            chunk = gone[start : start + 500]
            conn.execute(delete(target).where(tuple_(target.c.grid, target.c.gid).in_([(grid, g) for g in chunk])))
        for start in range(0, len(kept), 1000):
            upsert(conn, target, kept[start : start + 1000], ["grid", "gid"])
    conn.execute(
        update(grids)
        .where(grids.c.notebook_id == grid)
        .values(last_seq=top, grid_code=who.grid_code, worker_name=who.worker_name, street=who.street, last_sync_at=now)
    )
    found.last_seq = top
    return found
