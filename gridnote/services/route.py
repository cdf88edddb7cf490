"""The walk as a route: the residents due a care visit, building by building, in walking order.

The daily walk goes through every building; the route puts the care visits
due that day (:func:`gridnote.services.care.care_round`) on it, so she picks
them up on the way: buildings in the grid's order, then unit, then floor
(up the stairs), then room. The floor is read from the room number as on a
Chinese door plate: ``301`` is the 3rd floor, ``1102`` the 11th; a room
number that says no floor (``A``, ``12``) comes after the numbered ones of
its unit. Every building has its line, also with nobody due, with the time
it was walked that day. Residents due a visit with no household address come
last (``elsewhere``).
"""

from __future__ import annotations

import re
from datetime import date

from gridnote.models import BuildingWalk, CareDue, Route, RouteBuilding, RouteFloor
from gridnote.store.notebook import Notebook

_FLOOR = re.compile(r"(\d{1,3})(\d{2})")


def floor_of(room: str) -> int | None:
    """The floor a room number names (``301`` → 3, ``1102`` → 11, ``0301`` → 3); None if it names none."""
    match = _FLOOR.fullmatch(room)
    if match is None:
        return None
    floor = int(match[1])
    return floor or None


def _number(text: str) -> tuple[int, str]:
    """Units and rooms in numeric order (2 before 10), any other text after them."""
    return (int(text), "") if text.isdigit() else (10**9, text)


def _place(c: CareDue) -> tuple[str, str, str] | None:
    """(building, unit, room) of a resident's address ``8-2-301``; None without one."""
    parts = (c.address or "").split("-")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


def walk_order(c: CareDue) -> tuple[object, ...]:
    """Unit, floor (up the stairs), room, then who is most urgent."""
    place = _place(c)
    assert place is not None
    _, unit, room = place
    floor = floor_of(room)
    return (_number(unit), floor is None, floor or 0, _number(room), c.resident_id)


def build_route(nb: Notebook, day: date, building: str | None = None) -> Route:
    """The route of ``day``: every building (or one), with its residents due a visit in walking order."""
    from gridnote.services.care import care_round, daily_walk

    if building is not None:
        from gridnote.services.buildings import find_building

        find_building(nb, building)  # an unknown building is an error naming the known ones
    return route_of(day, care_round(nb, day), daily_walk(nb, day), building)


def route_of(day: date, due: list[CareDue], walks: list[BuildingWalk], building: str | None = None) -> Route:
    """The route from the care round and the daily walk already read (``today --route`` has both)."""
    if building is not None:
        walks = [w for w in walks if w.code == building]
    codes = {w.code for w in walks}
    by_building: dict[str, list[CareDue]] = {}
    elsewhere: list[CareDue] = []
    for c in due:
        place = _place(c)
        if place is None:
            if building is None:
                elsewhere.append(c)
            continue
        if place[0] in codes:
            by_building.setdefault(place[0], []).append(c)
    buildings = []
    for w in walks:
        floors: list[RouteFloor] = []
        for c in sorted(by_building.get(w.code, []), key=walk_order):
            place = _place(c)
            assert place is not None
            unit, floor = place[1], floor_of(place[2])
            if not floors or (floors[-1].unit, floors[-1].floor) != (unit, floor):
                floors.append(RouteFloor(unit, floor, []))
            floors[-1].due.append(c)
        buildings.append(RouteBuilding(w.code, w.name, w.walked_at, floors))
    return Route(day.isoformat(), buildings, elsewhere)
