"""--json on the writes that lacked it: resident redeem, init, restore (docs/json.md)."""

from __future__ import annotations

import json
from pathlib import Path


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_redeem_prints_the_ledger_as_points_does(cli, demo) -> None:
    ok(cli("issue", "add", "楼道灯坏了", "-r", "高阿姨"))
    ok(cli("issue", "verify", "1"))  # a verified report: 1 point
    spent = json.loads(ok(cli("resident", "redeem", "高阿姨", "1", "--for", "洗衣液一瓶", "--json")))
    assert spent == json.loads(ok(cli("resident", "points", "高阿姨", "--json")))
    assert spent["balance"] == 0
    assert [(e["delta"], e["reason"], e["note"]) for e in spent["entries"]][-1] == (-1, "redeem", "洗衣液一瓶")
    refused = cli("resident", "redeem", "高阿姨", "1", "--for", "再来一瓶", "--json")
    assert (refused.exit_code, refused.stdout) == (4, "") and len(refused.stderr.splitlines()) == 1


def test_init_says_where_and_whether_it_made_one(cli, tmp_path: Path) -> None:
    target = tmp_path / "grid" / "2026.db"
    assert json.loads(ok(cli("init", str(target), "--json"))) == {"version": 1, "path": str(target), "created": True}
    assert json.loads(ok(cli("init", str(target), "--json")))["created"] is False


def test_restore_says_what_came_back_and_where_the_old_one_went(cli, db_path: Path) -> None:
    ok(cli("task", "add", "备份之前"))
    taken = json.loads(ok(cli("backup", "--json")))
    ok(cli("task", "add", "备份之后"))
    done = json.loads(ok(cli("restore", "--json")))
    assert done["version"] == 1 and done["backup"] == taken["path"]
    kept = Path(done["kept"])
    assert kept.name.endswith("-before.db") and kept.parent == db_path.with_name(db_path.name + "-backups")


def test_sync_says_what_went_and_what_came_down(cli, db_path: Path, tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("sqlalchemy", reason="the centre needs the extra gridnote[centre]")
    street = tmp_path / "street.db"
    ok(cli("config", "set", "grid.code", "冬梅轩-03"))
    ok(cli("centre", "init", str(street)))
    ok(cli("task", "add", "回访高阿姨"))
    first = json.loads(ok(cli("sync", "--centre", str(street), "--json")))
    assert first["version"] == 1 and first["sent"]["to"] == str(street)
    assert first["sent"]["changes"] >= 1 and first["sent"]["rows"]["tasks"] == 1
    assert first["down"] == {"new": {"issue": 0, "task": 0, "register": 0}, "known": 0}
    again = json.loads(ok(cli("sync", "--json")))  # remembered; nothing new either way
    assert (again["sent"]["changes"], again["sent"]["rows"]) == (0, {})
    bundle = tmp_path / "day.gnsync"
    written = json.loads(ok(cli("sync", "--out", str(bundle), "--since", "0", "--json")))
    assert (written["sent"]["to"], written["down"]) == (str(bundle), None)
    assert written["sent"]["changes"] == first["sent"]["changes"]


def test_demo_says_what_it_loaded(cli, db_path: Path, tmp_path: Path) -> None:
    loaded = json.loads(ok(cli("demo", "--json")))
    assert loaded == {
        "version": 1,
        "path": str(db_path),
        "buildings": 4,
        "households": 317,
        "residents": 752,
        "day": None,
    }
    other = tmp_path / "day.db"
    day = json.loads(ok(cli("--db", str(other), "demo", "--day", "--json")))["day"]
    assert day == {"date": "2026-11-29", "visits": 8, "issues": 2, "tasks": 4, "events": 1}  # the pinned Sunday
