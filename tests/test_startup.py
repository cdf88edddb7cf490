"""What a command loads at start-up: its own module, not the whole tree, and no heavy library it does not use.

Each case runs the real CLI in a fresh interpreter and reports the modules it
imported (the numbers behind these rules are in benchmarks/README.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pypinyin", "openpyxl", "sqlite_utils", "dateutil.parser", "plotext", "pydantic")
SCRIPT = """
import json, os, sys

def _exit(code):  # main() ends with os._exit; report what was loaded first
    raise SystemExit(code)

os._exit = _exit
from gridnote.cli import main
sys.argv = ["gridnote", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
sys.stderr.write("\\nLOADED " + json.dumps([code, sorted(sys.modules)]) + "\\n")
"""


def loaded(db: Path, *args: str) -> set[str]:
    env = {**os.environ, "GRIDNOTE_DB": str(db)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(args)], capture_output=True, text=True, env=env)
    code, modules = json.loads(done.stderr.rsplit("LOADED ", 1)[1])
    assert code in (0, None), done.stderr
    return set(modules)


def command_modules(modules: set[str]) -> set[str]:
    return {m.removeprefix("gridnote.cli.") for m in modules if m.startswith("gridnote.cli.")} - {
        "_common",
        "_tree",
        "_help",
    }


@pytest.mark.parametrize(
    "args, own, records",
    [
        (
            ("today",),
            {"today", "task"},
            {"agenda", "tasks", "events", "issues"},
        ),  # `tomorrow add` shares task's options
        (("log", "李奶奶", "血压正常", "--bp", "132/84"), {"visits"}, {"residents", "tasks", "visits"}),
        (("task", "add", "回访高阿姨", "--due", "明天"), {"task"}, {"residents", "tasks"}),
        (("issue", "list", "--open"), {"issue", "issue_category"}, {"residents", "issues"}),
        (("resident", "show", "李奶奶"), {"resident", "points"}, {"residents", "tasks", "visits"}),
    ],
)
def test_a_command_imports_its_own_modules_and_no_heavy_library(
    demo: Path, args: tuple[str, ...], own: set[str], records: set[str]
) -> None:
    modules = loaded(demo, *args)
    assert command_modules(modules) == own
    assert {m.removeprefix("gridnote.models.") for m in modules if m.startswith("gridnote.models.")} == records
    assert not [m for m in modules if m.startswith(HEAVY)]


def test_help_lists_every_command_without_loading_services_or_rich(demo: Path) -> None:
    modules = loaded(demo, "--help")
    assert {"today", "visits", "task", "issue", "resident"} <= command_modules(modules)
    # sqlite3 is there: --help follows the notebook's `lang` setting, read with one query
    assert not [m for m in modules if m.startswith(("gridnote.services", "gridnote.models.", "rich", *HEAVY))]


def test_the_console_entry_point_keeps_output_and_exit_codes(tmp_path: Path) -> None:
    """main() ends with os._exit: everything printed must be flushed and the code kept."""
    env = {**os.environ, "GRIDNOTE_DB": str(tmp_path / "n.db")}
    run = [sys.executable, "-m", "gridnote"]
    ok = subprocess.run([*run, "resident", "add", "王芳", "-a", "5-1-101"], capture_output=True, text=True, env=env)
    assert (ok.returncode, ok.stdout.strip()) == (0, "✓ Added #1 王芳 at 5-1-101")
    listed = subprocess.run([*run, "resident", "list", "--json"], capture_output=True, text=True, env=env)
    assert json.loads(listed.stdout)[0]["name"] == "王芳"  # written and checkpointed before the process ended
    bad = subprocess.run([*run, "resident", "show", "nobody"], capture_output=True, text=True, env=env)
    assert bad.returncode == 3 and bad.stderr.startswith("Error: no resident matches")
    usage = subprocess.run([*run, "task", "list", "--bogus"], capture_output=True, text=True, env=env)
    assert usage.returncode == 2 and "No such option: --bogus" in usage.stderr


def test_the_client_loads_only_the_standard_library_it_needs() -> None:
    """The console script hands a command to a server after importing this much and no more."""
    code = (
        "import sys; before = set(sys.modules); from gridnote import client; "
        "from gridnote.server import address, protocol; address.identity(); protocol.encode('run', 'x'); "
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert set(done.stdout.split()) <= {
        "gridnote",
        "gridnote.client",
        "gridnote.server",
        "gridnote.server.address",
        "gridnote.server.protocol",
        "_locale",
    }
