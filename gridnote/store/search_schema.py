"""The full-text search index's schema: migration ``m006_search``, frozen as it shipped.

Kept apart from ``gridnote.store.migrations`` for its size: the documents, the two
FTS5 indexes and the triggers that keep them current. Like every migration,
``m006_search`` is never edited once shipped; a change is a new ``mNNN_``. Its
constants are private to it: search reads :data:`SEARCH_KIND_CODES`, the codes
of the index as the latest migration leaves it (``tests/test_find.py`` checks
the two agree on a real notebook), so changing what search reads cannot
silently change a shipped migration.
"""

from __future__ import annotations

from typing import Any

from gridnote.store.sql import run_script

# Every searchable row is one document in two FTS5 indexes, under ``rowid = id * 8 + kind``:
# ``search`` (trigram: any 3+ characters) and ``search_han`` (one token per Han character, for
# 1-2 character queries). gridnote/services/find.py explains the design and its measurements.
_KIND_CODES = {"resident": 1, "visit": 2, "task": 3, "issue": 4}
_HAN_CHARS = 10_000  # the Han index reads a document's first 10,000 characters

# What each kind's document says, one row per source row (``ref`` = its id).
_SEARCH_DOCS = {
    # name, alias, pinyin and initials, phones, address, notes
    "resident": """
        SELECT r.id AS ref, trim(r.name || ' ' || coalesce(r.alias, '') || ' ' || r.pinyin || ' '
            || r.initials || ' ' || replace(r.phones, ',', ' ') || ' '
            || coalesce((SELECT h.address FROM households h WHERE h.id = r.household_id), '') || ' '
            || coalesce(r.note, '') || ' ' || coalesce(r.moved_out_note, '')) AS body
        FROM residents r""",
    # what was seen, said or promised; an undone entry is not searched
    "visit": """
        SELECT v.id AS ref, trim(coalesce(v.note, '')) AS body FROM visits v WHERE v.undone_at IS NULL""",
    "task": """
        SELECT t.id AS ref, trim(t.text || ' ' || coalesce(t.note, '')) AS body FROM tasks t""",
    # the problem, the outcome and every note of its timeline
    "issue": """
        SELECT i.id AS ref, trim(i.text || ' ' || coalesce(i.resolution, '') || ' '
            || coalesce(i.reject_reason, '') || ' ' || coalesce(i.referral_contact, '') || ' '
            || coalesce((SELECT group_concat(u.text, ' ') FROM issue_updates u
                         WHERE u.issue_id = i.id AND u.text IS NOT NULL), '')) AS body
        FROM issues i""",
}
# CJK ideographs: extension A, the main block, compatibility ideographs, extensions B-G.
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


def _search_reindex(kind: str, ref: str) -> str:
    """Statements that rewrite the document of row ``ref`` (an SQL expression) in both indexes.

    ``search_han`` keeps no copy of its text (contentless), so an entry is removed by
    handing it the same spaced text it was given, which ``search_spaced`` derives again
    from the copy ``search`` keeps.
    """
    rowid = f"({ref}) * 8 + {_KIND_CODES[kind]}"
    return f"""
        INSERT INTO search_han(search_han, rowid, body)
            SELECT 'delete', id, body FROM search_spaced WHERE id = {rowid};
        DELETE FROM search WHERE rowid = {rowid};
        INSERT INTO search(rowid, body)
            SELECT {rowid}, body FROM search_{kind}_doc WHERE ref = ({ref}) AND body != '';
        INSERT INTO search_han(rowid, body) SELECT id, body FROM search_spaced WHERE id = {rowid};
    """


def _search_remove(kind: str, ref: str) -> str:
    rowid = f"({ref}) * 8 + {_KIND_CODES[kind]}"
    return f"""
        INSERT INTO search_han(search_han, rowid, body)
            SELECT 'delete', id, body FROM search_spaced WHERE id = {rowid};
        DELETE FROM search WHERE rowid = {rowid};
    """


def m006_search(db: Any) -> None:
    """Full-text search over residents, visit notes, tasks and issues, kept current by triggers."""
    han = " OR ".join(f"unicode(substr(s.body, p.n, 1)) BETWEEN {lo} AND {hi}" for lo, hi in _HAN_RANGES)
    watched = {
        "resident": "name, alias, pinyin, initials, phones, note, household_id, moved_out_note",
        "visit": "note, undone_at",
        "task": "text, note",
        "issue": "text, resolution, reject_reason, referral_contact",
    }
    tables = {"resident": "residents", "visit": "visits", "task": "tasks", "issue": "issues"}
    script = f"""
        CREATE VIRTUAL TABLE search USING fts5(body, tokenize = 'trigram', columnsize = 0);
        CREATE VIRTUAL TABLE search_han USING fts5(body, content = '', tokenize = 'unicode61', columnsize = 0);
        -- 1..{_HAN_CHARS}: positions, to take a text apart character by character in plain SQL
        CREATE TABLE search_positions (n INTEGER PRIMARY KEY);
        INSERT INTO search_positions (n)
            WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < {_HAN_CHARS})
            SELECT n FROM p;
        -- a document with a space either side of each Han character: one token each in search_han
        CREATE VIEW search_spaced (id, body) AS
            SELECT s.rowid, (SELECT group_concat(CASE WHEN {han}
                                                 THEN ' ' || substr(s.body, p.n, 1) || ' '
                                                 ELSE substr(s.body, p.n, 1) END, '')
                             FROM search_positions p WHERE p.n <= length(s.body))
            FROM search s;
    """
    for kind, select in _SEARCH_DOCS.items():
        table = tables[kind]
        script += f"""
        CREATE VIEW search_{kind}_doc (ref, body) AS {select.strip()};
        CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN
            {_search_reindex(kind, "new.id")}
        END;
        CREATE TRIGGER search_{table}_update AFTER UPDATE OF {watched[kind]} ON {table} BEGIN
            {_search_reindex(kind, "new.id")}
        END;
        CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN
            {_search_remove(kind, "old.id")}
        END;
        INSERT INTO search (rowid, body)
            SELECT ref * 8 + {_KIND_CODES[kind]}, body FROM search_{kind}_doc WHERE body != '';
        """
    script += f"""
        -- an issue's document holds the notes of its timeline
        CREATE TRIGGER search_issue_updates_insert AFTER INSERT ON issue_updates BEGIN
            {_search_reindex("issue", "new.issue_id")}
        END;
        CREATE TRIGGER search_issue_updates_update AFTER UPDATE OF text, issue_id ON issue_updates BEGIN
            {_search_reindex("issue", "old.issue_id")}
            {_search_reindex("issue", "new.issue_id")}
        END;
        CREATE TRIGGER search_issue_updates_delete AFTER DELETE ON issue_updates BEGIN
            {_search_reindex("issue", "old.issue_id")}
        END;
        -- a resident's document holds their household's address
        CREATE TRIGGER search_households_update AFTER UPDATE OF address ON households BEGIN
            UPDATE residents SET household_id = household_id WHERE household_id = new.id;
        END;
        INSERT INTO search_han (rowid, body) SELECT id, body FROM search_spaced;
    """
    run_script(db, script)


# The index as the migrations above leave it: what search reads.
SEARCH_KIND_CODES: dict[str, int] = {"resident": 1, "visit": 2, "task": 3, "issue": 4}
