"""The change log: what the grid centre's sync reads (docs/changes.md).

Every row of a synced table carries a global id (``gid``, a UUID that never
changes) and every write to it appends one row to ``changes`` in the same
transaction (:mod:`gridnote.store.write` calls :func:`log`): a per-notebook
sequence number, the table, the row's gid, the operation (``insert``,
``update``, ``delete``), the whole row after the write as JSON, and ``refs``:
the gid of every row it points at (its foreign keys, and the visit or task a
task's ``source`` names). So "every change after N" is a complete sync, and
replaying the log from the start rebuilds every synced table row for row.

The settings (``config``), ``revisions`` (the local undo history) and the
search index are the notebook's own and are not logged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gridnote import clock
from gridnote.store.notebook import Notebook

# Every synced table, parents before children (the order a replay or a centre creates them in),
# with its key columns and the table each foreign-key column points at.
TABLES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "buildings": (("id",), {}),
    "households": (("id",), {"building_id": "buildings"}),
    "residents": (("id",), {"household_id": "households"}),
    "resident_tags": (("resident_id", "tag"), {"resident_id": "residents"}),
    "contacts": (("id",), {"resident_id": "residents"}),
    "care_baselines": (("id",), {"resident_id": "residents"}),
    "visits": (("id",), {"resident_id": "residents", "household_id": "households", "building_id": "buildings"}),
    "readings": (("id",), {"visit_id": "visits", "resident_id": "residents"}),
    "tasks": (("id",), {"resident_id": "residents", "building_id": "buildings", "series_id": "tasks"}),
    "issue_categories": (("code",), {}),
    "issues": (
        ("id",),
        {
            "reporter_id": "residents",
            "building_id": "buildings",
            "household_id": "households",
            "duplicate_of": "issues",
        },
    ),
    "issue_updates": (("id",), {"issue_id": "issues"}),
    "issue_residents": (("issue_id", "resident_id"), {"issue_id": "issues", "resident_id": "residents"}),
    "issue_photos": (("id",), {"issue_id": "issues", "update_id": "issue_updates"}),
    "points": (("id",), {"resident_id": "residents", "issue_id": "issues"}),
    "events": (("id",), {"building_id": "buildings"}),
    "event_residents": (("event_id", "resident_id"), {"event_id": "events", "resident_id": "residents"}),
    "event_photos": (("id",), {"event_id": "events"}),
    "inbox": (("id",), {}),  # what the centre sent down, and her answers (issue 16)
}
# A task's source names a visit (``visit:12``, ``recheck:12``) or the task it follows (``task:7``).
SOURCE_TABLES = {"visit": "visits", "recheck": "visits", "task": "tasks"}


@dataclass(frozen=True)
class Change:
    """One line of the change log."""

    seq: int  # increasing, never reused: "everything after seq N" is the next sync
    at: str  # when it was written (ISO 8601 with offset)
    table: str
    gid: str  # the row's global id
    op: str  # insert, update or delete
    row: dict[str, Any] | None  # every column after the write (None for a delete)
    refs: dict[str, str | None]  # foreign-key column (and ``source``) -> the gid it points at


@dataclass(frozen=True)
class Identity:
    """Who this notebook is, for the grid centre."""

    notebook_id: str  # a UUID given when the notebook was made (or upgraded to keep a change log)
    grid_code: str | None  # ``config set grid.code``
    worker_name: str | None  # ``config set worker.name``
    street: str | None = None  # ``config set grid.street``: the street (街道) the centre groups grids by


def new_gid() -> str:
    """A random UUID (version 4) as text."""
    import os

    b = bytearray(os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# -- writing (called by gridnote.store.write, inside the write's transaction) -------------
_READERS: dict[str, str] = {}
_REF = "ref:"  # the prefix of the gid columns the reader adds to the row


def _reader(table: str) -> str:
    """``SELECT`` a row with the gid of every row it points at, by the table's key columns."""
    sql = _READERS.get(table)
    if sql is None:
        key, refs = TABLES[table]
        pointers = [f'(SELECT gid FROM {target} WHERE id = t.{c}) AS "{_REF}{c}"' for c, target in refs.items()]
        if table == "tasks":
            number = "CAST(substr(t.source, instr(t.source, ':') + 1) AS INTEGER)"
            named = " ".join(
                f"WHEN t.source LIKE '{prefix}:%' THEN (SELECT gid FROM {target} WHERE id = {number})"
                for prefix, target in SOURCE_TABLES.items()
            )
            pointers.append(f'CASE {named} END AS "{_REF}source"')
        where = " AND ".join(f"t.{c} = ?" for c in key)
        sql = _READERS[table] = f"SELECT {', '.join(['t.*', *pointers])} FROM {table} t WHERE {where}"
    return sql


def key_of(table: str, row_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """The key columns of a row just inserted (its id, or the values of its key columns)."""
    key, _ = TABLES[table]
    return {"id": row_id} if key == ("id",) else {c: values[c] for c in key}


def log(nb: Notebook, table: str, key: dict[str, Any], op: str) -> None:
    """Append the change of one row as it is now (for a delete: call it before deleting)."""
    found = nb.one(_reader(table), [key[c] for c in TABLES[table][0]])
    if found is None:
        return
    values = dict(found)
    refs = {name.removeprefix(_REF): values.pop(name) for name in list(values) if name.startswith(_REF)}
    gone = op == "delete"
    nb.execute(
        "INSERT INTO changes (at, table_name, gid, op, row, refs) VALUES (?, ?, ?, ?, ?, ?)",
        [
            clock.iso(clock.now()),
            table,
            values["gid"],
            op,
            None if gone else json.dumps(values, ensure_ascii=False),
            None if gone else json.dumps(refs, ensure_ascii=False),
        ],
    )


def adopt(nb: Notebook) -> int:
    """Give rows written around the write path (the benchmark's bulk generator) their global ids,
    and log them as inserts, parents first; returns how many. Call inside a transaction."""
    uuid = (
        "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'"
        " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
    )
    before = last_seq(nb)
    for table, (key, _) in TABLES.items():
        fresh = [tuple(r) for r in nb.rows(f"SELECT {', '.join(key)} FROM {table} WHERE gid IS NULL ORDER BY 1")]
        if not fresh:
            continue
        nb.execute(f"UPDATE {table} SET gid = {uuid} WHERE gid IS NULL")
        for values in fresh:
            log(nb, table, dict(zip(key, values, strict=True)), "insert")
    return last_seq(nb) - before


# -- reading (for the sync) ----------------------------------------------------------------
def last_seq(nb: Notebook) -> int:
    """The sequence number of the latest change (0 when none)."""
    return int(nb.scalar("SELECT coalesce(max(seq), 0) FROM changes"))


def changes_after(nb: Notebook, seq: int = 0, limit: int | None = None) -> list[Change]:
    """The changes after ``seq``, oldest first (at most ``limit``)."""
    return list(iter_changes(nb, seq, limit))


def iter_changes(nb: Notebook, seq: int = 0, limit: int | None = None) -> Iterator[Change]:
    sql = "SELECT seq, at, table_name, gid, op, row, refs FROM changes WHERE seq > ? ORDER BY seq"
    params: list[Any] = [seq]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    for r in nb.execute(sql, params):
        yield Change(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else None, json.loads(r[6]) if r[6] else {})


def identity(nb: Notebook) -> Identity:
    raw = nb.settings()
    return Identity(
        str(nb.scalar("SELECT id FROM notebook")), raw.get("grid.code"), raw.get("worker.name"), raw.get("grid.street")
    )
