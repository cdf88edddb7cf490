"""What ``gridnote check`` found, and what ``--repair`` mended."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One thing wrong, as a message key (``check.<code>``) and its values; the message says what to do."""

    code: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]
    repaired: list[Finding]  # what --repair mended (``check.<code>`` too)
    entries: int  # documents in the search index
    photos: int  # photos the notebook refers to

    @property
    def sound(self) -> bool:
        return not self.findings
