"""The report as JSON: codes, not labels, in the structure documented in docs/json.md ("report").

The schema ships with the package (``gridnote/schemas/report.schema.json``,
also printed by ``gridnote report --schema``) so the grid centre can check a
file before loading it. Keys are only ever added within a version.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from gridnote.models import Report, ReportIssue, ReportReading, Visit
from gridnote.render.agenda import care_json, item_json
from gridnote.render.calls import call_json
from gridnote.render.events import event_json
from gridnote.render.shared_json import rates_json
from gridnote.services.report import JSON_VERSION


def schema_text() -> str:
    return resources.files("gridnote").joinpath("schemas/report.schema.json").read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    return json.loads(schema_text())


def _reading(item: ReportReading) -> dict[str, Any]:
    r = item.reading
    return {
        "visit_id": r.visit_id,
        "at": r.at,
        "resident_id": item.resident_id,
        "resident": item.resident,
        "address": item.address,
        "kind": r.kind,
        "value": r.value,
        "value2": r.value2,
        "unit": r.unit,
        "flagged": r.flagged,
        "flags": [{"measure": f.measure, "op": f.op, "threshold": f.threshold, "value": f.value} for f in r.flags],
    }


def _issue(i: ReportIssue) -> dict[str, Any]:
    return {
        "id": i.id,
        "text": i.text,
        "category": i.category,
        "priority": i.priority,
        "status": i.status,
        "received_at": i.received_at,
        "reporter": i.reporter,
        "phone": i.phone,
        "place": i.place,
        "steps": list(i.steps),
        "age_days": i.age_days,
        "deadline": i.deadline,
        "due_at": i.due_at,
        "state": i.state,
    }


def _callout(v: Visit) -> dict[str, Any]:
    return {
        "visit_id": v.id,
        "at": v.at,
        "back_at": v.back_at,
        "minutes": v.minutes,
        "resident_id": v.resident_id,
        "resident": v.resident,
        "address": v.address,
        "building": v.building,
        "note": v.note,
    }


def report_json(report: Report) -> dict[str, Any]:
    span, n = report.range, report.numbers
    rates = None if report.rates is None else rates_json(report.rates)
    return {
        "version": JSON_VERSION,
        "range": {"from": span.start.isoformat(), "to": span.end.isoformat(), "days": span.days, "period": span.period},
        "generated_at": report.generated_at,
        "as_of": report.as_of,
        "full": report.full,
        "readings_scope": report.readings_scope,
        "numbers": {
            "visits": dict(n.visits),
            "contacts": n.contacts,
            "residents_reached": n.residents_reached,
            "households_reached": n.households_reached,
            "walks": {
                "done": n.walks,
                "expected": n.buildings * span.days,
                "buildings": n.buildings,
                "days": span.days,
            },
            "readings": {"taken": n.readings, "flagged": n.readings_flagged},
            "issues": dict(n.issues),
            "enquiries": dict(n.enquiries),
            "tasks": {"done": n.tasks_done, "carried_over": n.tasks_carried_over},
            "events": {"count": n.events, "attendees": n.attendees},
            "points": {
                "awarded": n.points_awarded,
                "residents": n.points_residents,
                "redeemed": n.points_redeemed,
                "taken_back": n.points_taken_back,
            },
            "care_overdue": n.care_overdue,
        },
        "readings": [_reading(r) for r in report.readings],
        "care_overdue": [{**care_json(c.due), "phone": c.phone} for c in report.care_overdue],
        "issues": {
            "new": [_issue(i) for i in report.new_issues],
            "progressed": [_issue(i) for i in report.progressed_issues],
            "open": [_issue(i) for i in report.open_issues],
        },
        "next_day": None
        if report.next_day is None
        else {
            "date": report.next_day.isoformat(),
            "items": [item_json(i) for i in report.planned],
            "others": report.planned_others,
        },
        "rates": rates,
        "callouts": [_callout(v) for v in report.callouts],
        "calls_left": [call_json(c) for c in report.calls_left],
        "events": [event_json(e) for e in report.events],
        "event_reach": [
            {
                "kind": r.kind,
                "events": r.events,
                "attendees": r.attendees,
                "named": r.named,
                "living_alone": r.living_alone,
                "aged_60": r.aged_60,
            }
            for r in report.event_reach
        ],
    }


def report_json_text(report: Report) -> str:
    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
