"""An unreadable notebook or photo is explained in the user's language, by gridnote, not Click."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from gridnote.messages import i18n
from gridnote.store import notebook as db


@pytest.mark.parametrize(("lang", "expected"), [("en", "permission denied"), ("zh", "没有权限")])
def test_an_unreadable_notebook_names_the_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str
) -> None:
    path = tmp_path / "notebook.db"
    path.touch()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == path else real_access(p, mode, **kw))
    i18n.set_lang(lang)
    reason = db._open_reason(path)
    assert expected in str(reason).lower()


def test_a_missing_notebook_file_says_so(tmp_path: Path) -> None:
    reason = db._open_reason(tmp_path / "gone.db")
    assert "unable to open" not in str(reason)


@pytest.mark.in_process  # patches this process: never through a server
def test_click_does_not_check_the_db_path_itself(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Click's own check would say "Path '…' is not readable." in English, whatever the language."""
    path = tmp_path / "nb.db"
    assert cli("init", str(path)).exit_code == 0
    assert cli("--db", str(path), "today").exit_code == 0
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == path else real_access(p, mode, **kw))
    result = cli("--db", str(path), "today")
    assert "is not readable" not in result.output + result.stderr


@pytest.mark.in_process  # patches this process: never through a server
def test_an_unreadable_import_file_is_explained_by_gridnote(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("姓名,楼栋,单元,房号\n冯一,8,1,101\n", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == path else real_access(p, mode, **kw))
    result = cli("resident", "import", str(path))
    assert "is not readable" not in result.output + result.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Error: cannot open the notebook /dev/null: not a regular file"),
        ("zh", "错误：无法打开笔记本 /dev/null：不是普通文件"),
    ],
)
def test_a_notebook_path_that_is_not_a_file_is_refused_in_the_users_words(cli, lang: str, expected: str) -> None:
    """/dev/null used to reach SQLite, whose "disk I/O error" was shown as is, also in Chinese."""
    result = cli("--lang", lang, "--db", "/dev/null", "today")
    assert result.exit_code != 0
    assert result.stderr.strip() == expected


@pytest.mark.parametrize(("lang", "expected"), [("en", "cannot be opened as a notebook"), ("zh", "无法作为笔记本打开")])
def test_sqlites_own_words_never_reach_the_user(tmp_path: Path, lang: str, expected: str) -> None:
    """A regular, readable file SQLite still cannot open (e.g. /proc/version): a catalogue reason."""
    path = tmp_path / "notebook.db"
    path.touch()
    i18n.set_lang(lang)
    error = db._translate(sqlite3.OperationalError("disk I/O error"), path)
    assert expected in str(error) and "I/O" not in str(error)
