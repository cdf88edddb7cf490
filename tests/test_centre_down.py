"""What the centre sends down (issue 16), on its side: dispatch, a task, register corrections, a bundle.

Each test runs against the embedded centre file and against PostgreSQL (the
``pg`` fixture: skipped locally without a server, run under CI).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.test_centre_pg import pg  # noqa: F401 (a fixture)

pytest.importorskip("sqlalchemy", reason="the centre needs the extra gridnote[centre]")

CODE = "冬梅轩-03"


def engine_of(url: str) -> Any:
    import sqlalchemy

    from gridnote.centre.store.engine import engine_url

    return sqlalchemy.create_engine(engine_url(url))


def down_rows(url: str) -> list[dict[str, Any]]:
    engine = engine_of(url)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT grid, seq, gid, kind, body, source FROM down_items ORDER BY grid, seq")
            return [{**dict(r._mapping), "body": json.loads(r.body)} for r in rows]
    finally:
        engine.dispose()


@pytest.fixture(params=["file", "postgres"])
def centre(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("pg"))
    return str(tmp_path / "street.db")


@pytest.fixture
def grid(cli: Any, demo_template: Path, tmp_path: Path, centre: str) -> Path:
    """The example grid as 冬梅轩-03, synced once into the centre."""
    db = tmp_path / "a.db"
    shutil.copy(demo_template, db)
    env = {"GRIDNOTE_DB": str(db)}
    assert cli("config", "set", "grid.code", CODE, env=env).exit_code == 0
    assert cli("config", "set", "worker.name", "刘玉莹", env=env).exit_code == 0
    assert cli("centre", "init", centre).exit_code == 0
    assert cli("sync", "--centre", centre, env=env).exit_code == 0
    return db


def notebook_id(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT id FROM notebook").fetchone()[0])
    finally:
        conn.close()


def resident(db: Path, name: str) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            "SELECT r.*, h.address FROM residents r JOIN households h ON h.id = r.household_id WHERE r.name = ?",
            [name],
        ).fetchone()
        return dict(row)
    finally:
        conn.close()


def test_an_issue_dispatched_to_a_grid_is_a_request_with_the_centre_s_deadline(cli, grid, centre) -> None:
    sent = cli(
        "centre", "dispatch", "--grid", CODE, "5号楼门前装修垃圾", "--due", "12-05 18:00",
        "--contact", "王阿姨 13800001111", "--order", "12345-1130-0007", "--centre", centre, env={"COLUMNS": "250"},
    )  # fmt: skip
    assert sent.exit_code == 0, sent.stderr
    assert sent.stdout == (
        f"✓ Sent to grid {CODE}: 1 dispatched issue (no. 1); it reaches her inbox with her next sync "
        f"(or as a file: gridnote centre export --grid {CODE} FILE)\n"
    )
    [row] = down_rows(centre)
    assert (row["grid"], row["seq"], row["kind"], row["source"]) == (notebook_id(grid), 1, "issue", "hotline")
    request = row["body"]["request"]
    assert row["body"]["channel"] == "hotline"
    assert request["service_request_id"] == "12345-1130-0007"
    assert request["description"] == "5号楼门前装修垃圾"
    assert request["expected_datetime"] == "2026-12-05T18:00:00+08:00"
    assert (request["last_name"], request["phone"]) == ("王阿姨", "13800001111")
    assert request["status"] == "open"


def test_requests_of_a_georeport_file_are_dispatched_one_item_each(cli, grid, centre, tmp_path: Path) -> None:
    file = tmp_path / "requests.json"
    file.write_text(
        json.dumps(
            [
                {"service_request_id": "A-1", "status": "open", "description": "楼道灯坏了", "service_code": "public"},
                {"service_request_id": "A-2", "status": "open", "description": "下水道堵了"},
            ],
            ensure_ascii=False,
        )
    )
    one = cli("centre", "dispatch", "--grid", CODE, "--requests", str(file), "--id", "A-2", "-c", centre)
    assert one.exit_code == 0, one.stderr
    both = cli("centre", "dispatch", "--grid", CODE, "--requests", str(file), "--channel", "app", "-c", centre)
    assert both.exit_code == 0, both.stderr
    rows = down_rows(centre)
    assert [(r["seq"], r["body"]["request"]["service_request_id"], r["body"]["channel"]) for r in rows] == [
        (1, "A-2", "hotline"),
        (2, "A-1", "app"),
        (3, "A-2", "app"),
    ]
    missing = cli("centre", "dispatch", "--grid", CODE, "--requests", str(file), "--id", "B-9", "-c", centre)
    assert (missing.exit_code, missing.stderr) == (2, f"Error: no request B-9 in {file}\n")
    assert len(down_rows(centre)) == 3


def test_an_unknown_grid_gets_nothing(cli, grid, centre) -> None:
    result = cli("centre", "task", "add", "--grid", "冬梅轩-99", "反诈宣传", "-c", centre)
    assert result.exit_code == 3
    assert result.stderr == (
        "Error: no grid 冬梅轩-99 at the centre: a grid is known once its worker has synced (gridnote centre grids)\n"
    )
    assert down_rows(centre) == []


def test_a_task_for_a_grid(cli, grid, centre) -> None:
    # the pinned clock's today is a Sunday, 2026-11-29: 周五 is the coming Friday
    sent = cli(
        "centre", "task", "add", "--grid", CODE, "本周完成独居老人反诈宣传", "--due", "12-04", "--star", "-c", centre
    )
    assert sent.exit_code == 0, sent.stderr
    [row] = down_rows(centre)
    assert row["kind"] == "task"
    assert row["body"] == {
        "text": "本周完成独居老人反诈宣传",
        "due_date": "2026-12-04",
        "due_time": None,
        "starred": True,
        "note": None,
    }


def test_register_corrections_carry_what_the_centre_last_had(cli, grid, centre, tmp_path: Path) -> None:
    qiao, shen = resident(grid, "乔文"), resident(grid, "沈凤英")
    file = tmp_path / "派出所.csv"
    file.write_text(
        "姓名,地址,电话,人员类别,变更类型,出生日期\n"
        f"乔文,{qiao['address']},13900001111,低保,,\n"
        f"乔小宝,{qiao['address']},,,出生,2026-11-20\n"
        f"沈凤英,{shen['address']},,,死亡,\n",
        encoding="utf-8",
    )
    sent = cli("centre", "register", "import", "--grid", CODE, str(file), "--from", "派出所", "-c", centre)
    assert sent.exit_code == 0, sent.stderr
    assert sent.stdout.startswith(f"✓ Sent to grid {CODE}: 3 register changes (no. 1, 2, 3);")
    rows = down_rows(centre)
    assert [(r["kind"], r["source"], r["body"]["op"]) for r in rows] == [
        ("register", "派出所", "update"),
        ("register", "派出所", "add"),
        ("register", "派出所", "death"),
    ]
    update, add, death = (r["body"] for r in rows)
    assert update["values"] == {"name": "乔文", "address": qiao["address"], "phones": "13900001111"}
    assert update["tags"] == ["low-income"]
    assert update["resident"] == qiao["gid"]
    assert update["base"]["phones"] == qiao["phones"] and update["base"]["address"] == qiao["address"]
    assert (add["resident"], add["base"], add["values"]["birth"]) == (None, None, "2026-11-20")
    assert death["resident"] == shen["gid"]


def test_a_bad_correction_row_sends_nothing(cli, grid, centre, tmp_path: Path) -> None:
    file = tmp_path / "bad.csv"
    file.write_text("姓名,地址,变更类型\n乔文,5-1-1001,搬家了吧\n张三,,\n", encoding="utf-8")
    result = cli("centre", "register", "import", "--grid", CODE, str(file), "-c", centre)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "Error: rows that cannot be imported: 2; nothing was imported:"
    assert 'row 2: unknown change "搬家了吧"' in result.stderr
    assert down_rows(centre) == []


def test_a_grid_s_items_as_a_bundle(cli, grid, centre, tmp_path: Path) -> None:
    from gridnote.centre.bundle import read_down

    assert cli("centre", "task", "add", "--grid", CODE, "反诈宣传", "-c", centre).exit_code == 0
    assert cli("centre", "dispatch", "--grid", CODE, "楼道堆物", "-c", centre).exit_code == 0
    out = tmp_path / "down.gnsync"
    made = cli("centre", "export", "--grid", CODE, str(out), "-c", centre, env={"COLUMNS": "250"})
    assert made.exit_code == 0, made.stderr
    assert made.stdout.startswith(f"✓ Bundle {out} for grid {CODE}: 2 items from the centre")
    bundle = read_down(out)
    assert (bundle.notebook_id, bundle.grid_code) == (notebook_id(grid), CODE)
    assert [(i.seq, i.kind) for i in bundle.items] == [(1, "task"), (2, "issue")]
    again = cli("centre", "export", "--grid", CODE, str(out), "-c", centre)
    assert again.exit_code == 6
    later = cli(
        "centre", "export", "--grid", CODE, str(out), "--since", "1", "--force", "-c", centre, env={"COLUMNS": "250"}
    )
    assert later.stdout.startswith(f"✓ Bundle {out} for grid {CODE}: 1 item from the centre")
    assert [i.seq for i in read_down(out).items] == [2]
    # a notebook's bundle is not one from the centre, and the other way round
    up = tmp_path / "up.gnsync"
    assert cli("sync", "--out", str(up), "--since", "0", env={"GRIDNOTE_DB": str(grid)}).exit_code == 0
    wrong = cli("centre", "import", str(out), "-c", centre)
    assert (wrong.exit_code, wrong.stderr) == (
        6,
        f"Error: {out} is a bundle from the centre for a grid (gridnote sync --in), not a notebook's changes\n",
    )


def test_on_postgresql_staff_send_and_each_worker_reads_only_her_grid_s_items(cli, demo_template, pg, tmp_path) -> None:  # noqa: F811 (the fixture imported above)
    import uuid

    import psycopg

    from tests.test_centre_pg import _admin, _url

    assert cli("centre", "init", pg, "--postgres").exit_code == 0
    tag = uuid.uuid4().hex[:6]
    roles = {"冬梅轩-03": f"w_a_{tag}", "冬梅轩-04": f"w_b_{tag}"}
    staff = f"s_{tag}"
    for role in roles.values():
        _admin(f"CREATE ROLE {role} LOGIN IN ROLE gridnote_worker")
    _admin(f"CREATE ROLE {staff} LOGIN IN ROLE gridnote_staff")
    for n, (code, role) in enumerate(roles.items()):
        db = tmp_path / f"{n}.db"
        shutil.copy(demo_template, db)
        conn = sqlite3.connect(db)
        conn.execute("UPDATE notebook SET id = ?", [str(uuid.uuid4())])
        conn.commit()
        conn.close()
        env = {"GRIDNOTE_DB": str(db)}
        assert cli("config", "set", "grid.code", code, env=env).exit_code == 0
        assert cli("sync", "--centre", _url(pg, user=role), env=env).exit_code == 0
    as_staff = _url(pg, user=staff)
    sent = cli("centre", "task", "add", "--grid", "冬梅轩-03", "反诈宣传", "-c", as_staff)
    assert sent.exit_code == 0, sent.stderr
    assert cli("centre", "dispatch", "--grid", "冬梅轩-04", "楼道堆物", "-c", as_staff).exit_code == 0
    seen = {}
    for code, role in roles.items():
        with psycopg.connect(_url(pg, user=role)) as conn:
            seen[code] = [r[0] for r in conn.execute("SELECT kind FROM down_items ORDER BY kind")]
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO down_items (grid, seq, gid, kind, body, created_at) VALUES ('x', 9, 'g', 'task', '{}', 'now')"
                )
    assert seen == {"冬梅轩-03": ["task"], "冬梅轩-04": ["issue"]}


def test_chinese(cli, grid, centre, tmp_path: Path) -> None:
    zh = {"LANG": "zh_CN.UTF-8", "COLUMNS": "250"}
    task = cli("centre", "task", "add", "--grid", CODE, "反诈宣传", "-c", centre, env=zh)
    assert task.stdout == (
        f"✓ 已下发到网格 {CODE}：任务 1 项（第 1 项）；网格员下次同步时进入其收件箱"
        f"（或写成文件：gridnote centre export --grid {CODE} 文件）\n"
    )
    out = tmp_path / "down.gnsync"
    made = cli("centre", "export", "--grid", CODE, str(out), "-c", centre, env=zh)
    assert made.stdout == f"✓ 已为网格 {CODE} 写出下发文件 {out}：共 1 项（网格员一方运行 gridnote sync --in {out}）\n"
    nobody = cli("centre", "dispatch", "--grid", "无此网格", "楼道堆物", "-c", centre, env=zh)
    assert nobody.stderr == "错误：网格中心没有网格 无此网格：网格员同步过一次后才有（gridnote centre grids）\n"
