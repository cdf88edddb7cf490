"""The 10-year notebook the benchmark runs on: one grid, ten years of work, the same every time.

Usage (from the repository root, in the venv where gridnote is installed)::

    python benchmarks/generate.py                  # build benchmarks/data/ten-years-<key>.db
    python benchmarks/generate.py out.db --scale 0.1

The decade ends the day before ``NOW`` (2026-11-30 08:00, the time
``benchmarks/bench.py`` pins): the example grid (752 residents,
``gridnote demo``) registered on 2016-12-01, 48 residents moving in and ~40
moving out over the years, 100,000 visits with readings, 20,000 tasks, 5,000
issues with ~20,000 timeline steps, points and outreach events
(:mod:`decade` writes them).

The registry changes go through the services; the bulk rows are written with
``executemany`` in one transaction, but they are the rows the services would
write (tests/test_bench_generator.py checks the invariants). ``--scale``
shortens the span (``0.01`` = the last 37 days at the same density).

:func:`ensure_big_notebook` keeps one built notebook under
``benchmarks/data/`` (git-ignored), named by a key of this generator's code
and the schema's migrations, so a changed generator or a new migration
rebuilds it.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR_VERSION = 1


def cache_key() -> str:
    """Changes with this generator's code and with the notebook schema."""
    from gridnote.store.migrations import NAMES

    digest = hashlib.sha256(f"v{GENERATOR_VERSION}:{','.join(NAMES)}".encode())
    for source in ("generate.py", "decade.py", "decade_issues.py"):
        digest.update((HERE / source).read_bytes())
    return digest.hexdigest()[:12]


def ensure_big_notebook(path: Path) -> Path:
    """The 10-year notebook for ``path`` (``…/ten-years.db``), built if missing or stale.

    The file actually used is ``ten-years-<key>.db`` beside ``path``; older
    keys are removed.
    """
    path = Path(path)
    target = path.with_name(f"{path.stem}-{cache_key()}{path.suffix}")
    if target.exists():
        return target
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(f"{path.stem}-*{path.suffix}"):
        old.unlink()
    started = time.perf_counter()
    partial = target.with_name(target.name + ".partial")
    _remove(partial)
    summary = build(partial)
    partial.rename(target)
    print(f"built {target.name} in {time.perf_counter() - started:.1f} s: {summary}", file=sys.stderr)
    return target


def build(path: Path, scale: float = 1.0) -> dict[str, int]:
    """Create a notebook at ``path`` with the example grid and ``scale`` of the decade."""
    sys.path.insert(0, str(HERE))
    from decade import fill, load_grid

    from gridnote.store.notebook import open_notebook

    nb = open_notebook(Path(path))
    try:
        load_grid(nb, scale)
        summary = fill(nb, scale)
        nb.execute("ANALYZE")
        nb.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        nb.close()
    return summary


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="build here (default: the benchmark's cached notebook)")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the decade (default 1)")
    args = parser.parse_args()
    if args.path is None:
        print(ensure_big_notebook(HERE / "data" / "ten-years.db"))
        return
    if args.path.exists():
        parser.error(f"{args.path} exists")
    started = time.perf_counter()
    summary = build(args.path, args.scale)
    print(f"built {args.path} in {time.perf_counter() - started:.1f} s: {summary}")


if __name__ == "__main__":
    main()
