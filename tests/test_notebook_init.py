"""A notebook she did not mean is never opened; a name she mistyped by sound is offered back.

New notebooks come only from the default location on first use, ``gridnote init [PATH]`` or
``gridnote demo``; any other missing or empty file is refused with how to make one.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gridnote.errors import NotebookError


def refused(result, message: str) -> None:
    assert (result.exit_code, result.stdout, result.stderr) == (NotebookError.exit_code, "", f"Error: {message}\n")


def test_a_typo_in_db_is_refused_and_nothing_is_created(cli, tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    refused(
        cli("--db", str(typo), "today"),
        f"there is no notebook {typo}: check the name, or create it with gridnote init {typo}",
    )
    assert not typo.exists()


def test_an_empty_file_is_refused_and_left_as_it_is(cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    message = f"{empty} is an empty file, not a notebook: check the name, or make it one with gridnote init {empty}"
    refused(cli("--db", str(empty), "task", "add", "x"), message)
    assert empty.stat().st_size == 0


def test_gridnote_db_is_held_to_the_same_rule(cli, tmp_path: Path) -> None:
    gone = tmp_path / "gone.db"
    result = cli("--lang", "zh", "today", env={"GRIDNOTE_DB": str(gone)})
    assert (result.exit_code, result.stderr) == (
        5,
        f"错误：没有笔记本 {gone}：请检查文件名，或用 gridnote init {gone} 新建\n",
    )
    assert not gone.exists()


def test_a_path_with_spaces_is_quoted_in_the_advice(cli, tmp_path: Path) -> None:
    spaced = tmp_path / "my grid.db"
    result = cli("--db", str(spaced), "today")
    assert result.stderr.endswith(f"gridnote init '{spaced}'\n")


def test_init_makes_a_private_notebook_in_a_private_folder(cli, tmp_path: Path) -> None:
    path = tmp_path / "grid" / "2026.db"
    result = cli("init", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"✓ New notebook at {path}\n", "")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert cli("--db", str(path), "task", "add", "送药").stdout == "✓ Added task 1: 送药 · no date\n"
    again = cli("init", str(path))
    assert (again.exit_code, again.stdout) == (0, f"{path} is already a notebook; nothing changed\n")
    assert cli("--db", str(path), "task", "show", "1").exit_code == 0  # kept


def test_init_follows_db_and_makes_an_empty_file_a_notebook(cli, tmp_path: Path) -> None:
    empty = tmp_path / "e.db"
    empty.touch()
    result = cli("--db", str(empty), "--lang", "zh", "init")
    assert (result.exit_code, result.stdout) == (0, f"✓ 已新建笔记本：{empty}\n")
    assert empty.stat().st_size > 0
    assert cli("--db", str(empty), "today").exit_code == 0


def test_init_refuses_a_file_that_is_not_a_notebook(cli, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("shopping list")
    result = cli("init", str(other))
    assert result.exit_code == NotebookError.exit_code
    assert other.read_text() == "shopping list"


def test_demo_makes_its_own_notebook(cli, tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    result = cli("--db", str(path), "demo")
    assert result.exit_code == 0, result.stderr
    assert path.exists()


def test_the_default_notebook_is_created_on_first_use(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRIDNOTE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = cli("task", "add", "送药")
    assert (result.exit_code, result.stdout) == (0, "✓ Added task 1: 送药 · no date\n")
    default = tmp_path / "data" / "gridnote" / "notebook.db"
    assert stat.S_IMODE(default.stat().st_mode) == 0o600
    assert stat.S_IMODE(os.stat(default.parent).st_mode) == 0o700


# -- a name typed by sound -----------------------------------------------------------------------
def test_one_resident_who_sounds_the_same_is_offered(cli, demo) -> None:
    result = cli("log", "里奶奶", "血压正常")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (
        'Error: no resident matches "里奶奶"; one sounds the same: 李秀英（李奶奶） 8-2-301 (type 李奶奶)\n'
    )
    zh = cli("--lang", "zh", "resident", "show", "张大椰")
    assert zh.stderr == "错误：没有匹配“张大椰”的居民；同音的有：张国华（张大爷） 8-2-301（请输入 张大爷）\n"


def test_on_a_terminal_the_one_who_sounds_the_same_can_be_taken(cli, demo) -> None:
    """On a real terminal (a pseudo-terminal, so in-process and through the server alike) she answers y."""
    import os

    from tests.helpers.terminal import on_terminal

    def answer(seen: bytes) -> bytes | None:
        return b"y\r" if seen.rstrip().endswith(b"[Y/n]:") else None

    env = {**os.environ, "GRIDNOTE_DB": str(demo), "LANG": "C.UTF-8"}
    status, screen = on_terminal(["log", "里奶奶", "血压正常", "--json"], env, columns=120, answer=answer)
    assert status == 0, screen
    assert "Did you mean 李秀英（李奶奶） 8-2-301?" in screen
    assert '"resident_id": ' + str(_id_of(cli, "李奶奶")) in screen


def _id_of(cli, name: str) -> int:
    import json

    return json.loads(cli("resident", "show", name, "--json").stdout)["id"]


def test_residents_who_sound_the_same_come_first_among_the_closest(cli, demo) -> None:
    assert cli("resident", "add", "李奶奶", "-a", "5-1-101").exit_code == 0  # a second 李奶奶 by sound
    result = cli("resident", "show", "里奶奶")
    assert result.exit_code == 3
    assert result.stderr == 'Error: no resident matches "里奶奶"; closest: 李秀英（李奶奶）, 李奶奶, 龚晓红（龚奶奶）\n'
