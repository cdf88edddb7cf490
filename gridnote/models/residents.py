"""The register: buildings, households, residents and what an import did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from gridnote.input.text import display_name

if TYPE_CHECKING:
    from gridnote.models.care import CareStart
    from gridnote.models.visits import Trend, Visit


@dataclass(frozen=True)
class Building:
    """A building of the grid, with its counts of households and current residents."""

    id: int
    code: str
    name: str | None = None
    households: int = 0
    residents: int = 0


@dataclass(frozen=True)
class Household:
    """A household (flat) and who lives there now."""

    id: int
    address: str
    building: str
    unit: str
    room: str
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    """Someone to call for a resident (a son, a niece), and whether they live nearby."""

    id: int
    name: str
    relation: str | None = None
    phone: str | None = None
    nearby: bool = False


@dataclass(frozen=True)
class Resident:
    """A person of the grid as registered (moved-out residents are kept)."""

    id: int
    name: str
    alias: str | None = None
    gender: str | None = None
    birth: str | None = None
    phones: tuple[str, ...] = ()
    id_number: str | None = None
    note: str | None = None
    address: str | None = None
    household_id: int | None = None
    tags: tuple[str, ...] = ()
    moved_out_at: str | None = None
    moved_out_note: str | None = None
    deceased: bool = False  # left the register because they died (moved_out_at is then the day recorded)
    created_at: str = ""
    updated_at: str = ""

    @property
    def display_name(self) -> str:
        """``李秀英（李奶奶）``: the name with what neighbours call her."""
        return display_name(self.name, self.alias) or self.name

    @property
    def moved_out(self) -> bool:
        return self.moved_out_at is not None

    def age(self, today: date) -> int | None:
        return age_on(self.birth, today)


def age_on(birth: str | None, today: date) -> int | None:
    """Age in whole years on ``today`` from a birth date (``1946-03-12``) or year (``1946``); None: not known."""
    if not birth:
        return None
    year = int(birth[:4])
    age = today.year - year
    if len(birth) >= 10 and (today.month, today.day) < (int(birth[5:7]), int(birth[8:10])):
        age -= 1
    return age


@dataclass(frozen=True)
class ResidentCard:
    """Everything ``resident show`` draws about one person."""

    resident: Resident
    household: list[Resident] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)  # the last few, newest first
    trends: list[Trend] = field(default_factory=list)  # readings per kind, oldest first
    care_start: CareStart | None = None  # the day her care round counts from (not a visit)


@dataclass(frozen=True)
class ImportProblem:
    """Why one row of a roster file cannot be imported (its spreadsheet row number)."""

    row: int
    message: str


@dataclass(frozen=True)
class ImportChange:
    """One row a dry run would add or change: its spreadsheet row, who, and the facts it would change."""

    row: int
    outcome: str  # "added" or "updated"
    name: str
    address: str
    changed: tuple[
        str, ...
    ] = ()  # for "updated": name alias gender birth phone id_number note tags contacts care_start


@dataclass(frozen=True)
class ImportResult:
    """What a roster import did (or would do, on a dry run, with the rows it would add or change)."""

    rows: int
    added: int
    updated: int
    unchanged: int
    dry_run: bool = False
    encoding: str | None = None
    new_buildings: tuple[str, ...] = ()  # buildings the import adds to the grid
    changes: tuple[ImportChange, ...] = ()  # a dry run's rows that would be added or changed, in file order
