"""The notebook schema, as numbered, append-only migrations.

Never edit a migration once it has shipped: append a new ``mNNN_`` function
to ``STEPS``. They are applied by :func:`gridnote.store.notebook.open_notebook` through
sqlite-utils' ``Migrations`` (recorded in ``_sqlite_migrations``), all pending
ones in one transaction; ``PRAGMA user_version`` then holds ``LATEST`` so a
current notebook opens without loading sqlite-utils at all.

Conventions: ``INTEGER PRIMARY KEY AUTOINCREMENT`` ids (never reused, so a
number she wrote down stays valid); timestamps are ISO 8601 text with offset;
``day`` columns hold the local date for indexed day queries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gridnote.store.migrations_citizen import m014_search_han_scannable, m015_code_tables, m020_code_tables_kinds
from gridnote.store.migrations_day import m011_care_baselines, m012_visit_back, m017_issue_kind, m018_event_people
from gridnote.store.migrations_flow import m013_open311, m016_inbox, m019_resident_deceased
from gridnote.store.migrations_log import m009_change_log, m010_task_words
from gridnote.store.search_schema import m006_search
from gridnote.store.sql import run_script


def m001_registry(db: Any) -> None:
    """Buildings, households, residents, tags, contacts, settings, revisions."""
    run_script(
        db,
        """
        CREATE TABLE config (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE buildings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            code TEXT NOT NULL UNIQUE,
            name TEXT,
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE households (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            building_id INTEGER NOT NULL REFERENCES buildings(id),
            unit TEXT NOT NULL DEFAULT '',
            room TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL UNIQUE,
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX households_building ON households(building_id, unit, room);
        CREATE TABLE residents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            household_id INTEGER REFERENCES households(id),
            name TEXT NOT NULL,
            alias TEXT,
            gender TEXT CHECK (gender IN ('f', 'm')),
            birth TEXT,
            phones TEXT NOT NULL DEFAULT '',
            id_number TEXT,
            note TEXT,
            pinyin TEXT NOT NULL DEFAULT '',
            initials TEXT NOT NULL DEFAULT '',
            moved_out_at TEXT,
            moved_out_note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX residents_household ON residents(household_id);
        CREATE INDEX residents_name ON residents(name);
        CREATE TABLE resident_tags (
            resident_id INTEGER NOT NULL REFERENCES residents(id),
            tag TEXT NOT NULL,
            PRIMARY KEY (resident_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX resident_tags_tag ON resident_tags(tag, resident_id);
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            resident_id INTEGER NOT NULL REFERENCES residents(id),
            name TEXT NOT NULL,
            relation TEXT,
            phone TEXT,
            nearby INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX contacts_resident ON contacts(resident_id);
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            table_name TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            before TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX revisions_row ON revisions(table_name, row_id);
        """,
    )


def m002_tasks_visits(db: Any) -> None:
    """Tasks (tomorrow's work), visits and their readings."""
    run_script(
        db,
        """
        CREATE TABLE tasks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            text TEXT NOT NULL,
            note TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
            starred INTEGER NOT NULL DEFAULT 0,
            due_date TEXT,
            due_at TEXT,
            resident_id INTEGER REFERENCES residents(id),
            building_id INTEGER REFERENCES buildings(id),
            every TEXT,
            series_id INTEGER REFERENCES tasks(id),
            source TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            done_at TEXT,
            done_day TEXT,
            dropped_at TEXT
        );
        CREATE INDEX tasks_open_due ON tasks(status, due_date, due_at);
        CREATE INDEX tasks_resident ON tasks(resident_id, status);
        CREATE INDEX tasks_done_day ON tasks(done_day);
        CREATE TABLE visits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            resident_id INTEGER REFERENCES residents(id),
            household_id INTEGER REFERENCES households(id),
            building_id INTEGER REFERENCES buildings(id),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            undone_at TEXT
        );
        CREATE INDEX visits_day ON visits(day, kind);
        CREATE INDEX visits_resident ON visits(resident_id, day);
        CREATE INDEX visits_building ON visits(building_id, day);
        CREATE TABLE readings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            resident_id INTEGER REFERENCES residents(id),
            kind TEXT NOT NULL,
            value REAL NOT NULL,
            value2 REAL,
            unit TEXT NOT NULL,
            flagged INTEGER NOT NULL DEFAULT 0,
            flag_reason TEXT,
            at TEXT NOT NULL,
            day TEXT NOT NULL
        );
        CREATE INDEX readings_visit ON readings(visit_id);
        CREATE INDEX readings_resident ON readings(resident_id, kind, at);
        CREATE INDEX readings_day ON readings(day, flagged);
        """,
    )


def m003_issues_events(db: Any) -> None:
    """Issues and their timeline, photos, affected residents; custom categories; points; events.

    Every step of an issue is a row of ``issue_updates`` (the timeline); the
    ``issues`` row also keeps each milestone explicitly (first response,
    resolution, report-back, rating) with both deadlines, so the grid
    centre's three rates are simple indexed queries.
    """
    run_script(
        db,
        """
        CREATE TABLE issue_categories (
            code TEXT PRIMARY KEY,
            parent TEXT,
            en TEXT,
            zh TEXT,
            synonyms TEXT NOT NULL DEFAULT '',
            grp TEXT,
            upward TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            text TEXT NOT NULL,
            category TEXT NOT NULL,
            category_group TEXT NOT NULL,
            upward_code TEXT,
            channel TEXT NOT NULL,
            priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'normal')),
            status TEXT NOT NULL DEFAULT 'received' CHECK (status IN
                ('received', 'verified', 'rejected', 'referred', 'resolved', 'reported', 'closed')),
            reporter_id INTEGER REFERENCES residents(id),
            reporter_contact TEXT,
            place TEXT,
            building_id INTEGER REFERENCES buildings(id),
            household_id INTEGER REFERENCES households(id),
            received_at TEXT NOT NULL,
            received_day TEXT NOT NULL,
            response_due_at TEXT NOT NULL,
            response_due_day TEXT NOT NULL,
            resolve_due_at TEXT NOT NULL,
            resolve_due_day TEXT NOT NULL,
            first_response_at TEXT,
            verified_at TEXT,
            rejected_at TEXT,
            reject_reason TEXT,
            duplicate_of INTEGER REFERENCES issues(id),
            referred_at TEXT,
            referred_to TEXT,
            referral_contact TEXT,
            referral_due_day TEXT,
            referral_due_at TEXT,
            resolved_at TEXT,
            resolved_day TEXT,
            resolution TEXT,
            reported_at TEXT,
            reported_day TEXT,
            rating TEXT CHECK (rating IN ('satisfied', 'basically-satisfied', 'dissatisfied')),
            rated_at TEXT,
            rated_day TEXT,
            closed_at TEXT,
            closed_day TEXT,
            reopen_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX issues_open ON issues(resolve_due_day, resolve_due_at)
            WHERE status IN ('received', 'verified', 'referred', 'resolved', 'reported');
        CREATE INDEX issues_status_response ON issues(status, response_due_day);
        CREATE INDEX issues_status_resolve ON issues(status, resolve_due_day);
        CREATE INDEX issues_received_day ON issues(received_day);
        CREATE INDEX issues_resolved_day ON issues(resolved_day);
        CREATE INDEX issues_rated_day ON issues(rated_day);
        CREATE INDEX issues_reporter ON issues(reporter_id, received_day);
        CREATE INDEX issues_building ON issues(building_id, status);
        CREATE TABLE issue_updates (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            actor TEXT,
            text TEXT,
            from_status TEXT,
            to_status TEXT,
            data TEXT NOT NULL DEFAULT '{}',
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX issue_updates_issue ON issue_updates(issue_id, at, id);
        CREATE INDEX issue_updates_day ON issue_updates(day, kind);
        CREATE TABLE issue_residents (
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            resident_id INTEGER NOT NULL REFERENCES residents(id),
            PRIMARY KEY (issue_id, resident_id)
        ) WITHOUT ROWID;
        CREATE INDEX issue_residents_resident ON issue_residents(resident_id, issue_id);
        CREATE TABLE issue_photos (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            update_id INTEGER REFERENCES issue_updates(id),
            path TEXT NOT NULL,
            original_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE INDEX issue_photos_issue ON issue_photos(issue_id);
        CREATE TABLE points (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            resident_id INTEGER NOT NULL REFERENCES residents(id),
            delta INTEGER NOT NULL CHECK (delta != 0),
            reason TEXT NOT NULL,
            issue_id INTEGER REFERENCES issues(id),
            note TEXT,
            at TEXT NOT NULL,
            day TEXT NOT NULL
        );
        CREATE INDEX points_resident ON points(resident_id, at);
        CREATE UNIQUE INDEX points_one_per_report ON points(issue_id) WHERE reason = 'report';
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            at TEXT,
            day TEXT NOT NULL,
            partners TEXT NOT NULL DEFAULT '[]',
            building_id INTEGER REFERENCES buildings(id),
            attendees INTEGER CHECK (attendees IS NULL OR attendees >= 0),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX events_day ON events(day, at);
        """,
    )


def m004_visits_household(db: Any) -> None:
    """Household visits (8-2-301) are found by household, like resident visits by resident."""
    run_script(
        db,
        """
        CREATE INDEX visits_household ON visits(household_id, day);
        """,
    )


def m005_report_indexes(db: Any) -> None:
    """Day-range queries of ``gridnote report``: points by day, issues by either deadline's day.

    ``visits_household_only`` finds a household's last visit as a whole (the
    care round's household visits) without walking through every visit of its
    members, which also carry ``household_id``.
    """
    run_script(
        db,
        """
        CREATE INDEX visits_household_only ON visits(household_id, day)
            WHERE resident_id IS NULL AND household_id IS NOT NULL;
        CREATE INDEX points_day ON points(day);
        CREATE INDEX issues_response_due_day ON issues(response_due_day);
        CREATE INDEX issues_resolve_due_day ON issues(resolve_due_day);
        """,
    )


# -- full-text search (gridnote find) --------------------------------------------------------
def m007_speed_indexes(db: Any) -> None:
    """Indexes that keep ``today``, ``log`` and ``resident show`` as fast after ten years as on day one.

    ``visits_care``: a resident's last care visit (the care round, the next
    visit due after ``log``) is one step down this index, however many visits
    she has had. (``visits_household_only``, from m005, does the same for
    visits to a whole household and a resident's recent household visits.)
    """
    run_script(
        db,
        """
        CREATE INDEX visits_care ON visits(resident_id, day)
            WHERE kind IN ('visit', 'emergency') AND undone_at IS NULL;
        """,
    )


def m008_task_skipped(db: Any) -> None:
    """``tasks.skipped``: 1 for a repeating task's occurrence she skipped (``task skip``).

    A skipped occurrence is stored ``dropped`` (not done, closed) but is shown as
    skipped: the marker saves reading ``revisions`` for every task on screen.
    Occurrences skipped before this migration are found by their last revision,
    a ``skip``.
    """
    run_script(
        db,
        """
        ALTER TABLE tasks ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1));
        UPDATE tasks SET skipped = 1
            WHERE status = 'dropped'
              AND (SELECT action FROM revisions
                   WHERE table_name = 'tasks' AND row_id = tasks.id ORDER BY id DESC LIMIT 1) = 'skip';
        """,
    )


# Append new migrations here, never reorder or edit shipped ones.
STEPS: list[Callable[[Any], None]] = [
    m001_registry,
    m002_tasks_visits,
    m003_issues_events,
    m004_visits_household,
    m005_report_indexes,
    m006_search,
    m007_speed_indexes,
    m008_task_skipped,
    m009_change_log,
    m010_task_words,
    m011_care_baselines,
    m012_visit_back,
    m013_open311,
    m014_search_han_scannable,
    m015_code_tables,
    m016_inbox,
    m017_issue_kind,
    m018_event_people,
    m019_resident_deceased,
    m020_code_tables_kinds,
]
NAMES: list[str] = [step.__name__ for step in STEPS]
LATEST: int = len(STEPS)


def migrations() -> Any:
    """The sqlite-utils ``Migrations`` set for gridnote (built on demand: it imports sqlite-utils)."""
    from sqlite_utils import Migrations

    steps = Migrations("gridnote")
    for step in STEPS:
        steps()(step)
    return steps
