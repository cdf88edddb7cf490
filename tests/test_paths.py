"""Where the notebook lives: --db, GRIDNOTE_DB, then the per-user data folder, created privately."""

from __future__ import annotations

import stat

from gridnote.store.paths import notebook_path


def test_notebook_path_precedence(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GRIDNOTE_DB", str(tmp_path / "env.db"))
    assert notebook_path(tmp_path / "opt.db") == tmp_path / "opt.db"
    assert notebook_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("GRIDNOTE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert notebook_path(None) == tmp_path / "data" / "gridnote" / "notebook.db"


def test_default_notebook_is_created_in_the_data_folder(cli, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("GRIDNOTE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli("resident", "add", "王芳", "-a", "5-1-101").exit_code == 0
    path = tmp_path / "data" / "gridnote" / "notebook.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
