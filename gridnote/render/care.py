"""Care rounds on the screen and as JSON: starting dates (``care baseline``) and the route."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import t
from gridnote.models import BaselineResult
from gridnote.render.common import note, ok

if TYPE_CHECKING:
    from rich.console import RenderableType


def baseline_view(result: BaselineResult) -> RenderableType:
    from rich.console import Group

    where = t("care.baseline_where", building=result.building) if result.building else ""
    return Group(
        ok(
            "care.baseline_set",
            day=result.day,
            residents=result.residents,
            on_rounds=result.on_rounds,
            where=where,
        ),
        note("care.baseline_not_visit"),
        note("care.baseline_due", due=result.due, never=result.never),
    )


def baseline_json(result: BaselineResult) -> dict[str, Any]:
    """``care baseline --json`` (documented in docs/json.md)."""
    return {
        "baseline": result.day,
        "building": result.building,
        "residents": result.residents,
        "on_rounds": result.on_rounds,
        "due_today": result.due,
        "never_visited": result.never,
    }
