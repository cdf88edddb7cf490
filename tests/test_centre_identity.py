"""Who a grid is at the centre: its street travels with every sync, and sync's bookkeeping is no setting."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="the centre needs the extra gridnote[centre]")


def grid_row(centre: Path) -> tuple[Any, ...]:
    conn = sqlite3.connect(centre)
    try:
        return tuple(conn.execute("SELECT grid_code, worker_name, street FROM grids").fetchone())
    finally:
        conn.close()


def setup_grid(cli: Any, street: str | None) -> None:
    for key, value in (("grid.code", "冬梅轩-03"), ("worker.name", "刘玉莹")):
        assert cli("config", "set", key, value).exit_code == 0
    if street is not None:
        assert cli("config", "set", "grid.street", street).exit_code == 0
    assert cli("resident", "add", "王芳", "-a", "5-1-101").exit_code == 0


def test_the_street_reaches_the_centre_by_network_and_follows_a_change(cli, tmp_path: Path) -> None:
    setup_grid(cli, "冬梅街道")
    centre = tmp_path / "street.db"
    assert cli("centre", "init", str(centre)).exit_code == 0
    assert cli("sync", "--centre", str(centre)).exit_code == 0
    assert grid_row(centre) == ("冬梅轩-03", "刘玉莹", "冬梅街道")
    listed = cli("centre", "grids", "--centre", str(centre), env={"COLUMNS": "120"}).stdout
    assert [line.split() for line in listed.splitlines() if "冬梅轩-03" in line][0][:4] == [
        "冬梅轩-03",
        "刘玉莹",
        "冬梅街道",
        "1",  # one resident
    ]
    # she moves to another street's grid centre's naming: the next sync, even with nothing new, says so
    assert cli("config", "set", "grid.street", "梅江街道").exit_code == 0
    assert cli("resident", "add", "李四", "-a", "5-1-102").exit_code == 0
    assert cli("sync").exit_code == 0
    assert grid_row(centre) == ("冬梅轩-03", "刘玉莹", "梅江街道")


def test_the_street_travels_in_a_bundle(cli, tmp_path: Path) -> None:
    setup_grid(cli, "冬梅街道")
    bundle, centre = tmp_path / "day.gnsync", tmp_path / "street.db"
    assert cli("sync", "--out", str(bundle)).exit_code == 0
    assert cli("centre", "init", str(centre)).exit_code == 0
    assert cli("centre", "import", str(bundle), "--centre", str(centre)).exit_code == 0
    assert grid_row(centre) == ("冬梅轩-03", "刘玉莹", "冬梅街道")


def test_a_grid_without_a_street_has_none(cli, tmp_path: Path) -> None:
    setup_grid(cli, None)
    centre = tmp_path / "street.db"
    assert cli("centre", "init", str(centre)).exit_code == 0
    assert cli("sync", "--centre", str(centre)).exit_code == 0
    assert grid_row(centre) == ("冬梅轩-03", "刘玉莹", None)


def test_the_last_change_sent_is_not_a_setting(cli, tmp_path: Path) -> None:
    setup_grid(cli, "冬梅街道")
    assert cli("sync", "--out", str(tmp_path / "day.gnsync")).exit_code == 0
    listed = json.loads(cli("config", "list", "--json").stdout)
    assert "centre.sent" not in listed
    assert listed["grid.street"] == "冬梅街道"
    assert "centre.sent" not in cli("config", "list", env={"COLUMNS": "200"}).stdout
    got = cli("config", "get", "centre.sent")
    assert got.exit_code == 2 and got.stderr.startswith("Error: ")
    # and the next bundle still starts after the last one sent
    assert cli("resident", "add", "李四", "-a", "5-1-102").exit_code == 0
    path = tmp_path / "next.gnsync"
    second = cli("sync", "--out", str(path), env={"COLUMNS": "200"})
    assert second.stdout == f"✓ Bundle {path}: 2 changes (1 household, 1 resident), up to change 5.\n"
