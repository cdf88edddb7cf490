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
