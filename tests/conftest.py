"""One test, one notebook: every test gets its own temporary notebook and a pinned clock.

The notebook exists before the test starts, as if she had run ``gridnote init``: gridnote opens
only notebooks that exist (a missing ``GRIDNOTE_DB`` file is refused). It is a copy of one empty
notebook made once per session; tests of creating notebooks use paths of their own.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gridnote import clock
from gridnote.messages import i18n
from gridnote.store.notebook import Notebook, open_notebook

NOW = "2026-11-29T09:00:00+08:00"  # a Sunday morning in Hangzhou


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty notebook, made once per session (making one takes ~0.1 s: migrations)."""
    path = tmp_path_factory.mktemp("empty") / "notebook.db"
    notebook = open_notebook(path)
    notebook.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    notebook.close()
    return path


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_template: Path) -> Iterator[None]:
    shutil.copy(empty_template, tmp_path / "notebook.db")
    monkeypatch.setenv("GRIDNOTE_DB", str(tmp_path / "notebook.db"))
    monkeypatch.setenv("GRIDNOTE_NOW", NOW)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")
    for var in ("LC_ALL", "LC_MESSAGES", "GRIDNOTE_LANG", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)
    time.tzset()
    i18n.reset()
    clock.reset()
    yield
    i18n.reset()
    clock.reset()
    time.tzset()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "notebook.db"


@pytest.fixture
def nb(db_path: Path) -> Iterator[Notebook]:
    notebook = open_notebook(db_path)
    yield notebook
    notebook.close()


class Run:
    """Invoke the real CLI in-process; stdout and stderr are kept apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
        from gridnote.cli import app

        return self.runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)


@pytest.fixture
def cli() -> Run:
    return Run()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example grid, built once per test session and copied for each test that wants it."""
    import os

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    old = os.environ.get("GRIDNOTE_NOW")
    os.environ["GRIDNOTE_NOW"] = NOW
    try:
        from gridnote.services.demo import load_demo

        notebook = open_notebook(path)
        load_demo(notebook)
        notebook.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        notebook.close()
    finally:
        if old is None:
            os.environ.pop("GRIDNOTE_NOW", None)
        else:
            os.environ["GRIDNOTE_NOW"] = old
    return path


@pytest.fixture
def demo(demo_template: Path, db_path: Path) -> Path:
    """A private copy of the example grid as this test's notebook."""
    shutil.copy(demo_template, db_path)
    return db_path


@pytest.fixture
def add_resident(nb: Notebook) -> Callable[..., Any]:
    """Factory: ``add_resident("李秀英", "8-2-301", alias="李奶奶", tags=["bedridden"])``."""
    from gridnote.services import resident_fields as rf
    from gridnote.services.residents import add_resident as add

    def make(name: str, address: str = "8-2-301", **kwargs: Any) -> Any:
        tags = kwargs.pop("tags", [])
        phones = kwargs.pop("phones", [])
        same_name = kwargs.pop("same_name", False)
        fields = rf.ResidentInput(
            name=name,
            address=rf.clean_address(address),
            tags=rf.clean_tags(tags),
            phones=rf.clean_phones(phones),
            **kwargs,
        )
        return add(nb, fields, same_name=same_name)

    return make
