"""Care rounds: where they start, and the walk that picks them up (``gridnote care``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CareDue:
    """A resident of a care group due (or overdue) a visit."""

    resident_id: int
    name: str
    alias: str | None
    address: str | None
    tags: tuple[str, ...]  # care tags with an interval, most frequent first
    interval_days: int  # the shortest interval among the tags
    last_visit: str | None  # local day of the last care visit; None: never visited
    due_day: str | None  # (the later of last_visit and baseline) + interval; None: due since always
    days_overdue: int | None  # 0: due today; None: never visited and no starting date
    baseline: str | None = None  # the starting date her round counts from, when later than her last visit

    @property
    def display_name(self) -> str:
        from gridnote.input.text import display_name

        return display_name(self.name, self.alias) or self.name


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
