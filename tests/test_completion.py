"""Shell completion, driven through the protocol the shells use (Typer's scripts, Click's variables)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ZSH_SCRIPT_START = "_arguments '*: :(("


def complete(cli, line: str, shell: str = "bash", env: dict[str, str] | None = None) -> list[str]:
    """What Tab offers after ``line`` (a trailing space: a new word), as each shell's script receives it."""
    words = line.split()
    if shell == "bash":
        cword = len(words) if line.endswith(" ") else len(words) - 1
        protocol = {"COMP_WORDS": line, "COMP_CWORD": str(cword)}
    else:
        protocol = {"_TYPER_COMPLETE_ARGS": line}
        if shell == "fish":
            protocol["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = cli(env={"_GRIDNOTE_COMPLETE": f"complete_{shell}", **protocol, **(env or {})})
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    if shell == "zsh":
        if out.strip() == "_files":
            return []
        assert out.startswith(ZSH_SCRIPT_START) and out.endswith("))'\n"), out
        return out[len(ZSH_SCRIPT_START) : -len("))'\n")].splitlines()
    return [line for line in out.splitlines() if line]


GRID = (
    ("building", "add", "8"),
    ("building", "add", "5", "--name", "东楼"),
    ("resident", "add", "李秀英", "--alias", "李奶奶", "-a", "8-2-301", "-t", "独居"),
    ("resident", "add", "李秀兰", "-a", "8-2-302", "-t", "巡逻队"),
    ("resident", "add", "王芳", "-a", "5-1-101"),
    ("resident", "add", "王芳", "-a", "5-1-102"),
    ("resident", "add", "张国华", "--alias", "张大爷", "-a", "5-1-201"),
    ("resident", "move-out", "张国华"),
    ("task", "add", "买药"),
    ("task", "add", "量血压"),
    ("task", "done", "1"),
    ("issue", "add", "8号楼下水道堵了", "--category", "下水道"),
    ("event", "add", "防诈骗宣讲", "--with", "社区民警,楼栋长"),
)


@pytest.fixture(scope="module")
def grid_template(tmp_path_factory) -> Path:
    """A small grid, written once: two 李 and two 王芳, one resident moved out, tasks, an issue, an event."""
    from typer.testing import CliRunner

    from gridnote.cli import app
    from tests.conftest import NOW

    path = tmp_path_factory.mktemp("grid") / "grid.db"
    env = {"GRIDNOTE_DB": str(path), "GRIDNOTE_NOW": NOW, "LANG": "C.UTF-8", "TZ": "Asia/Shanghai"}
    for args in (("init",), *GRID):
        result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
        assert result.exit_code == 0, (args, result.stderr)
    return path


@pytest.fixture
def grid(grid_template, db_path) -> None:
    shutil.copy(grid_template, db_path)


# -- residents -------------------------------------------------------------------------------------
@pytest.mark.usefixtures("grid")
@pytest.mark.parametrize(
    "typed, names",
    [
        ("lnn", ["李秀英"]),  # the alias's initials
        ("linai", ["李秀英"]),  # the alias's pinyin
        ("lxy", ["李秀英"]),  # the name's initials
        ("lixiu", ["李秀兰", "李秀英"]),
        ("李秀", ["李秀兰", "李秀英"]),
        ("李奶", ["李秀英"]),  # the alias, completing to the name
        ("zhang", []),  # moved out: not offered
        ("王", ["#3", "#4"]),  # two of a name: by number
    ],
)
def test_residents_complete_to_their_name_in_bash(cli, typed, names) -> None:
    assert complete(cli, f"gridnote resident show {typed}") == names


@pytest.mark.usefixtures("grid")
def test_zsh_and_fish_keep_what_was_typed_and_show_the_name_beside_it(cli) -> None:
    """Those shells drop suggestions that do not begin with the word typed: a pinyin match stays pinyin."""
    assert complete(cli, "gridnote resident show lnn", "zsh") == ['"lnn":"李秀英 · 李奶奶 · 8-2-301"']
    assert complete(cli, "gridnote resident show 李奶", "zsh") == ['"李奶奶":"李秀英 · 8-2-301"']
    assert complete(cli, "gridnote resident show 李秀", "fish") == ["李秀兰\t8-2-302", "李秀英\t李奶奶 · 8-2-301"]
    assert complete(cli, "gridnote resident show 王", "fish") == ["王芳\t5-1-101 / 5-1-102"]


@pytest.mark.usefixtures("grid")
def test_every_option_naming_a_resident_completes(cli) -> None:
    assert complete(cli, "gridnote task add 回访 --resident lnn") == ["李秀英"]
    assert complete(cli, "gridnote issue add 漏水 --reporter lxy") == ["李秀英"]
    assert complete(cli, "gridnote resident points lnn") == ["李秀英"]


@pytest.mark.usefixtures("grid")
def test_log_completes_residents_households_and_buildings(cli) -> None:
    assert complete(cli, "gridnote log lnn") == ["李秀英"]
    assert complete(cli, "gridnote log 8") == ["8-2-301", "8-2-302", "8号楼"]
    assert complete(cli, "gridnote log e") == ["edit"]  # its sub-commands too
    assert complete(cli, "gridnote log 李秀英 血压正常 --kind 电") == ["电话"]


# -- households and buildings ----------------------------------------------------------------------------
@pytest.mark.usefixtures("grid")
def test_households_complete_by_address(cli) -> None:
    assert complete(cli, "gridnote resident add 刘洋 --address 8-2-") == ["8-2-301", "8-2-302"]
    assert complete(cli, "gridnote resident add 刘洋 --address 5-1-2") == ["5-1-201"]
    assert complete(cli, "gridnote resident show 5-1-1") == ["5-1-101", "5-1-102"]


def test_many_households_complete_one_step_at_a_time(cli, demo, monkeypatch) -> None:
    monkeypatch.setenv("GRIDNOTE_DB", str(demo))
    with sqlite3.connect(demo) as db:
        addresses = [row[0] for row in db.execute("SELECT address FROM households")]
    buildings = sorted({a.split("-")[0] + "-" for a in addresses}, key=lambda b: int(b[:-1]))
    units = sorted({"-".join(a.split("-")[:2]) + "-" for a in addresses if a.startswith("8-")})
    rooms = [a for a in addresses if a.startswith("8-2-")]
    assert len(buildings) > 1 and len(units) > 1 and 1 < len(rooms) <= 40
    assert complete(cli, "gridnote resident add 刘洋 --address ") == buildings
    assert complete(cli, "gridnote resident add 刘洋 --address 8") == units
    assert sorted(complete(cli, "gridnote resident add 刘洋 --address 8-2-")) == sorted(rooms)


@pytest.mark.usefixtures("grid")
def test_buildings_complete(cli) -> None:
    assert complete(cli, "gridnote task add 巡楼 --building ") == ["5", "8"]
    assert complete(cli, "gridnote task add 巡楼 --building ", "fish") == ["5\t东楼", "8"]
    assert complete(cli, "gridnote task add 巡楼 -b 8") == ["8"]


# -- record numbers, with their text -----------------------------------------------------------------------
@pytest.mark.usefixtures("grid")
def test_task_and_issue_numbers_complete_with_their_text(cli) -> None:
    assert complete(cli, "gridnote task done ", "zsh") == ['"2":"量血压"']  # 1 is done already
    assert complete(cli, "gridnote task reopen ", "fish") == ["1\t买药"]
    assert complete(cli, "gridnote task star #") == ["#2"]
    assert complete(cli, "gridnote issue note ", "fish") == ["1\t8号楼下水道堵了"]
    assert complete(cli, "gridnote issue note 2") == []


# -- coded words in both languages, config keys ------------------------------------------------------------
@pytest.mark.usefixtures("grid")
@pytest.mark.parametrize(
    "line, offered",
    [
        ("gridnote issue add 漏水 --category 下水", ["下水道堵塞\tblocked-drain"]),
        ("gridnote issue add 漏水 --category blocked-d", ["blocked-drain\t下水道堵塞 · blocked drain"]),
        ("gridnote issue add 漏水 --channel 一", ["一网通\tapp"]),
        ("gridnote issue refer 1 --to 物", ["物业\tproperty"]),
        ("gridnote event add 防诈骗宣讲 --with 社区", ["社区民警"]),  # named at an earlier event
        ("gridnote event add 防诈骗宣讲 --with 派", ["派出所\tpolice"]),
        ("gridnote issue rate 1 满", ["满意\tsatisfied"]),
        ("gridnote issue rate 1 dis", ["dissatisfied\t不满意"]),
        ("gridnote issue note 1 打过电话 --kind ca", ["call\t电话"]),
        ("gridnote find 李 --kind 居", ["居民\tresident"]),
        ("gridnote log 李秀英 血压正常 --kind ph", ["phone\t电话 · phone call"]),
        ("gridnote resident tag 李秀兰 独", ["独居\tliving-alone"]),
        ("gridnote resident list --tag 巡", ["巡逻队"]),  # a word of this notebook's own
        ("gridnote config get care.bed", ["care.bedridden\tDays between care visits for residents tagged bedridden"]),
    ],
)
def test_words_complete_in_both_languages(cli, line, offered) -> None:
    assert complete(cli, line, "fish") == offered


def test_config_keys_are_described_in_the_interface_language(cli) -> None:
    offered = complete(cli, "gridnote config get care.bed", "fish", env={"LANG": "zh_CN.UTF-8"})
    assert offered == ["care.bedridden\t失能居民的走访间隔（天）"]


# -- the notebook is only read ------------------------------------------------------------------------------
def test_no_notebook_no_suggestions_and_none_created(cli, tmp_path) -> None:
    none = {"GRIDNOTE_DB": str(tmp_path / "none.db")}
    assert complete(cli, "gridnote resident show li", env=none) == []
    assert complete(cli, "gridnote issue add 漏水 --category 下水", "fish", env=none) == ["下水道堵塞\tblocked-drain"]
    assert not (tmp_path / "none.db").exists()


@pytest.mark.usefixtures("grid")
def test_the_notebook_of_db_is_the_one_read(cli, tmp_path) -> None:
    other = tmp_path / "other.db"
    assert cli("init", str(other)).exit_code == 0
    assert cli("--db", str(other), "resident", "add", "赵敏", "-a", "9-1-101").exit_code == 0
    assert complete(cli, f"gridnote --db {other} resident show zm") == ["赵敏"]
    assert complete(cli, "gridnote resident show zm") == []


# -- Typer's own mechanism: the scripts, and a real bash -------------------------------------------------
@pytest.mark.parametrize(
    "shell, marker", [("bash", "complete_bash"), ("zsh", "complete_zsh"), ("fish", "complete_fish")]
)
def test_the_completion_script_for_each_shell(cli, shell, marker) -> None:
    result = cli("--show-completion", shell, env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert result.exit_code == 0, result.stderr
    assert f"_GRIDNOTE_COMPLETE={marker}" in result.stdout


def test_help_shows_how_to_install_completion(cli) -> None:
    page = cli("--help").stdout
    assert "--install-completion" in page and "--show-completion" in page
    assert "为当前的 shell 安装补全" in cli("--help", env={"LANG": "zh_CN.UTF-8"}).stdout


@pytest.mark.skipif(shutil.which("bash") is None and not os.environ.get("CI"), reason="bash is not installed here")
def test_bash_runs_the_script_and_completes_a_name(cli, tmp_path) -> None:
    assert cli("resident", "add", "李秀英", "--alias", "李奶奶", "-a", "8-2-301").exit_code == 0
    script = tmp_path / "gridnote.bash"
    shown = cli("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    script.write_text(shown.stdout)
    program = Path(sys.executable).parent / "gridnote"
    drive = (
        f"source {script}; COMP_WORDS=(gridnote resident show lnn); COMP_CWORD=3; "
        f'_gridnote_completion {program}; printf "%s\\n" "${{COMPREPLY[@]}}"'
    )
    done = subprocess.run(["bash", "-c", drive], capture_output=True, text=True, env=os.environ)
    assert (done.returncode, done.stdout, done.stderr) == (0, "李秀英\n", "")


def test_an_ordinary_run_loads_nothing_of_completion(tmp_path) -> None:
    probe = (
        "import json, os, sys\n"
        "os._exit = lambda code: (_ for _ in ()).throw(SystemExit(code))\n"
        "from gridnote.cli import main\n"
        "sys.argv = ['gridnote', 'today']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "root = sys.modules['gridnote.cli'].app\n"
        "print(json.dumps(sorted(m for m in sys.modules if 'complet' in m and m.startswith('gridnote'))))\n"
    )
    env = {**os.environ, "GRIDNOTE_DB": str(tmp_path / "n.db")}
    env.pop("_GRIDNOTE_COMPLETE", None)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert json.loads(done.stdout.splitlines()[-1]) == []
