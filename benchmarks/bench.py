"""Time gridnote's everyday commands as whole processes, on an empty and a 10-year notebook.

Usage (from the repository root, in the venv where gridnote is installed)::

    python benchmarks/bench.py                    # build/reuse the 10-year notebook, run, print
    python benchmarks/bench.py --save             # also write benchmarks/results/<date>.md
    python benchmarks/bench.py --only today log   # some commands only (names as in the table)
    python benchmarks/bench.py --runs 21          # more rounds (default 15)

Each command runs as its own process, ``--warmup`` times and then ``--runs``
times, in rounds (every command once per round, so a machine that slows down
slows all of them alike); the table shows medians and their ratio to
``python -c pass`` measured in the same rounds and the same environment.
Commands that do not exist yet are shown as ``n/a``. See benchmarks/README.md
for the environment and what the numbers mean; the budgets are issue 7's.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
RESULTS = HERE / "results"
NOW = "2026-11-30T08:00:00+08:00"  # the generated decade ends the day before
GROWTH_BUDGET = 1.2  # every command on the 10-year notebook, against itself on the empty one


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    budget: float | None  # ratio to `python -c pass` on the 10-year notebook


def cases(roster: Path) -> list[Case]:
    return [
        Case("--help", ("--help",), 8),
        Case("today", ("today",), 8),
        Case("today --json", ("today", "--json"), 8),
        Case("log (visit + reading)", ("log", "李奶奶", "血压正常", "--bp", "132/84", "--pulse", "66"), 6),
        Case("task add", ("task", "add", "回访高阿姨", "--due", "明天"), 6),
        Case("issue list --open", ("issue", "list", "--open"), None),
        Case("resident show", ("resident", "show", "李奶奶"), None),
        Case("find 李", ("find", "李"), None),
        Case("report --month --format json", ("report", "--month", "--format", "json"), 15),
        Case("resident import (752 rows)", ("resident", "import", str(roster)), 40),
    ]


# -- where gridnote runs --------------------------------------------------------------------
@dataclass(frozen=True)
class Runtime:
    python: Path
    gridnote: list[str]
    label: str


def install_runtime() -> Runtime:
    """A scratch venv that sees this checkout and the current environment's packages as plain paths.

    That is what a regular install (``pip install``, ``pipx``) looks like at
    start-up. An editable install adds an import hook that every Python in
    its venv runs at start-up, also ``python -c pass`` (≈15 ms here), which
    would flatter every ratio.
    """
    venv = DATA / "runtime"
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    paths = [str(ROOT), *dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))]
    (purelib / "gridnote-bench.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")
    script = venv / "bin" / "gridnote"
    script.write_text(  # what pip writes for a console script
        f"#!{python}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom gridnote.client import main\n"
        "if __name__ == '__main__':\n"
        "    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n"
        "    sys.exit(main())\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    command = [str(script)] if os.name != "nt" else [str(python), str(script)]
    return Runtime(python, command, "a regular install (a scratch venv; no editable-install hook)")


def current_runtime() -> Runtime:
    script = Path(sys.executable).with_name("gridnote")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "gridnote"]
    return Runtime(Path(sys.executable), command, f"the current environment ({sys.prefix})")


def child_env(db: Path | None = None) -> dict[str, str]:
    """The same environment for every process, the baseline included; Python writes bytecode."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GRIDNOTE_") and k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR", "FORCE_COLOR")
    }
    env.update({"GRIDNOTE_NOW": NOW, "TZ": "Asia/Shanghai", "LANG": "C.UTF-8", "COLUMNS": "80"})
    env.pop("LC_ALL", None)
    if db is not None:
        env["GRIDNOTE_DB"] = str(db)
    return env


# -- measuring ------------------------------------------------------------------------------------
@dataclass
class Series:
    samples: list[float]  # wall-clock ms
    cpu: list[float]  # user + system CPU ms of the process (less disturbed by other work on the machine)
    failure: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    returncode: int
    stderr: str


