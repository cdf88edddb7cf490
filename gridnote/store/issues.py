"""Issues, their timeline, photos and affected residents: their SQL."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from gridnote.domain.issue_terms import OPEN_STATUSES
from gridnote.input.text import display_name
from gridnote.models import Issue, IssuePhoto, IssueUpdate
from gridnote.store.notebook import Notebook

ISSUE_SELECT = """
    SELECT i.*, r.name AS reporter_name, r.alias AS reporter_alias, r.phones AS reporter_phones,
           h.address AS reporter_address, b.code AS building_code
    FROM issues i
    LEFT JOIN residents r ON r.id = i.reporter_id
    LEFT JOIN households h ON h.id = r.household_id
    LEFT JOIN buildings b ON b.id = i.building_id
"""
# Written out, not bound: the partial index ``issues_open`` (m003) serves queries that repeat this term.
OPEN_TERM = "i.status IN (" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"


def issue_from_row(row: sqlite3.Row) -> Issue:
    name, alias = row["reporter_name"], row["reporter_alias"]
    phones = [p for p in (row["reporter_phones"] or "").split(",") if p]
    return Issue(
        id=row["id"],
        text=row["text"],
        category=row["category"],
        category_group=row["category_group"],
        upward_code=row["upward_code"],
        channel=row["channel"],
        priority=row["priority"],
        status=row["status"],
        received_at=row["received_at"],
        response_due_at=row["response_due_at"],
        resolve_due_at=row["resolve_due_at"],
        reporter_id=row["reporter_id"],
        reporter=display_name(name, alias),
        reporter_address=row["reporter_address"],
        reporter_phone=phones[0] if phones else None,
        reporter_contact=row["reporter_contact"],
        place=row["place"],
        building=row["building_code"],
        first_response_at=row["first_response_at"],
        verified_at=row["verified_at"],
        rejected_at=row["rejected_at"],
        reject_reason=row["reject_reason"],
        duplicate_of=row["duplicate_of"],
        referred_at=row["referred_at"],
        referred_to=row["referred_to"],
        referral_contact=row["referral_contact"],
        referral_due_day=row["referral_due_day"],
        referral_due_at=row["referral_due_at"],
        resolved_at=row["resolved_at"],
        resolution=row["resolution"],
        reported_at=row["reported_at"],
        rating=row["rating"],
        rated_at=row["rated_at"],
        closed_at=row["closed_at"],
        reopen_count=row["reopen_count"],
        updated_at=row["updated_at"],
        external_id=row["external_id"],
        city_due_at=_city_due(row),
        back_marked_at=row["back_marked_at"],
        back_sent_at=row["back_sent_at"],
        kind=row["kind"],
    )


def _city_due(row: sqlite3.Row) -> str | None:
    """The city's deadline of a request's issue (its ``expected_datetime`` as last imported)."""
    if row["external_id"] is None or "external" not in row.keys():  # noqa: SIM118 (a Row's `in` reads values)
        return None
    from gridnote import clock

    value = json.loads(row["external"] or "{}").get("expected_datetime")
    return clock.iso(clock.parse(str(value))) if value else None  # read as the import read it


def update_from_row(row: sqlite3.Row) -> IssueUpdate:
    return IssueUpdate(
        id=row["id"],
        issue_id=row["issue_id"],
        kind=row["kind"],
        at=row["at"],
        recorded_at=row["recorded_at"],
        text=row["text"],
        actor=row["actor"],
        from_status=row["from_status"],
        to_status=row["to_status"],
        data=json.loads(row["data"] or "{}"),
    )


def issue(nb: Notebook, issue_id: int) -> Issue | None:
    row = nb.one(ISSUE_SELECT + " WHERE i.id = ?", [issue_id])
    return None if row is None else issue_from_row(row)


def issues_by_ids(nb: Notebook, ids: list[int] | set[int]) -> dict[int, Issue]:
    rows = nb.rows(ISSUE_SELECT + " WHERE i.id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(ids))])
    return {r["id"]: issue_from_row(r) for r in rows}


def found_issues(nb: Notebook, ids: list[int], limit: int) -> list[Issue]:
    """At most ``limit`` of these issues: open ones first, then the newest."""
    rows = nb.rows(
        ISSUE_SELECT + f" WHERE i.id IN (SELECT value FROM json_each(?)) ORDER BY {OPEN_TERM} DESC, i.id DESC LIMIT ?",
        [json.dumps(ids), limit],
    )
    return [issue_from_row(row) for row in rows]


def filter_issues(
    nb: Notebook,
    *,
    statuses: list[str],
    open_only: bool,
    categories: list[str],
    building_id: int | None,
    reporter_id: int | None,
    since: str | None,
    until: str | None,
    overdue_on: str | None,
    limit: int | None,
) -> list[Issue]:
    """Issues matching the filter in one indexed query (status and deadline day, or received day).

    Open issues only (no ``statuses``) are read through the partial index ``issues_open`` by
    their deadline (they are the few still open); the others newest first, the limit applied here.
    ``overdue_on``: only those whose response or resolution deadline day has come.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if statuses:
        clauses.append(f"i.status IN ({', '.join('?' for _ in statuses)})")
        params += statuses
    elif open_only:
        clauses.append(OPEN_TERM)
    if categories:
        clauses.append(f"i.category IN ({', '.join('?' for _ in categories)})")
        params += categories
    if building_id is not None:
        clauses.append("i.building_id = ?")
        params.append(building_id)
    if reporter_id is not None:
        clauses.append("i.reporter_id = ?")
        params.append(reporter_id)
    if since is not None:
        clauses.append("i.received_day >= ?")
        params.append(since)
    if until is not None:
        clauses.append("i.received_day <= ?")
        params.append(until)
    if overdue_on is not None:
        clauses.append(
            "((i.first_response_at IS NULL AND i.response_due_day <= ?)"
            " OR (i.resolved_at IS NULL AND i.resolve_due_day <= ?))"
        )
        params += [overdue_on, overdue_on]
    by_deadline = open_only and not statuses
    order = "i.resolve_due_day, i.resolve_due_at, i.id" if by_deadline else "i.received_at DESC, i.id DESC"
    sql = ISSUE_SELECT + (" WHERE " + " AND ".join(clauses) if clauses else "") + f" ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [issue_from_row(r) for r in nb.rows(sql, params)]


