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
import json, sys
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
    return {m.removeprefix("gridnote.cli.") for m in modules if m.startswith("gridnote.cli.")} - {"_common", "_tree", "_help"}


@pytest.mark.parametrize("args, own, records", [
    (("today",), {"today", "task"}, {"agenda", "tasks", "events", "issues"}),  # `tomorrow add` shares task's options
    (("log", "李奶奶", "血压正常", "--bp", "132/84"), {"log"}, {"registry", "tasks", "visits"}),
    (("task", "add", "回访高阿姨", "--due", "明天"), {"task"}, {"registry", "tasks"}),
    (("issue", "list", "--open"), {"issue", "issue_category"}, {"registry", "issues"}),
    (("resident", "show", "李奶奶"), {"resident", "points"}, {"registry", "tasks", "visits"}),
])
def test_a_command_imports_its_own_modules_and_no_heavy_library(demo: Path, args: tuple[str, ...], own: set[str],
                                                                 records: set[str]) -> None:
    modules = loaded(demo, *args)
    assert command_modules(modules) == own
    assert {m.removeprefix("gridnote.models.") for m in modules if m.startswith("gridnote.models.")} == records
    assert not [m for m in modules if m.startswith(HEAVY)]


def test_help_lists_every_command_without_loading_services_or_rich(demo: Path) -> None:
    modules = loaded(demo, "--help")
    assert {"today", "log", "task", "issue", "resident"} <= command_modules(modules)
    # sqlite3 is there: --help follows the notebook's `lang` setting, read with one query
    assert not [m for m in modules if m.startswith(("gridnote.services", "gridnote.models.", "rich", *HEAVY))]
