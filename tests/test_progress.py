"""A long import or export shows a progress bar on the terminal's stderr, and nothing else does.

The bar waits ``GRIDNOTE_PROGRESS_AFTER`` seconds (default 1) before it is drawn, so a quick
command stays one line; the tests set the wait to 0 or to an hour instead of timing anything.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.terminal import on_terminal

HIDE_CURSOR = "\x1b[?25l"  # Rich's live display hides the cursor while the bar is drawn
SHOW_CURSOR = "\x1b[?25h"


def _env(wait: str) -> dict[str, str]:
    return {**os.environ, "GRIDNOTE_PROGRESS_AFTER": wait}


def test_an_export_past_the_wait_draws_a_bar_that_ends_full_and_is_cleared(demo: Path, tmp_path: Path) -> None:
    code, seen = on_terminal(["resident", "export", "-o", str(tmp_path / "r.csv")], _env("0"))
    assert code == 0
    assert HIDE_CURSOR in seen
    assert SHOW_CURSOR in seen[seen.index(HIDE_CURSOR) :]
    assert "100%" in seen  # the last tick fills it: 752 of 752
    bar_end = seen.rindex(SHOW_CURSOR)
    assert "\x1b[2K" in seen[bar_end:]  # transient: the bar's line is erased before the confirmation
    assert "752" in seen[bar_end:]


def test_within_the_wait_no_bar_is_drawn(demo: Path, tmp_path: Path) -> None:
    code, seen = on_terminal(["resident", "export", "-o", str(tmp_path / "r.xlsx")], _env("3600"))
    assert code == 0
    assert HIDE_CURSOR not in seen
    assert "%" not in seen


def test_an_import_within_the_wait_stays_one_confirmation(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["姓名", "地址"], ["李秀英", "8-2-301"]])
    code, seen = on_terminal(["resident", "import", str(roster), "--new-buildings"], _env("3600"))
    assert code == 0, seen
    assert HIDE_CURSOR not in seen


def test_an_unreadable_wait_is_the_default_second(demo: Path, tmp_path: Path) -> None:
    code, seen = on_terminal(["resident", "export", "-o", str(tmp_path / "r.csv")], _env("soon"))
    assert code == 0
    assert HIDE_CURSOR not in seen  # 752 rows take far less than a second to write


def test_stderr_that_is_not_a_terminal_gets_no_bar(demo: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gridnote", "resident", "export", "-o", str(tmp_path / "r.csv")],
        env=_env("0"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1 + 752  # the header and every resident of the example grid
