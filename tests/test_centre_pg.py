"""The grid centre on a real PostgreSQL: the same syncs, report and kills as the embedded file, and row-level security.

The server comes from ``GRIDNOTE_TEST_POSTGRES`` (a superuser's URL; ``.ci/run``
starts a throwaway cluster and sets it). Each test gets a database of its own.
Without it the tests are skipped locally, and fail under ``CI=true``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.report_day import EVENING
from tests.test_centre import assert_report_agrees, evening, grids, run  # noqa: F401 (fixtures)

SERVER = os.environ.get("GRIDNOTE_TEST_POSTGRES")


def _url(base: str, *, user: str | None = None, database: str | None = None) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(base)
    if user is not None:
        url = url.set(username=user, password=None)
    if database is not None:
        url = url.set(database=database)
    return url.render_as_string(hide_password=False)


def _admin(sql: str) -> None:
    import psycopg

    assert SERVER
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture
def pg() -> Iterator[str]:
    """A fresh database on the test server: its owner's URL."""
    if not SERVER:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but GRIDNOTE_TEST_POSTGRES is not set: .ci/run starts the PostgreSQL these tests need")
        pytest.skip("no PostgreSQL: set GRIDNOTE_TEST_POSTGRES to a superuser's URL (.ci/run starts one)")
    pytest.importorskip("psycopg", reason="the centre needs the extra gridnote[centre]")
    name = "centre_" + uuid.uuid4().hex[:12]
    _admin(f"CREATE DATABASE {name}")
    yield _url(SERVER, database=name)
    _admin(f"DROP DATABASE {name} WITH (FORCE)")


def contents(url: str) -> dict[str, set[tuple[Any, ...]]]:
    import sqlalchemy

    from gridnote.store.changes import TABLES

    engine = sqlalchemy.create_engine(_url(url).replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            return {
                t: {tuple(r) for r in conn.exec_driver_sql(f"SELECT grid, gid, record, refs FROM {t}")} for t in TABLES
            }
    finally:
        engine.dispose()


def test_two_grids_by_network_and_by_bundle_agree_with_the_file_centre(cli, grids, pg, tmp_path: Path) -> None:  # noqa: F811 (the fixture imported above)
    from tests.test_centre import contents as file_contents

    a, b = grids
    assert run(cli, None, "centre", "init", pg).exit_code == 0
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    for db in (a, b):
        sent = run(cli, db, "sync", "--centre", pg)
        assert sent.exit_code == 0, sent.stderr
        assert run(cli, db, "sync", "--centre", str(street)).exit_code == 0
    assert run(cli, a, "sync", "--centre", pg).stdout.endswith(": nothing new.\n")
    assert contents(pg) == file_contents(street)
    assert_report_agrees_pg(pg, [a, b])

    # by bundle, into a second database
    other = _url(pg, database=pg.rsplit("/", 1)[1] + "_b")
    _admin(f"CREATE DATABASE {other.rsplit('/', 1)[1]}")
    try:
        run(cli, None, "centre", "init", other)
        files = [tmp_path / "a.gnsync", tmp_path / "b.gnsync"]
        for db, f in zip((a, b), files, strict=True):
            assert run(cli, db, "sync", "--out", str(f), "--since", "0").exit_code == 0
        for _ in range(2):  # the second time changes nothing
            done = run(cli, None, "centre", "import", *map(str, files), "--centre", other)
            assert done.exit_code == 0, done.stderr
            assert contents(other) == contents(pg)
    finally:
        _admin(f"DROP DATABASE {other.rsplit('/', 1)[1]} WITH (FORCE)")


def assert_report_agrees_pg(url: str, notebooks: list[Path]) -> None:
    assert_report_agrees(url, notebooks)  # type: ignore[arg-type]


def test_a_worker_role_cannot_read_another_grid(cli, grids, pg) -> None:  # noqa: F811 (the fixture imported above)
    import psycopg

    a, b = grids
    init = run(cli, None, "centre", "init", pg, "--postgres")
    assert init.exit_code == 0, init.stderr
    assert init.stdout.endswith("worker roles read and write only their grid; gridnote_staff reads all.\n")
    tag = uuid.uuid4().hex[:6]
    worker_a, worker_b, staff = f"w_a_{tag}", f"w_b_{tag}", f"s_{tag}"
    _admin(f"CREATE ROLE {worker_a} LOGIN IN ROLE gridnote_worker")
    _admin(f"CREATE ROLE {worker_b} LOGIN IN ROLE gridnote_worker")
    _admin(f"CREATE ROLE {staff} LOGIN IN ROLE gridnote_staff")
    for db, who in ((a, worker_a), (b, worker_b)):
        sent = run(cli, db, "sync", "--centre", _url(pg, user=who))
        assert sent.exit_code == 0, sent.stderr
    with psycopg.connect(pg) as conn:
        grid_of = dict(conn.execute("SELECT worker_role, notebook_id FROM grids").fetchall())
        everyone = conn.execute("SELECT grid, count(*) FROM residents GROUP BY grid").fetchall()
    assert sorted(grid_of) == sorted([worker_a, worker_b])
    assert dict(everyone) == {grid_of[worker_a]: 752, grid_of[worker_b]: 752}
    with psycopg.connect(_url(pg, user=worker_a)) as conn:
        seen = conn.execute("SELECT grid, count(*) FROM residents GROUP BY grid").fetchall()
        assert seen == [(grid_of[worker_a], 752)]
        assert conn.execute("SELECT count(*) FROM residents WHERE grid = %s", [grid_of[worker_b]]).fetchone() == (0,)
        assert conn.execute("SELECT notebook_id FROM grids").fetchall() == [(grid_of[worker_a],)]
        changed = conn.execute("UPDATE residents SET name = 'x' WHERE grid = %s", [grid_of[worker_b]])
        assert changed.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO residents (grid, gid, seq) VALUES (%s, %s, 1)", [grid_of[worker_b], str(uuid.uuid4())]
            )
    with psycopg.connect(_url(pg, user=staff)) as conn:
        assert sorted(conn.execute("SELECT grid, count(*) FROM residents GROUP BY grid").fetchall()) == sorted(everyone)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM residents")
    # b's notebook sent by a's role is refused, in one line
    stolen = run(cli, b, "sync", "--centre", _url(pg, user=worker_a))
    assert stolen.exit_code == 5
    assert stolen.stderr.startswith(f"Error: the centre {_url(pg, user=worker_a)} refused it: ")


