"""The code tables: each coded vocabulary as a table of its codes with their Chinese and English names.

The notebook stores codes (``blocked-drain``, ``referred``, ``bedridden``) and
says them in the interface language when shown. For other tools reading the
file (Datasette, sqlite-utils, a spreadsheet's query) the names live beside the
codes as tables ``names_*`` (``code``, ``zh``, ``en``; categories also
``parent``), so a join shows 下水道堵塞, not ``blocked-drain``.

One source: the rows are read from the vocabularies in :mod:`gridnote.domain`
themselves, never copied. A migration fills them (:func:`fill`, as
``m015_code_tables`` does); when a vocabulary's codes or names change, a new
migration calls :func:`fill` again and :data:`FILLED` takes the new
:func:`stamp` (``tests/test_code_tables.py`` fails until both are done, so a
notebook never keeps names older than its code). The grid centre writes the
same tables into its file from :func:`rows`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

Row = tuple[str, ...]


def _terms(module: str, name: str) -> Callable[[], list[Row]]:
    def read() -> list[Row]:
        from importlib import import_module

        vocabulary = getattr(import_module(module), name)
        return [(term.code, term.zh, term.en) for term in vocabulary]

    return read


def _categories() -> list[Row]:
    from gridnote.domain.categories import DEFAULT_CATEGORIES

    return [(c.code, c.zh, c.en, c.parent or "") for c in DEFAULT_CATEGORIES]


_ISSUES = "gridnote.domain.issue_terms"
_VOCAB = "gridnote.domain.vocab"

# table -> (what it names, where its rows come from)
TABLES: dict[str, tuple[str, Callable[[], list[Row]]]] = {
    "names_categories": ("issues.category", _categories),
    "names_statuses": ("issues.status", _terms(_ISSUES, "STATUSES")),
    "names_channels": ("issues.channel", _terms(_ISSUES, "CHANNELS")),
    "names_partners": ("issues.referred_to, events.partners", _terms(_ISSUES, "PARTNERS")),
    "names_ratings": ("issues.rating", _terms(_ISSUES, "RATINGS")),
    "names_priorities": ("issues.priority", _terms(_ISSUES, "PRIORITIES")),
    "names_reject_reasons": ("issues.reject_reason", _terms(_ISSUES, "REJECT_REASONS")),
    "names_deadline_groups": ("issues.category_group", _terms(_ISSUES, "DEADLINE_GROUPS")),
    "names_steps": ("issue_updates.kind", _terms(_ISSUES, "STEPS")),
    "names_tags": ("resident_tags.tag", _terms(_VOCAB, "CARE_TAGS")),
    "names_genders": ("residents.gender", _terms(_VOCAB, "GENDERS")),
    "names_task_statuses": ("tasks.status", _terms(_VOCAB, "TASK_STATUSES")),
    "names_visit_kinds": ("visits.kind", _terms(_VOCAB, "VISIT_KINDS")),
    "names_reading_kinds": ("readings.kind", _terms("gridnote.domain.readings", "READING_KINDS")),
    "names_issue_kinds": ("issues.kind", _terms(_ISSUES, "KINDS")),
    "names_event_kinds": ("events.kind", _terms(_ISSUES, "EVENT_KINDS")),
}


def columns(table: str) -> tuple[str, ...]:
    return ("code", "zh", "en", "parent") if table == "names_categories" else ("code", "zh", "en")


def rows() -> dict[str, list[Row]]:
    """Every code table's rows, as the vocabularies of this gridnote have them."""
    return {table: read() for table, (_, read) in TABLES.items()}


def stamp() -> str:
    """A fingerprint of :func:`rows`: it changes when a code or a name changes (synonyms do not count)."""
    text = json.dumps(rows(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# The last migration that filled the code tables, and the stamp of the vocabularies it filled them from.
FILLED: tuple[str, str] = ("m020_code_tables_kinds", "f7e2655b991a1d53")


def fill(db: Any) -> None:
    """Make each code table hold exactly its vocabulary (created when missing); inside the caller's transaction."""
    for table, table_rows in rows().items():
        names = columns(table)
        spec = ", ".join(f"{name} TEXT NOT NULL" + (" PRIMARY KEY" if name == "code" else "") for name in names)
        db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({spec})")
        db.execute(f"DELETE FROM {table}")
        marks = ", ".join("?" for _ in names)
        for row in table_rows:
            db.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", row)
