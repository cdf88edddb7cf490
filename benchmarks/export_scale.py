"""Exports that scale: time and peak memory of `resident export` at growing register sizes.

Usage (from the repository root, in the venv where gridnote is installed)::

    python benchmarks/export_scale.py                 # 10,000 and 100,000 residents, CSV and XLSX
    python benchmarks/export_scale.py --sizes 1000 10000 --save

Each register is the example grid (``gridnote demo``) with its residents copied
until it holds N people (new names and ID numbers, same households), built
once per size under ``benchmarks/data/``. Every export runs as its own
process, ``--runs`` times per size in rounds; the table shows the median time,
the peak resident memory of the process (``ru_maxrss`` of the child), and how
time and memory grow against the smallest size: an export linear in rows
grows ×10 in time from 10,000 to 100,000 rows, and its memory stays flat.
Budgets (issue 17): a 100,000-row export ≤ 80 MiB peak, time linear in rows; the whole
10-year notebook's report (`report --from 2016-12-01 --to 2026-11-29 -o …`, the notebook
``generate.py`` builds) as XLSX and as a CSV zip (`zip` in the table) ≤ 80 MiB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
RESULTS = HERE / "results"
NOW = "2026-11-30T08:00:00+08:00"
MEMORY_BUDGET_MIB = 80


def environment(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRIDNOTE_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"GRIDNOTE_NOW": NOW, "TZ": "Asia/Shanghai", "LANG": "C.UTF-8", "GRIDNOTE_DB": str(db)})
    env["GRIDNOTE_BACKUP"] = "off"
    env["GRIDNOTE_SERVER"] = "0"  # the process measured is the one that exports, not a client of the server
    return env


def gridnote() -> list[str]:
    return [sys.executable, "-m", "gridnote"]


def build(size: int) -> Path:
    """The example grid with its residents copied until there are ``size`` of them."""
    path = DATA / f"register-{size}.db"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=DATA))
    db = scratch / "register.db"
    subprocess.run([*gridnote(), "demo"], env=environment(db), check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    with con:
        have = con.execute("SELECT count(*) FROM residents").fetchone()[0]
        copy = 0
        while have < size:
            copy += 1
            take = min(size - have, have)
            con.execute(
                """INSERT INTO residents (household_id, name, alias, gender, birth, phones, id_number, note,
                                          pinyin, initials, created_at, updated_at, deceased)
                   SELECT household_id, name || ?, alias, gender, birth, phones,
                          CASE WHEN id_number IS NULL THEN NULL ELSE substr(id_number, 1, 14) || printf('%04d', id % 10000) END,
                          note, pinyin, initials, created_at, updated_at, deceased
                   FROM residents WHERE moved_out_at IS NULL ORDER BY id LIMIT ?""",
                [str(copy), take],
            )
            have = con.execute("SELECT count(*) FROM residents").fetchone()[0]
    con.close()
    shutil.move(db, path)
    shutil.rmtree(scratch, ignore_errors=True)
    return path


def run_once(db: Path, out: Path, command: tuple[str, ...] = ("resident", "export")) -> tuple[float, float]:
    """Seconds and peak MiB of one export process."""
    out.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*gridnote(), *command, "-o", str(out)],
            env=environment(db),
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _, status, usage = os.wait4(proc.pid, 0)  # this one process's own peak, not the largest child so far
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}) on {db}: {errors.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-decade", dest="decade", action="store_false", help="skip the 10-year report")
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/<today>-exports.md")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    dbs = {size: build(size) for size in sizes}
    lines = [
        f"# Exports at scale, {date.today().isoformat()}",
        "",
        "`python benchmarks/export_scale.py"
        + (f" --sizes {' '.join(map(str, sizes))}" if sizes != [10_000, 100_000] else "")
        + f"` ({args.runs} runs per size, medians; peak = the export process's maximum resident memory)",
        "",
        "| format | residents | median s | s per 1,000 | time ×smallest | peak MiB | budget |",
        "|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("csv", "xlsx"):
            first = None
            for size in sizes:
                times, peaks = [], []
                for _ in range(args.runs):
                    seconds, peak = run_once(dbs[size], Path(tmp) / f"out.{fmt}")
                    times.append(seconds)
                    peaks.append(peak)
                median = statistics.median(times)
                first = first or (size, median)
                growth = median / first[1]
                peak = max(peaks)
                ok = "met" if peak <= MEMORY_BUDGET_MIB else f"over {MEMORY_BUDGET_MIB} MiB"
                lines.append(
                    f"| {fmt} | {size:,} | {median:.2f} | {median / size * 1000:.3f} | "
                    f"{growth:.1f} (rows ×{size / first[0]:g}) | {peak:.0f} | {ok} |"
                )
        if args.decade:
            sys.path.insert(0, str(HERE))
            from generate import ensure_big_notebook

            decade = ensure_big_notebook(DATA / "ten-years.db")
            work = Path(tmp) / "decade.db"
            shutil.copy(decade, work)
            whole = ("report", "--from", "2016-12-01", "--to", "2026-11-29")
            for fmt in ("xlsx", "zip"):  # a CSV report is a zip of one CSV per section
                runs = [run_once(work, Path(tmp) / f"report.{fmt}", whole) for _ in range(args.runs)]
                median = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs)
                ok = "met" if peak <= MEMORY_BUDGET_MIB else f"over {MEMORY_BUDGET_MIB} MiB"
                lines.append(f"| report, 10 years, {fmt} | the decade | {median:.2f} | – | – | {peak:.0f} | {ok} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        target = RESULTS / f"{date.today().isoformat()}-exports.md"
        target.write_text(text, encoding="utf-8")
        print(f"saved {target}")


if __name__ == "__main__":
    main()