def test_a_sync_killed_on_the_server_s_side_loses_and_duplicates_nothing(cli, grids, pg, tmp_path: Path) -> None:  # noqa: F811 (the fixture imported above)
    import psycopg

    a, _ = grids
    clean = tmp_path / "clean.db"
    run(cli, None, "centre", "init", str(clean))
    run(cli, a, "sync", "--centre", str(clean))
    run(cli, None, "centre", "init", pg)
    database = pg.rsplit("/", 1)[1]
    # small batches keep the sync busy long enough to be caught; the watcher holds one connection and
    # looks every few milliseconds (a new connection each time let a fast sync finish unseen)
    env = {**os.environ, "GRIDNOTE_DB": str(a), "GRIDNOTE_NOW": EVENING, "GRIDNOTE_SYNC_BATCH": "5"}
    killed = None
    with psycopg.connect(SERVER, autocommit=True) as watcher:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gridnote", "sync", "--centre", pg],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while killed is None and proc.poll() is None and time.monotonic() < deadline:
            row = watcher.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid != pg_backend_pid()", [database]
            ).fetchone()
            if row is not None:
                os.kill(row[0], signal.SIGKILL)  # the server process that serves the sync
                killed = row[0]
            else:
                time.sleep(0.005)
    proc.wait(timeout=60)
    assert killed is not None, "the sync ended before its server process could be killed"
    err = proc.stderr.read().decode()
    assert (proc.returncode, len(err.splitlines())) == (5, 1), err  # the sync said in one line it lost the centre
    for _ in range(100):  # the postmaster restarts after a backend is killed
        try:
            psycopg.connect(pg).close()
            break
        except psycopg.OperationalError:
            time.sleep(0.2)
    assert run(cli, a, "sync", "--centre", pg).exit_code == 0
    from tests.test_centre import contents as file_contents

    assert contents(pg) == file_contents(clean)


def test_a_centre_made_before_a_column_gets_it_on_postgresql_too(cli, grids, pg) -> None:  # noqa: F811
    """``ALTER TABLE … ADD COLUMN`` in PostgreSQL's words, filled from the rows' records: the enquiry is counted apart."""
    import sqlalchemy

    from tests.test_centre import at

    a, b = grids
    assert cli("issue", "add", "山楂树的果子怎么分", "-e", env={"GRIDNOTE_DB": str(a), **at("29T16:00")}).exit_code == 0
    assert run(cli, None, "centre", "init", pg).exit_code == 0
    for db in (a, b):
        assert run(cli, db, "sync", "--centre", pg).exit_code == 0
    engine = sqlalchemy.create_engine(_url(pg).replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE issues DROP COLUMN kind")  # as the centre was before
            conn.exec_driver_sql("UPDATE centre_settings SET value = 'older' WHERE key = 'shape'")
        assert run(cli, None, "centre", "report", "--centre", pg, "--date", "11-29").exit_code == 0
        with engine.connect() as conn:
            kinds = dict(conn.exec_driver_sql("SELECT kind, count(*) FROM issues GROUP BY kind").all())
    finally:
        engine.dispose()
    assert kinds.get("enquiry") == 1 and None not in kinds
    assert_report_agrees_pg(pg, [a, b])
