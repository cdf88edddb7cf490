"""Plain records the services return and the renderers draw. No database, no screen.

They live in one module per area (residents, tasks, agenda, visits, issues,
points, events, care, report, find); ``from gridnote.models import Task`` still works and
imports only the module that defines ``Task``. That is for speed: creating
a frozen dataclass costs ~0.7 ms on Python 3.11 (six generated methods, each
compiled), ~23 ms for all of them; ``task add`` needs the residents and the
task (8), ``today`` the agenda, tasks, events and issues (16).

To add a record: define it in its area's module and list its name in
``AREAS`` below (tests/test_models.py checks the two agree).
"""

from __future__ import annotations

import importlib
from typing import Any

AREAS: dict[str, tuple[str, ...]] = {
    "residents": (
        "Building",
        "Household",
        "Contact",
        "Resident",
        "ResidentCard",
        "ImportProblem",
        "ImportChange",
        "ImportResult",
    ),
    "tasks": ("Task",),
    "agenda": (
        "TimelineItem",
        "OverdueTask",
        "BuildingWalk",
        "Figure",
        "Agenda",
        "DayPlan",
        "Reminder",
        "Reminders",
    ),
    "visits": ("ReadingFlag", "Reading", "Visit", "Trend", "NextCareVisit", "LogResult", "UndoResult", "Target"),
    "issues": ("Category", "Issue", "IssueUpdate", "IssuePhoto", "IssueDetail", "IssueChange", "Followup"),
    "points": ("PointsEntry", "PointsLedger"),
    "events": ("Event", "EventPhoto", "EventResident"),
    "care": ("CareDue", "CareStart", "BaselineResult", "RouteFloor", "RouteBuilding", "Route"),
    "figures": ("GridRows", "Figures"),
    "report": (
        "ReportRange",
        "ReportNumbers",
        "ReportReading",
        "ReportCare",
        "ReportIssue",
        "ReportRate",
        "ReportRates",
        "Report",
        "EventReach",
    ),
    "find": ("SearchHit", "SearchGroup", "SearchResult"),
    "calls": ("CallNumber", "Call", "CallDone"),
    "open311": ("RequestsImport", "OutRequest"),
    "check": ("Finding", "CheckReport"),
    "browse": ("BrowseNames",),
}
_AREA_OF = {name: area for area, names in AREAS.items() for name in names}
__all__ = sorted(_AREA_OF)


def __getattr__(name: str) -> Any:
    """Import a record's area the first time one of its names is asked for."""
    area = _AREA_OF.get(name)
    if area is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{area}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
