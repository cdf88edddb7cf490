"""The exit codes README and `gridnote --help` document are the ones commands really return."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from gridnote.errors import EXIT_CODES
from gridnote.messages import i18n

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_codes() -> dict[int, str]:
    section = README.read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(code): text for code, text in re.findall(r"^\| (\d+) \| (.+) \|$", section, re.M)}


def help_codes(page: str) -> dict[int, str]:
    """The epilogue of `gridnote --help`: "  2  what …" rows, wrapped lines joined."""
    rows: dict[int, str] = {}
    code = None
    for line in page.split("Exit codes:\n", 1)[1].splitlines():
        match = re.match(r"^  (\d+)  (.*)$", line)
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
    assert "\n退出码：\n  0  完成\n  1  已取消（Ctrl-C，或问题没有回答）\n" in chinese


def cancelled_at_a_question(demo: Path) -> tuple[int, str]:
    """`resident show 李` on a terminal asks which 李 is meant; Ctrl-D instead of an answer."""
    import pty

    env = {**os.environ, "GRIDNOTE_DB": str(demo), "LANG": "C.UTF-8"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: gridnote on the terminal
        os.execve(sys.executable, [sys.executable, "-m", "gridnote", "resident", "show", "李"], env)
    seen = b""
    while b"Number:" not in seen:  # the prompt
        try:
            seen += os.read(fd, 1024)
        except OSError:
            break
    os.write(fd, b"\x04")
    try:
        while chunk := os.read(fd, 1024):
            seen += chunk
    except OSError:  # the child has closed the terminal
        pass
    os.close(fd)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), seen.decode()


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
        status, screen = cancelled_at_a_question(demo)
        assert (status, screen.splitlines()[-1]) == (1, "Aborted!")
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
