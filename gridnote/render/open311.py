"""Open311 GeoReport v2 out: the requests with their status and notes, and the services list.

Pure functions: models in, the spec's structures out (JSON text or XML text),
in the shape ``GET requests`` and ``GET services`` answer. Words (a state, a
partner, a category's name) are said in the interface language.
"""

from __future__ import annotations

import json
from typing import Any

from gridnote.domain.issue_terms import PARTNERS, REJECT_REASONS, STATUSES
from gridnote.input.open311 import REQUEST_FIELDS, SERVICE_FIELDS
from gridnote.messages.i18n import pick, t
from gridnote.models import Category, Issue, OutRequest

CLOSED = ("closed", "rejected")


def status_notes(issue: Issue) -> str:
    """Where the issue stands, as the resident reads it in the app: the state, then what was done."""
    state = STATUSES.label(issue.status)
    detail: str | None = None
    if issue.status == "rejected":
        detail = REJECT_REASONS.label(issue.reject_reason or "")
        if issue.duplicate_of:
            detail = t("open311.duplicate_of", reason=detail, id=issue.duplicate_of)
    elif issue.status == "referred":
        detail = PARTNERS.label(issue.referred_to or "")
    elif issue.status in ("resolved", "reported", "closed"):
        detail = issue.resolution
    return state + pick(": ", "：") + detail if detail else state


def _name(category: Category | None, code: str) -> str:
    if category is None:
        return code
    return pick(category.en, category.zh)


def request_out(item: OutRequest) -> dict[str, Any]:
    """One request of ``GET requests``: every field of the spec, in its order (null when unknown)."""
    issue, came = item.issue, item.external
    cat = item.category
    address = came.get("address") or item.household_address or issue.place
    values: dict[str, Any] = {
        "service_request_id": issue.external_id or item.gid,
        "status": "closed" if issue.status in CLOSED else "open",
        "status_notes": status_notes(issue),
        "service_name": _name(cat, issue.category),
        "service_code": came.get("service_code") or issue.upward_code or issue.category,
        "description": came.get("description") or issue.text,
        "agency_responsible": PARTNERS.label(issue.referred_to)
        if issue.referred_to
        else came.get("agency_responsible"),
        "service_notice": came.get("service_notice"),
        "requested_datetime": came.get("requested_datetime") or issue.received_at,
        "updated_datetime": issue.updated_at,
        "expected_datetime": issue.resolve_due_at,
        "address": address,
        "address_id": came.get("address_id"),
        "zipcode": came.get("zipcode"),
        "lat": _number(came.get("lat")),
        "long": _number(came.get("long")),
        "media_url": came.get("media_url"),
    }
    return {name: values[name] for name in REQUEST_FIELDS}


def _number(text: str | None) -> float | None:
    return None if text is None else float(text)


def service_out(category: Category, parents: dict[str, Category]) -> dict[str, Any]:
    """One service of ``GET services``: a category under its upward code (its own code when it has none)."""
    parent = parents.get(category.parent or "")
    values: dict[str, Any] = {
        "service_code": category.upward or category.code,
        "service_name": pick(category.en, category.zh),
        "description": pick(category.en, category.zh)
        if parent is None
        else f"{_name(parent, '')} · {_name(category, '')}",
        "metadata": False,
        "type": "realtime",
        "keywords": ",".join(category.synonyms),
        "group": _name(parent or category, category.code),
    }
    return {name: values[name] for name in SERVICE_FIELDS}


def services_out(cats: list[Category]) -> list[dict[str, Any]]:
    parents = {c.code: c for c in cats if c.parent is None}
    return [service_out(c, parents) for c in cats]


def to_json(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def to_xml(items: list[dict[str, Any]], root: str, element: str) -> str:
    """The spec's XML: ``<service_requests><request>…`` or ``<services><service>…``, UTF-8."""
    from xml.sax.saxutils import escape

    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<{root}>"]
    for item in items:
        lines.append(f"  <{element}>")
        for name, value in item.items():
            if value is None:
                lines.append(f"    <{name}/>")
                continue
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            lines.append(f"    <{name}>{escape(text)}</{name}>")
        lines.append(f"  </{element}>")
    lines.append(f"</{root}>")
    return "\n".join(lines) + "\n"


def requests_text(items: list[OutRequest], fmt: str) -> str:
    out = [request_out(item) for item in items]
    return to_xml(out, "service_requests", "request") if fmt == "xml" else to_json(out)


def services_text(cats: list[Category], fmt: str) -> str:
    out = services_out(cats)
    return to_xml(out, "services", "service") if fmt == "xml" else to_json(out)
