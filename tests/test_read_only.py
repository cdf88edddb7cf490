"""A read-only notebook (file 444, folder 555, as a normal user): reading works, writing is refused in one line.

Run as root (a container), the command drops the capabilities that let root write anyway
(CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER) before it starts, so the permission bits hold
for it as for a normal user.
"""

from __future__ import annotations

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
