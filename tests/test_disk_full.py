"""A full disk, for real: a small tmpfs in a private mount namespace, filled, then the commands.

With no space left, reading still works and every write is refused naming the disk; an export
that runs out of space says so in one line (no ZipFile traceback) and leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HELPER = Path(__file__).parent / "helpers" / "disk_full_run.py"


def _on_full_disk(tmp_path: Path, notebook: Path, free_kb: int, *commands: list[str]) -> tuple[Path, dict]:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("needs unshare(1) for a private mount namespace")
    private = ["-m", "--propagation", "private"] if os.geteuid() == 0 else ["-r", "-m", "--propagation", "private"]
    folder = tmp_path / "disk"
    folder.mkdir()
    done = subprocess.run(
        [unshare, *private, sys.executable, str(HELPER), str(folder), str(notebook), str(free_kb)]
        + ["\t".join(c) for c in commands],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0 and not done.stdout:
        if os.environ.get("CI") == "true":
            raise AssertionError(done.stderr)
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()[:200]}")
    return folder / "notebook.db", json.loads(done.stdout)


def test_with_no_space_left_reading_works_and_writing_is_refused(cli, demo: Path, tmp_path: Path) -> None:
    today = cli("--lang", "en", "today")
    db, seen = _on_full_disk(tmp_path, demo, 0, ["today"], ["task", "add", "不该写入"])
    assert seen["results"][0] == [0, today.stdout, ""]
    assert seen["results"][1] == [
        5,
        "",
        f"Error: the disk holding the notebook {db} is full; nothing was changed. Free some space and try again\n",
    ]
    assert seen["unchanged"] and seen["left"] == []


def test_an_export_that_runs_out_of_space_says_so_in_one_line(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "disk" / "e.xlsx"
    _, seen = _on_full_disk(tmp_path, demo, 45, ["resident", "export", "-o", str(target)])
    assert seen["results"] == [[6, "", f"Error: cannot write {target}: the disk is full; nothing was written\n"]]
    assert seen["unchanged"] and seen["left"] == []  # no half-written export, no part file
