"""Output written to a pipe or a file is plain lines: no padding, no blank first line, no fake width.

stdout is not a terminal in these tests (as under ``| less`` or ``> day.txt``). Without
``COLUMNS`` a pipe has no width, so nothing is wrapped: a long task text stays on the line
it belongs to. With ``COLUMNS`` set the output is drawn that wide, never wider. The rule
is the shared console's (gridnote/render/console.py), so it is checked across the read
commands, not one.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len

LONG = (
    "给李奶奶量血压并记录读数然后把新的降压药交给张爷爷再提醒他每天早上六点半准时量一次血压不要忘记 and tell the doctor"
)
READS = [
    ("today",),
    ("report",),
    ("task", "list"),
    ("issue", "list"),
    ("resident", "show", "1"),
    ("resident", "list"),
    ("find", "李"),
    ("visits", "--from", "2026-11-01"),
    ("care", "route"),
]


@pytest.fixture
def day(cli, demo) -> None:
    done = cli("task", "add", LONG, "--due", "2026-11-29 15:00")
    assert done.exit_code == 0, done.stderr


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("columns", [None, "80", "50"])
def test_piped_output_has_no_padding_and_no_blank_first_line(cli, day, args, columns) -> None:
    done = cli(*args, env={"COLUMNS": columns})
    assert done.exit_code == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines, args
    assert lines[0].strip() != ""
    assert [line for line in lines if line != line.rstrip()] == []
    if columns is not None:
        assert [line for line in lines if cell_len(line) > int(columns)] == []


@pytest.mark.parametrize("args", [("today",), ("task", "list")], ids=lambda a: " ".join(a))
def test_a_pipe_without_columns_does_not_wrap(cli, day, args) -> None:
    unbounded = cli(*args, env={"COLUMNS": None}).stdout
    assert [line for line in unbounded.splitlines() if LONG in line], unbounded
    narrow = cli(*args, env={"COLUMNS": "80"}).stdout
    assert [line for line in narrow.splitlines() if LONG in line] == []  # at 80 it must wrap: the test can fail


def test_a_report_file_keeps_the_file_width_when_stdout_is_a_pipe(cli, day, tmp_path) -> None:
    path = tmp_path / "day.txt"
    done = cli("report", "-o", str(path), env={"COLUMNS": None})
    assert done.exit_code == 0, done.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and max(cell_len(line) for line in lines) <= 80
