"""One test, one notebook: every test gets its own temporary notebook and a pinned clock.

``pytest --server`` runs the same tests with every ``cli(...)`` call going through a
command server (one real client process per call, ``GRIDNOTE_SERVER=require``: a
command that falls back to in-process fails). The server is started once per session
from this checkout, in a runtime folder of the session's own, so it can never be one
started from another checkout or environment. Tests that patch the test process
itself are marked ``in_process`` and keep CliRunner.

The notebook exists before the test starts, as if she had run ``gridnote init``: gridnote opens
only notebooks that exist (a missing ``GRIDNOTE_DB`` file is refused). It is a copy of one empty
notebook made once per session; tests of creating notebooks use paths of their own.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from gridnote import clock
from gridnote.messages import i18n
from gridnote.store.notebook import Notebook, open_notebook
from tests.helpers.server_run import ServerRun, start_server, stop_server

# Property tests judge the rule, not the machine: on a loaded machine (CI, xdist workers) timing
# limits fail tests that are right, so no example deadline and no too-slow health check.
settings.register_profile("gridnote", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("gridnote")

NOW = "2026-11-29T09:00:00+08:00"  # a Sunday morning in Hangzhou


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--server",
        action="store_true",
        help="run every cli(...) call through a command server started for the session (a client process each)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "in_process: patches the test process, so --server runs it in-process too")


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
    # No test reaches a command server it did not start: none is used or started unless a
    # test asks for one, and then only in a runtime folder of its own.
    monkeypatch.setenv("GRIDNOTE_SERVER", "0")
    monkeypatch.setenv("GRIDNOTE_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.delenv("GRIDNOTE_SERVER_IDLE", raising=False)
    monkeypatch.setenv("GRIDNOTE_DB", str(tmp_path / "notebook.db"))
    monkeypatch.setenv("GRIDNOTE_NOW", NOW)
    monkeypatch.setenv("GRIDNOTE_BACKUP", "off")  # tests of the daily backup turn it on
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


@pytest.fixture(scope="session")
def session_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | None]:
    """The runtime folder of the session's command server (``--server``), or None."""
    if not request.config.getoption("--server"):
        yield None
        return
    runtime = tmp_path_factory.mktemp("server") / "run"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRIDNOTE_")}
    start_server(runtime, env)
    yield runtime
    stop_server(runtime, env)


@pytest.fixture
def cli(request: pytest.FixtureRequest, session_server: Path | None) -> Run | ServerRun:
    if session_server is None or request.node.get_closest_marker("in_process"):
        return Run()
    return ServerRun(session_server)


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
