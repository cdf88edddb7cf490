"""`gridnote help TOPIC` pages in both languages, command help, and man pages from the command tree."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import typer

from gridnote.cli import app
from gridnote.cli._help import cell_width

ZH = {"LANG": "zh_CN.UTF-8"}
TOPICS = ["dates", "care", "categories", "readings", "privacy"]


def test_help_alone_lists_the_topics(cli) -> None:
    result = cli("help")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Help topics (gridnote help TOPIC):"
    assert [line.split()[0] for line in lines[1:]] == TOPICS
    assert cli("help", env=ZH).stdout.splitlines()[0] == "帮助主题（gridnote help 主题）："


def words(line: str) -> str:
    return " ".join(line.split())


def lines(page: str) -> list[str]:
    """The page's lines, spaces evened out (a table's columns move with its widest entry)."""
    return [words(line) for line in page.splitlines()]


@pytest.mark.parametrize(
    "topic, english, chinese",
    [
        ("dates", "Dates and times — typing days, times and periods", "日期和时间 — 日期、时刻和时间段的写法"),
        ("care", "  bedridden                      every 3 days", "  失能 (bedridden)               每 3 天"),
        (
            "categories",
            "  emergency            respond 2 h, resolve 24 h",
            "  紧急 (emergency)    响应 2 小时，办结 24 小时",
        ),
        ("readings", "  systolic ≥ 140 mmHg    threshold.bp.systolic", "  收缩压 ≥ 140 mmHg  threshold.bp.systolic"),
        ("privacy", "Privacy — what leaves the notebook, and how", "隐私 — 哪些内容会离开笔记本，以何种方式"),
    ],
)
def test_each_topic_in_both_languages(cli, topic, english, chinese) -> None:
    en = cli("help", topic)
    assert (en.exit_code, en.stderr) == (0, "")
    assert words(english) in lines(en.stdout)
    zh = cli("help", topic, env=ZH)
    assert (zh.exit_code, zh.stderr) == (0, "")
    assert words(chinese) in lines(zh.stdout)
    first_paragraph = en.stdout.split("\n\n")[1].split()[0:6]
    assert " ".join(first_paragraph) not in zh.stdout  # the Chinese page is not the English one
    for page in (en.stdout, zh.stdout):
        assert max(cell_width(line) for line in page.splitlines()) <= 80


def test_the_figures_are_the_ones_gridnote_applies(cli) -> None:
    """Deadlines: utility issues 24 h to respond, 72 h to resolve; living alone: a visit every 7 days."""
    assert "utility respond 24 h, resolve 72 h" in lines(cli("help", "categories").stdout)
    assert "living alone (living-alone) every 7 days" in lines(cli("help", "care").stdout)
    assert "138****5678" in cli("help", "privacy").stdout


@pytest.mark.parametrize(
    "typed, topic",
    [("日期", "dates"), ("走访", "care"), ("时限", "categories"), ("阈值", "readings"), ("隐私", "privacy")],
)
def test_topics_answer_to_their_chinese_names(cli, typed, topic) -> None:
    assert cli("help", typed).stdout == cli("help", topic).stdout


def test_help_on_a_command_is_its_help_page(cli) -> None:
    assert cli("help", "task", "add").stdout == cli("task", "add", "--help").stdout
    assert cli("help", "task", "add", env=ZH).stdout == cli("task", "add", "--help", env=ZH).stdout


def test_an_unknown_topic(cli) -> None:
    result = cli("help", "weather")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        "Error: no help topic or command 'weather'; topics: dates, care, categories, readings, privacy\n"
    )


# -- man pages -----------------------------------------------------------------------------------------
def tree(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in getattr(command, "commands", {}).items():
        if not sub.hidden:
            found += tree(sub, (*path, name))
    return found


def test_man_pages_for_every_command_and_topic(cli, tmp_path) -> None:
    result = cli("help", "--man", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    commands = {"gridnote" + "".join(f"-{n}" for n in path) + ".1" for path in tree(typer.main.get_command(app))}
    assert {p.name for p in (tmp_path / "man1").iterdir()} == commands
    assert {p.name for p in (tmp_path / "man7").iterdir()} == {f"gridnote-{t}.7" for t in TOPICS}
    assert result.stdout == f"✓ Wrote {len(commands) + len(TOPICS)} man pages to {tmp_path}\n"
    page = (tmp_path / "man1" / "gridnote-task-add.1").read_text()
    assert page.splitlines()[1].startswith('.TH "GRIDNOTE-TASK-ADD" "1"')
    assert "\\fB\\-d, \\-\\-due WHEN\\fR\nDay and time: tomorrow 6:30, 明早6点半, fri, 12\\-01." in page
    root = (tmp_path / "man1" / "gridnote.1").read_text()
    assert '.SH "EXIT STATUS"\n.TP\n\\fB0\\fR\ndone\n' in root
    assert "gridnote\\-dates(7)" in root
    assert oct((tmp_path / "man1" / "gridnote.1").stat().st_mode & 0o777) == "0o644"


def test_man_pages_in_chinese(cli, tmp_path) -> None:
    assert cli("--lang", "zh", "help", "--man", str(tmp_path)).exit_code == 0
    page = (tmp_path / "man1" / "gridnote-task-add.1").read_text()
    assert "添加任务" in page and '.SH "选项"' in page
    assert "关怀走访" in (tmp_path / "man7" / "gridnote-care.7").read_text()


def test_man_pages_are_not_written_over_without_force(cli, tmp_path) -> None:
    assert cli("help", "--man", str(tmp_path)).exit_code == 0
    page = tmp_path / "man1" / "gridnote.1"
    page.write_text("mine\n")
    again = cli("help", "--man", str(tmp_path))
    assert (again.exit_code, again.stdout) == (6, "")
    assert again.stderr == f"Error: {page} already exists; add --force to replace the man pages there\n"
    assert page.read_text() == "mine\n"
    assert cli("help", "--man", str(tmp_path), "--force").exit_code == 0
    assert ".TH" in page.read_text()


@pytest.mark.skipif(shutil.which("groff") is None and not os.environ.get("CI"), reason="groff is not installed here")
def test_man_pages_are_valid_roff(cli, tmp_path: Path) -> None:
    assert cli("help", "--man", str(tmp_path)).exit_code == 0
    for page in [*(tmp_path / "man1").iterdir(), *(tmp_path / "man7").iterdir()]:
        done = subprocess.run(
            ["groff", "-K", "utf8", "-man", "-Tutf8", "-ww", "-z", str(page)], capture_output=True, text=True
        )
        assert (page.name, done.returncode, done.stderr) == (page.name, 0, "")
