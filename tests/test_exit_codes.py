"""The exit codes README and `gridnote --help` document are the ones commands really return."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridnote.errors import EXIT_CODES
from gridnote.messages import i18n
from tests.helpers.terminal import on_terminal

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_codes() -> dict[int, str]:
    section = README.read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", section, re.M)
    return {int(code): text.replace("\\|", "|") for code, text in rows}


def help_codes(page: str) -> dict[int, str]:
    """The epilogue of `gridnote --help`: "  2  what …" rows, wrapped lines joined."""
    rows: dict[int, str] = {}
    code = None
    for line in page.split("Exit codes:\n", 1)[1].splitlines():
        match = re.match(r"^  (\d+) +(.*)$", line)
        if match:
            code = int(match[1])
            rows[code] = match[2]
        elif code is not None and line.startswith("     "):
            rows[code] += " " + line.strip()
    return rows


def test_readme_and_help_document_the_same_codes(cli) -> None:
    documented = {code: i18n.t(key) for code, key in EXIT_CODES}
    assert readme_codes() == documented
    assert help_codes(cli("--help").stdout) == documented
    chinese = cli("--help", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "\n退出码：\n  0    完成\n  1    已取消：问题没有回答（在提问时按了 Ctrl-D 或 Ctrl-C）\n" in chinese


def cancelled_at_a_question(demo: Path, key: bytes) -> tuple[int, str]:
    """`resident show 李` on a terminal asks which 李 is meant; ``key`` instead of an answer."""
    asked: list[bool] = []

    def answer(screen: bytes) -> bytes | None:
        if b"Number:" in screen and not asked:
            asked.append(True)
            return key
        return None

    env = {**os.environ, "GRIDNOTE_DB": str(demo), "LANG": "C.UTF-8"}
    return on_terminal(["resident", "show", "李"], env, answer=answer)


def interrupted(tmp_path: Path) -> tuple[int, str, int]:
    """Ctrl-C (SIGINT) while `demo` writes the example grid: (status, stderr, residents written)."""
    db = tmp_path / "interrupted.db"
    env = {**os.environ, "GRIDNOTE_DB": str(db)}
    run = subprocess.Popen(
        [sys.executable, "-m", "gridnote", "demo"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as from a terminal, wherever the tests run
    )
    wal = Path(f"{db}-wal")
    while run.poll() is None and not (wal.exists() and wal.stat().st_size > 200_000):  # well into the grid
        time.sleep(0.002)
    assert run.poll() is None, "demo finished before it could be interrupted"
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate()
    with sqlite3.connect(db) as notebook:  # (interrupted while it was still being set up: no tables yet)
        tables = {row[0] for row in notebook.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        written = notebook.execute("SELECT count(*) FROM residents").fetchone()[0] if "residents" in tables else 0
    return run.returncode, stderr, written


def reader_stops_early(demo: Path, *args: str) -> tuple[int, str]:
    """The command's output to a reader that closes the pipe at once, as `| true` does."""
    env = {**os.environ, "GRIDNOTE_DB": str(demo)}
    run = subprocess.Popen(
        [sys.executable, "-m", "gridnote", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert run.stdout is not None
    run.stdout.close()
    _, stderr = run.communicate()
    return run.returncode, stderr


CASES = {
    0: ("today",),
    2: ("task", "add", "买药", "--due", "明年后天吗"),
    3: ("resident", "show", "nobody"),
    4: ("task", "done", "1"),  # done a second time
    6: ("resident", "import", "nothere.csv"),
}


@pytest.mark.parametrize("code", [code for code, _ in EXIT_CODES])
def test_each_documented_code_is_what_a_command_returns(code, cli, demo, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GRIDNOTE_DB", str(demo))
    monkeypatch.chdir(tmp_path)
    if code == 1:
        for key in (b"\x04", b"\x03"):  # Ctrl-D, Ctrl-C
            status, screen = cancelled_at_a_question(demo, key)
            assert (status, screen.splitlines()[-1]) == (1, "Aborted!")
        return
    if code == 130:
        assert interrupted(tmp_path) == (130, "", 0)
        return
    if code == 141:
        assert reader_stops_early(demo, "resident", "list") == (141, "")  # 752 lines: Rich meets the closed pipe
        assert reader_stops_early(demo, "today") == (141, "")  # one screen: met when the output is flushed
        return
    if code == 7:  # only the client returns it: a server was required and there is none
        import subprocess

        env = {**os.environ, "GRIDNOTE_SERVER": "require", "GRIDNOTE_RUNTIME_DIR": str(tmp_path / "run")}
        done = subprocess.run([sys.executable, "-m", "gridnote", "today"], capture_output=True, text=True, env=env)
        assert (done.returncode, done.stdout) == (7, "")
        assert done.stderr.startswith("gridnote: GRIDNOTE_SERVER=require, but no command server")
        return
    if code == 5:
        (tmp_path / "bad.db").write_text("not a notebook\n")
        result = cli("--db", str(tmp_path / "bad.db"), "today")
    else:
        assert cli("task", "add", "买药").exit_code == 0
        assert cli("task", "done", "1").exit_code == 0
        result = cli(*CASES[code])
    assert result.exit_code == code, result.stderr
    assert (result.stderr == "") == (code == 0)
