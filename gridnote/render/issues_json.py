"""Issues as JSON (the shapes documented in docs/json.md): one issue, its card, and a write's answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from gridnote.models import Issue, IssueChange, IssueDetail


def issue_json(issue: Issue, now: datetime) -> dict[str, Any]:
    """One issue for ``issue list --json`` (documented in docs/json.md)."""
    return {
        "id": issue.id,
        "text": issue.text,
        "status": issue.status,
        "kind": issue.kind,
        "category": issue.category,
        "category_group": issue.category_group,
        "upward_code": issue.upward_code,
        "channel": issue.channel,
        "priority": issue.priority,
        "reporter": None
        if issue.reporter_id is None
        else {
            "id": issue.reporter_id,
            "name": issue.reporter,
            "address": issue.reporter_address,
            "phone": issue.reporter_phone,
        },
        "reporter_contact": issue.reporter_contact,
        "place": issue.place,
        "building": issue.building,
        "received_at": issue.received_at,
        "response_due_at": issue.response_due_at,
        "resolve_due_at": issue.resolve_due_at,
        "city_due_at": issue.city_due_at,
        "first_response_at": issue.first_response_at,
        "verified_at": issue.verified_at,
        "rejected": None
        if issue.rejected_at is None
        else {"at": issue.rejected_at, "reason": issue.reject_reason, "duplicate_of": issue.duplicate_of},
        "referral": None
        if issue.referred_to is None
        else {
            "to": issue.referred_to,
            "contact": issue.referral_contact,
            "at": issue.referred_at,
            "due": issue.referral_due_at or issue.referral_due_day,
        },
        "resolved_at": issue.resolved_at,
        "resolution": issue.resolution,
        "reported_at": issue.reported_at,
        "rating": issue.rating,
        "rated_at": issue.rated_at,
        "closed_at": issue.closed_at,
        "reopen_count": issue.reopen_count,
        "overdue": list(issue.overdue(now)),
    }


def detail_json(detail: IssueDetail, now: datetime) -> dict[str, Any]:
    """``issue show --json``: the issue plus affected residents, photos and the timeline."""
    data = issue_json(detail.issue, now)
    data["affects"] = [{"id": r.id, "name": r.display_name, "address": r.address} for r in detail.affects]
    data["photos"] = [
        {"path": p.path, "name": p.name, "sha256": p.sha256, "size": p.size, "added_at": p.added_at}
        for p in detail.photos
    ]
    data["timeline"] = [
        {
            "id": u.id,
            "step": u.kind,
            "at": u.at,
            "recorded_at": u.recorded_at,
            "from": u.from_status,
            "to": u.to_status,
            "actor": u.actor,
            "text": u.text,
            "data": u.data,
        }
        for u in detail.timeline
    ]
    return data


def change_json(change: IssueChange, detail: IssueDetail, now: datetime) -> dict[str, Any]:
    """A write's answer under ``--json`` (docs/json.md): the steps it wrote, points, and the issue as now stored."""
    return {
        "version": 1,
        "steps": list(change.steps),
        "points": change.points,
        "balance": change.balance,
        "photos": change.photos,
        "issue": detail_json(detail, now),
    }
