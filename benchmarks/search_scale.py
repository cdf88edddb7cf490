"""Measure gridnote's search index on a synthetic 10-year notebook (not part of the tests).

Usage (from the repository root, in the venv where gridnote is installed):

    python benchmarks/search_scale.py            # 100,000 visits, 20,000 tasks, 3,000 issues
    python benchmarks/search_scale.py --visits 20000

It builds the example grid, writes the synthetic history through the real
triggers of migration ``m006_search`` (timing the writes), then times the
queries ``gridnote find`` runs against the alternatives it replaces:

- ``trigram``: a 3+ character query on the trigram index;
- ``han``: a 1-2 character query as a phrase on ``search_han`` (one token per
  Han character) — what ``find`` does;
- ``like``: the same 1-2 character query as ``LIKE '%..%'`` over every
  document, i.e. a full scan (what the trigram index itself does with a short
  ``LIKE`` pattern).

The numbers quoted in gridnote/services/find.py come from this script.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

PHRASES = [
    "血压正常，按时吃药",
    "下水道堵了，已联系物业",
    "楼道灯坏了",
    "送降压药",
    "精神不错，聊了半小时",
    "家里电器多，提醒注意用电安全",
    "子女不在身边，需要多关心",
    "装修垃圾堆在门口",
    "反映楼上漏水",
    "电梯停了两天",
    "独居老人，怕黑",
    "血糖偏高，提醒少吃甜食",
    "复测血压",
    "腿脚不便，代买菜",
    "社区医生上门体检",
    "低保材料已交",
    "防诈骗宣传，发了资料",
    "门口车棚杂物多",
    "高空抛物投诉",
]
NAMES = ["李奶奶", "张大爷", "高阿姨", "曾奶奶", "王阿姨", "刘大爷", "陈叔叔", "赵奶奶"]


def timed(fn, runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def note(rng: random.Random) -> str:
    if rng.random() < 0.005:  # a rare problem, to time a selective query
        return f"{rng.choice(NAMES)}：楼道里有煤气味，{rng.choice(PHRASES)}"
    return f"{rng.choice(NAMES)}：{rng.choice(PHRASES)}，{rng.choice(PHRASES)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--issues", type=int, default=3_000)
    args = parser.parse_args()
    os.environ.setdefault("GRIDNOTE_NOW", "2026-11-30T08:00:00+08:00")

    from gridnote.services.demo import load_demo
    from gridnote.store.notebook import open_notebook

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        nb = open_notebook(path)
        load_demo(nb)
        conn = nb.conn
        stamp = "2020-01-01T09:00:00+08:00"
        visits = [
            ("visit", stamp, "2020-01-01", rng.randint(1, 752), note(rng), stamp, stamp) for _ in range(args.visits)
        ]
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO visits (kind, at, day, resident_id, note, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            visits,
        )
        conn.execute("COMMIT")
        per_visit = (time.perf_counter() - start) * 1000 / args.visits
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO tasks (text, note, created_at, updated_at) VALUES (?, ?, ?, ?)",
            [(note(rng), None, stamp, stamp) for _ in range(args.tasks)],
        )
        for _i in range(args.issues):
            cur = conn.execute(
                "INSERT INTO issues (text, category, category_group, channel, received_at, received_day,"
                " response_due_at, response_due_day, resolve_due_at, resolve_due_day, created_at, updated_at)"
                " VALUES (?, 'other', 'general', 'walk', ?, ?, ?, ?, ?, ?, ?, ?)",
                [rng.choice(PHRASES), stamp, stamp[:10], stamp, stamp[:10], stamp, stamp[:10], stamp, stamp],
            )
            for _ in range(3):
                conn.execute(
                    "INSERT INTO issue_updates (issue_id, kind, at, day, text, recorded_at)"
                    " VALUES (?, 'note', ?, ?, ?, ?)",
                    [cur.lastrowid, stamp, stamp[:10], note(rng), stamp],
                )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size / 1e6
        docs = conn.execute("SELECT count(*) FROM search").fetchone()[0]
        print(f"{docs} documents, notebook {size:.1f} MB, {per_visit:.3f} ms per visit written (triggers)")

        def rowids(sql: str, *params: str) -> int:
            return len(conn.execute(sql, params).fetchall())

        # FTS5 answers a LIKE pattern under 3 characters with nothing: scan its stored copy instead.
        LIKE = "SELECT id FROM search_content WHERE c0 LIKE ?"  # noqa: N806
        cases = [
            ("trigram  下水道", lambda: rowids("SELECT rowid FROM search WHERE search MATCH ?", '"下水道"')),
            ("trigram  李奶奶", lambda: rowids("SELECT rowid FROM search WHERE search MATCH ?", '"李奶奶"')),
            ("han      下水", lambda: rowids("SELECT rowid FROM search_han WHERE search_han MATCH ?", '"下 水"')),
            ("like     下水", lambda: rowids(LIKE, "%下水%")),
            ("trigram  煤气味", lambda: rowids("SELECT rowid FROM search WHERE search MATCH ?", '"煤气味"')),
            ("han      煤气", lambda: rowids("SELECT rowid FROM search_han WHERE search_han MATCH ?", '"煤 气"')),
            ("like     煤气", lambda: rowids(LIKE, "%煤气%")),
            ("han      漏", lambda: rowids("SELECT rowid FROM search_han WHERE search_han MATCH ?", '"漏"')),
            ("like     漏", lambda: rowids(LIKE, "%漏%")),
            ("han      曾", lambda: rowids("SELECT rowid FROM search_han WHERE search_han MATCH ?", '"曾"')),
            ("like     曾", lambda: rowids(LIKE, "%曾%")),
        ]
        for label, case in cases:
            found = case()
            print(f"{label:18} {timed(case):7.2f} ms  ({found} documents)")

        from gridnote.services.find import search

        for query in ("李", "下水道", "煤气", "lnn", "曾", "漏水 电梯"):
            found = search(nb, query)
            shown = ", ".join(f"{g.kind} {g.count}" for g in found.groups)
            print(f"search({query!r}) {timed(lambda query=query: search(nb, query)):7.2f} ms  ({shown})")
        try:
            sizes = conn.execute(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search%' GROUP BY name ORDER BY 2 DESC"
            ).fetchall()
            print("index tables:", ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sizes))
        except sqlite3.OperationalError:
            pass  # SQLite built without dbstat
        nb.close()
        without = Path(tmp) / "without.db"
        plain = sqlite3.connect(path)
        plain.execute(f"VACUUM INTO '{without}'")
        plain.close()
        plain = sqlite3.connect(without)
        for name in ("search", "search_han"):
            plain.execute(f"DROP TABLE {name}")
        plain.execute("VACUUM")
        plain.close()
        print(f"without the search index: {without.stat().st_size / 1e6:.1f} MB")
        upgrade(without)


def upgrade(path: Path) -> None:
    """Time migration m006 on a notebook written before it (the one-time cost of upgrading)."""
    from gridnote.store.notebook import open_notebook

    conn = sqlite3.connect(path)
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name LIKE 'search%' AND type IN ('view', 'trigger', 'table')"
    ).fetchall():
        conn.execute(f"DROP {kind} IF EXISTS {name}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_search'")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    start = time.perf_counter()
    open_notebook(path).close()
    print(f"upgrading that notebook (m006_search backfill): {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
