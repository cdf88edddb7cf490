"""A large notebook (5,000 issues, 20,000 updates): the open list is one indexed query."""

from __future__ import annotations

import json
import random
import re
from datetime import date, datetime, timedelta

import pytest

from gridnote import clock
from gridnote.services.followups import followups
from gridnote.services.issues import IssueFilter, count_open, issue_detail, list_issues
from gridnote.store import write

ISSUES, UPDATES_PER_ISSUE = 5_000, 4


START = datetime.fromisoformat("2024-12-01T08:00:00+08:00")


@pytest.fixture(scope="module", params=[False, True], ids=["fresh", "analyzed"])
def big_path(request, tmp_path_factory):
    """Two years of issues: most closed, a few hundred open, each with four timeline lines.

    Built once per module. Plans are checked as a notebook is (never analyzed)
    and after ANALYZE, whose statistics could tempt the planner into a scan.
    """
    from gridnote.store.notebook import open_notebook

    path = tmp_path_factory.mktemp("big") / "big.db"
    nb = open_notebook(path)
    rng = random.Random(5)
    write.insert(nb, "buildings", {"code": "5", "created_at": clock.iso(START)})
    issues, updates = [], []
    for n in range(1, ISSUES + 1):
        received = START + timedelta(hours=3.5 * n)
        status = "closed" if n < ISSUES - 300 else rng.choice(["received", "verified", "referred", "resolved"])
        stamp = clock.iso(received)
        due = received + timedelta(days=7)
        issues.append(
            (
                n,
                f"问题{n}",
                "garbage",
                "general",
                "app",
                status,
                1,
                stamp,
                clock.day_of(received),
                stamp,
                clock.day_of(received),
                clock.iso(due),
                clock.day_of(due),
                stamp if status == "closed" else None,
                stamp,
                stamp,
            )
        )
        for k, kind in enumerate(("receive", "verify", "refer", "note")):
            at = received + timedelta(hours=k)
            updates.append((n, kind, clock.iso(at), clock.day_of(at), "{}", clock.iso(at)))
    with nb.transaction():
        nb.conn.executemany(
            "INSERT INTO issues (id, text, category, category_group, channel, status, building_id, received_at,"
            " received_day, response_due_at, response_due_day, resolve_due_at, resolve_due_day, closed_at,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            issues,
        )
        nb.conn.executemany(
            "INSERT INTO issue_updates (issue_id, kind, at, day, data, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", updates
        )
    if request.param:
        nb.execute("ANALYZE")
    nb.close()
    return path


@pytest.fixture
def big(big_path):
    from gridnote.store.notebook import open_notebook

    nb = open_notebook(big_path)
    clock.set_now(START + timedelta(hours=3.5 * ISSUES + 1))
    yield nb
    nb.close()


def traced(nb, action):
    statements: list[str] = []
    nb.conn.set_trace_callback(statements.append)
    try:
        result = action()
    finally:
        nb.conn.set_trace_callback(None)
    return result, statements


def plan(nb, sql: str) -> str:
    return " | ".join(row[3] for row in nb.rows("EXPLAIN QUERY PLAN " + sql))


PARTIAL = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'issues' AND sql LIKE '% WHERE %'"


def issues_indexed(nb, query_plan: str) -> bool:
    """The issues table is reached through an index: a search, or a walk of a partial index
    (one that holds only some issues, the open ones); never a scan of every issue."""
    partial = {row[0] for row in nb.rows(PARTIAL)}
    steps = [step for step in query_plan.split(" | ") if re.match(r"(SEARCH|SCAN) i\b", step)]
    walked = [re.search(r"USING (?:COVERING )?INDEX (\w+)", step) for step in steps if step.startswith("SCAN")]
    return bool(steps) and all(found is not None and found.group(1) in partial for found in walked)


def test_open_list_is_one_indexed_query(big) -> None:
    assert big.scalar("SELECT count(*) FROM issue_updates") == ISSUES * UPDATES_PER_ISSUE
    open_issues, statements = traced(big, lambda: list_issues(big, IssueFilter()))
    assert len(open_issues) == count_open(big) == 301
    assert len(statements) == 1  # no query per row
    assert issues_indexed(big, plan(big, statements[0])), plan(big, statements[0])


@pytest.mark.parametrize(
    "where",
    [
        IssueFilter(overdue=True),
        IssueFilter(open_only=False, since=date(2026, 11, 1), until=date(2026, 11, 30)),
        IssueFilter(open_only=False, statuses=["resolved"]),
    ],
)
def test_other_lists_use_an_index(big, where) -> None:
    _, statements = traced(big, lambda: list_issues(big, where))
    assert len(statements) == 1
    assert issues_indexed(big, plan(big, statements[0])), plan(big, statements[0])


def test_followups_and_detail_stay_constant(big) -> None:
    items, statements = traced(big, lambda: followups(big, clock.today()))
    assert items and len(statements) == 1
    assert issues_indexed(big, plan(big, statements[0])), plan(big, statements[0])
    _, statements = traced(big, lambda: count_open(big))
    assert "USING COVERING INDEX" in plan(big, statements[0]), plan(big, statements[0])
    detail, statements = traced(big, lambda: issue_detail(big, 4_900))
    assert len(detail.timeline) == 4 and len(statements) == 4  # issue, timeline, affects, photos
    assert re.search(r"SEARCH \w+ USING (COVERING )?INDEX", plan(big, statements[1])), plan(big, statements[1])
    assert json.loads("{}") == detail.timeline[0].data
