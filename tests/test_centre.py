"""The grid centre on its embedded file: two grids' days synced by network and by bundle, repeats and kills.

Two notebooks (the example grid, each given the brief's day, the second only
its morning) sync into a centre file; its report must show each grid with the
figures and rates of that worker's own report, and the street as their sum.
"""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.report_day import EVENING, SCRIPT, at

pytest.importorskip("sqlalchemy", reason="the centre needs the extra gridnote[centre]")


def write_day(cli: Any, db: Path, code: str, worker: str, steps: int) -> None:
    env = {"GRIDNOTE_DB": str(db)}
    assert cli("config", "set", "grid.code", code, env=env).exit_code == 0
    assert cli("config", "set", "worker.name", worker, env=env).exit_code == 0
    for when, args in SCRIPT[:steps]:
        result = cli(*args, env={**env, **at(when)})
        assert result.exit_code == 0, (args, result.stderr)


@pytest.fixture
def grids(cli: Any, demo_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(demo_template, a)
    shutil.copy(demo_template, b)
    conn = sqlite3.connect(b)  # a notebook of its own: copies of one file would share its id
    conn.execute("UPDATE notebook SET id = '5b3f8a52-7c1e-4d1a-9a52-0c6f6e1d2b04'")
    conn.commit()
    conn.close()
    write_day(cli, a, "冬梅轩-03", "刘玉莹", len(SCRIPT))
    write_day(cli, b, "冬梅轩-04", "王芳", 8)
    return a, b


def run(cli: Any, db: Path | None, *args: str) -> Any:
    env = {"GRIDNOTE_NOW": EVENING, "LANG": "C.UTF-8", "COLUMNS": "250"}
    if db is not None:
        env["GRIDNOTE_DB"] = str(db)
    return cli(*args, env=env)


def contents(centre: Path) -> dict[str, set[tuple[Any, ...]]]:
    """Every synced row the centre keeps (grid, gid, the row and its references), by table."""
    from gridnote.store.changes import TABLES

    conn = sqlite3.connect(centre)
    try:
        return {t: set(conn.execute(f"SELECT grid, gid, record, refs FROM {t}")) for t in TABLES}
    finally:
        conn.close()


def notebook_rows(db: Path) -> dict[str, int]:
    from gridnote.store.changes import TABLES

    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@pytest.fixture(autouse=True)
def evening(monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process reports of these tests are read in the scripted day's evening."""
    from gridnote import clock

    monkeypatch.setenv("GRIDNOTE_NOW", EVENING)
    clock.reset()


def test_two_grids_sync_by_network_and_report_as_their_workers_do(cli, grids, tmp_path: Path) -> None:
    a, b = grids
    street = tmp_path / "street.db"
    assert run(cli, None, "centre", "init", str(street)).stdout == f"✓ Grid centre ready: {street}\n"
    first = run(cli, a, "sync", "--centre", str(street))
    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith(f"✓ Synced to {street}: 4 buildings, 317 households, 752 residents,")
    again = run(cli, a, "sync")  # the centre is remembered
    assert again.stdout == f"✓ Synced to {street}: nothing new.\n"
    assert run(cli, b, "sync", "--centre", str(street)).exit_code == 0
    kept = contents(street)
    for table, n in notebook_rows(a).items():
        assert n + notebook_rows(b)[table] == len(kept[table]), table
    # a visit logged after the sync: the next sync says what went
    assert cli("log", "李奶奶", "复测", "--bp", "128/80", env={"GRIDNOTE_DB": str(a), **at("29T21:30")}).exit_code == 0
    assert run(cli, a, "sync").stdout == f"✓ Synced to {street}: 1 visit, 1 reading.\n"

    listed = run(cli, None, "centre", "grids", "--centre", str(street)).stdout
    assert "冬梅轩-03" in listed and "刘玉莹" in listed and "冬梅轩-04" in listed and "王芳" in listed
    assert_report_agrees(street, [a, b])


def assert_report_agrees(centre: Path, notebooks: list[Path]) -> None:
    """Each grid's line is its worker's own report, to the unit; the street is their sum."""
    from datetime import date

    from gridnote import clock
    from gridnote.domain.vocab import VISIT_KINDS
    from gridnote.models.report import ReportRange
    from gridnote.services import report
    from gridnote.services.centre import centre_report
    from gridnote.services.figures import figures
    from gridnote.store.changes import identity
    from gridnote.store.notebook import open_notebook

    clock.reset()
    span = ReportRange(date(2026, 11, 23), date(2026, 11, 29), "week")
    found = centre_report(str(centre), span)
    by_grid = {line.grid.notebook_id: line for line in found.lines if line.grid}
    assert len(by_grid) == len(notebooks)
    for path in notebooks:
        nb = open_notebook(path)
        try:
            rows = report.grid_rows(nb, span)
            own_figures = figures(rows, VISIT_KINDS.codes, report.as_of(span))
            own_rates = report.rates(nb, span, rows)
            line = by_grid[identity(nb).notebook_id]
        finally:
            nb.close()
        assert line.figures == own_figures
        assert line.rates == own_rates
    lines = list(by_grid.values())
    assert found.total.figures.contacts == sum(x.figures.contacts for x in lines)
    assert found.total.figures.readings_flagged == sum(x.figures.readings_flagged for x in lines)
    for code in ("response", "resolution", "satisfaction"):
        total = getattr(found.total.rates, code)
        assert total.numerator == sum(getattr(x.rates, code).numerator for x in lines)
        assert total.denominator == sum(getattr(x.rates, code).denominator for x in lines)


def test_the_first_grid_s_day_by_hand(cli, grids, tmp_path: Path) -> None:
    """Worked out from the script: 11-29 in grid 03, flagged readings and issues, against the centre alone."""
    a, _ = grids
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    run(cli, a, "sync", "--centre", str(street))
    from datetime import date

    from gridnote import clock
    from gridnote.models.report import ReportRange
    from gridnote.services.centre import centre_report

    clock.reset()
    day = centre_report(str(street), ReportRange(date(2026, 11, 29), date(2026, 11, 29), "day"))
    f = day.lines[0].figures
    # readings of the day: 139/90 (diastolic 90: flagged), pulse 63, temperature 37.5 (fever: flagged)
    assert (f.readings, f.readings_flagged) == (3, 2)
    # two issues received, one resolved (the waste), and it was rated satisfied by its reporter
    assert (f.issues["received"], f.issues["resolved"]) == (2, 1)
    assert day.lines[0].rates.satisfaction.numerator == 1 and day.lines[0].rates.satisfaction.denominator == 1
    assert f.events == 1 and f.attendees == 23
    assert f.walks == 4  # buildings 5, 6, 7 and 8 walked once


def test_bundles_carry_the_same_and_repeats_change_nothing(cli, grids, tmp_path: Path) -> None:
    a, b = grids
    by_net, by_hand = tmp_path / "net.db", tmp_path / "hand.db"
    for centre in (by_net, by_hand):
        run(cli, None, "centre", "init", str(centre))
    for db in (a, b):
        run(cli, db, "sync", "--centre", str(by_net))
    one, two = tmp_path / "a.gnsync", tmp_path / "b.gnsync"
    made = run(cli, a, "sync", "--out", str(one), "--since", "0")
    assert made.exit_code == 0 and made.stdout.startswith(f"✓ Bundle {one}: ")
    assert run(cli, b, "sync", "--out", str(two), "--since", "0").exit_code == 0
    assert os.stat(one).st_mode & 0o777 == 0o600
    imported = run(cli, None, "centre", "import", str(two), str(one), "--centre", str(by_hand))
    assert imported.exit_code == 0, imported.stderr
    assert contents(by_hand) == contents(by_net)
    repeat = run(cli, None, "centre", "import", str(one), "--centre", str(by_hand))
    assert repeat.stdout.startswith(f"✓ {one}: grid 冬梅轩-03, 0 changes merged (nothing), ")
    assert contents(by_hand) == contents(by_net)
    # the next bundle starts where the last one ended
    assert cli("log", "高阿姨", "回访", env={"GRIDNOTE_DB": str(a), **at("29T21:40")}).exit_code == 0
    three = tmp_path / "c.gnsync"
    assert run(cli, a, "sync", "--out", str(three)).stdout.startswith(f"✓ Bundle {three}: 1 change (1 visit)")
    assert run(cli, None, "centre", "import", str(three), "--centre", str(by_hand)).exit_code == 0
    assert run(cli, a, "sync", "--centre", str(by_net)).exit_code == 0
    assert contents(by_hand) == contents(by_net)


def test_a_damaged_or_altered_bundle_is_refused_whole(cli, grids, tmp_path: Path) -> None:
    a, _ = grids
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    bundle = tmp_path / "a.gnsync"
    run(cli, a, "sync", "--out", str(bundle))
    raw = gzip.decompress(bundle.read_bytes())
    altered = tmp_path / "altered.gnsync"
    altered.write_bytes(gzip.compress(raw.replace("李秀英".encode(), "李秀华".encode(), 1)))
    cut = tmp_path / "cut.gnsync"
    cut.write_bytes(bundle.read_bytes()[:-200])
    for bad in (altered, cut):
        result = run(cli, None, "centre", "import", str(bundle), str(bad), "--centre", str(street))
        assert result.exit_code == 6
        assert result.stderr.strip().endswith(
            f"{bad} is damaged or was altered (its checksum does not match): nothing was imported"
        )
        assert sum(len(rows) for rows in contents(street).values()) == 0


def test_a_bundle_after_a_gap_is_refused(cli, grids, tmp_path: Path) -> None:
    a, _ = grids
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    first, second = tmp_path / "1.gnsync", tmp_path / "2.gnsync"
    run(cli, a, "sync", "--out", str(first))
    assert cli("log", "高阿姨", "回访", env={"GRIDNOTE_DB": str(a), **at("29T21:40")}).exit_code == 0
    run(cli, a, "sync", "--out", str(second))
    result = run(cli, None, "centre", "import", str(second), "--centre", str(street))
    assert result.exit_code == 4
    assert "bring the bundles before it first" in result.stderr
    assert run(cli, None, "centre", "import", str(second), str(first), "--centre", str(street)).exit_code == 0


def test_readings_reach_the_centre_as_flags_unless_it_keeps_them_whole(cli, grids, tmp_path: Path) -> None:
    a, _ = grids
    flags, whole = tmp_path / "flags.db", tmp_path / "whole.db"
    run(cli, None, "centre", "init", str(flags))
    run(cli, None, "centre", "init", str(whole), "--full-readings")
    for centre in (flags, whole):
        run(cli, a, "sync", "--centre", str(centre))
    import json

    def values(centre: Path) -> list[Any]:
        conn = sqlite3.connect(centre)
        rows = [json.loads(r) for (r,) in conn.execute("SELECT record FROM readings")]
        conn.close()
        return [
            (r.get("value"), r["flagged"]) for r in rows if r["kind"] == "bp" and r["at"].startswith("2026-11-29T06")
        ]

    assert values(flags) == [(None, 1)]
    assert values(whole) == [(139.0, 1)]


def test_without_a_grid_code_or_a_centre_nothing_is_sent(cli, tmp_path: Path) -> None:
    no_code = run(cli, None, "sync", "--centre", str(tmp_path / "street.db"))
    assert (no_code.exit_code, no_code.stderr) == (
        4,
        "Error: set the grid code first: gridnote config set grid.code 冬梅轩-03\n",
    )
    assert run(cli, None, "config", "set", "grid.code", "X-1").exit_code == 0
    missing = run(cli, None, "sync", "--centre", str(tmp_path / "street.db"))
    assert missing.exit_code == 6
    where = tmp_path / "street.db"
    assert missing.stderr == f"Error: no centre at {where}: make it with `gridnote centre init {where}`\n"
    assert run(cli, None, "sync").exit_code == 2


def test_chinese(cli, grids, tmp_path: Path) -> None:
    a, _ = grids
    street = tmp_path / "street.db"
    env = {"GRIDNOTE_NOW": EVENING, "LANG": "zh_CN.UTF-8", "GRIDNOTE_DB": str(a), "COLUMNS": "250"}
    assert cli("centre", "init", str(street), env=env).stdout == f"✓ 网格中心已建立：{street}\n"
    sent = cli("sync", "--centre", str(street), env=env).stdout
    assert sent.startswith(f"✓ 已同步到 {street}：楼栋 4 栋、住户 317 户、居民 752 人、")
    assert "网格" in cli("centre", "report", "--centre", str(street), env=env).stdout


def test_the_report_as_a_workbook(cli, grids, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    a, b = grids
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    for db in (a, b):
        run(cli, db, "sync", "--centre", str(street))
    book = tmp_path / "week.xlsx"
    done = run(
        cli, None, "centre", "report", "--centre", str(street), "--from", "11-23", "--to", "11-29", "-o", str(book)
    )
    assert done.stdout == f"✓ Report written to {book}\n"
    sheet = load_workbook(book).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in rows] == ["grid", "冬梅轩-03", "冬梅轩-04", "street total"]
    header = list(rows[0])
    flagged = header.index("flagged")
    assert rows[3][flagged] == rows[1][flagged] + rows[2][flagged]
    assert run(cli, None, "centre", "report", "--centre", str(street), "-o", str(book)).exit_code == 6


# -- killed syncs -----------------------------------------------------------------------------
def _kill_repeatedly(args: list[str], env: dict[str, str], delays: list[float]) -> int:
    """Run ``gridnote ARGS`` and kill -9 it after each delay until one run finishes; returns the kills."""
    kills = 0
    for delay in delays:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gridnote", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    return kills


def _rows(centre: Path) -> int:
    """How many synced rows the centre holds now (read while a sync may be writing)."""
    from gridnote.store.changes import TABLES

    conn = sqlite3.connect(centre, timeout=30)
    try:
        return sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
    finally:
        conn.close()


def _kill_after_progress(args: list[str], env: dict[str, str], centre: Path, lags: list[float]) -> list[int]:
    """Run ``gridnote ARGS`` and kill -9 it each time the centre has grown, then ``lag`` seconds later.

    Kills follow what the sync has done, not the wall clock, so a slow or loaded machine
    kills it part-way just as a fast one does. Stops when a run finishes by itself.
    Returns the centre's row count after each kill.
    """
    kills: list[int] = []
    for lag in lags:
        before = _rows(centre)
        proc = subprocess.Popen(
            [sys.executable, "-m", "gridnote", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        while proc.poll() is None and _rows(centre) == before:
            time.sleep(0.01)
        time.sleep(lag)
        if proc.poll() is not None:
            break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        kills.append(_rows(centre))
    return kills


def test_a_sync_killed_at_any_moment_loses_and_duplicates_nothing(cli, grids, tmp_path: Path) -> None:
    a, _ = grids
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    for centre in (clean, killed):
        run(cli, None, "centre", "init", str(centre))
    run(cli, a, "sync", "--centre", str(clean))
    env = {**os.environ, "GRIDNOTE_DB": str(a), "GRIDNOTE_NOW": EVENING, "GRIDNOTE_SYNC_BATCH": "40"}
    kills = _kill_after_progress(["sync", "--centre", str(killed)], env, killed, [0, 0.003, 0.01, 0, 0.02, 0.005])
    assert kills  # a sync was really killed part-way
    assert 0 < kills[0] < _rows(clean)  # what it had merged stayed, and it was not all
    assert kills == sorted(kills)  # no kill undid what an earlier run had merged
    assert run(cli, a, "sync", "--centre", str(killed)).exit_code == 0
    assert contents(killed) == contents(clean)


def test_an_import_killed_on_the_centre_s_side_loses_and_duplicates_nothing(cli, grids, tmp_path: Path) -> None:
    a, b = grids
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    for centre in (clean, killed):
        run(cli, None, "centre", "init", str(centre))
    one, two = tmp_path / "a.gnsync", tmp_path / "b.gnsync"
    run(cli, a, "sync", "--out", str(one))
    run(cli, b, "sync", "--out", str(two))
    run(cli, None, "centre", "import", str(one), str(two), "--centre", str(clean))
    env = {**os.environ, "GRIDNOTE_NOW": EVENING}
    _kill_repeatedly(["centre", "import", str(one), str(two), "--centre", str(killed)], env, [0.4, 0.6, 0.8, 1.0])
    assert run(cli, None, "centre", "import", str(one), str(two), "--centre", str(killed)).exit_code == 0
    assert contents(killed) == contents(clean)


def test_an_enquiry_is_counted_apart_at_the_centre_as_in_her_report(cli, grids, tmp_path: Path) -> None:
    """ "How should we share the hawthorns?" is not a complaint: not received among the issues, counted apart."""
    from datetime import date

    from gridnote import clock
    from gridnote.models.report import ReportRange
    from gridnote.services.centre import centre_report

    a, b = grids
    env = {"GRIDNOTE_DB": str(a), **at("29T16:00")}
    asked = cli("issue", "add", "山楂树的果子怎么分", "-e", "-r", "高阿姨", env=env)
    assert asked.exit_code == 0, asked.stderr
    assert cli("issue", "resolve", "3", "按楼栋分，物业统一采摘", env=env).exit_code == 0
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    assert run(cli, a, "sync", "--centre", str(street)).exit_code == 0
    assert run(cli, b, "sync", "--centre", str(street)).exit_code == 0
    clock.reset()
    day = centre_report(str(street), ReportRange(date(2026, 11, 29), date(2026, 11, 29), "day"))
    f = day.lines[0].figures if day.lines[0].grid.grid_code == "冬梅轩-03" else day.lines[1].figures
    # as in test_the_first_grid_s_day_by_hand: two issues received, one resolved; the enquiry apart
    assert (f.issues["received"], f.issues["resolved"]) == (2, 1)
    assert (f.enquiries.get("received"), f.enquiries.get("answered")) == (1, 1)
    assert_report_agrees(street, [a, b])


def test_a_centre_made_before_a_column_gets_it_filled_when_next_opened(cli, grids, tmp_path: Path) -> None:
    """A street centre made before issues had a kind: its rows keep the kind in their record, so it is read back."""
    a, b = grids
    env = {"GRIDNOTE_DB": str(a), **at("29T16:00")}
    assert cli("issue", "add", "山楂树的果子怎么分", "-e", "-r", "高阿姨", env=env).exit_code == 0
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    assert run(cli, a, "sync", "--centre", str(street)).exit_code == 0
    assert run(cli, b, "sync", "--centre", str(street)).exit_code == 0
    conn = sqlite3.connect(street)
    conn.execute("ALTER TABLE issues DROP COLUMN kind")  # as the centre was before
    conn.execute("UPDATE centre_settings SET value = 'older' WHERE key = 'shape'")  # made by an older gridnote
    conn.commit()
    conn.close()
    assert run(cli, None, "centre", "report", "--centre", str(street), "--date", "11-29").exit_code == 0
    conn = sqlite3.connect(street)
    kinds = sorted(conn.execute("SELECT coalesce(kind, '-'), count(*) FROM issues GROUP BY 1").fetchall())
    conn.close()
    issues = sum(1 for _ in notebook_issue_rows(a)) + sum(1 for _ in notebook_issue_rows(b))
    assert kinds == [("complaint", issues - 1), ("enquiry", 1)]
    assert_report_agrees(street, [a, b])


def notebook_issue_rows(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id FROM issues").fetchall()
    finally:
        conn.close()
