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

HEAVY = (
    "pypinyin",
    "openpyxl",
    "xlsxwriter",
    "sqlite_utils",
    "dateutil.parser",
    "plotext",
    "pydantic",
    "sqlalchemy",
    "psycopg",
)
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
    """The command groups loaded: a group's modules (``issue``, ``issue_list``, ``issue_category`` …) count once."""
    names = {m.removeprefix("gridnote.cli.") for m in modules if m.startswith("gridnote.cli.")}
    return {n if n.startswith("_") else n.split("_")[0] for n in names} - {
        "_common",
        "_tree",
        "_help",
        "_usage",  # usage errors, split from _help
        "params",  # the options many commands share
    }


# Commands a case must not load: the slow-to-import, rarely used ones, and the other everyday moments.
NOT_RUN = ("gridnote.cli.report", "gridnote.cli.find", "gridnote.cli.demo", "gridnote.services.importer")


@pytest.mark.parametrize(
    "args",
    [
        ("today",),
        ("log", "李奶奶", "血压正常", "--bp", "132/84"),
        ("task", "add", "回访高阿姨", "--due", "明天"),
        ("issue", "list", "--open"),
        ("resident", "show", "李奶奶"),
    ],
)
def test_a_command_loads_no_heavy_library_and_not_the_whole_tree(demo: Path, args: tuple[str, ...]) -> None:
    modules = loaded(demo, *args)
    assert not [m for m in modules if m.startswith(HEAVY)]
    assert not [m for m in modules if m.startswith(NOT_RUN)]
    assert len(command_modules(modules)) <= 2  # its own command module and at most one whose options it shares


def test_help_lists_every_command_without_loading_services_or_rich(demo: Path) -> None:
    modules = loaded(demo, "--help")
    # sqlite3 is there: --help follows the notebook's `lang` setting, read with one query
    assert not [m for m in modules if m.startswith(("gridnote.services", "gridnote.models.", "rich", *HEAVY))]


def test_the_console_entry_point_keeps_output_and_exit_codes(tmp_path: Path) -> None:
    """main() ends with os._exit: everything printed must be flushed and the code kept."""
    env = {**os.environ, "GRIDNOTE_DB": str(tmp_path / "n.db")}
    run = [sys.executable, "-m", "gridnote"]
    assert subprocess.run([*run, "init"], capture_output=True, env=env).returncode == 0
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
