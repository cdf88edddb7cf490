"""``gridnote find``'s SQL: the two full-text indexes (built by ``search_schema.m006_search``)."""

from __future__ import annotations

import json

from gridnote.store.notebook import Notebook


def matching_rowids(nb: Notebook, trigram: str | None, han: str | None) -> list[int]:
    """Document rowids (``id * 8 + kind``) matching the trigram and/or the Han MATCH expression."""
    if trigram and han:
        sql = (
            "SELECT rowid FROM search WHERE search MATCH ? AND rowid IN "
            "(SELECT rowid FROM search_han WHERE search_han MATCH ?)"
        )
        params = [trigram, han]
    elif trigram:
        sql, params = "SELECT rowid FROM search WHERE search MATCH ?", [trigram]
    elif han:
        sql, params = "SELECT rowid FROM search_han WHERE search_han MATCH ?", [han]
    else:
        return []
    return [row[0] for row in nb.execute(sql, params)]


def documents(nb: Notebook, kind_code: int, ids: list[int]) -> dict[int, str]:
    """``{id: indexed text}`` of these rows of one kind."""
    rows = nb.rows(
        "SELECT rowid, body FROM search WHERE rowid IN (SELECT value * 8 + ? FROM json_each(?))",
        [kind_code, json.dumps(ids)],
    )
    return {row[0] >> 3: row[1] for row in rows}
