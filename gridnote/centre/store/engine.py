"""Opening a centre: a path or ``sqlite:///…`` (the embedded centre file) or ``postgresql://…``.

Why SQLAlchemy Core: one :class:`~sqlalchemy.MetaData` emits the same schema as
DDL for both engines, one set of query expressions compiles to each dialect
(parameter styles, upserts as ``ON CONFLICT`` on both), and psycopg 3 is one of
its supported drivers (``postgresql+psycopg``) — without an ORM's sessions or
an ORM's import cost, and without keeping two sets of hand-written SQL in step.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridnote.errors import FileError, NotebookError

POSTGRES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_postgres(url: str) -> bool:
    return url.startswith(POSTGRES)


def engine_url(url: str) -> str:
    """The SQLAlchemy URL of what she typed: a file path, ``sqlite:///path`` or a PostgreSQL URL."""
    if is_postgres(url):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        return url
    return "sqlite:///" + str(Path(url).expanduser().resolve())


def _missing(name: str) -> NotebookError:
    return NotebookError("centre.extra_missing", name=name)


@dataclass
class Centre:
    """An open centre: its engine and what it keeps."""

    url: str
    engine: Any

    @property
    def postgres(self) -> bool:
        return bool(self.engine.dialect.name == "postgresql")

    @contextmanager
    def begin(self) -> Iterator[Any]:
        """One transaction (on SQLite: ``BEGIN IMMEDIATE``, so two syncs queue instead of failing)."""
        from sqlalchemy.exc import DBAPIError, OperationalError

        try:
            with self.engine.begin() as conn:
                yield conn
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0]
            raise NotebookError("centre.unreachable", url=safe_url(self.url), reason=reason) from exc
        except DBAPIError as exc:  # refused by the centre: a permission, a row-level policy, a grid of another role
            raise NotebookError(
                "centre.refused", url=safe_url(self.url), reason=str(exc.orig).strip().splitlines()[0]
            ) from exc

    def setting(self, key: str, default: str | None = None) -> str | None:
        from sqlalchemy import select

        from gridnote.centre.store.schema import settings

        with self.begin() as conn:
            value = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        return default if value is None else str(value)

    @property
    def full_readings(self) -> bool:
        return self.setting("readings", "flags") == "full"

    def close(self) -> None:
        self.engine.dispose()


def safe_url(url: str) -> str:
    """The URL without its password (for messages)."""
    if "://" in url and "@" in url:
        scheme, rest = url.split("://", 1)
        who, where = rest.rsplit("@", 1)
        return f"{scheme}://{who.split(':', 1)[0]}@{where}"
    return url


def connect(url: str, *, create: bool = False) -> Centre:
    """Open the centre at ``url``; an embedded file must exist unless ``create``."""
    try:
        import sqlalchemy
        from sqlalchemy import event
    except ImportError as exc:
        raise _missing("sqlalchemy") from exc
    target = engine_url(url)
    if target.startswith("sqlite:///"):
        path = Path(target.removeprefix("sqlite:///"))
        if not create and not path.exists():
            raise FileError("centre.no_file", path=str(path))
        if create:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        engine = sqlalchemy.create_engine(target, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi: Any, _record: Any) -> None:
            dbapi.isolation_level = None  # SQLAlchemy's begin below, not the driver's
            dbapi.execute("PRAGMA journal_mode=WAL")
            dbapi.execute("PRAGMA synchronous=NORMAL")

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        if create and not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise _missing("psycopg") from exc
        engine = sqlalchemy.create_engine(target, pool_pre_ping=False)
    return Centre(url, engine)


def create(centre: Centre, *, full_readings: bool = False) -> None:
    """Create what is missing of the schema (new tables of an extension too) and record the settings."""
    from gridnote.centre.store.schema import SCHEMA_VERSION, settings
    from gridnote.centre.store.upsert import upsert

    with centre.begin() as conn:
        ensure_schema(conn)
        upsert(conn, settings, [{"key": "schema", "value": SCHEMA_VERSION}, {"key": SHAPE, "value": shape()}], ["key"])
        if full_readings:
            upsert(conn, settings, [{"key": "readings", "value": "full"}], ["key"])


