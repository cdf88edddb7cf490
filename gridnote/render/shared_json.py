"""JSON of the records more than one command prints: the day's timeline items and care visits due.

``today --json`` and ``report --format json`` write them alike (docs/json.md).
"""

from __future__ import annotations

from typing import Any

from gridnote.models import CareDue, ReportRate, ReportRates, TimelineItem


def item_json(item: TimelineItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "id": item.id,
        "time": item.time,
        "text": item.text,
        "starred": item.starred,
        "done": item.done,
        "resident": item.resident,
        "address": item.address,
        "building": item.building,
        "every": item.every,
        "partners": list(item.partners),
    }


def care_json(c: CareDue) -> dict[str, Any]:
    return {
        "resident_id": c.resident_id,
        "name": c.name,
        "alias": c.alias,
        "address": c.address,
        "tags": list(c.tags),
        "interval_days": c.interval_days,
        "last_visit": c.last_visit,
        "due_day": c.due_day,
        "days_overdue": c.days_overdue,
        "baseline": c.baseline,
    }


def rate_json(rate: ReportRate) -> dict[str, Any]:
    return {
        "numerator": rate.numerator,
        "denominator": rate.denominator,
        "percent": rate.percent,
        "pending": rate.pending,
    }


def rates_json(r: ReportRates) -> dict[str, Any]:
    """The three rates and care coverage, as ``report --format json`` and ``centre report --json`` write them."""
    return {
        "response": {**rate_json(r.response), "basis": "response_due_day"},
        "resolution": {**rate_json(r.resolution), "basis": "resolve_due_day"},
        "satisfaction": {**rate_json(r.satisfaction), "basis": "rated_day", "ratings": dict(r.satisfaction.parts)},
        "coverage": [
            {"group": c.code, "visited": c.numerator, "residents": c.denominator, "percent": c.percent}
            for c in r.coverage
        ],
    }
