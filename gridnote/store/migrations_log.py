"""Migrations of the change log (m009) and of what it made visible (m010), frozen as they shipped.

Kept apart from ``gridnote.store.migrations`` for their size; listed in its
``STEPS`` like every other. Never edited once shipped: a change is a new ``mNNN_``.
"""

from __future__ import annotations

from typing import Any

from gridnote.store.sql import run_script

# A random UUID (version 4) in plain SQL, for rows written before the change log.
_UUID_SQL = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'"
    " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
# The synced tables as m009 found them: key columns, and the table each foreign key points at.
_M009_TABLES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "buildings": (("id",), {}),
    "households": (("id",), {"building_id": "buildings"}),
    "residents": (("id",), {"household_id": "households"}),
    "resident_tags": (("resident_id", "tag"), {"resident_id": "residents"}),
    "contacts": (("id",), {"resident_id": "residents"}),
    "visits": (("id",), {"resident_id": "residents", "household_id": "households", "building_id": "buildings"}),
    "readings": (("id",), {"visit_id": "visits", "resident_id": "residents"}),
    "tasks": (("id",), {"resident_id": "residents", "building_id": "buildings", "series_id": "tasks"}),
    "issue_categories": (("code",), {}),
    "issues": (
        ("id",),
        {
            "reporter_id": "residents",
            "building_id": "buildings",
            "household_id": "households",
            "duplicate_of": "issues",
        },
    ),
    "issue_updates": (("id",), {"issue_id": "issues"}),
    "issue_residents": (("issue_id", "resident_id"), {"issue_id": "issues", "resident_id": "residents"}),
    "issue_photos": (("id",), {"issue_id": "issues", "update_id": "issue_updates"}),
    "points": (("id",), {"resident_id": "residents", "issue_id": "issues"}),
    "events": (("id",), {"building_id": "buildings"}),
}


def m009_change_log(db: Any) -> None:
    """The grid centre's sync: a notebook id, a global id on every synced row, and the change log.

    ``notebook`` holds the notebook's UUID. Every synced table gets ``gid``, a
    UUID that never changes, given here to the rows already written. ``changes``
    is the log the write path appends to (:mod:`gridnote.store.changes`); the
    rows already written are logged here as inserts, parents first, so the log
    is complete from its first line.
    """
    statements = [
        f"""
        CREATE TABLE notebook (
            one INTEGER PRIMARY KEY DEFAULT 1 CHECK (one = 1),
            id TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        INSERT INTO notebook (id, created_at) VALUES ({_UUID_SQL}, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            table_name TEXT NOT NULL,
            gid TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
            row TEXT,
            refs TEXT
        );
        """
    ]
    for table in _M009_TABLES:
        statements.append(
            f"""
            ALTER TABLE {table} ADD COLUMN gid TEXT;
            UPDATE {table} SET gid = {_UUID_SQL};
            CREATE UNIQUE INDEX {table}_gid ON {table}(gid);
            """
        )
    run_script(db, "".join(statements))
    for table in _M009_TABLES:
        _log_rows(db, table, "insert")


def _log_rows(db: Any, table: str, op: str, where: str = "", params: tuple[Any, ...] = ()) -> None:
    """Log rows of a synced table as they are now (a migration that changes synced rows logs them so).

    Shared by migrations: never edit it; a different way of logging is a new function.
    """
    key, refs = _M009_TABLES[table]
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]
    row = ", ".join(f"'{c}', t.{c}" for c in columns)
    pointers = [f"'{c}', (SELECT gid FROM {target} WHERE id = t.{c})" for c, target in refs.items()]
    if table == "tasks":
        number = "CAST(substr(t.source, instr(t.source, ':') + 1) AS INTEGER)"
        pointers.append(
            "'source', CASE"
            f" WHEN t.source LIKE 'visit:%' OR t.source LIKE 'recheck:%' THEN (SELECT gid FROM visits WHERE id = {number})"
            f" WHEN t.source LIKE 'task:%' THEN (SELECT gid FROM tasks WHERE id = {number}) END"
        )
    db.execute(
        "INSERT INTO changes (at, table_name, gid, op, row, refs)"
        f" SELECT strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), '{table}', t.gid, '{op}',"
        f" json_object({row}), json_object({', '.join(pointers)})"
        f" FROM {table} t {where} ORDER BY {', '.join('t.' + c for c in key)}",
        params,
    )


# The words m010 finds in follow-up and re-check tasks, as gridnote wrote them until then (en, zh).
_M010_RECHECK = ("Re-check {}", "复测{}")
_M010_FOLLOW_UP = ("Follow up: {}", "回访：{}")
_M010_HOUSEHOLD = ("household {}", "{} 户")
_M010_BUILDING = ("building {}", "{}号楼")
_M010_JOIN = (", ", "、")
_M010_READINGS = {
    "bp": ("blood pressure", "血压"),
    "pulse": ("pulse", "脉搏"),
    "glucose": ("blood glucose", "血糖"),
    "temp": ("temperature", "体温"),
    "weight": ("weight", "体重"),
}


def _m010_code(text: str, resident: str | None, note: str | None) -> str | None:
    """The code of words gridnote wrote, or None for her own words."""
    for lang in (0, 1):
        recheck = _M010_RECHECK[lang].format("")
        if text.startswith(recheck):
            labels = text.removeprefix(recheck).split(_M010_JOIN[lang])
            kinds = [next((k for k, names in _M010_READINGS.items() if names[lang] == label), "") for label in labels]
            if all(kinds) and len(kinds) == len(set(kinds)):
                return "recheck:" + ",".join(kinds)
        follow = _M010_FOLLOW_UP[lang].format("")
        if text.startswith(follow):
            who = text.removeprefix(follow)
            if resident is not None and who == resident:
                return "followup:resident"
            if note is not None and who == _M010_HOUSEHOLD[lang].format(note):
                return f"followup:household:{note}"
            head, tail = _M010_BUILDING[lang].split("{}")
            code = who.removeprefix(head).removesuffix(tail) if who.startswith(head) and who.endswith(tail) else ""
            if code and " " not in code:
                return f"followup:building:{code}"
    return None


def m010_task_words(db: Any) -> None:
    """Follow-up and re-check tasks keep their words as a code (``tasks.text_code``), not as prose.

    gridnote wrote "复测血压" or "Follow up: 李秀英（李奶奶）" in the interface
    language of the moment; now it keeps ``recheck:bp`` or ``followup:resident``
    and says the words in the language of whoever reads them
    (:mod:`gridnote.domain.task_words`). The tasks found to hold such words get
    their code and an empty text, and are logged as updates.
    """
    run_script(db, "ALTER TABLE tasks ADD COLUMN text_code TEXT;")
    rows = db.execute(
        """
        SELECT t.id, t.text, t.note, r.name, r.alias FROM tasks t
        LEFT JOIN residents r ON r.id = t.resident_id
        WHERE t.source LIKE 'visit:%' OR t.source LIKE 'recheck:%'
        """
    ).fetchall()
    for task_id, text, note, name, alias in rows:
        resident = (f"{name}（{alias}）" if alias else name) if name else None
        code = _m010_code(text, resident, note)
        if code is not None:
            db.execute("UPDATE tasks SET text = '', text_code = ? WHERE id = ?", [code, task_id])
            _log_rows(db, "tasks", "update", "WHERE t.id = ?", (task_id,))
