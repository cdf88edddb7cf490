"""``gridnote find``: matches grouped by kind, the words found highlighted; and its JSON."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import t
from gridnote.models import Category, SearchGroup, SearchHit, SearchResult

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

JSON_VERSION = 1
MATCH_STYLE = "bold reverse"
_SHELL_SAFE = re.compile(r"[^\s'\"\\$`!*?;&|<>(){}\[\]#~]+")


def highlight(text: str | Text, terms: tuple[str, ...], style: str = "") -> Text:
    """``text`` with every occurrence of a query word highlighted (case-insensitive)."""
    from rich.text import Text

    shown = Text(text, style=style) if isinstance(text, str) else text
    folded = shown.plain.casefold()
    for term in terms:
        needle = term.casefold()
        start = folded.find(needle)
        while needle and start >= 0:
            shown.stylize(MATCH_STYLE, start, start + len(needle))
            start = folded.find(needle, start + len(needle))
    return shown


def _grid(rows: list[tuple[Text | str, ...]], wrap: int) -> Table:
    """A borderless grid; column ``wrap`` folds long (Chinese) text, the others never wrap."""
    from gridnote.render.common import grid

    return grid("".join("w" if i == wrap else "r" if i == 0 else "l" for i in range(len(rows[0]))), rows)


def _with_snippet(line: Text, hit: SearchHit, terms: tuple[str, ...]) -> Text:
    if hit.snippet:
        line.append("\n")
        line.append_text(highlight(hit.snippet, terms, style="dim"))
    return line


# -- one line per kind ------------------------------------------------------------------
def _resident_row(hit: SearchHit, terms: tuple[str, ...], today: date) -> tuple[Text | str, ...]:
    from rich.text import Text

    from gridnote.render.common import tag_labels

    r = hit.resident
    assert r is not None
    name = highlight(r.display_name, terms, style="bold" if hit.exact else "")
    if r.moved_out:
        name.append(" " + t("find.deceased" if r.deceased else "find.moved_out"), style="dim")
    details = highlight(r.address or "-", terms, style="dim")
    if r.tags:
        details.append("  " + tag_labels(r.tags), style="dim")
    line = name + Text("  ") + details
    if hit.snippet:  # a phone, pinyin or a piece of the note: why this resident matched
        line.append("  ")
        line.append_text(highlight(hit.snippet, terms, style="dim"))
    return (Text(f"#{r.id}", style="dim"), line)


def _issue_row(
    hit: SearchHit, terms: tuple[str, ...], today: date, cats: list[Category] | None
) -> tuple[Text | str, ...]:
    from rich.text import Text

    from gridnote.domain.issue_terms import STATUSES
    from gridnote.render.labels import category_label, short_time

    issue = hit.issue
    assert issue is not None
    line = highlight(issue.text, terms, style="" if issue.is_open else "dim")
    facts = [STATUSES.label(issue.status), category_label(issue.category, cats), short_time(issue.received_at, today)]
    line.append("\n" + " · ".join(facts), style="dim")
    return (Text(f"#{issue.id}", style="dim"), _with_snippet(line, hit, terms))


def _task_row(hit: SearchHit, terms: tuple[str, ...], today: date) -> tuple[Text | str, ...]:
    from rich.text import Text

    from gridnote.domain.vocab import TASK_STATUSES
    from gridnote.render.dates import due_label
    from gridnote.render.labels import who

    task = hit.task
    assert task is not None
    line = Text("★ ", style="yellow") if task.starred else Text()
    line.append_text(highlight(task.text, terms, style="" if task.is_open else "dim"))
    facts = [due_label(task.due_date, task.due_time, today), who(task.resident, task.resident_address, task.building)]
    if not task.is_open:
        facts.append(TASK_STATUSES.label(task.state))
    line.append("  " + " · ".join(filter(None, facts)), style="dim")
    return (Text(f"#{task.id}", style="dim"), _with_snippet(line, hit, terms))


def _visit_row(hit: SearchHit, terms: tuple[str, ...], today: date) -> tuple[Text | str, ...]:
    from rich.text import Text

    from gridnote.domain.vocab import VISIT_KINDS
    from gridnote.render.dates import day_label
    from gridnote.render.labels import who

    visit = hit.visit
    assert visit is not None
    heading = " ".join(
        filter(None, [day_label(date.fromisoformat(visit.day), today), visit.time, VISIT_KINDS.label(visit.kind)])
    )
    line = Text(heading, style="dim")
    target = who(visit.resident, visit.address, visit.building)
    if target:
        line.append("  ")
        line.append_text(highlight(target, terms, style="dim"))
    line.append("\n")
    line.append_text(highlight(visit.note or "", terms))
    return (Text(f"#{visit.id}", style="dim"), line)


# -- the whole result ---------------------------------------------------------------------
def _command(result: SearchResult, kind: str, limit: int) -> str:
    query = result.query if _SHELL_SAFE.fullmatch(result.query) else "'" + result.query.replace("'", "'\\''") + "'"
    return f"gridnote find {query} --kind {kind} --limit {limit}"


def _group(group: SearchGroup, result: SearchResult, today: date, cats: list[Category] | None) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    rows = []
    for hit in group.hits:
        if hit.kind == "resident":
            rows.append(_resident_row(hit, result.terms, today))
        elif hit.kind == "issue":
            rows.append(_issue_row(hit, result.terms, today, cats))
        elif hit.kind == "task":
            rows.append(_task_row(hit, result.terms, today))
        else:
            rows.append(_visit_row(hit, result.terms, today))
    parts: list[RenderableType] = [_grid(rows, wrap=1)]
    more = group.count - len(group.hits)
    if more > 0:
        parts.append(Text(t("find.more", count=more, command=_command(result, group.kind, group.count)), style="dim"))
    title = Text(t(f"find.group.{group.kind}", count=group.count), style="bold")
    return Group(title, Padding(Group(*parts), (0, 0, 0, 2), expand=False))


def search_view(result: SearchResult, today: date, cats: list[Category] | None = None) -> RenderableType:
    """Residents, issues, tasks, visits: each group with its count and its best matches."""
    from rich.console import Group
    from rich.text import Text

    if not result.groups:
        return Text(t("find.none", query=result.query))
    counts = " · ".join(t(f"find.count.{g.kind}", count=g.count) for g in result.groups)
    parts: list[RenderableType] = [Text(t("find.header", query=result.query, counts=counts))]
    for group in result.groups:
        parts += [Text(""), _group(group, result, today, cats)]
    return Group(*parts)


# -- JSON (documented in docs/json.md, section "find") ----------------------------------------
def _hit_json(hit: SearchHit, now: Any) -> dict[str, Any]:
    from gridnote.render.issues_json import issue_json
    from gridnote.render.residents import resident_json
    from gridnote.render.tasks import task_json
    from gridnote.render.visits import visit_json

    if hit.resident is not None:
        data = resident_json(hit.resident)
    elif hit.issue is not None:
        data = issue_json(hit.issue, now)
    elif hit.task is not None:
        data = task_json(hit.task)
    else:
        assert hit.visit is not None
        data = visit_json(hit.visit)
    return {**data, "exact": hit.exact, "snippet": hit.snippet}


def search_json(result: SearchResult, now: Any) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "query": result.query,
        "terms": list(result.terms),
        "limit": result.limit,
        "total": result.total,
        "groups": [
            {"kind": g.kind, "count": g.count, "items": [_hit_json(h, now) for h in g.hits]} for g in result.groups
        ],
    }
