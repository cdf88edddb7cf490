"""The benchmark's 10-year notebook holds the rows the services would write (checked at 1/100 scale)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")
NOW = "2026-11-30T08:00:00+08:00"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from generate import build
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = tmp_path_factory.mktemp("bench") / "decade.db"
    build(path, scale=0.01)
    return path


@pytest.fixture
def db(built: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(built)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def rows(db: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    return db.execute(sql).fetchall()


def test_sizes_are_a_hundredth_of_the_decade(db: sqlite3.Connection) -> None:
    counts = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("visits", "tasks", "issues", "residents")
    }
    assert counts == {"visits": 1000, "tasks": 200, "issues": 50, "residents": 753}
    assert db.execute("SELECT count(*) FROM residents WHERE moved_out_at IS NOT NULL").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM issue_updates").fetchone()[0] > 150
    assert db.execute("SELECT count(*) FROM readings").fetchone()[0] > 100


def test_every_timestamp_is_local_iso_and_every_day_its_local_day(db: sqlite3.Connection) -> None:
    pairs = {
        "visits": [("at", "day")],
        "readings": [("at", "day")],
        "issue_updates": [("at", "day")],
        "points": [("at", "day")],
        "events": [("at", "day")],
        "tasks": [("done_at", "done_day"), ("due_at", "due_date")],
        "issues": [
            ("received_at", "received_day"),
            ("response_due_at", "response_due_day"),
            ("resolve_due_at", "resolve_due_day"),
            ("resolved_at", "resolved_day"),
            ("reported_at", "reported_day"),
            ("rated_at", "rated_day"),
            ("closed_at", "closed_day"),
        ],
    }
    for table in ("visits", "readings", "tasks", "issues", "issue_updates", "points", "events", "revisions"):
        columns = [c[1] for c in rows(db, f"PRAGMA table_info({table})")]
        stamps = [c for c in columns if c == "at" or c.endswith("_at")]
        for row in rows(db, f"SELECT * FROM {table}"):
            for column in stamps:
                assert row[column] is None or STAMP.match(row[column]), (table, column, row[column])
                planned = column.endswith("due_at") or (table, column) == ("events", "at")
                assert row[column] is None or row[column] <= NOW or planned, (table, column)
            for stamp, day in pairs.get(table, []):
                if row[stamp] is not None:
                    assert row[day] == row[stamp][:10], (table, row["id"], stamp)


def test_codes_come_from_the_vocabularies(db: sqlite3.Connection) -> None:
    from gridnote.domain.categories import DEFAULT_CATEGORIES
    from gridnote.domain.issue_terms import (
        CHANNELS,
        NOTE_KINDS,
        PARTNERS,
        PRIORITIES,
        RATINGS,
        REJECT_REASONS,
        STATUSES,
        STEPS,
    )
    from gridnote.domain.readings import READING_KINDS, UNITS
    from gridnote.domain.vocab import TASK_STATUSES, VISIT_KINDS
    from gridnote.input.recurrence import Rule

    assert {r[0] for r in rows(db, "SELECT DISTINCT kind FROM visits")} <= {t.code for t in VISIT_KINDS}
    for row in rows(db, "SELECT DISTINCT kind, unit FROM readings"):
        assert row["kind"] in READING_KINDS and row["unit"] == UNITS[row["kind"]]
    assert {r[0] for r in rows(db, "SELECT DISTINCT status FROM tasks")} <= {t.code for t in TASK_STATUSES}
    for row in rows(db, "SELECT DISTINCT every FROM tasks WHERE every IS NOT NULL"):
        Rule(row[0])
    categories = {c.code: c for c in DEFAULT_CATEGORIES}
    for issue in rows(db, "SELECT * FROM issues"):
        category = categories[issue["category"]]
        assert (issue["category_group"], issue["upward_code"]) == (category.group, category.upward)
        assert issue["status"] in STATUSES and issue["channel"] in CHANNELS and issue["priority"] in PRIORITIES
        assert issue["rating"] is None or issue["rating"] in RATINGS
        assert issue["reject_reason"] is None or issue["reject_reason"] in REJECT_REASONS
        assert issue["referred_to"] is None or issue["referred_to"] in PARTNERS
    for update in rows(db, "SELECT kind, data FROM issue_updates"):
        assert update["kind"] in STEPS
        if update["kind"] == "note":
            assert json.loads(update["data"])["kind"] in NOTE_KINDS


def test_issue_milestones_agree_with_their_timelines(db: sqlite3.Connection) -> None:
    from gridnote.domain.issue_terms import FACE_TO_FACE

    timelines: dict[int, list[sqlite3.Row]] = defaultdict(list)
    for update in rows(db, "SELECT * FROM issue_updates ORDER BY at, id"):
        timelines[update["issue_id"]].append(update)
    points = {r["issue_id"]: r for r in rows(db, "SELECT * FROM points WHERE reason = 'report'")}
    for issue in rows(db, "SELECT * FROM issues"):
        steps = timelines[issue["id"]]
        assert steps[0]["kind"] == "receive" and steps[0]["at"] == issue["received_at"]
        assert [s["to_status"] for s in steps if s["to_status"]][-1] == issue["status"]
        assert steps[-1]["at"] == issue["updated_at"]
        last = {s["kind"]: s for s in steps}
        reopened = "reopen" in last and last["reopen"]["id"] == max(
            s["id"] for s in steps if s["kind"] in ("reopen", "resolve")
        )
        assert issue["verified_at"] == (last["verify"]["at"] if "verify" in last else None)
        assert issue["reopen_count"] == sum(s["kind"] == "reopen" for s in steps)
        if not reopened:
            assert issue["resolved_at"] == (last["resolve"]["at"] if "resolve" in last else None)
        assert issue["rating"] == (json.loads(last["rate"]["data"])["rating"] if "rate" in last else None)
        contacts = [
            s["at"]
            for s in steps
            if s["kind"] in ("verify", "reject", "tell", "rate")
            or (s["kind"] == "note" and json.loads(s["data"]).get("reporter"))
        ]
        if issue["channel"] in FACE_TO_FACE:
            contacts.append(issue["received_at"])
        assert issue["first_response_at"] == (min(contacts) if contacts else None)
        for n, step in enumerate(steps):
            assert step["at"] >= steps[0]["at"]
            if step["kind"] == "reopen" and step["from_status"] != "rejected":
                referred = any(s["kind"] == "refer" for s in steps[:n])
                assert step["to_status"] == ("referred" if referred else "verified")
        earned = issue["id"] in points
        assert earned == (issue["reporter_id"] is not None and "verify" in last)
        if earned:
            assert points[issue["id"]]["at"] == last["verify"]["at"]
            assert points[issue["id"]]["resident_id"] == issue["reporter_id"]
    balances = rows(db, "SELECT resident_id, sum(delta) AS total FROM points GROUP BY resident_id")
    assert all(r["total"] >= 0 for r in balances)


def test_visits_readings_and_tasks_are_as_the_services_write_them(db: sqlite3.Connection) -> None:
    from gridnote.domain.readings import ReadingInput, evaluate, flags_to_text
    from gridnote.domain.settings import SETTINGS

    limits = {k: s.default for k, s in SETTINGS.items() if k.startswith("threshold.")}
    people = {
        r["id"]: r
        for r in rows(db, "SELECT r.*, h.building_id FROM residents r LEFT JOIN households h ON h.id = r.household_id")
    }
    visits = {r["id"]: r for r in rows(db, "SELECT * FROM visits")}
    for visit in visits.values():
        if visit["resident_id"] is not None:
            person = people[visit["resident_id"]]
            assert (visit["household_id"], visit["building_id"]) == (person["household_id"], person["building_id"])
            moment = datetime.fromisoformat(visit["at"])
            assert datetime.fromisoformat(person["created_at"]) <= moment
            assert person["moved_out_at"] is None or moment < datetime.fromisoformat(person["moved_out_at"])
        elif visit["kind"] == "walk":
            assert visit["household_id"] is None and visit["building_id"] is not None
    for reading in rows(db, "SELECT * FROM readings"):
        visit = visits[reading["visit_id"]]
        assert (reading["at"], reading["day"], reading["resident_id"]) == (
            visit["at"],
            visit["day"],
            visit["resident_id"],
        )
        flags = evaluate(ReadingInput(reading["kind"], reading["value"], reading["value2"]), limits)
        assert (reading["flagged"], reading["flag_reason"]) == (int(bool(flags)), flags_to_text(flags))
    revisions = {
        (r["row_id"], r["action"]): json.loads(r["before"])
        for r in rows(db, "SELECT * FROM revisions WHERE table_name = 'tasks'")
    }
    tasks = {r["id"]: r for r in rows(db, "SELECT * FROM tasks")}
    for task in tasks.values():
        done, dropped = task["status"] == "done", task["status"] == "dropped"
        assert (task["done_at"] is not None, task["dropped_at"] is not None) == (done, dropped)
        if done or dropped:
            before = revisions[(task["id"], "done" if done else "drop")]
            assert before["status"] == "open" and before["id"] == task["id"] and before["text"] == task["text"]
            assert task["updated_at"] == (task["done_at"] or task["dropped_at"])
        if task["source"] and task["source"].startswith("task:"):
            previous = tasks[int(task["source"][5:])]
            assert previous["status"] == "done" and task["created_at"] == previous["done_at"]
            assert task["series_id"] is not None and tasks[task["series_id"]]["series_id"] is None
            assert task["every"] == previous["every"] and task["due_date"] > previous["due_date"]
        if task["source"] and task["source"].startswith("visit:"):
            assert visits[int(task["source"][6:])]["resident_id"] == task["resident_id"]


@pytest.fixture
def decade_notebook(built: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(built, db_path)
    monkeypatch.setenv("GRIDNOTE_NOW", NOW)
    return db_path


def test_the_everyday_commands_work_on_it(cli, decade_notebook: Path) -> None:
    conn = sqlite3.connect(decade_notebook)
    open_tasks = conn.execute("SELECT count(*) FROM tasks WHERE status = 'open'").fetchone()[0]
    open_issues = [
        r[0] for r in conn.execute("SELECT id FROM issues WHERE status NOT IN ('closed', 'rejected') ORDER BY id")
    ]
    last_visit = conn.execute("SELECT max(day) FROM visits WHERE resident_id = 1 AND undone_at IS NULL").fetchone()[0]
    conn.close()

    agenda = cli("today", "--json")
    assert agenda.exit_code == 0, agenda.stderr
    summary = json.loads(agenda.stdout)["summary"]
    assert summary["open_tasks"] == open_tasks and summary["open_issues"] == len(open_issues)
    assert cli("today").exit_code == 0

    listed = cli("issue", "list", "--open", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert sorted(i["id"] for i in json.loads(listed.stdout)) == open_issues

    card = cli("resident", "show", "李奶奶")
    assert card.exit_code == 0, card.stderr
    assert "李秀英" in card.stdout and last_visit[5:] in card.stdout


def test_every_row_has_a_global_id_and_its_insert_in_the_change_log(db: sqlite3.Connection) -> None:
    from gridnote.store.changes import TABLES

    for table in TABLES:
        total, without = db.execute(f"SELECT count(*), count(*) - count(gid) FROM {table}").fetchone()
        logged = db.execute(
            "SELECT count(DISTINCT gid) FROM changes WHERE table_name = ? AND op = 'insert'", [table]
        ).fetchone()[0]
        assert (without, logged) == (0, total), table
