"""Migrations for the notebook as a good SQLite citizen (issue 18, item 4).

Kept apart from :mod:`gridnote.store.migrations` (which lists them in ``STEPS``);
the same rules hold: numbered, append-only, never edited once shipped.
"""

from __future__ import annotations

from typing import Any

from gridnote.store.sql import run_script


def m014_search_han_scannable(db: Any) -> None:
    """``search_han`` without ``columnsize = 0``, so other tools can read the notebook.

    A contentless FTS5 table with ``columnsize = 0`` cannot be scanned: ``SELECT
    count(*)`` fails with "table does not support scanning", and with it
    ``sqlite-utils tables --counts`` and Datasette's table pages. Without it the
    table keeps one small size record a document and scans (rowids, null bodies);
    ``MATCH`` and the ``'delete'`` command that the triggers of ``m006_search``
    use work as before. Refilled from ``search_spaced`` (derived from ``search``,
    which keeps its text), as ``m006_search`` filled it.
    """
    run_script(
        db,
        """
        DROP TABLE search_han;
        CREATE VIRTUAL TABLE search_han USING fts5(body, content = '', tokenize = 'unicode61');
        INSERT INTO search_han (rowid, body) SELECT id, body FROM search_spaced;
        """,
    )


def m015_code_tables(db: Any) -> None:
    """The code tables ``names_*``: each vocabulary's codes with their Chinese and English names.

    Filled from the vocabularies themselves by :func:`gridnote.store.codes.fill`
    (one source); a later change of a vocabulary's names is a migration that
    calls it again (see :data:`gridnote.store.codes.FILLED`). Not synced: every
    gridnote has them from its own code.
    """
    from gridnote.store import codes

    codes.fill(db)


def m020_code_tables_kinds(db: Any) -> None:
    """The code tables again, now with the issues' kinds (诉求, 咨询/建议) and the events' (反诈宣传 …)."""
    from gridnote.store import codes

    codes.fill(db)
