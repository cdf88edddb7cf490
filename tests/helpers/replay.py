"""Rebuild synced tables from the change log alone, the way a grid centre would apply it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from gridnote.store.changes import TABLES


def replay(source: Path, target: Path) -> int:
    """Apply every change of ``source``'s log, in order, to the notebook at ``target``; return how many."""
    changes = sqlite3.connect(source)
    conn = sqlite3.connect(target, isolation_level=None)
    count = 0
    try:
        conn.execute("BEGIN")
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table, gid, op, row in changes.execute("SELECT table_name, gid, op, row FROM changes ORDER BY seq"):
            values: dict[str, Any] = json.loads(row) if row else {}
            if op == "insert":
                marks = ", ".join("?" for _ in values)
                conn.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({marks})", list(values.values()))
            elif op == "update":
                sets = ", ".join(f"{column} = ?" for column in values)
                conn.execute(f"UPDATE {table} SET {sets} WHERE gid = ?", [*values.values(), gid])
            else:
                conn.execute(f"DELETE FROM {table} WHERE gid = ?", [gid])
            count += 1
        conn.execute("COMMIT")
    finally:
        conn.close()
        changes.close()
    return count


def synced_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every synced table, every column, in key order."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(key)}").fetchall()
            for table, (key, _) in TABLES.items()
        }
    finally:
        conn.close()
