"""The grid centre at a street's scale: 200 notebooks × one year, synced, merged and reported.

Usage (from the repository root, in the venv where gridnote[centre] is installed)::

    python benchmarks/centre_scale.py WORKDIR [--grids 200] [--distinct 4] [--postgres URL] [-o RESULT.md]

The street: ``--distinct`` notebooks of one year each from the 10-year generator's model
(:mod:`decade`, each with its own seed: 10,000 visits, ~3,800 readings, 2,000 tasks, 500 issues and
their timelines, about 20,000 changes), copied to ``--grids`` notebooks, each with a notebook id and
grid code of its own (copies of one year: the same rows under other ids, so the centre holds 200
grids' worth of rows). Then, each timed:

1. the first full sync of one notebook into an empty centre file (``gridnote sync``, a process);
2. the bundles of every notebook (``sync --out``), merged into the embedded centre (and into
   PostgreSQL with ``--postgres``) in steps of a quarter: the rate per step shows whether merging
   stays linear in the number of changes as the centre grows;
3. a day's sync: a day of her work written with real commands (visits with readings, a walk, an
   issue taken through its steps), then ``gridnote sync`` into the centre of 200 grids; median of 5 days;
4. the street's weekly report (``gridnote centre report --week``) on 200 grids; median of 5, each
   round also timing ``python -c pass``, so the report is given as a ratio to it from the same rounds
   (a loaded machine slows both alike).

``--report-only CENTRE …`` measures step 4 alone on centres made by an earlier run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOW = "2026-11-30T08:00:00+08:00"


def env(db: Path | None = None, now: str = NOW) -> dict[str, str]:
    e = {**os.environ, "GRIDNOTE_NOW": now, "TZ": "Asia/Shanghai", "GRIDNOTE_SERVER": "0", "LANG": "C.UTF-8"}
    if db is not None:
        e["GRIDNOTE_DB"] = str(db)
    return e


def gridnote(*args: str, db: Path | None = None, now: str = NOW) -> float:
    """Run one command in a process of its own; its wall-clock in seconds."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "gridnote", *args], env=env(db, now), capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"gridnote {' '.join(args)}: {done.stderr}")
    return took


def build_year(path: Path, seed: int) -> None:
    sys.path.insert(0, str(HERE))
    import decade

    from gridnote.store.notebook import open_notebook

    decade.SEED = seed
    nb = open_notebook(path)
    try:
        decade.load_grid(nb, 0.1)
        decade.fill(nb, 0.1)
        nb.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        nb.close()


def street(work: Path, grids: int, distinct: int) -> list[Path]:
    os.environ.update({"GRIDNOTE_NOW": NOW, "TZ": "Asia/Shanghai"})
    time.tzset()
    years = []
    for k in range(distinct):
        year = work / f"year-{k}.db"
        if not year.exists():
            build_year(year, 2026 + k)
        years.append(year)
    paths = []
    for n in range(grids):
        path = work / f"grid-{n:03d}.db"
        shutil.copy(years[n % distinct], path)
        conn = sqlite3.connect(path)
        conn.execute("UPDATE notebook SET id = ?", [str(uuid.uuid4())])
        conn.executemany(
            "INSERT OR REPLACE INTO config (key, value) VALUES (?, ?)",
            [("grid.code", f"街道-{n + 1:03d}"), ("worker.name", f"网格员{n + 1}")],
        )
        conn.commit()
        conn.close()
        paths.append(path)
    return paths


