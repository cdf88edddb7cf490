"""Time gridnote's everyday commands as whole processes, on an empty and a 10-year notebook.

Usage (from the repository root, in the venv where gridnote is installed):

    python benchmarks/bench.py                 # build/reuse the 10-year notebook, run, print
    python benchmarks/bench.py --save          # also write benchmarks/results/<date>.md
    python benchmarks/bench.py --runs 15       # more runs per command (default 9)

Each command runs ``--warmup`` times, then ``--runs`` times; the median is
reported with its ratio to ``python -c pass`` measured in the same run, so
results from different machines can be compared. The budgets are those of
issue 7; this is not part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
RESULTS = HERE / "results"
NOW = "2026-11-30T08:00:00+08:00"  # the generated decade ends the day before


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    budget: float | None  # ratio to `python -c pass` on the 10-year notebook
    writes: bool = False


def cases(roster: Path) -> list[Case]:
    return [
        Case("python -c pass", (), None),
        Case("--help", ("--help",), 8),
        Case("today", ("today",), 8),
        Case("today --json", ("today", "--json"), 8),
        Case("log (visit + reading)", ("log", "李奶奶", "血压正常", "--bp", "132/84", "--pulse", "66"), 6, True),
        Case("task add", ("task", "add", "回访高阿姨", "--due", "明天"), 6, True),
        Case("issue list --open", ("issue", "list", "--open"), None),
        Case("resident show", ("resident", "show", "李奶奶"), None),
        Case("find 李", ("find", "李"), None),
        Case("report --month --format json", ("report", "--month", "--format", "json"), 15),
        Case("resident import (752 rows)", ("resident", "import", str(roster)), 40, True),
    ]


def gridnote_command() -> list[str]:
    script = Path(sys.executable).with_name("gridnote")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gridnote"]


def median_ms(argv: list[str], env: dict[str, str], runs: int, warmup: int) -> tuple[float, bool]:
    ok = True
    samples = []
    for i in range(warmup + runs):
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            ok = False
        if i >= warmup:
            samples.append(elapsed * 1000)
    return statistics.median(samples), ok


def prepare(workdir: Path, big_source: Path) -> tuple[Path, Path, Path]:
    """Fresh copies: an empty notebook (with the example grid's registry) and the 10-year one."""
    empty = workdir / "empty.db"
    env = {**os.environ, "GRIDNOTE_DB": str(empty), "GRIDNOTE_NOW": NOW}
    subprocess.run([*gridnote_command(), "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    roster = workdir / "roster.csv"
    subprocess.run([*gridnote_command(), "resident", "export", "--full", "-o", str(roster)], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    big = workdir / "ten-years.db"
    shutil.copy(big_source, big)
    return empty, big, roster


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/<date>.md")
    args = parser.parse_args()

    sys.path.insert(0, str(HERE))
    from generate import ensure_big_notebook

    big_source = ensure_big_notebook(DATA / "ten-years.db")
    with tempfile.TemporaryDirectory() as tmp:
        empty, big, roster = prepare(Path(tmp), big_source)
        rows = []
        base_env = {k: v for k, v in os.environ.items() if not k.startswith("GRIDNOTE_")}
        base_env.update({"GRIDNOTE_NOW": NOW, "LANG": "C.UTF-8", "COLUMNS": "80"})
        baseline = None
        for case in cases(roster):
            argv = [sys.executable, "-c", "pass"] if not case.args else [*gridnote_command(), *case.args]
            results = {}
            for label, db in (("empty", empty), ("big", big)):
                env = {**base_env, "GRIDNOTE_DB": str(db)}
                results[label] = median_ms(argv, env, args.runs, args.warmup)
            if baseline is None:
                baseline = results["big"][0]
            rows.append((case, results))
            print(f"{case.name:32} empty {results['empty'][0]:7.1f} ms   10y {results['big'][0]:7.1f} ms",
                  file=sys.stderr)
    report = render(rows, baseline, args)
    print(report)
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"{date.today().isoformat()}.md"
        path.write_text(report, encoding="utf-8")
        print(f"saved {path}", file=sys.stderr)


def render(rows: list, baseline: float, args: argparse.Namespace) -> str:
    lines = [
        f"# gridnote benchmark, {date.today().isoformat()}",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}. "
        f"Median of {args.runs} runs after {args.warmup} warm-up runs; ratios are to `python -c pass` "
        f"({baseline:.1f} ms) measured in the same run. 10y = the generated 10-year notebook "
        "(`benchmarks/generate.py`); empty = the example grid's registry only.",
        "",
        "| command | empty ms | ×pass | 10y ms | ×pass | 10y/empty | budget (10y) | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ]
    for case, results in rows:
        empty_ms, empty_ok = results["empty"]
        big_ms, big_ok = results["big"]
        growth = big_ms / empty_ms
        ratio = big_ms / baseline
        if case.budget is None:
            budget, met = "–", ("✓" if growth <= 1.2 or not case.args else "✗ growth")
        else:
            budget = f"≤ {case.budget:g}×"
            met = "✓" if ratio <= case.budget and growth <= 1.2 else "✗"
        if not (empty_ok and big_ok):
            met = "✗ failed"
        lines.append(f"| `{case.name}` | {empty_ms:.1f} | {empty_ms / baseline:.1f} | {big_ms:.1f} | "
                     f"{ratio:.1f} | {growth:.2f} | {budget} | {met} |")
    lines += ["", "Every command must also stay within 1.2× of itself on the empty notebook (10y/empty)."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
