"""Migrations for what her real day needs (issue 19): care starting dates, and what follows.

Kept apart from :mod:`gridnote.store.migrations` (which lists them in ``STEPS``)
so that module stays readable; the same rules hold: numbered, append-only,
never edited once shipped. A new synced table gets ``gid`` from the start.
"""

from __future__ import annotations

from typing import Any

from gridnote.store.sql import run_script


def m011_care_baselines(db: Any) -> None:
    """``care_baselines``: the day a resident's care round counts from when no visit says otherwise.

    Not a visit: ``gridnote care baseline DAY`` and a roster's last-visit column
    (``source`` ``baseline`` or ``import``) set it, so the first morning of a
    new notebook shows who is really due. The care round counts from the later
    of her last care visit and this day; care coverage counts visits only.
    One row per resident (set again: updated, its before-image kept).
    """
    run_script(
        db,
        """
        CREATE TABLE care_baselines (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            resident_id INTEGER NOT NULL UNIQUE REFERENCES residents(id),
            day TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('baseline', 'import')),
            set_at TEXT NOT NULL,
            gid TEXT
        );
        CREATE UNIQUE INDEX care_baselines_gid ON care_baselines(gid);
        """,
    )


def m012_visit_back(db: Any) -> None:
    """``visits.back_at``: when she got back from a call-out (``log -k 应急 --at 20:00 --until 21:40``).

    NULL for every entry before it, and whenever she does not say: ``at`` stays
    the moment she left (or the contact happened).
    """
    run_script(db, "ALTER TABLE visits ADD COLUMN back_at TEXT;")


def m017_issue_kind(db: Any) -> None:
    """``issues.kind``: a complaint (诉求, every issue before) or an enquiry (咨询/建议).

    An enquiry is answered and the asker told; it has no deadline group unless
    she sets one, so its group and both deadlines may be NULL: those four
    columns lose their NOT NULL. Removing a NOT NULL changes nothing stored, so
    it is done as SQLite documents for such a change (the table's CREATE text
    edited under ``writable_schema`` and the schema version bumped) rather than
    by rebuilding a table other tables, triggers and a view point at. Every row
    before is a complaint with its deadlines: nothing to log.
    """
    table = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'issues'").fetchone()[0]
    relaxed = table
    for column in ("category_group", "response_due_at", "response_due_day", "resolve_due_at", "resolve_due_day"):
        before = relaxed
        relaxed = relaxed.replace(f"{column} TEXT NOT NULL,", f"{column} TEXT,")
        if relaxed == before:
            raise RuntimeError(f"m017: issues.{column} is not as m003 created it")
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'issues'", [relaxed])
        db.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    run_script(
        db,
        """
        ALTER TABLE issues ADD COLUMN kind TEXT NOT NULL DEFAULT 'complaint'
            CHECK (kind IN ('complaint', 'enquiry'));
        """,
    )


def m018_event_people(db: Any) -> None:
    """Outreach with people in it: an event's kind, its partners' contacts, residents who came, photos.

    ``events.kind`` is a code of :data:`gridnote.domain.issue_terms.EVENT_KINDS`
    (``other`` for the events before: nothing was said of them);
    ``partner_contacts`` maps a partner as typed to the contact noted with them
    (``{"社区民警": "王警官 13800001111"}``). ``event_residents`` are the
    residents named as there (the head count ``attendees`` may be more);
    ``event_photos`` as ``issue_photos``. Both new tables are synced (``gid``).
    """
    run_script(
        db,
        """
        ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';
        ALTER TABLE events ADD COLUMN partner_contacts TEXT NOT NULL DEFAULT '{}';
        CREATE INDEX events_kind_day ON events(kind, day);
        CREATE TABLE event_residents (
            event_id INTEGER NOT NULL REFERENCES events(id),
            resident_id INTEGER NOT NULL REFERENCES residents(id),
            gid TEXT,
            PRIMARY KEY (event_id, resident_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_residents_resident ON event_residents(resident_id, event_id);
        CREATE UNIQUE INDEX event_residents_gid ON event_residents(gid);
        CREATE TABLE event_photos (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id INTEGER NOT NULL REFERENCES events(id),
            path TEXT NOT NULL,
            original_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            added_at TEXT NOT NULL,
            gid TEXT
        );
        CREATE INDEX event_photos_event ON event_photos(event_id);
        CREATE UNIQUE INDEX event_photos_gid ON event_photos(gid);
        """,
    )
