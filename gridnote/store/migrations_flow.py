"""Migrations for data flowing back (issue 16): requests from the city app and the hotline.

Kept apart from :mod:`gridnote.store.migrations` (which lists them in ``STEPS``);
the same rules hold: numbered, append-only, never edited once shipped.
"""

from __future__ import annotations

from typing import Any

from gridnote.store.sql import run_script


def m013_open311(db: Any) -> None:
    """An issue that came in as an Open311 (GeoReport v2) request keeps its request.

    ``external_id`` is the request's ``service_request_id`` (unique: a second
    import of the same request updates the issue); ``external`` the request's
    fields as last imported (JSON: status, status_notes, address, lat/long,
    media_url, service_code, the city's times), so the export can give them
    back and a re-import can tell what changed. ``back_marked_at`` is when a
    change of state was marked for the way back to the app (the resident sees
    ``status`` and ``status_notes``), ``back_sent_at`` when it was last sent.
    Rows written before have none of these: nothing to log.
    """
    run_script(
        db,
        """
        ALTER TABLE issues ADD COLUMN external_id TEXT;
        ALTER TABLE issues ADD COLUMN external TEXT;
        ALTER TABLE issues ADD COLUMN back_marked_at TEXT;
        ALTER TABLE issues ADD COLUMN back_sent_at TEXT;
        CREATE UNIQUE INDEX issues_external ON issues(external_id) WHERE external_id IS NOT NULL;
        """,
    )


def m016_inbox(db: Any) -> None:
    """``inbox``: what the grid centre sent down (a dispatched issue, a task, a register change),
    kept until she answers it. ``gid`` is the centre's id for the item (unique: an item comes
    once however often it is brought down); ``seq`` its number among her grid's items; ``body``
    what the centre sent (JSON); ``status`` pending, accepted or declined, with her ``why``,
    ``answered_at``, and ``made``: what accepting wrote (``issue:12``, ``task:7``,
    ``resident:3``). Synced: her answers reach the centre with her next sync. A new table:
    nothing to log.
    """
    run_script(
        db,
        """
        CREATE TABLE inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            gid TEXT,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('issue', 'task', 'register')),
            body TEXT NOT NULL,
            source TEXT,
            sent_at TEXT NOT NULL,
            arrived_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
            why TEXT,
            answered_at TEXT,
            made TEXT
        );
        CREATE UNIQUE INDEX inbox_gid ON inbox(gid);
        CREATE INDEX inbox_status ON inbox(status, seq);
        """,
    )


def m019_resident_deceased(db: Any) -> None:
    """``residents.deceased``: a resident who died (a death reported in a register
    correction, or recorded by her). Like a move-out it sets ``moved_out_at`` (so
    the resident leaves every list and visit round and stays in history), and
    ``deceased = 1`` says why, so the card and lists show 已故, not 迁出. Every row
    written before keeps the default: nothing to log.
    """
    run_script(
        db,
        "ALTER TABLE residents ADD COLUMN deceased INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1));",
    )
