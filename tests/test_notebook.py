"""The notebook file: privacy, pragmas, migrations, refusing what is not ours."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from gridnote.errors import NotebookError
from gridnote.store import migrations, write
from gridnote.store.notebook import APPLICATION_ID, open_notebook


def test_new_notebook_is_private_and_configured(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "notebook.db"
    nb = open_notebook(path)
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert nb.scalar("PRAGMA journal_mode") == "wal"
        assert nb.scalar("PRAGMA foreign_keys") == 1
        assert nb.scalar("PRAGMA busy_timeout") >= 5000
        assert nb.scalar("PRAGMA application_id") == APPLICATION_ID
        assert nb.scalar("PRAGMA user_version") == migrations.LATEST
        applied = [r[0] for r in nb.rows("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied == migrations.NAMES
    finally:
        nb.close()


def test_existing_folder_permissions_are_left_alone(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    open_notebook(tmp_path / "n.db").close()
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


def test_older_notebook_is_upgraded(tmp_path: Path) -> None:
    import sqlite_utils

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrations.migrations().apply(db, stop_before=migrations.NAMES[1])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO buildings (code, created_at) VALUES ('8', '2026-01-01T00:00:00+08:00')")
    conn.commit()
    conn.close()

    nb = open_notebook(path)
    try:
        assert nb.scalar("PRAGMA user_version") == migrations.LATEST
        assert nb.scalar("SELECT count(*) FROM tasks") == 0  # a table from a later migration
        assert nb.scalar("SELECT code FROM buildings") == "8"  # the data survived
    finally:
        nb.close()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_newer_notebook_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_notebook(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(NotebookError) as err:
        open_notebook(path)
    assert err.value.key == "notebook.newer"
    assert _bytes(path) == before


def test_unknown_migration_means_newer(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    open_notebook(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('gridnote', 'm999_future', 'x')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with pytest.raises(NotebookError) as err:
        open_notebook(path)
    assert err.value.key == "notebook.newer"


def test_other_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(NotebookError) as err:
        open_notebook(path)
    assert err.value.key == "notebook.not_a_notebook"
    assert _bytes(path) == before


def test_text_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("买菜\n" * 200, encoding="utf-8")
    before = _bytes(path)
    with pytest.raises(NotebookError) as err:
        open_notebook(path)
    assert err.value.key == "notebook.not_a_notebook"
    assert _bytes(path) == before


def test_cli_reports_foreign_file_in_one_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello " * 500)
    result = cli("--db", str(path), "building", "list")
    assert result.exit_code == NotebookError.exit_code
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "is not a gridnote notebook" in result.stderr
    assert "Traceback" not in result.stderr


def test_directory_is_refused(cli, tmp_path: Path) -> None:
    result = cli("--db", str(tmp_path), "building", "list")
    assert result.exit_code == NotebookError.exit_code
    assert "is a folder" in result.stderr


def test_uncreatable_location_is_a_clear_error(cli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = cli("init", str(blocker / "n.db"))
    assert result.exit_code == NotebookError.exit_code
    assert result.stderr.startswith("Error: cannot create the notebook")
    assert not (tmp_path / "a-file" / "n.db").exists()


def test_read_only_notebook_refuses_writes_cleanly(cli, tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    assert cli("init", str(path)).exit_code == 0
    assert cli("--db", str(path), "resident", "add", "王芳", "-a", "5-1-101").exit_code == 0
    os.chmod(path, 0o400)
    try:
        # reads still work
        assert "王芳" in cli("--db", str(path), "resident", "list").stdout
        if os.geteuid() == 0:
            return  # root ignores file modes, so a refused write cannot be observed here
        result = cli("--db", str(path), "resident", "add", "李雷", "-a", "5-1-102")
        assert result.exit_code == NotebookError.exit_code
        assert "read-only" in result.stderr
    finally:
        os.chmod(path, 0o600)


def test_transaction_is_all_or_nothing(nb) -> None:
    with pytest.raises(RuntimeError), nb.transaction():
        write.insert(nb, "buildings", {"code": "9", "created_at": "2026-01-01T00:00:00+08:00"})
        raise RuntimeError("boom")
    assert nb.scalar("SELECT count(*) FROM buildings") == 0


def test_ids_are_never_reused(nb, add_resident) -> None:
    first = add_resident("王芳", "5-1-101")
    with nb.transaction():
        nb.execute("DELETE FROM residents WHERE id = ?", [first.id])
    second = add_resident("李雷", "5-1-102")
    assert second.id == first.id + 1


def test_two_processes_adding_residents_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    open_notebook(path).close()
    env = {**os.environ, "GRIDNOTE_DB": str(path)}
    script = (
        "import sys\n"
        "from gridnote.cli import app\n"
        "for i in range(15):\n"
        "    try:\n"
        "        app(['resident', 'add', f'{sys.argv[1]}{i}', '-a', f'5-1-{100 + i}'])\n"
        "    except SystemExit as e:\n"
        "        if e.code: raise\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, name], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for name in ("甲", "乙")
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    nb = open_notebook(path)
    try:
        assert nb.scalar("SELECT count(*) FROM residents") == 30
        assert nb.scalar("SELECT count(*) FROM households") == 15
    finally:
        nb.close()


def test_mistyped_db_folder_is_refused_not_created(cli, tmp_path: Path) -> None:
    path = tmp_path / "typo" / "n.db"
    result = cli("--db", str(path), "today")
    assert (result.exit_code, result.stdout) == (NotebookError.exit_code, "")
    assert (
        result.stderr == f"Error: there is no notebook {path}: check the name, or create it with gridnote init {path}\n"
    )
    assert not (tmp_path / "typo").exists()


def test_an_empty_existing_file_becomes_a_private_notebook(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    open_notebook(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_read_only_storage_still_reads(tmp_path: Path, monkeypatch) -> None:
    """On read-only storage WAL cannot make its -shm file; the notebook opens read-only instead."""
    import gridnote.store.notebook as db

    path = tmp_path / "n.db"
    nb = open_notebook(path)
    write.insert(nb, "buildings", {"code": "8", "created_at": "2026-01-01T00:00:00+08:00"})
    nb.close()
    real = db._read_header
    calls = []

    def header(conn):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("unable to open database file")
        return real(conn)

    monkeypatch.setattr(db, "_read_header", header)
    ro = open_notebook(path)
    try:
        assert ro.read_only and ro.scalar("SELECT code FROM buildings") == "8"
        with pytest.raises(NotebookError) as err, ro.transaction():
            write.insert(ro, "buildings", {"code": "9", "created_at": "2026-01-01T00:00:00+08:00"})
        assert err.value.key == "notebook.read_only"
    finally:
        ro.close()


def test_m008_marks_occurrences_skipped_before_it(tmp_path: Path) -> None:
    """A notebook from before m008: a dropped task whose last change was a skip becomes skipped."""
    import sqlite_utils

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrations.migrations().apply(db, stop_before="m008_task_skipped")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 7")
    stamp = "2026-11-29T09:00:00+08:00"
    for number, action in ((1, "skip"), (2, "drop"), (3, "skip")):  # 3: skipped, reopened, dropped
        conn.execute(
            "INSERT INTO tasks (id, text, status, every, created_at, updated_at, dropped_at)"
            " VALUES (?, 'd', 'dropped', 'day', ?, ?, ?)",
            [number, stamp, stamp, stamp],
        )
        conn.execute(
            "INSERT INTO revisions (table_name, row_id, action, before, at) VALUES ('tasks', ?, ?, '{}', ?)",
            [number, action, stamp],
        )
    conn.execute(
        "INSERT INTO revisions (table_name, row_id, action, before, at) VALUES ('tasks', 3, 'reopen', '{}', ?)", [stamp]
    )
    conn.execute(
        "INSERT INTO revisions (table_name, row_id, action, before, at) VALUES ('tasks', 3, 'drop', '{}', ?)", [stamp]
    )
    conn.commit()
    conn.close()

    nb = open_notebook(path)
    try:
        assert [tuple(r) for r in nb.rows("SELECT id, skipped FROM tasks ORDER BY id")] == [(1, 1), (2, 0), (3, 0)]
    finally:
        nb.close()
