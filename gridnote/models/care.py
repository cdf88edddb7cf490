"""Care rounds: where they start, and the walk that picks them up (``gridnote care``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridnote.models.agenda import CareDue


@dataclass(frozen=True)
class CareStart:
    """The day a resident's care round counts from when no later visit says otherwise. Not a visit."""

    day: str  # YYYY-MM-DD
    source: str  # "baseline" (gridnote care baseline) or "import" (a roster's last-visit column)


@dataclass(frozen=True)
class BaselineResult:
    """What ``care baseline`` set, and what the care round looks like after it."""

    day: str
    building: str | None  # the building it was set for; None: the whole grid
    residents: int  # residents living there, each given the starting date
    on_rounds: int  # of those, residents with a care tag
    due: int  # residents due or overdue a care visit today, after it
    never: int  # of those, never visited and without a starting date


@dataclass(frozen=True)
class RouteFloor:
    """One floor of one unit on the walk, with the residents due a visit there, room by room."""

    unit: str
    floor: int | None  # None: a room number that says no floor
    due: list[CareDue] = field(default_factory=list)


@dataclass(frozen=True)
class RouteBuilding:
    """One building of the walk: how many are due there, and its floors in walking order."""

    code: str
    name: str | None
    walked_at: str | None  # ISO time of its first walk that day; None: not walked yet
    floors: list[RouteFloor] = field(default_factory=list)

    @property
    def due(self) -> int:
        return sum(len(f.due) for f in self.floors)


@dataclass(frozen=True)
class Route:
    """The day's walk: every building in order, the care visits due on the way."""

    day: str
    buildings: list[RouteBuilding]
    elsewhere: list[CareDue] = field(default_factory=list)  # due, but with no address in a building

    @property
    def due(self) -> int:
        return sum(b.due for b in self.buildings) + len(self.elsewhere)
