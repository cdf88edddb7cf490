"""A resident's points: the ledger and the balance."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import t
from gridnote.models import PointsLedger
from gridnote.render.common import note, ok, table

if TYPE_CHECKING:
    from rich.console import RenderableType


def ledger_view(ledger: PointsLedger, today: date) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    from gridnote.render.labels import short_time

    r = ledger.resident
    title = Text(t("points.title", name=r.display_name, balance=ledger.balance), style="bold")
    if not ledger.entries:
        return Group(title, note("points.none"))
    grid = table("points.col.date", "points.col.points", "points.col.for")
    grid.columns[1].justify = "right"
    for e in ledger.entries:
        if e.reason in ("report", "reversed", "restored"):
            what = t(f"points.for_{e.reason}", id=e.issue_id, text=e.note or "")
        else:
            what = t("points.for_redeem", text=e.note or "")
        grid.add_row(short_time(e.at[:10], today), f"{e.delta:+d}", what)
    return Group(title, grid)


def redeemed_line(name: str, amount: int, what: str, balance: int) -> RenderableType:
    return ok("points.redeemed", name=name, points=amount, what=what, balance=balance)


def ledger_json(ledger: PointsLedger) -> dict[str, Any]:
    r = ledger.resident
    return {
        "resident": {"id": r.id, "name": r.display_name, "address": r.address},
        "balance": ledger.balance,
        "entries": [
            {"id": e.id, "at": e.at, "delta": e.delta, "reason": e.reason, "issue_id": e.issue_id, "note": e.note}
            for e in ledger.entries
        ],
    }
