"""The grid centre's report as JSON: codes, not labels, in the structure documented in docs/json.md ("centre report").

One object per grid and one for the street's total, each with the counts and
the three rates as ``gridnote report --format json`` writes them (numerator,
denominator, percent, pending), so a script reads a grid's line and its
worker's own report alike. Keys are only ever added within a version.
"""

from __future__ import annotations

from typing import Any

from gridnote.models.centre import CentreReport, GridFigures
from gridnote.render.shared_json import rates_json

JSON_VERSION = 1


def _numbers(line: GridFigures, days: int) -> dict[str, Any]:
    f = line.figures
    codes = sorted(set(f.received_by_category) | set(f.resolved_by_category) | set(f.overdue_by_category))
    return {
        "visits": dict(f.visits),
        "contacts": f.contacts,
        "residents_reached": f.residents_reached,
        "households_reached": f.households_reached,
        "walks": {"done": f.walks, "expected": f.buildings * days, "buildings": f.buildings, "days": days},
        "readings": {"taken": f.readings, "flagged": f.readings_flagged},
        "issues": dict(f.issues),
        "overdue": f.overdue,
        "by_category": {
            code: {
                "received": f.received_by_category.get(code, 0),
                "resolved": f.resolved_by_category.get(code, 0),
                "overdue": f.overdue_by_category.get(code, 0),
            }
            for code in codes
        },
        "events": {"count": f.events, "attendees": f.attendees},
    }


def centre_report_json(report: CentreReport) -> dict[str, Any]:
    span = report.range
    grids = []
    for line in report.lines:
        g = line.grid
        assert g is not None
        grids.append(
            {
                "notebook_id": g.notebook_id,
                "grid_code": g.grid_code,
                "worker_name": g.worker_name,
                "street": g.street,
                "last_seq": g.last_seq,
                "last_sync_at": g.last_sync_at,
                "numbers": _numbers(line, span.days),
                "rates": rates_json(line.rates),
            }
        )
    return {
        "version": JSON_VERSION,
        "range": {"from": span.start.isoformat(), "to": span.end.isoformat(), "days": span.days, "period": span.period},
        "generated_at": report.generated_at,
        "as_of": report.as_of,
        "care_groups": list(report.care_groups),
        "grids": grids,
        "total": {
            "grids": len(grids),
            "numbers": _numbers(report.total, span.days),
            "rates": rates_json(report.total.rates),
        },
    }


def imported_json(found: list[Any]) -> dict[str, Any]:
    """What ``centre import`` merged: per bundle, its grid, the changes merged and skipped, and the
    rows changed per table (in the notebook's table order)."""
    from gridnote.store.changes import TABLES

    return {
        "version": JSON_VERSION,
        "bundles": [
            {
                "path": str(r.path),
                "grid": r.grid,
                "changes": r.changes,
                "skipped": r.skipped,
                "rows": {table: r.rows[table] for table in TABLES if r.rows.get(table)},
            }
            for r in found
        ],
    }