def changes(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM changes").fetchone()[0])
    finally:
        conn.close()


def merge_in_steps(url: str, bundles: list[Path], counts: list[int]) -> list[tuple[int, int, float]]:
    """(grids so far, changes in the step, seconds) per quarter of the bundles."""
    from gridnote.services.sync import import_bundles

    steps = []
    quarter = max(1, len(bundles) // 4)
    done = 0
    for start in range(0, len(bundles), quarter):
        chunk = bundles[start : start + quarter]
        began = time.perf_counter()
        import_bundles(url, chunk)
        took = time.perf_counter() - began
        done += len(chunk)
        steps.append((done, sum(counts[start : start + quarter]), took))
    return steps


DAY = [
    ("07:00", ["log", "李奶奶", "量血压", "--bp", "142/91", "--pulse", "66"]),
    ("08:00", ["log", "-b", "5", "-b", "6", "-b", "7", "-b", "8", "巡查"]),
    ("08:30", ["issue", "add", "8号楼下水道堵了", "-b", "8", "-r", "张大爷", "-k", "下水道"]),
    ("09:00", ["log", "张大爷", "电话问候", "-k", "电话"]),
    ("10:00", ["log", "高阿姨", "走访", "--temp", "36.6"]),
    ("11:00", ["log", "曾奶奶", "走访"]),
    ("15:00", ["event", "add", "防诈骗宣讲", "--at", "15:00", "-b", "8", "--attendees", "20"]),
    ("16:00", ["task", "add", "回访张大爷", "--due", "明天"]),
]


def one_day(db: Path, day: date) -> None:
    for hm, args in DAY:
        gridnote(*args, db=db, now=f"{day.isoformat()}T{hm}:00+08:00")


def timed_days(db: Path, url: str, days: int = 5) -> list[float]:
    from datetime import timedelta

    took = []
    start = date(2026, 11, 30)
    for k in range(days):
        day = start + timedelta(days=k)
        one_day(db, day)
        took.append(gridnote("sync", "--centre", url, db=db, now=f"{day.isoformat()}T18:00:00+08:00"))
    return took


def report_rounds(url: str, rounds: int = 5) -> tuple[list[float], list[float]]:
    """(the weekly report's seconds, ``python -c pass``'s seconds), from the same rounds."""
    runs, floor = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env(), check=True)
        floor.append(time.perf_counter() - started)
        runs.append(gridnote("centre", "report", "--week", "--centre", url, now="2026-11-29T18:00:00+08:00"))
    return runs, floor


def report_line(name: str, url: str, grids: str) -> str:
    runs, floor = report_rounds(url)
    report, base = statistics.median(runs), statistics.median(floor)
    return (
        f"4. The street's weekly report from {name}, {grids}: median {report:.2f} s, "
        f"{report / base:.0f}× `python -c pass` ({base * 1000:.0f} ms) in the same rounds "
        f"(budget 2 s; {', '.join(f'{r:.2f}' for r in runs)}; load average {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--grids", type=int, default=200)
    parser.add_argument("--distinct", type=int, default=4)
    parser.add_argument("--postgres", help="also merge into this (empty) PostgreSQL database and report from it")
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--report-only", nargs="+", metavar="CENTRE", help="time only the report on these centres")
    args = parser.parse_args()
    if args.report_only:
        print("\n".join(report_line(url, url, "as made earlier") for url in args.report_only))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    lines = [f"# Grid centre at a street's scale — {date.today().isoformat()}", ""]

    began = time.perf_counter()
    notebooks = street(args.work, args.grids, args.distinct)
    counts = [changes(p) for p in notebooks]
    lines.append(
        f"Street: {args.grids} notebooks × one year ({args.distinct} distinct years, copied under new ids), "
        f"{sum(counts):,} changes in all ({counts[0]:,} per notebook); made in {time.perf_counter() - began:.0f} s."
    )
    lines.append("")

    first = args.work / "first.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{first}{suffix}").unlink(missing_ok=True)
    gridnote("centre", "init", str(first))
    full = gridnote("sync", "--centre", str(first), db=notebooks[0])
    lines.append(f"1. First full sync of one notebook ({counts[0]:,} changes) into an empty centre file: {full:.2f} s")

    bundles = []
    for n, path in enumerate(notebooks):
        bundle = args.work / f"grid-{n:03d}.gnsync"
        bundle.unlink(missing_ok=True)
        gridnote("sync", "--out", str(bundle), "--since", "0", db=path)
        bundles.append(bundle)
    centre = args.work / "street.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{centre}{suffix}").unlink(missing_ok=True)
    gridnote("centre", "init", str(centre))
    targets = [("the embedded centre (SQLite)", str(centre))]
    if args.postgres:
        gridnote("centre", "init", args.postgres)
        targets.append(("PostgreSQL", args.postgres))
    lines.append("2. Merging every bundle (`centre import`), a quarter at a time:")
    lines.append("")
    lines.append("   | into | grids after | changes | seconds | changes/s |")
    lines.append("   | --- | ---: | ---: | ---: | ---: |")
    for name, url in targets:
        for grids_so_far, n, took in merge_in_steps(url, bundles, counts):
            lines.append(f"   | {name} | {grids_so_far} | {n:,} | {took:.1f} | {n / took:,.0f} |")
    lines.append("")
    for k, (name, url) in enumerate(targets):
        days = timed_days(notebooks[1 + k], url)
        lines.append(
            f"3. A day's sync into {name} of {args.grids} grids (a process each, {len(DAY)} commands' changes): "
            f"median {statistics.median(days):.2f} s (budget 1 s; {', '.join(f'{d:.2f}' for d in days)})"
        )
    for name, url in targets:
        lines.append(report_line(name, url, f"{args.grids} grids × one year"))
    lines.append("")
    lines.append(f"Centre file: {centre.stat().st_size / 1e6:.0f} MB for {args.grids} grids.")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
