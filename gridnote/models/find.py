"""Search results (``gridnote find``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridnote.models.issues import Issue
    from gridnote.models.residents import Resident
    from gridnote.models.tasks import Task
    from gridnote.models.visits import Visit


@dataclass(frozen=True)
class SearchHit:
    """One match of ``gridnote find``: the row itself in the field named by ``kind``."""

    kind: str  # resident, issue, task, visit
    id: int
    exact: bool = False  # a resident whose name, alias, pinyin or initials is one of the words
    snippet: str | None = None  # where it matched, when that is not in the line shown
    resident: Resident | None = None
    issue: Issue | None = None
    task: Task | None = None
    visit: Visit | None = None


@dataclass(frozen=True)
class SearchGroup:
    """The matches of one kind."""

    kind: str
    count: int  # every match of this kind; ``hits`` holds the first ``limit``
    hits: list[SearchHit] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResult:
    """Everything ``gridnote find`` shows: groups in the order residents, issues, tasks, visits."""

    query: str
    terms: tuple[str, ...]  # the normalised words, for highlighting
    limit: int
    groups: list[SearchGroup] = field(default_factory=list)  # only kinds with matches

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)
