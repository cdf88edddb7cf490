"""The walk as a route (``today --route``, ``care route``): each building's line, then its floors."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import t
from gridnote.models import Route, RouteBuilding, RouteFloor
from gridnote.render.common import grid, tag_labels

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


def floor_label(floor: RouteFloor) -> str:
    if floor.floor is None:
        return t("route.unit", unit=floor.unit)
    return t("route.unit_floor", unit=floor.unit, floor=floor.floor)


def building_line(b: RouteBuilding) -> Text:
    """``Building 8 · 5 due · not walked yet``."""
    from rich.text import Text

    line = Text(b.name or t("building.label", code=b.code), style="bold")
    line.append(" · ")
    line.append(t("route.due", count=b.due) if b.due else t("route.none_due"), style="yellow" if b.due else "dim")
    line.append(" · ")
    if b.walked_at:
        line.append("✓ " + t("route.walked", time=b.walked_at[11:16]), style="green")
    else:
        line.append(t("today.not_walked"), style="yellow")
    return line


def _stops(b: RouteBuilding, today: date) -> RenderableType:
    from rich.text import Text

    from gridnote.render.care import care_status

    rows: list[tuple[Text | str, ...]] = []
    for floor in b.floors:
        for i, c in enumerate(floor.due):
            room = (c.address or "").rsplit("-", 1)[-1]
            who = Text(c.display_name)
            who.append("  " + tag_labels(c.tags), style="dim")
            rows.append((Text(floor_label(floor) if i == 0 else "", style="dim"), room, who, care_status(c, today)))
    return grid("lrwl", rows)


def route_body(route: Route, today: date) -> RenderableType:
    """Every building's line, with its stops under it; residents with no address last."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    from gridnote.render.care import care_status

    parts: list[Any] = []
    for b in route.buildings:
        parts.append(building_line(b))
        if b.floors:
            parts.append(Padding(_stops(b, today), (0, 0, 0, 2), expand=False))
    if route.elsewhere:
        parts.append(Text(t("route.elsewhere", count=len(route.elsewhere)), style="bold"))
        rows = [(Text(c.display_name), care_status(c, today)) for c in route.elsewhere]
        parts.append(Padding(grid("wl", rows), (0, 0, 0, 2), expand=False))
    return Group(*parts)


def route_title(route: Route) -> str:
    return t("route.title", count=route.due) if route.due else t("route.title_none")


def route_view(route: Route, today: date) -> RenderableType:
    """``care route``: the title, then the route."""
    from rich.console import Group
    from rich.text import Text

    from gridnote.render.dates import day_label

    title = Text(f"{route_title(route)} · {day_label(date.fromisoformat(route.day), today)}", style="bold")
    return Group(title, route_body(route, today))


def route_json(route: Route) -> dict[str, Any]:
    """``care route --json`` and ``today --route --json``'s ``route`` (docs/json.md)."""
    from gridnote.render.shared_json import care_json

    return {
        "date": route.day,
        "due": route.due,
        "buildings": [
            {
                "building": b.code,
                "name": b.name,
                "due": b.due,
                "walked_at": b.walked_at,
                "floors": [
                    {"unit": f.unit, "floor": f.floor, "residents": [care_json(c) for c in f.due]} for f in b.floors
                ],
            }
            for b in route.buildings
        ],
        "elsewhere": [care_json(c) for c in route.elsewhere],
    }
