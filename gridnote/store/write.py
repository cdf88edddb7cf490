"""The one write path: every row the notebook stores is inserted, changed or deleted here.

Services never write SQL; they call :func:`insert`, :func:`update`,
:func:`delete` (and :func:`upsert` for settings), inside their own
transaction. A change that asks for it keeps the row as it was in
``revisions`` first (:func:`keep_revision`), so nothing is lost without trace.
A row of a synced table gets its global id here when it is inserted, and
every write to one appends its change to the change log in the same
transaction (:mod:`gridnote.store.changes`), so the grid centre's sync can
never miss one.
"""

from __future__ import annotations

import json
from typing import Any

from gridnote import clock
from gridnote.store.changes import TABLES, key_of, log, new_gid
from gridnote.store.notebook import Notebook

Key = int | dict[str, Any]


def _key(key: Key) -> dict[str, Any]:
    return {"id": key} if isinstance(key, int) else key


def _where(key: Key) -> tuple[str, list[Any]]:
    columns = _key(key)
    return " AND ".join(f"{column} = ?" for column in columns), list(columns.values())


def insert(nb: Notebook, table: str, values: dict[str, Any]) -> int:
    """Insert one row and return its rowid (its ``id``)."""
    synced = table in TABLES
    if synced and "gid" not in values:
        values = {**values, "gid": new_gid()}
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cur = nb.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))
    row_id = int(cur.lastrowid or 0)
    if synced:
        log(nb, table, key_of(table, row_id, values), "insert")
    return row_id


def insert_missing(nb: Notebook, table: str, values: dict[str, Any]) -> bool:
    """Insert a row keyed by its values (a tag, an affected resident) unless it is there; True if written."""
    where, params = _where(values)
    if nb.one(f"SELECT 1 FROM {table} WHERE {where}", params) is not None:
        return False
    insert(nb, table, values)
    return True


def update(nb: Notebook, table: str, key: Key, values: dict[str, Any], *, revision: str | None = None) -> None:
    """Change one row (by ``id``, or by its key columns); ``revision`` names the action kept in ``revisions``."""
    if not values:
        return
    if revision is not None:
        keep_revision(nb, table, key, revision)
    where, params = _where(key)
    sets = ", ".join(f"{column} = ?" for column in values)
    nb.execute(f"UPDATE {table} SET {sets} WHERE {where}", [*values.values(), *params])
    if table in TABLES:
        log(nb, table, _key(key), "update")


def delete(nb: Notebook, table: str, key: Key, *, revision: str | None = "delete") -> None:
    """Delete one row (kept in ``revisions`` unless ``revision`` is None: the caller kept it)."""
    if revision is not None:
        keep_revision(nb, table, key, revision)
    if table in TABLES:
        log(nb, table, _key(key), "delete")
    where, params = _where(key)
    nb.execute(f"DELETE FROM {table} WHERE {where}", params)


def upsert(nb: Notebook, table: str, key: str, values: dict[str, Any]) -> None:
    """Insert a row, or change it when its ``key`` column is taken (a setting: not a synced table)."""
    assert table not in TABLES, table
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    sets = ", ".join(f"{column} = excluded.{column}" for column in values if column != key)
    nb.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT({key}) DO UPDATE SET {sets}",
        list(values.values()),
    )


def keep_revision(nb: Notebook, table: str, key: Key, action: str, before: dict[str, Any] | None = None) -> None:
    """Keep the row as it was before a change, so nothing is lost without trace.

    ``before`` records state that is not one row (a resident's tags).
    """
    if before is None:
        where, params = _where(key)
        row = nb.one(f"SELECT * FROM {table} WHERE {where}", params)
        if row is None:
            return
        before = dict(row)
    row_id = key if isinstance(key, int) else int(before.get("id") or 0)
    insert(
        nb,
        "revisions",
        {
            "table_name": table,
            "row_id": row_id,
            "action": action,
            "before": json.dumps(before, ensure_ascii=False),
            "at": clock.iso(clock.now()),
        },
    )
