"""The SQL of requests from the city app and the hotline (Open311): finding them again, matching
their reporters and places, and reading them for the way back."""

from __future__ import annotations

import json
import sqlite3

from gridnote.store.issues import ISSUE_SELECT
from gridnote.store.notebook import Notebook


def by_external_ids(nb: Notebook, ids: list[str]) -> dict[str, sqlite3.Row]:
    """``{request id: the issue's row}`` of the requests already imported (one indexed query)."""
    rows = nb.rows(
        "SELECT id, external_id, external, status, resolved_at, reported_at, first_response_at, received_at,"
        " resolve_due_at, response_due_at FROM issues WHERE external_id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)],
    )
    return {r["external_id"]: r for r in rows}


def residents_with_phone(nb: Notebook, spellings: tuple[str, ...]) -> list[int]:
    """Residents still living here whose register phones hold one of these spellings of a number."""
    clauses = " OR ".join("(',' || phones || ',') LIKE ?" for _ in spellings)
    rows = nb.rows(
        f"SELECT id FROM residents WHERE moved_out_at IS NULL AND ({clauses}) ORDER BY id",
        [f"%,{s},%" for s in spellings],
    )
    return [int(r[0]) for r in rows]


def export_rows(nb: Notebook, *, every: bool) -> list[sqlite3.Row]:
    """The issues the way back carries (those from a request; ``every``: all of them), oldest first,
    each with its household's address (one query)."""
    where = "" if every else " WHERE x.external_id IS NOT NULL"
    return nb.rows(
        f"SELECT x.*, hh.address AS household_address FROM ({ISSUE_SELECT}) x"
        f" LEFT JOIN households hh ON hh.id = x.household_id{where} ORDER BY x.received_at, x.id"
    )


def open_pending(nb: Notebook) -> int:
    """Requests with a change of state the app has not been sent yet."""
    return int(
        nb.scalar(
            "SELECT count(*) FROM issues WHERE back_marked_at IS NOT NULL"
            " AND (back_sent_at IS NULL OR back_sent_at < back_marked_at)"
        )
    )
