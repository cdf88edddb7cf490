"""Care rounds on the screen and as JSON: starting dates (``care baseline``) and the route."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import t
from gridnote.models import BaselineResult, CareDue
from gridnote.render.common import note, ok
from gridnote.render.dates import month_day

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


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


def care_status(c: CareDue, today: date) -> Text:
    from rich.text import Text

    if c.days_overdue is None:
        return Text(t("today.never_visited"), style="red")
    if c.days_overdue == 0:
        status = Text(t("today.due_today"), style="yellow")
    else:
        key = "today.day_overdue" if c.days_overdue == 1 else "today.days_overdue"
        status = Text(t(key, n=c.days_overdue), style="red")
    if c.baseline:
        since = t("care.since", date=month_day(c.baseline, today))
    else:
        since = t("today.last_visit", date=month_day(c.last_visit, today) if c.last_visit else "-")
    return status + Text(" · " + since, style="dim")