def run_once(argv: list[str], env: dict[str, str]) -> Run:
    """One process: its wall-clock and CPU time in ms (CPU from the kernel's accounting, as ``time`` shows)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = (time.perf_counter() - start) * 1000
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode(errors="replace")
    return Run(wall, (usage.ru_utime + usage.ru_stime) * 1000, process.returncode, text)


def exists(runtime: Runtime, case: Case, env: dict[str, str]) -> bool:
    """False for a command this version does not have yet (its --help fails)."""
    words = [a for a in case.args if not a.startswith("-")][:1]
    if not words:
        return True
    return run_once([*runtime.gridnote, *words, "--help"], env).returncode == 0


def measure(
    jobs: dict[tuple[str, str, str], tuple[list[str], dict[str, str]]], runs: int, warmup: int
) -> dict[tuple[str, str, str], Series]:
    """Every job once per round; the first ``warmup`` rounds are not counted."""
    result = {key: Series([], []) for key in jobs}
    for number in range(warmup + runs):
        for key, (argv, env) in jobs.items():
            done = run_once(argv, env)
            if done.returncode != 0 and result[key].failure is None:
                lines = done.stderr.strip().splitlines()
                result[key].failure = lines[-1] if lines else f"exit {done.returncode}"
            if number >= warmup:
                result[key].samples.append(done.wall)
                result[key].cpu.append(done.cpu)
        print(f"round {number + 1}/{warmup + runs}", end="\r", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return result


def prepare(runtime: Runtime, workdir: Path, big_source: Path) -> tuple[Path, Path, Path]:
    """Fresh copies: an empty notebook (the example grid's registry only) and the 10-year one."""
    empty = workdir / "empty.db"
    subprocess.run([*runtime.gridnote, "demo"], env=child_env(empty), check=True, stdout=subprocess.DEVNULL)
    roster = workdir / "roster.csv"
    subprocess.run(
        [*runtime.gridnote, "resident", "export", "--full", "-o", str(roster)],
        env=child_env(empty),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    big = workdir / "ten-years.db"
    shutil.copy(big_source, big)
    return empty, big, roster


FLOORS = (  # what every command pays before gridnote's own code: the console script's imports
    ("python + typer", "import re, typer"),
    ("python + typer + sqlite3 + rich", "import re, typer, sqlite3, rich.console, rich.table"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="counted rounds (default 15)")
    parser.add_argument("--warmup", type=int, default=3, help="rounds not counted (default 3)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="commands whose name starts with NAME")
    parser.add_argument(
        "--runtime",
        nargs="+",
        choices=("install", "current"),
        default=["install", "current"],
        help="install: a regular install of this checkout (the budgets are checked here); "
        "current: the venv running this script, as it is (default: both)",
    )
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/<date>.md")
    args = parser.parse_args()

    sys.path.insert(0, str(HERE))
    from generate import ensure_big_notebook

    runtimes = [install_runtime() if name == "install" else current_runtime() for name in args.runtime]
    big_source = ensure_big_notebook(DATA / "ten-years.db")
    jobs: dict[tuple[str, str, str], tuple[list[str], dict[str, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        plans = []
        for number, runtime in enumerate(runtimes):
            workdir = Path(tmp) / str(number)
            workdir.mkdir()
            empty, big, roster = prepare(runtime, workdir, big_source)
            chosen = [c for c in cases(roster) if not args.only or any(c.name.startswith(n) for n in args.only)]
            missing = {c.name for c in chosen if not exists(runtime, c, child_env(empty))}
            plans.append((runtime, chosen, missing))
            key = runtime.label
            jobs[(key, "python -c pass", "-")] = ([str(runtime.python), "-c", "pass"], child_env())
            for name, code in FLOORS:
                jobs[(key, name, "-")] = ([str(runtime.python), "-c", code], child_env())
            for case in chosen:
                if case.name not in missing:
                    for label, db in (("empty", empty), ("10y", big)):
                        jobs[(key, case.name, label)] = ([*runtime.gridnote, *case.args], child_env(db))
        load = [_load()]
        results = measure(jobs, args.runs, args.warmup)
        load.append(_load())
    report = render(plans, results, args, load)
    print(report)
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"{date.today().isoformat()}.md"
        path.write_text(report, encoding="utf-8")
        print(f"saved {path.relative_to(ROOT)}", file=sys.stderr)


# -- the report ------------------------------------------------------------------------------------
def _revision() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":!benchmarks/results",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (with uncommitted changes)" if dirty else "")


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except (AttributeError, OSError):
        return "?"


def render(
    plans: list[tuple[Runtime, list[Case], set[str]]],
    results: dict[tuple[str, str, str], Series],
    args: argparse.Namespace,
    load: list[str],
) -> str:
    lines = [
        f"# gridnote benchmark, {date.today().isoformat()}",
        "",
        f"- Machine: {platform.platform()}, {os.cpu_count()} CPUs; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}; gridnote at {_revision()}. Load average (1 min): {load[0]} at the "
        f"start, {load[1]} at the end.",
        f"- Median of {args.runs} rounds after {args.warmup} warm-up rounds, every process once per round; "
        "bytecode is written and warm. ×pass: the ratio to `python -c pass` measured in the same rounds and "
        "the same environment.",
        "- CPU ×pass: the same ratio from the processes' CPU time (user + system), which other work on the "
        "machine disturbs much less; it leaves out waiting for the disk (a write's fsync). The budgets are "
        "checked on wall-clock time.",
        "- empty: the example grid's registry only (`gridnote demo`); 10y: the 10-year notebook "
        "(`benchmarks/generate.py`). 10y/empty is the growth; every command must stay within "
        f"{GROWTH_BUDGET}× of itself on the empty notebook.",
    ]
    for number, (runtime, chosen, missing) in enumerate(plans):
        lines += ["", f"## {runtime.label[:1].upper()}{runtime.label[1:]}", ""]
        if number:
            lines += ["For comparison only: the budgets are checked on the regular install above.", ""]
        lines += _table(runtime, chosen, missing, results, budgets=number == 0)
    return "\n".join(lines) + "\n"


def _table(
    runtime: Runtime,
    chosen: list[Case],
    missing: set[str],
    results: dict[tuple[str, str, str], Series],
    *,
    budgets: bool,
) -> list[str]:
    key = runtime.label
    base = results[(key, "python -c pass", "-")]
    lines = [
        "| command | empty ms | ×pass | 10y ms | ×pass | 10y/empty | CPU ×pass (10y) | budget (10y) | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
        f"| `python -c pass` | {base.median:.1f} | 1.0 | | | | 1.0 ({base.cpu_median:.1f} ms) | | |",
    ]
    for name, code in FLOORS:
        floor = results[(key, name, "-")]
        lines.append(
            f'| floor: `python -c "{code}"` | {floor.median:.1f} | {floor.median / base.median:.1f} | | | | '
            f"{floor.cpu_median / base.cpu_median:.1f} | | |"
        )
    unmet = []
    for case in chosen:
        budget = f"≤ {case.budget:g}×" if case.budget else "–"
        if case.name in missing:
            lines.append(f"| `{case.name}` | n/a | | n/a | | | | {budget if budgets else ''} | n/a |")
            continue
        empty, big = results[(key, case.name, "empty")], results[(key, case.name, "10y")]
        growth, ratio = big.median / empty.median, big.median / base.median
        problems = []
        if case.budget is not None and ratio > case.budget:
            problems.append("budget")
        if growth > GROWTH_BUDGET:
            problems.append("growth")
        if empty.failure or big.failure:
            problems = ["failed: " + (big.failure or empty.failure or "")]
        unmet += [f"`{case.name}` ({p})" for p in problems]
        met = ("✓" if not problems else "✗ " + ", ".join(problems)) if budgets else ""
        lines.append(
            f"| `{case.name}` | {empty.median:.1f} | {empty.median / base.median:.1f} | {big.median:.1f} | "
            f"{ratio:.1f} | {growth:.2f} | {big.cpu_median / base.cpu_median:.1f} | "
            f"{budget if budgets else ''} | {met} |"
        )
    if budgets:
        lines += ["", "Not met: " + "; ".join(unmet) + "." if unmet else "Every budget met."]
    return lines


if __name__ == "__main__":
    main()
