"""The rows the figures of a grid are computed from, and the figures (:mod:`gridnote.services.figures`).

A row source (the notebook's store, or the grid centre's) fills a
:class:`GridRows`; the rules that turn it into :class:`Figures` and rates live
in the service, once.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import NamedTuple


class VisitRow(NamedTuple):
    """A visit-log entry of the range, not undone."""

    kind: str
    resident: Hashable | None
    household: Hashable | None
    building: Hashable | None
    day: str
    at: str  # the moment; read only for a household visited as a whole (the notebook leaves it "" elsewhere)


class ResidentRow(NamedTuple):
    """A resident with care tags, or living in a household visited as a whole in the range (more does no harm)."""

    key: Hashable
    household: Hashable | None
    moved_out_at: str | None
    created_at: str
    tags: tuple[str, ...]


class StepRow(NamedTuple):
    """A step of an issue's timeline in the range (``issue_updates``)."""

    issue: Hashable
    kind: str
    to_status: str | None
    category: str
    enquiry: bool = False  # of an enquiry (咨询/建议): counted apart, never in the issues' figures or rates


class RatingRow(NamedTuple):
    """A rating given in the range; ``order`` breaks ties of ``at`` (the timeline's own number)."""

    issue: Hashable
    at: str
    order: int
    data: str  # the step's JSON data, holding the rating
    reported: bool  # the issue has a reporter (a resident, or a contact noted): only a reporter rates
    enquiry: bool = False


class DeadlineRow(NamedTuple):
    """An issue whose response (or resolution) deadline falls in the range, and when it was met."""

    issue: Hashable
    status: str
    due_at: str
    done_at: str | None
    enquiry: bool = False


class OpenRow(NamedTuple):
    """An issue open at the end of the range, with its status then and its deadlines."""

    issue: Hashable
    category: str
    status: str
    first_response_at: str | None
    response_due_at: str | None
    resolve_due_at: str | None
    enquiry: bool = False


@dataclass(frozen=True)
class GridRows:
    """Everything the figures of one grid and one range are computed from."""

    visits: list[VisitRow]
    residents: list[ResidentRow]
    buildings: int
    readings: list[bool]  # flagged or not, one per reading of the range on visits not undone
    steps: list[StepRow]
    ratings: list[RatingRow]
    response: list[DeadlineRow]
    resolve: list[DeadlineRow]
    attendees: list[int | None]  # one per outreach event of the range
    open_issues: list[OpenRow] = field(default_factory=list)
    registered_by: str = ""  # ISO moment: residents registered at or after it are not on the care rounds yet


@dataclass(frozen=True)
class Figures:
    """The counts of one grid and range (the part of the report both sides show)."""

    visits: dict[str, int]  # kind -> entries
    residents_reached: int
    households_reached: int
    buildings: int
    walks: int  # (building, day) pairs walked
    readings: int
    readings_flagged: int
    issues: dict[str, int]  # step -> issues that took it (``STEP_KINDS``, and "rated")
    events: int
    attendees: int
    received_by_category: dict[str, int] = field(default_factory=dict)
    resolved_by_category: dict[str, int] = field(default_factory=dict)
    overdue_by_category: dict[str, int] = field(default_factory=dict)
    enquiries: dict[str, int] = field(default_factory=dict)  # received, answered, told (``ENQUIRY_STEPS``)

    @property
    def contacts(self) -> int:
        return sum(n for kind, n in self.visits.items() if kind != "walk")

    @property
    def overdue(self) -> int:
        return sum(self.overdue_by_category.values())