def timeline(nb: Notebook, issue_id: int) -> list[IssueUpdate]:
    """Every step of an issue, in time order."""
    return [
        update_from_row(r)
        for r in nb.rows("SELECT * FROM issue_updates WHERE issue_id = ? ORDER BY at, id", [issue_id])
    ]


def photos(nb: Notebook, issue_id: int) -> list[IssuePhoto]:
    return [
        IssuePhoto(
            r["id"], r["issue_id"], r["path"], r["original_name"], r["sha256"], r["size"], r["added_at"], r["update_id"]
        )
        for r in nb.rows("SELECT * FROM issue_photos WHERE issue_id = ? ORDER BY id", [issue_id])
    ]


def last_change_at(nb: Notebook, issue_id: int) -> str | None:
    """When the issue last changed state (the latest step with a ``to_status``)."""
    return nb.scalar(
        "SELECT at FROM issue_updates WHERE issue_id = ? AND to_status IS NOT NULL ORDER BY at DESC, id DESC LIMIT 1",
        [issue_id],
    )


def count_open(nb: Notebook) -> int:
    """Issues not yet closed or rejected."""
    return int(nb.scalar(f"SELECT count(*) FROM issues i WHERE {OPEN_TERM}"))


def count_issues(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM issues"))


def waiting_rows(nb: Notebook, day: str) -> list[sqlite3.Row]:
    """Open issues that may wait on her on ``day``: a deadline day come, a referral due, resolved
    and not yet reported back, or an enquiry not yet answered (every column of :data:`ISSUE_SELECT`)."""
    return nb.rows(
        ISSUE_SELECT
        + f"""
        WHERE {OPEN_TERM} AND i.status != 'reported'
          AND ((i.first_response_at IS NULL AND i.response_due_day <= :day)
               OR (i.resolved_at IS NULL AND i.resolve_due_day <= :day)
               OR (i.status = 'referred' AND i.referral_due_day <= :day)
               OR i.status = 'resolved'
               OR (i.kind = 'enquiry' AND i.resolved_at IS NULL))
        """,
        {"day": day},
    )


# -- the notebook's own categories, and its changes to the defaults --------------------------
def category_rows(nb: Notebook) -> list[sqlite3.Row]:
    """The notebook's own categories and changes to the defaults, in the order written."""
    return nb.rows("SELECT * FROM issue_categories ORDER BY created_at, code")


def category_row(nb: Notebook, code: str) -> sqlite3.Row | None:
    return nb.one("SELECT * FROM issue_categories WHERE code = ?", [code])


def external_id(nb: Notebook, issue_id: int) -> str | None:
    """The Open311 request id an issue came in as (None: typed in by her)."""
    return nb.scalar("SELECT external_id FROM issues WHERE id = ?", [issue_id])


def called_on(nb: Notebook, day: str) -> set[int]:
    """Issues with a call noted on ``day`` (``issue note --kind call``, ``calls done``)."""
    rows = nb.rows(
        "SELECT DISTINCT issue_id FROM issue_updates WHERE day = ? AND kind = 'note'"
        " AND json_extract(data, '$.kind') = 'call'",
        [day],
    )
    return {r[0] for r in rows}
