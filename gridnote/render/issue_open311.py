"""What ``issue import`` and ``issue export --open311`` say they did."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import join_list
from gridnote.models import RequestsImport
from gridnote.render.common import counted, note, ok

if TYPE_CHECKING:
    from rich.console import RenderableType


def import_json(result: RequestsImport) -> dict[str, Any]:
    """What ``issue import`` did (or would do), for scripts (docs/json.md)."""
    return {
        "version": 1,
        "dry_run": result.dry_run,
        "requests": result.requests,
        "added": result.added,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "reporters": result.reporters,
        "households": result.households,
        "buildings": result.buildings,
        "unplaced": list(result.unplaced),
    }


def import_lines(result: RequestsImport) -> RenderableType:
    """The counts; then what was matched in the register, and the requests placed nowhere."""
    from rich.console import Group

    key = "open311.dry_run_summary" if result.dry_run else "open311.summary"
    lines: list[RenderableType] = [
        ok(
            key,
            requests=counted("open311.n", result.requests),
            added=result.added,
            updated=result.updated,
            unchanged=result.unchanged,
        )
    ]
    if result.added:
        lines.append(
            note(
                "open311.matched",
                reporters=result.reporters,
                households=result.households,
                buildings=result.buildings,
                added=result.added,
            )
        )
    if result.unplaced:
        shown = list(result.unplaced[:5]) + (["…"] if len(result.unplaced) > 5 else [])
        lines.append(note("open311.unplaced", count=len(result.unplaced), ids=join_list(shown)))
    return Group(*lines)


def exported_line(count: int, path: Path, fmt: str) -> RenderableType:
    return ok("open311.exported", requests=counted("open311.n", count), path=path, format=fmt.upper())
