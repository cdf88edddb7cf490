"""``INSERT … ON CONFLICT DO UPDATE`` on either engine (both dialects spell it the same way)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def upsert(conn: Any, table: Any, rows: Sequence[dict[str, Any]], key: Sequence[str]) -> None:
    """Insert ``rows``, or set every other column of the row with the same ``key``."""
    if not rows:
        return
    from sqlalchemy.dialects import postgresql, sqlite

    stmt: Any = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)
    columns = [c for c in rows[0] if c not in key]
    stmt = stmt.on_conflict_do_update(index_elements=list(key), set_={c: stmt.excluded[c] for c in columns})
    conn.execute(stmt, list(rows))
