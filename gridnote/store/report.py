"""The shift-end report's SQL: the rows of the range, a few counts of her own, and its lists.

Rows are read by indexed day columns; the figures the grid centre shares are
computed from them by :mod:`gridnote.services.figures` (the one definition);
lists are read in one query each (ids passed as one JSON array), never one per
row. ``p`` is ``{"start": day, "end": day}`` (ISO days, inclusive).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gridnote.domain.issue_terms import OPEN_STATUSES
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:
    from gridnote.models.figures import GridRows

OPEN_TERM = "i.status IN (" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"


def _ids(values: Iterable[int]) -> str:
    return json.dumps(sorted(set(values)))


# -- the numbers ---------------------------------------------------------------------------
def tasks_done(nb: Notebook, p: dict[str, str]) -> int:
    from gridnote.store.tasks import count_done_between

    return count_done_between(nb, p["start"], p["end"])


def points(nb: Notebook, p: dict[str, str]) -> tuple[int, int, int, int]:
    """(awarded, residents awarded, redeemed, taken back).

    A report's lines (award, taken back, given back) net per report first: verified, rejected and
    verified again in the range is one point awarded; an earlier award taken back counts as taken back.
    """
    row = nb.one(
        """
        SELECT coalesce(sum(CASE WHEN net > 0 THEN net END), 0),
               count(DISTINCT CASE WHEN net > 0 THEN resident_id END),
               coalesce(sum(redeemed), 0),
               coalesce(sum(CASE WHEN net < 0 THEN -net END), 0)
        FROM (SELECT resident_id, sum(CASE WHEN reason != 'redeem' THEN delta ELSE 0 END) AS net,
                     sum(CASE WHEN reason = 'redeem' THEN -delta ELSE 0 END) AS redeemed
              FROM points WHERE day BETWEEN :start AND :end
              GROUP BY resident_id, coalesce(issue_id, -id))
        """,
        p,
    )
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


# -- the rows of the shared figures (gridnote.services.figures) -----------------------------
def grid_rows(nb: Notebook, p: dict[str, str]) -> GridRows:
    """The rows the figures and rates of the range are computed from (``p``: start, end, registered_by)."""
    from gridnote.domain.settings import care_tags
    from gridnote.models import figures as f

    # ten years are 100,000 visits: one str object per kind and per day, not one per row, and the
    # moment only where a figure reads it (a household visited as a whole), keep a decade's report small
    same: dict[str, str] = {}
    visits = [
        f.VisitRow(same.setdefault(r[0], r[0]), r[1], r[2], r[3], same.setdefault(r[4], r[4]), r[5])
        for r in nb.each(
            "SELECT kind, resident_id, household_id, building_id, day,"
            " CASE WHEN resident_id IS NULL THEN at ELSE '' END FROM visits"
            " WHERE day BETWEEN :start AND :end AND undone_at IS NULL",
            p,
        )
    ]
    residents = [
        f.ResidentRow(r[0], r[1], r[2], r[3], tuple(r[4].split(",")) if r[4] else ())
        for r in nb.rows(
            """
            SELECT r.id, r.household_id, r.moved_out_at, r.created_at,
                   (SELECT group_concat(t.tag) FROM resident_tags t
                     WHERE t.resident_id = r.id AND t.tag IN (SELECT value FROM json_each(:tags)))
            FROM residents r
            WHERE r.id IN (SELECT resident_id FROM resident_tags WHERE tag IN (SELECT value FROM json_each(:tags)))
               OR r.household_id IN (SELECT household_id FROM visits WHERE day BETWEEN :start AND :end
                                      AND resident_id IS NULL AND undone_at IS NULL)
            """,
            {**p, "tags": json.dumps(list(care_tags()))},
        )
    ]
    steps = [
        f.StepRow(*r)
        for r in nb.rows(
            "SELECT u.issue_id, u.kind, u.to_status, i.category, i.kind = 'enquiry'"
            " FROM issue_updates u JOIN issues i ON i.id = u.issue_id"
            " WHERE u.day BETWEEN :start AND :end",
            p,
        )
    ]
    ratings = [
        f.RatingRow(*r)
        for r in nb.rows(
            "SELECT u.issue_id, u.at, u.id, u.data,"
            " i.reporter_id IS NOT NULL OR coalesce(i.reporter_contact, '') != '', i.kind = 'enquiry'"
            " FROM issue_updates u JOIN issues i ON i.id = u.issue_id"
            " WHERE u.day BETWEEN :start AND :end AND u.kind = 'rate'",
            p,
        )
    ]
    due = {
        which: [
            f.DeadlineRow(*r)
            for r in nb.rows(
                f"SELECT id, status, {which}_due_at, {done}, kind = 'enquiry' FROM issues"
                f" WHERE {which}_due_day BETWEEN :start AND :end",
                p,
            )
        ]
        for which, done in (("response", "first_response_at"), ("resolve", "resolved_at"))
    }
    return f.GridRows(
        visits=visits,
        residents=residents,
        buildings=int(nb.scalar("SELECT count(*) FROM buildings")),
        readings=[
            bool(r[0])
            for r in nb.each(
                "SELECT rd.flagged FROM readings rd JOIN visits v ON v.id = rd.visit_id"
                " WHERE rd.day BETWEEN :start AND :end AND v.undone_at IS NULL",
                p,
            )
        ],
        steps=steps,
        ratings=ratings,
        response=due["response"],
        resolve=due["resolve"],
        attendees=[r[0] for r in nb.rows("SELECT attendees FROM events WHERE day BETWEEN :start AND :end", p)],
        registered_by=p.get("registered_by", ""),
    )


# -- the lists -------------------------------------------------------------------------------
def reading_rows(nb: Notebook, start: str, end: str, *, flagged_only: bool) -> list[sqlite3.Row]:
    """Readings of the range on visits not undone, in time order, with who they are of (rid, names, address)."""
    return nb.rows(
        """
        SELECT rd.*, r.id AS rid, r.name AS resident_name, r.alias AS resident_alias, h.address AS address
        FROM readings rd
        JOIN visits v ON v.id = rd.visit_id
        LEFT JOIN residents r ON r.id = coalesce(rd.resident_id, v.resident_id)
        LEFT JOIN households h ON h.id = v.household_id
        WHERE rd.day BETWEEN ? AND ? AND v.undone_at IS NULL"""
        + (" AND rd.flagged = 1" if flagged_only else "")
        + " ORDER BY rd.at, rd.id",
        [start, end],
    )


def steps_in(nb: Notebook, p: dict[str, str]) -> list[sqlite3.Row]:
    """(issue_id, kind) of every step of the range but edits, in time order."""
    return nb.rows(
        "SELECT issue_id, kind FROM issue_updates WHERE day BETWEEN :start AND :end AND kind != 'edit' ORDER BY at, id",
        p,
    )


def received_in(nb: Notebook, p: dict[str, str]) -> list[int]:
    """Issues received in the range, in the order received."""
    rows = nb.rows("SELECT id FROM issues WHERE received_day BETWEEN :start AND :end ORDER BY received_at, id", p)
    return [r[0] for r in rows]


def open_at(nb: Notebook, end: str, at: str) -> list[int]:
    """Issues received by ``end`` that were open at the moment ``at``: open now, or closed or rejected after it."""
    rows = nb.rows(
        f"""
        SELECT i.id FROM issues i WHERE i.received_day <= :end AND ({OPEN_TERM}
            OR julianday(i.closed_at) > julianday(:at) OR julianday(i.rejected_at) > julianday(:at))
        """,
        {"end": end, "at": at},
    )
    return [r[0] for r in rows]


def states_at(nb: Notebook, ids: Iterable[int], at: str) -> dict[int, str]:
    """Each issue's last state reached by the moment ``at``, from its timeline (left out: none yet)."""
    status: dict[int, str] = {}
    for row in nb.rows(
        "SELECT issue_id, to_status FROM issue_updates"
        " WHERE issue_id IN (SELECT value FROM json_each(?)) AND to_status IS NOT NULL"
        " AND julianday(at) <= julianday(?) ORDER BY at, id",
        [_ids(ids), at],
    ):
        status[row[0]] = row[1]
    return status
