"""Requests from the city app and the hotline (Open311): what an import did, what the way back carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gridnote.models.issues import Category, Issue


@dataclass(frozen=True)
class RequestsImport:
    """What ``issue import`` did (or would do, on a dry run)."""

    requests: int
    added: int
    updated: int
    unchanged: int
    dry_run: bool = False
    reporters: int = 0  # added issues whose reporter was found in the register by phone
    households: int = 0  # added issues placed at a household of the register
    buildings: int = 0  # … at a building only
    unplaced: tuple[str, ...] = ()  # request ids whose address matched nothing here


@dataclass(frozen=True)
class OutRequest:
    """One issue as the way back gives it to the app: the issue, its request as imported, where it is."""

    issue: Issue
    gid: str
    external: dict[str, Any] = field(default_factory=dict)
    household_address: str | None = None
    category: Category | None = None
