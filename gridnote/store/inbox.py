"""The inbox: what the grid centre sent down, kept until she answers it (issue 16).

A row per item, with the centre's gid (so an item arrives once however often
it is brought down, and her answer reaches the centre with her next sync: the
table is synced like any other). Written only through :mod:`gridnote.store.write`.
"""

from __future__ import annotations

import sqlite3

from gridnote.store.notebook import Notebook


def known_gids(nb: Notebook, gids: list[str]) -> set[str]:
    """Which of these items are already in the inbox (one indexed query)."""
    import json

    rows = nb.rows("SELECT gid FROM inbox WHERE gid IN (SELECT value FROM json_each(?))", [json.dumps(gids)])
    return {r[0] for r in rows}


def items(nb: Notebook, *, every: bool = False) -> list[sqlite3.Row]:
    """The items waiting for an answer (``every``: answered ones too), in the order they came."""
    where = "" if every else "WHERE status = 'pending'"
    return nb.rows(f"SELECT * FROM inbox {where} ORDER BY seq, id")


def item(nb: Notebook, item_id: int) -> sqlite3.Row | None:
    return nb.one("SELECT * FROM inbox WHERE id = ?", [item_id])


def pending_counts(nb: Notebook) -> dict[str, int]:
    """kind -> items waiting for an answer."""
    return {r[0]: int(r[1]) for r in nb.rows("SELECT kind, count(*) FROM inbox WHERE status = 'pending' GROUP BY kind")}


def resident_by_gid(nb: Notebook, gid: str) -> int | None:
    return nb.scalar("SELECT id FROM residents WHERE gid = ?", [gid])


def resident_by_id_number(nb: Notebook, number: str) -> int | None:
    return nb.scalar("SELECT id FROM residents WHERE id_number = ? ORDER BY moved_out_at IS NOT NULL, id", [number])


def resident_at(nb: Notebook, name: str, address: str) -> int | None:
    return nb.scalar(
        "SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id"
        " WHERE r.name = ? AND h.address = ? ORDER BY r.moved_out_at IS NOT NULL, r.id",
        [name, address],
    )
