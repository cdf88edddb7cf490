"""Residents' points: earned by reporting a problem that turns out real, spent on small rewards.

A ledger, never edited: a verified report adds ``points.per_verified_report``
(default 1; none for a rejected duplicate, a report not worth a point or an
enquiry); a
redemption subtracts. A report verified and then rejected (a duplicate found
afterwards) has its point taken back by a new line (``reversed``); verified
again after a reopen, it earns it back (``restored``). So a report holds at
most one award at a time, whatever the number of reopens (a unique index
guards the first award). The balance is the sum and never goes below zero: a
point already spent on a reward is not taken back.

Reasons: ``report``, ``reversed``, ``restored`` (each with the issue) and ``redeem``.
"""

from __future__ import annotations

from datetime import datetime

from gridnote import clock
from gridnote.errors import InputError, StateError
from gridnote.models import Issue, PointsEntry, PointsLedger
from gridnote.store import points as rows
from gridnote.store import write
from gridnote.store.notebook import Notebook


def balance(nb: Notebook, resident_id: int) -> int:
    return rows.balance(nb, resident_id)


def award_for_report(nb: Notebook, issue: Issue, at: datetime) -> tuple[int, int | None]:
    """Credit the reporter of a verified issue (inside the caller's transaction).

    Returns (points given, new balance); (0, None) when there is nobody or nothing to credit.
    """
    from gridnote.services.settings import get

    if issue.is_enquiry:  # a question or a suggestion is not a problem found: no point
        return 0, None
    amount = int(get(nb, "points.per_verified_report"))
    if issue.reporter_id is None or amount <= 0 or held_for_report(nb, issue.id) > 0:
        return 0, None
    first = not rows.awarded_once(nb, issue.id)
    write.insert(
        nb,
        "points",
        {
            "resident_id": issue.reporter_id,
            "delta": amount,
            "reason": "report" if first else "restored",
            "issue_id": issue.id,
            "at": clock.iso(at),
            "day": clock.day_of(at),
        },
    )
    return amount, balance(nb, issue.reporter_id)


def held_for_report(nb: Notebook, issue_id: int) -> int:
    """What a report's award stands at now: its award, less what was taken back, plus any restoration."""
    return rows.held_for_report(nb, issue_id)


def take_back_for_report(nb: Notebook, issue: Issue, at: datetime) -> tuple[int, int | None, int]:
    """Take back a rejected report's point (inside the caller's transaction): a new ``reversed`` line.

    At most what the resident still holds, so the balance never goes below
    zero. Returns (points taken back, new balance, points of the award left
    alone because they were already spent), so the worker is told why
    nothing, or less, was taken back; (0, None, 0) when the report held none.
    """
    if issue.reporter_id is None:
        return 0, None, 0
    held = held_for_report(nb, issue.id)
    amount = min(held, balance(nb, issue.reporter_id))
    spent = max(held - max(amount, 0), 0)
    if amount <= 0:
        return 0, None, spent
    write.insert(
        nb,
        "points",
        {
            "resident_id": issue.reporter_id,
            "delta": -amount,
            "reason": "reversed",
            "issue_id": issue.id,
            "at": clock.iso(at),
            "day": clock.day_of(at),
        },
    )
    return amount, balance(nb, issue.reporter_id), spent


def redeem(nb: Notebook, resident_id: int, amount: int, what: str) -> int:
    """Spend points on ``what``; refused when the balance is short. Returns the new balance."""
    from gridnote.input.text import one_line

    what = one_line(what)
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
        write.insert(
            nb,
            "points",
            {
                "resident_id": resident_id,
                "delta": -amount,
                "reason": "redeem",
                "note": what,
                "at": clock.iso(now),
                "day": clock.day_of(now),
            },
        )
        return balance(nb, resident_id)


def ledger(nb: Notebook, resident_id: int) -> PointsLedger:
    """Every entry of a resident's points, oldest first, with the report's text as the note."""
    from gridnote.services.residents import get_resident

    resident = get_resident(nb, resident_id)
    entries = [
        PointsEntry(
            r["id"],
            r["resident_id"],
            r["delta"],
            r["reason"],
            r["at"],
            r["issue_id"],
            r["issue_text"] if r["issue_id"] is not None else r["note"],
        )
        for r in rows.ledger_rows(nb, resident_id)
    ]
    return PointsLedger(resident, sum(e.delta for e in entries), entries)
