"""What ``gridnote browse`` serves: the notebook's tables and views by name."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BrowseNames:
    tables: list[str]
    views: list[str]
