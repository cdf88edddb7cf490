"""Residents' points ledger: its SQL."""

from __future__ import annotations

import sqlite3

from gridnote.store.notebook import Notebook


def balance(nb: Notebook, resident_id: int) -> int:
    return int(nb.scalar("SELECT coalesce(sum(delta), 0) FROM points WHERE resident_id = ?", [resident_id]))


def awarded_once(nb: Notebook, issue_id: int) -> bool:
    """Whether the report has had its first award (reason ``report``)."""
    return nb.scalar("SELECT 1 FROM points WHERE issue_id = ? AND reason = 'report'", [issue_id]) is not None


def held_for_report(nb: Notebook, issue_id: int) -> int:
    """The sum of a report's award lines (award, taken back, restored)."""
    return int(
        nb.scalar(
            "SELECT coalesce(sum(delta), 0) FROM points WHERE issue_id = ?"
            " AND reason IN ('report', 'reversed', 'restored')",
            [issue_id],
        )
    )


def ledger_rows(nb: Notebook, resident_id: int) -> list[sqlite3.Row]:
    """Every line of a resident's points, oldest first, with the text of the issue it is for."""
    return nb.rows(
        "SELECT p.*, i.text AS issue_text FROM points p LEFT JOIN issues i ON i.id = p.issue_id "
        "WHERE p.resident_id = ? ORDER BY p.at, p.id",
        [resident_id],
    )