def open_centre(url: str) -> Centre:
    """An existing centre, its schema brought up to date (tables added since it was made).

    The centre records the shape of the schema it was last brought up to
    (:func:`shape`); while it is this gridnote's, opening reads one setting
    instead of inspecting every table's indexes.
    """
    centre = connect(url)
    want = shape()
    with centre.begin() as conn:
        if _recorded_shape(conn) != want:
            ensure_schema(conn)
            _record_shape(conn, want)
    return centre


SHAPE = "shape"  # centre_settings key: the fingerprint of the schema the centre was brought up to


def shape() -> str:
    """A fingerprint of the schema this gridnote expects: every table, its columns and its indexes, by name."""
    import hashlib

    from gridnote.centre.store.schema import metadata

    lines = [
        f"{t.name}({','.join(c.name for c in t.columns)})[{','.join(sorted(str(i.name) for i in t.indexes))}]"
        for t in metadata.sorted_tables
    ]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def _recorded_shape(conn: Any) -> str | None:
    """The shape the centre was last brought up to (None: not recorded, or not a centre yet)."""
    from sqlalchemy import select
    from sqlalchemy.exc import DBAPIError

    from gridnote.centre.store.schema import settings

    try:
        with conn.begin_nested():  # a centre made before the shape was kept may lack the table itself
            value = conn.execute(select(settings.c.value).where(settings.c.key == SHAPE)).scalar()
    except DBAPIError as exc:
        if exc.connection_invalidated:  # the centre went away: not a missing table (Centre.begin says so)
            raise
        return None
    return None if value is None else str(value)


def _record_shape(conn: Any, value: str) -> None:
    """Keep the shape; a role that may not write the settings (a worker on PostgreSQL) leaves it unrecorded."""
    from sqlalchemy.exc import DBAPIError

    from gridnote.centre.store.schema import settings
    from gridnote.centre.store.upsert import upsert

    try:
        with conn.begin_nested():
            upsert(conn, settings, [{"key": SHAPE, "value": value}], ["key"])
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise


def ensure_schema(conn: Any) -> None:
    """Tables missing are created with their indexes; columns and indexes added to a table that exists are too.

    A typed column added to :data:`gridnote.centre.store.schema.COLUMNS` is filled at once from the
    rows' ``record`` (each row keeps the notebook's whole row), so a report counts on it from
    the first run, not only for rows changed since.
    """
    from sqlalchemy import inspect

    from gridnote.centre.store.schema import COLUMNS, metadata

    metadata.create_all(conn, checkfirst=True)
    found = inspect(conn)
    for table in metadata.sorted_tables:
        have = {c["name"] for c in found.get_columns(table.name)}
        added = [column for column in table.columns if column.name not in have]
        for column in added:
            _add_column(conn, table.name, column)
        typed = [c.name for c in added if c.name in COLUMNS.get(table.name, {})]
        if typed:
            _fill_from_record(conn, table, typed)
        have = {i["name"] for i in found.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in have:
                index.create(conn)


def _add_column(conn: Any, table: str, column: Any) -> None:
    """``ALTER TABLE … ADD COLUMN``, nullable, in the dialect's words."""
    from sqlalchemy import text

    preparer = conn.dialect.identifier_preparer
    kind = column.type.compile(dialect=conn.dialect)
    conn.execute(text(f"ALTER TABLE {preparer.quote(table)} ADD COLUMN {preparer.quote(column.name)} {kind}"))


def _fill_from_record(conn: Any, table: Any, columns: list[str]) -> None:
    """The new typed columns, read out of each row's ``record`` (its notebook row as JSON)."""
    import json

    from sqlalchemy import and_, bindparam, select

    rows = conn.execute(select(table.c.grid, table.c.gid, table.c.record)).all()
    values = []
    for grid, gid, record in rows:
        row = json.loads(record or "{}")
        values.append({"g": grid, "i": gid, **{f"v_{c}": row.get(c) for c in columns}})
    if values:
        update = (
            table.update()
            .where(and_(table.c.grid == bindparam("g"), table.c.gid == bindparam("i")))
            .values({c: bindparam(f"v_{c}") for c in columns})
        )
        conn.execute(update, values)
