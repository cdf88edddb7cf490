"""A read-only notebook (file 444, folder 555, as a normal user): reading works, writing is refused in one line.

Run as root (a container), the command drops the capabilities that let root write anyway
(CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER) before it starts, so the permission bits hold
for it as for a normal user.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PR_CAPBSET_DROP = 24
ROOT_OVERRIDES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _as_normal_user() -> None:
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in ROOT_OVERRIDES:
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            os._exit(99)  # cannot drop them: the test skips on this exit code


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GRIDNOTE_DB": str(db), "GRIDNOTE_SERVER": "0"}
    return subprocess.run(
        [sys.executable, "-m", "gridnote", "--lang", "en", *args],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=_as_normal_user,
        timeout=120,
    )


@pytest.fixture
def read_only(demo: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "notebook.db"
    shutil.copyfile(demo, db)
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    yield db
    os.chmod(folder, 0o755)


def test_a_read_only_notebook_reads_and_refuses_writes(read_only: Path, tmp_path: Path) -> None:
    writable = tmp_path / "writable.db"
    shutil.copyfile(read_only, writable)
    os.chmod(writable, 0o600)
    probe = run(read_only, "--version")
    if probe.returncode == 99:
        pytest.skip("cannot drop root's file capabilities here")
    denied = subprocess.run(["sh", "-c", f": >> {read_only}"], preexec_fn=_as_normal_user, capture_output=True)
    assert denied.returncode != 0  # the file really is read-only for the command
    before = read_only.read_bytes()
    for args in (("today",), ("find", "李")):
        done, expected = run(read_only, *args), run(writable, *args)
        assert (done.returncode, done.stdout, done.stderr) == (expected.returncode, expected.stdout, ""), args
        assert done.returncode == 0
    refused = run(read_only, "task", "add", "不该写入")
    assert (refused.returncode, refused.stdout) == (5, "")
    assert refused.stderr == f"Error: the notebook {read_only} is read-only; nothing was changed\n"
    assert read_only.read_bytes() == before
    assert sorted(p.name for p in read_only.parent.iterdir()) == ["notebook.db"]


def _with_changes_left_in_the_wal(db: Path) -> None:
    """A task written by a process that ended without closing: the change waits in the -wal."""
    code = (
        "import os, sys\n"
        "from gridnote.services.tasks import add_task\n"
        "from gridnote.store.notebook import open_notebook\n"
        "nb = open_notebook(__import__('pathlib').Path(sys.argv[1]))\n"
        "nb.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "add_task(nb, '留在 wal 里的任务')\n"
        "os._exit(0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (db.parent / (db.name + "-wal")).stat().st_size > 0


def test_changes_still_in_the_wal_are_read_or_the_read_is_refused(demo: Path, tmp_path: Path) -> None:
    """Reading the file alone would show the notebook as it was before its latest changes, silently."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "notebook.db"
    shutil.copyfile(demo, db)
    _with_changes_left_in_the_wal(db)
    for name in ("notebook.db", "notebook.db-wal", "notebook.db-shm"):
        os.chmod(folder / name, 0o444)
    os.chmod(folder, 0o555)
    try:
        probe = run(db, "--version")
        if probe.returncode == 99:
            pytest.skip("cannot drop root's file capabilities here")
        # the -wal and its -shm are there: SQLite reads them read-only, the latest task included
        listed = run(db, "task", "list", "--json")
        assert (listed.returncode, listed.stderr) == (0, "")
        assert [t["text"] for t in json.loads(listed.stdout)] == ["留在 wal 里的任务"]
        # without the -shm the -wal cannot be read without writing: refused, not read around
        os.chmod(folder, 0o755)
        os.remove(folder / "notebook.db-shm")
        os.chmod(folder, 0o555)
        before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        refused = run(db, "today")
        assert (refused.returncode, refused.stdout) == (5, "")
        assert refused.stderr == (
            f"Error: the notebook {db} cannot be written and its latest changes, in notebook.db-wal, cannot be"
            " read without writing; nothing was read or changed. Free some space or make its folder writable,"
            " then try again\n"
        )
        assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    finally:
        os.chmod(folder, 0o755)
