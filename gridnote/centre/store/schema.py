"""The centre's one schema, for SQLite and PostgreSQL alike (SQLAlchemy Core).

Every synced table of a notebook (:data:`gridnote.store.changes.TABLES`) has a
centre table of the same name, keyed by ``(grid, gid)``: ``grid`` is the
notebook id (the distribution column: every query names it or groups by it, so
a street or a city can partition or shard by it), ``gid`` the row's global id.
Each centre row keeps the change that last wrote it (``seq``), the notebook's
short number (``local_id``, used only to break ties of time), the whole row as
JSON (``record``, readings without their values unless the centre keeps full
readings) and the global ids it points at (``refs``), and, as typed columns,
what the centre's queries filter and count on (:data:`COLUMNS`). A foreign key
``resident_id`` becomes ``resident_gid``: references are resolved by gid, never
by a notebook's local numbers.

To extend it: add a column to :data:`COLUMNS` (an existing centre gets it when next
opened, filled from each row's ``record``), or a table of the centre's own with
:func:`centre_table` / ``Table(name, metadata, …)``; :func:`gridnote.centre.store.engine.create`
creates what is missing. A new synced table in ``TABLES`` needs an entry here.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

from gridnote.store.changes import TABLES

metadata = MetaData()

S, N = String, Integer
# table -> typed columns copied from the notebook's row (besides grid, gid, seq, local_id, data, refs, *_gid)
COLUMNS: dict[str, dict[str, type]] = {
    "buildings": {"code": S},
    "households": {"address": S},
    "residents": {"name": S, "moved_out_at": S, "created_at": S},
    "resident_tags": {"tag": S},
    "contacts": {},
    "care_baselines": {"day": S},
    "visits": {"kind": S, "at": S, "day": S, "undone_at": S},
    "readings": {"kind": S, "flagged": N, "at": S, "day": S},
    "tasks": {"status": S, "due_date": S, "done_day": S},
    "issue_categories": {"code": S},
    "issues": {
        "category": S,
        "status": S,
        "reporter_contact": S,
        "received_at": S,
        "received_day": S,
        "response_due_at": S,
        "response_due_day": S,
        "resolve_due_at": S,
        "resolve_due_day": S,
        "first_response_at": S,
        "resolved_at": S,
        "kind": S,  # complaint, enquiry (咨询/建议): an enquiry is counted apart
    },
    "issue_updates": {"kind": S, "at": S, "day": S, "to_status": S, "data": S},
    "issue_residents": {},
    "issue_photos": {},
    "points": {"delta": N, "reason": S, "day": S},
    "events": {"at": S, "day": S, "attendees": N, "kind": S},
    "event_residents": {},
    "event_photos": {},
    "inbox": {"kind": S, "status": S, "why": S, "answered_at": S},
}
# Columns of a reading that stay in the notebook unless the centre keeps full readings.
READING_VALUES = ("value", "value2", "flag_reason")
# What a street's report reads, as covering indexes: the rows hold the whole record as JSON, so
# reading the few columns a report needs from an index and not from the table's pages is what keeps
# the report of 200 grids × a year within its budget (benchmarks/results/2026-12-03-centre.md).
COVERING: dict[str, dict[str, tuple[str, ...]]] = {
    "visits": {
        "visits_day_cover": ("day", "undone_at", "grid", "kind", "resident_gid", "household_gid", "building_gid", "at"),
        "visits_undone": ("grid", "gid", "undone_at"),  # a reading's visit, undone or not
    },
    "readings": {"readings_day_cover": ("day", "grid", "visit_gid", "flagged")},
    "residents": {
        "residents_grid_cover": ("grid", "gid", "household_gid", "moved_out_at", "created_at"),
        "residents_household_cover": ("grid", "household_gid", "gid", "moved_out_at", "created_at"),
    },
    "resident_tags": {"resident_tags_cover": ("tag", "grid", "resident_gid")},
}
# Tables with a day column: indexed by (grid, day), what a report reads.
DAY_COLUMN = {"visits": "day", "readings": "day", "issue_updates": "day", "points": "day", "events": "day"}


def ref_column(column: str) -> str:
    """The centre's column for a notebook's pointer: ``resident_id`` -> ``resident_gid``."""
    return column.removesuffix("_id") + "_gid"


def ref_columns(table: str) -> list[str]:
    pointers = list(TABLES[table][1])
    if table == "tasks":
        pointers.append("source")
    return pointers


def centre_table(name: str, *columns: Column) -> Table:
    """A table of the centre's own, on the one metadata (so ``create`` makes it)."""
    return Table(name, metadata, *columns)


def _synced(name: str) -> Table:
    typed = COLUMNS[name]
    table = Table(
        name,
        metadata,
        Column("grid", String(36), primary_key=True),
        Column("gid", String(36), primary_key=True),
        Column("seq", Integer, nullable=False),
        Column("local_id", Integer),
        Column("record", Text),
        Column("refs", Text),
        *[Column(ref_column(c), String(36)) for c in ref_columns(name)],
        *[Column(c, kind) for c, kind in typed.items()],
    )
    if name in DAY_COLUMN:
        Index(f"{name}_grid_day", table.c.grid, table.c[DAY_COLUMN[name]])
        if name not in COVERING:
            Index(f"{name}_day", table.c[DAY_COLUMN[name]])  # a street's report: every grid's range at once
    for index, columns in COVERING.get(name, {}).items():
        Index(index, *[table.c[c] for c in columns])
    return table


grids = Table(
    "grids",
    metadata,
    Column("notebook_id", String(36), primary_key=True),
    Column("grid_code", String),
    Column("worker_name", String),
    Column("street", String),  # the street (街道) a city's centre groups grids by
    Column("worker_role", String),  # on PostgreSQL: the role that syncs it (row-level security)
    Column("last_seq", Integer, nullable=False, default=0),  # the last change acknowledged
    Column("first_sync_at", String),
    Column("last_sync_at", String),
)
settings = Table(
    "centre_settings",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String),
)
# What the centre sends down to a grid (issue 16): a dispatched issue, a task, a register correction.
# ``seq`` counts per grid (a worker's sync brings "everything after N"), ``gid`` names the item
# everywhere (her inbox row has the same gid, so her answer comes back up with her next sync).
down_items = Table(
    "down_items",
    metadata,
    Column("grid", String(36), primary_key=True),  # the notebook id
    Column("seq", Integer, primary_key=True),
    Column("gid", String(36), nullable=False, unique=True),
    Column("kind", String, nullable=False),  # issue, task, register
    Column("body", Text, nullable=False),  # JSON: what the worker's side needs
    Column("source", String),  # who sent it: a department (register), the hotline, the centre
    Column("created_at", String, nullable=False),
)
SYNCED: dict[str, Table] = {name: _synced(name) for name in TABLES}
Index("issues_grid_response", SYNCED["issues"].c.grid, SYNCED["issues"].c.response_due_day)
Index("issues_grid_resolve", SYNCED["issues"].c.grid, SYNCED["issues"].c.resolve_due_day)
Index("issues_response_day", SYNCED["issues"].c.response_due_day)
Index("issues_resolve_day", SYNCED["issues"].c.resolve_due_day)
Index("issues_status", SYNCED["issues"].c.status)
SCHEMA_VERSION = "1"
