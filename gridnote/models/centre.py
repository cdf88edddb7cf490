"""What the grid centre's commands return."""

from __future__ import annotations

from dataclasses import dataclass

from gridnote.models.figures import Figures
from gridnote.models.report import ReportRange, ReportRates


@dataclass(frozen=True)
class GridInfo:
    notebook_id: str
    grid_code: str | None
    worker_name: str | None
    street: str | None  # the notebook's ``grid.street`` as it last synced
    last_seq: int
    first_sync_at: str | None
    last_sync_at: str | None
    residents: int


@dataclass(frozen=True)
class GridFigures:
    """One line of the centre's report: a grid (``grid`` None: the street's total)."""

    grid: GridInfo | None
    figures: Figures
    rates: ReportRates


@dataclass(frozen=True)
class CentreReport:
    range: ReportRange
    as_of: str
    lines: list[GridFigures]  # one per grid, by grid code
    total: GridFigures
    care_groups: list[str]  # the care groups with anyone in them, in the settings' order
    generated_at: str = ""  # when the report was made
