"""What shell completion reads from the notebook: a quick, read-only look.

Completion runs on every Tab, possibly while another window writes: the
notebook is opened read-only, never created, upgraded or waited for long, and
any trouble (no notebook yet, an older or foreign file, a busy one) means "no
suggestions" rather than an error. Each query returns at most ``limit`` rows.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from gridnote.domain.issue_terms import OPEN_STATUSES
from gridnote.store.notebook import APPLICATION_ID, Notebook

LIMIT = 200


def open_for_completion(path: Path) -> Notebook | None:
    """The notebook at ``path`` opened read-only, or None when there is none to read."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect("file:" + quote(str(path.resolve())) + "?mode=ro", uri=True, timeout=0.2)
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.close()
            return None
    except sqlite3.Error:
        return None
    conn.row_factory = sqlite3.Row
    return Notebook(conn, path, read_only=True)


def _like(text: str) -> str:
    """``text`` as the start of a LIKE pattern (its own % and _ taken literally)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def residents(nb: Notebook, start: str, limit: int = LIMIT) -> list[sqlite3.Row]:
    """Residents still living here whose name, alias, or a word of their pinyin or initials begins with ``start``.

    Columns: id, name, alias, pinyin, initials, address. ``pinyin`` and ``initials`` hold one word
    for the name and one for the alias (``lixiuying linainai``, ``lxy lnn``).
    """
    pattern = _like(start.lower())
    return nb.rows(
        """
        SELECT r.id, r.name, r.alias, r.pinyin, r.initials, h.address
        FROM residents r LEFT JOIN households h ON h.id = r.household_id
        WHERE r.moved_out_at IS NULL
          AND (r.name LIKE :p ESCAPE '\\' OR r.alias LIKE :p ESCAPE '\\'
               OR ' ' || r.pinyin LIKE '% ' || :p ESCAPE '\\'
               OR ' ' || r.initials LIKE '% ' || :p ESCAPE '\\')
        ORDER BY r.name, h.address, r.id
        LIMIT :limit
        """,
        {"p": pattern, "limit": limit},
    )


def household_addresses(nb: Notebook, start: str) -> list[str]:
    """Addresses of households (``8-2-301``) that begin with ``start``, in order."""
    rows = nb.rows(
        "SELECT address FROM households WHERE address LIKE ? ESCAPE '\\' ORDER BY address",
        [_like(start)],
    )
    return [row["address"] for row in rows]


def buildings(nb: Notebook) -> list[sqlite3.Row]:
    """Every building of the grid: code, name."""
    return nb.rows("SELECT code, name FROM buildings ORDER BY CAST(code AS INTEGER), code")


def tasks(nb: Notebook, statuses: tuple[str, ...], limit: int = LIMIT) -> list[sqlite3.Row]:
    """Tasks in these states, soonest due first (undated last): id, text."""
    marks = ", ".join("?" * len(statuses))
    return nb.rows(
        f"""SELECT id, text FROM tasks WHERE status IN ({marks})
        ORDER BY due_date IS NULL, due_date, due_at, id LIMIT ?""",
        [*statuses, limit],
    )


def issues(nb: Notebook, statuses: tuple[str, ...] = OPEN_STATUSES, limit: int = LIMIT) -> list[sqlite3.Row]:
    """Issues in these states (by default the open ones), newest first: id, text."""
    marks = ", ".join("?" * len(statuses))
    return nb.rows(
        f"SELECT id, text FROM issues WHERE status IN ({marks}) ORDER BY id DESC LIMIT ?",
        [*statuses, limit],
    )


def tags_in_use(nb: Notebook) -> list[str]:
    """Every tag some resident has, the notebook's own words included."""
    return [row["tag"] for row in nb.rows("SELECT DISTINCT tag FROM resident_tags ORDER BY tag")]


def event_partners(nb: Notebook) -> list[str]:
    """The partners named at earlier outreach events (社区民警, 楼栋长 …), most used first."""
    import json

    counts: dict[str, int] = {}
    for row in nb.rows("SELECT partners FROM events WHERE partners IS NOT NULL"):
        for name in json.loads(row["partners"] or "[]"):
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda name: -counts[name])
