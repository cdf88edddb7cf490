"""Long output on a terminal goes through a pager, as git's does; never when piped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridnote.cli.pager import pager_command
from tests.helpers.terminal import on_terminal


@pytest.fixture
def env(demo: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("PAGER", "GRIDNOTE_PAGER", "LESS")}
    return {**base, "GRIDNOTE_DB": str(demo), "LANG": "C.UTF-8"}


def listing(env: dict[str, str]) -> str:
    """What `resident list` prints to a pipe: the text a pager should get (colours aside)."""
    done = subprocess.run(
        [sys.executable, "-m", "gridnote", "resident", "list"], capture_output=True, text=True, env=env
    )
    return done.stdout


def test_long_output_goes_to_the_pager(env, tmp_path) -> None:
    paged = tmp_path / "paged.txt"
    status, screen = on_terminal(["resident", "list"], {**env, "GRIDNOTE_PAGER": f"cat > {paged}"}, rows=10)
    assert (status, screen) == (0, "")
    text = paged.read_text()
    assert "\x1b[" in text  # coloured for the terminal it stands for (less -R shows colours)
    plain = listing({**env, "COLUMNS": "80"})
    written = [line for line in text.splitlines() if line.strip()]  # a pipe gets no blank first line
    assert len(written) == len([line for line in plain.splitlines() if line.strip()]) > 700  # all 752, none cut


def test_short_output_starts_no_pager(env, tmp_path) -> None:
    paged = tmp_path / "paged.txt"
    status, screen = on_terminal(["building", "list"], {**env, "GRIDNOTE_PAGER": f"cat > {paged}"}, rows=24)
    assert status == 0 and "752" in screen  # the total, straight on the screen
    assert not paged.exists()


@pytest.mark.parametrize(
    "args, extra",
    [
        (["--no-pager", "resident", "list"], {"GRIDNOTE_PAGER": "cat > {paged}"}),
        (["resident", "list"], {"GRIDNOTE_PAGER": "", "PAGER": "cat > {paged}"}),  # set but empty: off
        (["resident", "add", "王芳", "-a", "5-1-101"], {"GRIDNOTE_PAGER": "cat > {paged}"}),  # writes: never
    ],
    ids=["--no-pager", "GRIDNOTE_PAGER=", "a write"],
)
def test_no_pager(env, tmp_path, args, extra) -> None:
    paged = tmp_path / "paged.txt"
    extra = {k: v.format(paged=paged) for k, v in extra.items()}
    status, screen = on_terminal(args, {**env, **extra}, rows=10)
    assert status == 0 and screen.strip()
    assert not paged.exists()


def test_pager_then_less_as_git_runs_it(env, tmp_path) -> None:
    """$PAGER when GRIDNOTE_PAGER is unset; else `less -FRX`, with LESS=FRX unless she set LESS."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    less = bin_ / "less"
    less.write_text(f'#!/bin/sh\necho "$@ LESS=$LESS" > {tmp_path}/less-args\ncat > {tmp_path}/less-text\n')
    less.chmod(0o755)
    path = f"{bin_}{os.pathsep}{env['PATH']}"
    assert on_terminal(["resident", "list"], {**env, "PATH": path}, rows=10) == (0, "")
    assert (tmp_path / "less-args").read_text() == "-FRX LESS=FRX\n"
    assert "李秀英" in (tmp_path / "less-text").read_text()
    assert on_terminal(["resident", "list"], {**env, "PATH": path, "PAGER": f"cat > {tmp_path}/p"}, rows=10)[0] == 0
    assert "李秀英" in (tmp_path / "p").read_text()
    assert pager_command({"PATH": str(bin_), "GRIDNOTE_PAGER": "more"}) == "more"
    assert pager_command({"PATH": str(tmp_path / "nowhere")}) is None  # no less: no pager


def test_never_paged_when_piped(env, tmp_path) -> None:
    paged = tmp_path / "paged.txt"
    done = subprocess.run(
        [sys.executable, "-m", "gridnote", "resident", "list"],
        capture_output=True,
        text=True,
        env={**env, "GRIDNOTE_PAGER": f"cat > {paged}"},
    )
    assert done.returncode == 0 and done.stdout.count("\n") > 700
    assert not paged.exists()


def test_a_question_is_asked_before_the_pager(env, tmp_path) -> None:
    """`resident show 李` asks which 李 on the terminal at once; the card then comes."""
    paged = tmp_path / "paged.txt"
    asked: list[bool] = []

    def answer(screen: bytes) -> bytes | None:
        if b"Number:" in screen and not asked:
            asked.append(True)
            return b"1\n"
        return None

    status, screen = on_terminal(
        ["resident", "show", "李"], {**env, "GRIDNOTE_PAGER": f"cat > {paged}"}, rows=40, answer=answer
    )
    assert status == 0 and asked
    assert "Number:" in screen
    shown = paged.read_text() if paged.exists() else screen.split("Number:", 1)[1]
    assert "#" in shown and "李" in shown  # the card of the one chosen
