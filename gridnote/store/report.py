"""The shift-end report's SQL: aggregate counts over indexed ``day`` columns, and its lists.

Every count is a ``GROUP BY``/``count`` over an indexed day column; lists are
read in one query each (ids passed as one JSON array), never one per row.
``p`` is ``{"start": day, "end": day}`` (ISO days, inclusive). The meaning of
each figure is :mod:`gridnote.services.report`'s.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from gridnote.domain.issue_terms import OPEN_STATUSES
from gridnote.store.notebook import Notebook

_CONTACT = "v.day BETWEEN :start AND :end AND v.undone_at IS NULL AND v.kind != 'walk'"
OPEN_TERM = "i.status IN (" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"


def _ids(values: Iterable[int]) -> str:
    return json.dumps(sorted(set(values)))


# -- the numbers ---------------------------------------------------------------------------
def visits_by_kind(nb: Notebook, p: dict[str, str]) -> dict[str, int]:
    rows = nb.rows(
        "SELECT kind, count(*) FROM visits WHERE day BETWEEN :start AND :end AND undone_at IS NULL GROUP BY kind", p
    )
    return {row[0]: int(row[1]) for row in rows}


def reach(nb: Notebook, p: dict[str, str]) -> sqlite3.Row:
    """(residents, households, walks, buildings): residents and households reached, (building, day) walks."""
    row = nb.one(
        f"""
        SELECT (SELECT count(*) FROM (
                    SELECT v.resident_id FROM visits v WHERE {_CONTACT} AND v.resident_id IS NOT NULL
                    UNION
                    SELECT r.id FROM visits v JOIN residents r ON r.household_id = v.household_id
                     WHERE {_CONTACT} AND v.resident_id IS NULL AND v.household_id IS NOT NULL
                       AND (r.moved_out_at IS NULL OR julianday(r.moved_out_at) > julianday(v.at)))) AS residents,
               (SELECT count(DISTINCT v.household_id) FROM visits v
                 WHERE {_CONTACT} AND v.household_id IS NOT NULL) AS households,
               (SELECT count(*) FROM (SELECT DISTINCT v.building_id, v.day FROM visits v
                 WHERE v.day BETWEEN :start AND :end AND v.kind = 'walk' AND v.undone_at IS NULL
                   AND v.building_id IS NOT NULL)) AS walks,
               (SELECT count(*) FROM buildings) AS buildings
        """,
        p,
    )
    assert row is not None
    return row


def readings_taken(nb: Notebook, p: dict[str, str]) -> tuple[int, int]:
    """(readings taken, flagged) on visits not undone."""
    row = nb.one(
        "SELECT count(*), coalesce(sum(rd.flagged), 0) FROM readings rd"
        " JOIN visits v ON v.id = rd.visit_id"
        " WHERE rd.day BETWEEN :start AND :end AND v.undone_at IS NULL",
        p,
    )
    assert row is not None
    return int(row[0]), int(row[1])


def issue_steps(nb: Notebook, p: dict[str, str]) -> tuple[int, ...]:
    """Issues that took each step in the range, each counted once: received, verified, rejected,
    referred, resolved, reported back, closed (rated closed too), reopened."""
    row = nb.one(
        """
        SELECT count(DISTINCT CASE WHEN kind = 'receive' THEN issue_id END),
               count(DISTINCT CASE WHEN kind = 'verify' THEN issue_id END),
               count(DISTINCT CASE WHEN kind = 'reject' THEN issue_id END),
               count(DISTINCT CASE WHEN kind = 'refer' THEN issue_id END),
               count(DISTINCT CASE WHEN kind = 'resolve' THEN issue_id END),
               count(DISTINCT CASE WHEN kind = 'tell' THEN issue_id END),
               count(DISTINCT CASE WHEN kind = 'close' OR (kind = 'rate' AND to_status = 'closed')
                                   THEN issue_id END),
               count(DISTINCT CASE WHEN kind = 'reopen' THEN issue_id END)
        FROM issue_updates WHERE day BETWEEN :start AND :end
        """,
        p,
    )
    assert row is not None
    return tuple(int(value) for value in row)


def tasks_done(nb: Notebook, p: dict[str, str]) -> int:
    from gridnote.store.tasks import count_done_between

    return count_done_between(nb, p["start"], p["end"])


def events(nb: Notebook, p: dict[str, str]) -> tuple[int, int]:
    """(events, attendees)."""
    row = nb.one("SELECT count(*), coalesce(sum(attendees), 0) FROM events WHERE day BETWEEN :start AND :end", p)
    assert row is not None
    return int(row[0]), int(row[1])


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


# -- the rates -------------------------------------------------------------------------------
def deadlines(nb: Notebook, p: dict[str, str], which: str) -> tuple[int, int, int]:
    """Deadlines (``response`` or ``resolve``) falling in the range: (how many, met in time, pending at ``now``).

    Rejected issues have no resolution deadline to meet.
    """
    done, due = {"response": ("first_response_at", "response_due"), "resolve": ("resolved_at", "resolve_due")}[which]
    where = "AND status != 'rejected'" if which == "resolve" else ""
    row = nb.one(
        f"""
        SELECT count(*) AS due,
               coalesce(sum({done} IS NOT NULL AND julianday({done}) <= julianday({due}_at)), 0) AS met,
               coalesce(sum({done} IS NULL AND julianday({due}_at) > julianday(:now)), 0) AS pending
        FROM issues WHERE {due}_day BETWEEN :start AND :end {where}
        """,
        p,
    )
    assert row is not None
    return int(row["due"]), int(row["met"]), int(row["pending"])


def latest_ratings(nb: Notebook, start: str, end: str) -> dict[str, int]:
    """Issues rated from ``start`` to ``end``, by the latest rating each was given in it (from the timeline)."""
    rows = nb.rows(
        """
        SELECT rating, count(*) FROM (
            SELECT json_extract(data, '$.rating') AS rating,
                   row_number() OVER (PARTITION BY issue_id ORDER BY at DESC, id DESC) AS nth
            FROM issue_updates WHERE day BETWEEN :start AND :end AND kind = 'rate')
        WHERE nth = 1 GROUP BY rating
        """,
        {"start": start, "end": end},
    )
    return {row[0]: int(row[1]) for row in rows}


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
