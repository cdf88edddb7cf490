"""The notebook schema, as numbered, append-only migrations.

Never edit a migration once it has shipped: append a new ``mNNN_`` function
to ``STEPS``. They are applied by :func:`gridnote.db.open_notebook` through
sqlite-utils' ``Migrations`` (recorded in ``_sqlite_migrations``), all pending
ones in one transaction; ``PRAGMA user_version`` then holds ``LATEST`` so a
current notebook opens without loading sqlite-utils at all.

Conventions: ``INTEGER PRIMARY KEY AUTOINCREMENT`` ids (never reused, so a
number she wrote down stays valid); timestamps are ISO 8601 text with offset;
``day`` columns hold the local date for indexed day queries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any


def _run(db: Any, script: str) -> None:
    """Execute a script statement by statement (``executescript`` would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def m001_registry(db: Any) -> None:
    """Buildings, households, residents, tags, contacts, settings, revisions."""
    _run(
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
    _run(
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


def m004_visits_household(db: Any) -> None:
    """Household visits (8-2-301) are found by household, like resident visits by resident."""
    _run(
        db,
        """
        CREATE INDEX visits_household ON visits(household_id, day);
        """,
    )


# Append new migrations here, never reorder or edit shipped ones.
STEPS: list[Callable[[Any], None]] = [m001_registry, m002_tasks_visits, m004_visits_household]
NAMES: list[str] = [step.__name__ for step in STEPS]
LATEST: int = len(STEPS)


def migrations() -> Any:
    """The sqlite-utils ``Migrations`` set for gridnote (built on demand: it imports sqlite-utils)."""
    from sqlite_utils import Migrations

    steps = Migrations("gridnote")
    for step in STEPS:
        steps()(step)
    return steps
