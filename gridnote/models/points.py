"""Residents' points for verified reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridnote.models.residents import Resident


@dataclass(frozen=True)
class PointsEntry:
    """One line of a resident's points: earned for a report or spent on a reward."""

    id: int
    resident_id: int
    delta: int
    reason: str  # report, reversed, restored (each with its issue), redeem
    at: str
    issue_id: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class PointsLedger:
    """A resident's points: every entry, oldest first, and the balance."""

    resident: Resident
    balance: int
    entries: list[PointsEntry] = field(default_factory=list)
