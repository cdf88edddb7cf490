"""Residents' points: earned by reporting a problem that turns out real, spent on small rewards.

A ledger, never edited: a verified report adds ``points.per_verified_report``
(default 1; none for a rejected duplicate or a report not worth a point); a
redemption subtracts. One report earns once, even if the issue is verified
again after being reopened (a unique index guards it). The balance is the sum
and can never go below zero.
"""

from __future__ import annotations

from datetime import datetime

from gridnote import clock
from gridnote.db import Notebook
from gridnote.errors import InputError, StateError
from gridnote.models import Issue, PointsEntry, PointsLedger


def balance(nb: Notebook, resident_id: int) -> int:
    return int(nb.scalar("SELECT coalesce(sum(delta), 0) FROM points WHERE resident_id = ?", [resident_id]))


def award_for_report(nb: Notebook, issue: Issue, at: datetime) -> tuple[int, int | None]:
    """Credit the reporter of a verified issue (inside the caller's transaction).

    Returns (points given, new balance); (0, None) when there is nobody or nothing to credit.
    """
    from gridnote.services.config import get

    amount = int(get(nb, "points.per_verified_report"))
    if issue.reporter_id is None or amount <= 0:
        return 0, None
    if nb.scalar("SELECT 1 FROM points WHERE issue_id = ? AND reason = 'report'", [issue.id]):
        return 0, None
    nb.insert("points", {"resident_id": issue.reporter_id, "delta": amount, "reason": "report",
                         "issue_id": issue.id, "at": clock.iso(at), "day": clock.day_of(at)})
    return amount, balance(nb, issue.reporter_id)


def redeem(nb: Notebook, resident_id: int, amount: int, what: str) -> int:
    """Spend points on ``what``; refused when the balance is short. Returns the new balance."""
    what = " ".join(what.split())
    if amount <= 0:
        raise InputError("points.bad_amount", amount=amount)
    if not what:
        raise InputError("points.what_empty")
    now = clock.now()
    with nb.transaction():
        current = balance(nb, resident_id)
        if amount > current:
            if amount == 1:
                raise StateError("points.not_enough_one", balance=current)
            raise StateError("points.not_enough", amount=amount, balance=current)
        nb.insert("points", {"resident_id": resident_id, "delta": -amount, "reason": "redeem", "note": what,
                             "at": clock.iso(now), "day": clock.day_of(now)})
        return balance(nb, resident_id)


def ledger(nb: Notebook, resident_id: int) -> PointsLedger:
    """Every entry of a resident's points, oldest first, with the report's text as the note."""
    from gridnote.services.residents import get_resident

    resident = get_resident(nb, resident_id)
    rows = nb.rows(
        "SELECT p.*, i.text AS issue_text FROM points p LEFT JOIN issues i ON i.id = p.issue_id "
        "WHERE p.resident_id = ? ORDER BY p.at, p.id", [resident_id])
    entries = [PointsEntry(r["id"], r["resident_id"], r["delta"], r["reason"], r["at"], r["issue_id"],
                           r["note"] if r["reason"] != "report" else r["issue_text"]) for r in rows]
    return PointsLedger(resident, sum(e.delta for e in entries), entries)
