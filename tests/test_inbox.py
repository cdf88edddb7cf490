"""What the centre sends down, on her side (issue 16): brought down by a sync or a bundle, shown first
on ``today``, answered in ``gridnote inbox``, the answers back up at the next sync.

Against the embedded centre file and PostgreSQL alike (``centre``: the second skipped locally
without a server, run under CI). Nothing is filed or applied twice, however often it comes.
"""

# ruff: noqa: F811 (the fixtures imported from test_centre_down are parameters of every test here)
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.test_centre_down import CODE, centre, engine_of, grid, resident  # noqa: F401 (fixtures)
from tests.test_centre_pg import pg  # noqa: F401 (a fixture)

WIDE = {"COLUMNS": "250"}


def me(db: Path) -> dict[str, str]:
    return {"GRIDNOTE_DB": str(db), **WIDE}


def centre_inbox(url: str) -> list[tuple[Any, ...]]:
    """Her answers as the centre has them: (kind, status, why) in the order the items were sent."""
    engine = engine_of(url)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT i.kind, i.status, i.why FROM inbox i JOIN down_items d ON d.grid = i.grid AND d.gid = i.gid"
                " ORDER BY d.seq"
            )
            return [tuple(r) for r in rows]
    finally:
        engine.dispose()


def table(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return [tuple(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.fixture
def sent(cli, grid: Path, centre: str, tmp_path: Path) -> dict[str, Any]:
    """The centre sends 冬梅轩-03 an issue, a task and a correction of 乔文's phone (with the 低保 tag)."""
    qiao = resident(grid, "乔文")
    assert cli(
        "centre", "dispatch", "--grid", CODE, "5号楼门前装修垃圾", "--due", "12-05 18:00",
        "--contact", "王阿姨 13800001111", "--order", "12345-1130-0007", "--address", "5号楼", "-c", centre,
    ).exit_code == 0  # fmt: skip
    assert (
        cli(
            "centre", "task", "add", "--grid", CODE, "本周完成独居老人反诈宣传", "--due", "12-04", "-c", centre
        ).exit_code
        == 0
    )
    file = tmp_path / "派出所.csv"
    file.write_text(f"姓名,地址,电话,人员类别\n乔文,{qiao['address']},13900001111,低保\n", encoding="utf-8")
    assert (
        cli("centre", "register", "import", "--grid", CODE, str(file), "--from", "派出所", "-c", centre).exit_code == 0
    )
    return qiao


def test_down_by_sync_on_today_accepted_and_declined_and_the_answers_back_up(cli, grid, centre, sent) -> None:
    qiao = sent
    down = cli("sync", env=me(grid))
    assert down.exit_code == 0, down.stderr
    assert down.stdout.splitlines()[0] == (
        "✓ From the centre: 1 dispatched issue, 1 task, 1 register change (gridnote inbox)"
    )
    from gridnote.centre.store.engine import safe_url

    assert down.stdout.splitlines()[1] == f"✓ Synced to {safe_url(centre)}: 3 inbox items."
    # a repeated sync brings nothing twice
    again = cli("sync", env=me(grid))
    assert again.stdout.endswith(": nothing new.\n")
    assert table(grid, "SELECT count(*) FROM inbox") == [(3,)]

    today = cli("today", env=me(grid))
    assert today.stdout.splitlines()[2] == (
        "From the centre: 1 dispatched issue, 1 task, 1 register change to confirm (gridnote inbox)"
    )
    data = json.loads(cli("today", "--json", env=me(grid)).stdout)
    assert data["centre"] == {"issue": 1, "task": 1, "register": 1}

    listed = cli("inbox", env=me(grid)).stdout.splitlines()
    assert listed[0] == "From the centre: 3"
    assert listed[1] == "  1  dispatched issue · 12345 hotline · 11-29 09:00"
    assert listed[2] == "     5号楼门前装修垃圾 · resolve by 12-05 18:00 · order 12345-1130-0007"
    assert listed[3] == "  2  task · grid centre · 11-29 09:00"
    assert listed[4] == "     本周完成独居老人反诈宣传 · due 12-04"
    assert listed[5] == "  3  register change (correction) · 派出所 · 11-29 09:00"
    assert listed[6] == f"     乔文 {qiao['address']}"
    assert listed[7] == f"     phone: {qiao['phones']} → 13900001111"
    assert listed[8] == "     tag: + low-income"
    # nothing changed in her register yet
    assert table(grid, "SELECT phones FROM residents WHERE id = ?", qiao["id"]) == [(qiao["phones"],)]

    accepted = cli("inbox", "accept", "1", "3", env=me(grid))
    assert accepted.stdout == "✓ Accepted 1, 3; the centre hears it with your next sync\n"
    declined = cli("inbox", "decline", "2", "--why", "本周已做过反诈宣传", env=me(grid))
    assert declined.exit_code == 0
    [issue] = table(
        grid,
        "SELECT text, channel, external_id, resolve_due_at, reporter_contact, place FROM issues WHERE external_id IS NOT NULL",
    )
    assert issue == (
        "5号楼门前装修垃圾",
        "hotline",
        "12345-1130-0007",
        "2026-12-05T18:00:00+08:00",
        "王阿姨 13800001111",
        "5",
    )
    assert table(grid, "SELECT count(*) FROM tasks WHERE text = '本周完成独居老人反诈宣传'") == [(0,)]
    assert table(grid, "SELECT phones FROM residents WHERE id = ?", qiao["id"]) == [("13900001111",)]
    assert ("low-income",) in table(grid, "SELECT tag FROM resident_tags WHERE resident_id = ?", qiao["id"])
    # an answer is given once
    twice = cli("inbox", "accept", "1", env=me(grid))
    assert twice.exit_code == 4 and twice.stderr.startswith("Error: item 1 was accepted 2026-11-29T09:00")
    assert table(grid, "SELECT count(*) FROM issues WHERE external_id = '12345-1130-0007'") == [(1,)]
    # today no longer says it; the answers go up with the next sync
    assert "From the centre" not in cli("today", env=me(grid)).stdout
    assert cli("sync", env=me(grid)).exit_code == 0
    assert centre_inbox(centre) == [
        ("issue", "accepted", None),
        ("task", "declined", "本周已做过反诈宣传"),
        ("register", "accepted", None),
    ]
    listed = cli("centre", "sent", "--grid", CODE, "-c", centre, env=WIDE).stdout.splitlines()
    rows = [line.split() for line in listed if line.strip().startswith(CODE)]
    assert [r[:2] for r in rows] == [[CODE, "1"], [CODE, "2"], [CODE, "3"]]
    assert [" ".join(line.split()) for line in listed if line.strip().startswith(CODE)] == [
        f"{CODE} 1 dispatched issue 5号楼门前装修垃圾 11-29 09:00 accepted 11-29 09:00",
        f"{CODE} 2 task 本周完成独居老人反诈宣传 11-29 09:00 declined 11-29 09:00: 本周已做过反诈宣传",
        f"{CODE} 3 register change 乔文 {qiao['address']} 11-29 09:00 accepted 11-29 09:00",
    ]


def test_a_conflicting_register_change_shows_both_values_and_changes_nothing_until_answered(
    cli, grid, centre, tmp_path
) -> None:
    qiao = resident(grid, "乔文")
    # she corrects his phone herself after her last sync; the police station's list has another number
    assert cli("resident", "edit", "乔文", "--phone", "13700000000", env=me(grid)).exit_code == 0
    file = tmp_path / "派出所.csv"
    file.write_text(f"姓名,地址,电话\n乔文,{qiao['address']},13900001111\n", encoding="utf-8")
    assert (
        cli("centre", "register", "import", "--grid", CODE, str(file), "--from", "派出所", "-c", centre).exit_code == 0
    )
    assert cli("sync", env=me(grid)).exit_code == 0
    listed = cli("inbox", env=me(grid)).stdout.splitlines()
    assert listed[1] == "  1  register change (correction) · 派出所 · 11-29 09:00  ⚠ conflict"
    assert listed[3] == "     phone: yours: 13700000000 (刘玉莹, 11-29 09:00)"
    assert listed[4] == "            派出所: 13900001111 (11-29 09:00)"
    left = cli("inbox", "accept", "all", env=me(grid))
    assert left.stdout == "left for you: 1 (a conflict with your own edit): accept or decline each by its number\n"
    assert table(grid, "SELECT phones FROM residents WHERE id = ?", qiao["id"]) == [("13700000000",)]
    assert table(grid, "SELECT status FROM inbox") == [("pending",)]
    # she chooses the centre's value
    assert cli("inbox", "accept", "1", env=me(grid)).exit_code == 0
    assert table(grid, "SELECT phones FROM residents WHERE id = ?", qiao["id"]) == [("13900001111",)]


def test_down_by_bundle_without_a_network_and_a_repeat_adds_nothing(cli, grid, centre, sent, tmp_path) -> None:
    bundle = tmp_path / "down.gnsync"
    assert cli("centre", "export", "--grid", CODE, str(bundle), "-c", centre).exit_code == 0
    first = cli("sync", "--in", str(bundle), env=me(grid))
    assert first.stdout == "✓ From the centre: 1 dispatched issue, 1 task, 1 register change (gridnote inbox)\n"
    repeat = cli("sync", "--in", str(bundle), env=me(grid))
    assert repeat.stdout == "✓ From the centre: nothing new. (3 already here)\n"
    assert table(grid, "SELECT count(*) FROM inbox") == [(3,)]
    listed = cli("centre", "sent", "-c", centre, env=WIDE).stdout
    assert listed.count("no word yet") == 3  # the centre hears of them with her next sync
    # and the same items by network later are not filed again either
    assert cli("sync", env=me(grid)).exit_code == 0
    assert cli("centre", "sent", "-c", centre, env=WIDE).stdout.count("in her inbox") == 3
    assert table(grid, "SELECT count(*) FROM inbox") == [(3,)]
    assert cli("inbox", "accept", "all", env=me(grid)).exit_code == 0
    assert table(grid, "SELECT count(*) FROM issues WHERE external_id = '12345-1130-0007'") == [(1,)]
    # her answers by hand: sync --out carries them, centre import merges them
    up = tmp_path / "up.gnsync"
    assert cli("sync", "--out", str(up), env=me(grid)).exit_code == 0
    assert cli("centre", "import", str(up), "-c", centre).exit_code == 0
    assert [r[1] for r in centre_inbox(centre)] == ["accepted", "accepted", "accepted"]


def test_a_bundle_for_another_grid_is_refused(cli, grid, centre, sent, tmp_path, demo_template) -> None:
    import shutil

    bundle = tmp_path / "down.gnsync"
    assert cli("centre", "export", "--grid", CODE, str(bundle), "-c", centre).exit_code == 0
    other = tmp_path / "other.db"
    shutil.copy(demo_template, other)
    conn = sqlite3.connect(other)
    conn.execute("UPDATE notebook SET id = '5b3f8a52-7c1e-4d1a-9a52-0c6f6e1d2b04'")
    conn.commit()
    conn.close()
    assert cli("config", "set", "grid.code", "冬梅轩-04", env=me(other)).exit_code == 0
    refused = cli("sync", "--in", str(bundle), env=me(other))
    assert (refused.exit_code, refused.stderr) == (
        6,
        f"Error: {bundle} is for grid {CODE}, not this notebook: nothing was brought in\n",
    )
    assert table(other, "SELECT count(*) FROM inbox") == [(0,)]


def test_chinese(cli, grid, centre, sent) -> None:
    zh = {**me(grid), "LANG": "zh_CN.UTF-8"}
    assert (
        cli("sync", env=zh).stdout.splitlines()[0]
        == "✓ 网格中心下发：派单问题 1 个、任务 1 项、登记变更 1 条（gridnote inbox）"
    )
    assert cli("today", env=zh).stdout.splitlines()[2] == (
        "网格中心下发：派单问题 1 个、任务 1 项、登记变更 1 条，待确认（gridnote inbox）"
    )
    listed = cli("inbox", env=zh).stdout.splitlines()
    assert listed[0] == "网格中心下发：3 项"
    assert listed[1] == "  1  派单问题 · 12345热线 · 11-29 09:00"
    assert listed[5] == "  3  登记变更（更正） · 派出所 · 11-29 09:00"
    declined = cli("inbox", "decline", "1", "--why", "不在本网格", env=zh)
    assert declined.stdout == "✓ 已退回 1；本地没有改动，下次同步时网格中心会收到理由\n"
    assert cli("sync", env=zh).exit_code == 0
    listed = [" ".join(line.split()) for line in cli("centre", "sent", "-c", centre, env=zh).stdout.splitlines()]
    assert listed[0] == "网格 序号 类型 内容 下发时间 答复"
    assert listed[2] == f"{CODE} 1 派单问题 5号楼门前装修垃圾 11-29 09:00 已退回 11-29 09:00：不在本网格"
    assert listed[3] == f"{CODE} 2 任务 本周完成独居老人反诈宣传 11-29 09:00 在收件箱中待答复"


def test_a_death_in_a_register_correction_is_recorded_as_deceased_not_moved_out(cli, grid, centre, tmp_path) -> None:
    fu = resident(grid, "傅晓红")  # 83, living alone at 8-3-401: on her care rounds
    assert "傅晓红" in cli("care", "route", env=me(grid)).stdout
    file = tmp_path / "派出所.csv"
    file.write_text(f"姓名,地址,变更类型\n傅晓红,{fu['address']},死亡\n", encoding="utf-8")
    assert (
        cli("centre", "register", "import", "--grid", CODE, str(file), "--from", "派出所", "-c", centre).exit_code == 0
    )
    assert cli("sync", env=me(grid)).exit_code == 0
    listed = cli("inbox", env=me(grid)).stdout.splitlines()
    assert listed[1:4] == [
        "  1  register change (death) · 派出所 · 11-29 09:00",
        "     傅晓红 8-3-401",
        "     register: + death",
    ]
    accepted = cli("inbox", "accept", "1", env=me(grid))
    assert accepted.exit_code == 0, accepted.stderr
    assert table(grid, "SELECT deceased, moved_out_at FROM residents WHERE id = ?", fu["id"]) == [
        (1, "2026-11-29T09:00:00+08:00")
    ]
    # kept, shown as deceased, off her rounds and lists, and nothing more is recorded for her
    assert "│ Deceased  2026-11-29   " in cli("resident", "show", "傅晓红", env=me(grid)).stdout
    shown = json.loads(cli("resident", "show", "傅晓红", "--json", env=me(grid)).stdout)
    assert (shown["deceased"], shown["moved_out_at"]) == (True, "2026-11-29T09:00:00+08:00")
    assert "傅晓红 (deceased)" in cli("resident", "list", "--all", env=me(grid)).stdout
    assert "傅晓红" not in cli("resident", "list", env=me(grid)).stdout
    assert "傅晓红" not in cli("care", "route", env=me(grid)).stdout
    refused = cli("log", "傅晓红", "看望", env=me(grid))
    assert refused.exit_code == 4
    assert refused.stderr == (
        "Error: 傅晓红 is recorded as deceased (2026-11-29); if that was a mistake:"
        ' gridnote resident move-out "傅晓红" --undo\n'
    )


def test_a_dispatched_case_keeps_the_city_s_deadline_for_both_deadlines(cli, grid, centre) -> None:
    # dispatched at 09:00, due 12:00 the same day: sooner than the waste category's first-contact deadline;
    # a trapped lift's own first contact (2 hours: 11:00) is sooner still and stays
    for text, order in (("5号楼门前装修垃圾", "12345-1129-0100"), ("3号楼电梯困人", "12345-1129-0101")):
        assert cli(
            "centre", "dispatch", "--grid", CODE, text, "--due", "11-29 12:00", "--order", order, "-c", centre,
        ).exit_code == 0  # fmt: skip
    assert cli("sync", env=me(grid)).exit_code == 0
    assert cli("inbox", env=me(grid)).stdout.splitlines()[2] == (
        "     5号楼门前装修垃圾 · resolve by 11-29 12:00 · order 12345-1129-0100"
    )
    assert cli("inbox", "accept", "all", env=me(grid)).exit_code == 0
    found = table(
        grid,
        "SELECT external_id, id, response_due_at, resolve_due_at FROM issues WHERE external_id IS NOT NULL ORDER BY 1",
    )
    noon = "2026-11-29T12:00:00+08:00"
    assert [(r[0], r[2], r[3]) for r in found] == [
        ("12345-1129-0100", noon, noon),
        ("12345-1129-0101", "2026-11-29T11:00:00+08:00", noon),
    ]
    waste = found[0][1]
    shown = json.loads(cli("issue", "show", str(waste), "--json", env=me(grid)).stdout)
    assert (shown["response_due_at"], shown["resolve_due_at"], shown["city_due_at"]) == (noon, noon, noon)
    card = cli("issue", "show", str(waste), env=me(grid)).stdout.splitlines()
    assert [line.rstrip() for line in card[6:8]] == [
        "Response    due 11-29 12:00  (the city's deadline)",
        "Resolution  due 11-29 12:00  (the city's deadline)",
    ]
    zh = cli("issue", "show", str(found[1][1]), env={**me(grid), "GRIDNOTE_LANG": "zh"}).stdout.splitlines()
    assert [line.rstrip() for line in zh[6:8]] == ["响应    时限 11-29 11:00", "办结    时限 11-29 12:00  （派单时限）"]


def test_accepting_only_some_fields_of_a_register_change(cli, grid, centre, tmp_path) -> None:
    """The police station's list has a new phone for 乔文 and the 低保 tag, and a wrong note: she takes
    the phone alone; her note stays, the tag is not added, and the centre is told what she took."""
    qiao = resident(grid, "乔文")
    note_before = table(grid, "SELECT note, tags FROM residents r LEFT JOIN (SELECT resident_id, group_concat(tag) tags"
                              " FROM resident_tags GROUP BY resident_id) t ON t.resident_id = r.id WHERE r.id = ?",
                        qiao["id"])  # fmt: skip
    file = tmp_path / "派出所.csv"
    file.write_text(f"姓名,地址,电话,备注,人员类别\n乔文,{qiao['address']},13900001111,已搬走,低保\n", encoding="utf-8")
    assert (
        cli("centre", "register", "import", "--grid", CODE, str(file), "--from", "派出所", "-c", centre).exit_code == 0
    )
    assert cli("sync", env=me(grid)).exit_code == 0
    for args, code, message in [
        (("accept", "all", "--only", "phones"), 2, "--only takes the fields of the items you name"),
        (("accept", "1", "--only", "生日"), 2, "no field 生日 in a register change; fields: name, address"),
        (("accept", "1", "--only", "birth"), 2, "item 1 does not change birth; it changes: phones, note, tags"),
    ]:
        refused = cli("inbox", *args, env=me(grid))
        assert refused.exit_code == code and refused.stderr.startswith(f"Error: {message}"), refused.stderr
    assert table(grid, "SELECT status FROM inbox") == [("pending",)]  # nothing answered
    assert cli("--lang", "zh", "inbox", "accept", "1", "--only", "电话", env=me(grid)).exit_code == 0
    assert table(grid, "SELECT phones FROM residents WHERE id = ?", qiao["id"]) == [("13900001111",)]
    assert table(grid, "SELECT note, tags FROM residents r LEFT JOIN (SELECT resident_id, group_concat(tag) tags"
                       " FROM resident_tags GROUP BY resident_id) t ON t.resident_id = r.id WHERE r.id = ?",
                 qiao["id"]) == note_before  # fmt: skip
    assert table(grid, "SELECT status, why FROM inbox") == [("accepted", "only: phones")]
    assert cli("sync", env=me(grid)).exit_code == 0
    assert centre_inbox(centre) == [("register", "accepted", "only: phones")]


def test_answers_in_json_for_scripts(cli, grid, centre, sent) -> None:
    assert cli("sync", env=me(grid)).exit_code == 0
    accepted = json.loads(cli("inbox", "accept", "2", "--json", env=me(grid)).stdout)
    assert [(i["id"], i["kind"], i["status"]) for i in accepted["accepted"]] == [(2, "task", "accepted")]
    assert accepted["accepted"][0]["made"].startswith("task:") and accepted["declined"] == accepted["left"] == []
    declined = json.loads(cli("inbox", "decline", "1", "--why", "不在本网格", "--json", env=me(grid)).stdout)
    assert [(i["id"], i["status"], i["why"]) for i in declined["declined"]] == [(1, "declined", "不在本网格")]
    refused = cli("inbox", "accept", "9", "--json", env=me(grid))
    assert (refused.exit_code, refused.stdout) == (3, "") and len(refused.stderr.splitlines()) == 1


def test_the_centre_sees_what_went_down_and_each_answer_in_its_browse_view(cli, grid, centre, sent) -> None:
    if centre.startswith("postgresql"):  # browse serves the embedded centre file: PostgreSQL has its own tools
        refused = cli("centre", "browse", "--centre", centre)
        assert refused.exit_code == 2 and "a PostgreSQL centre is read with its own tools" in refused.stderr
        return
    from gridnote.centre.store.browse import write_names_and_views
    from gridnote.output.datasette import register_functions

    assert cli("sync", env=me(grid)).exit_code == 0
    assert cli("inbox", "accept", "2", env=me(grid)).exit_code == 0
    assert cli("inbox", "decline", "3", "--why", "电话 13900001111 不是他的", env=me(grid)).exit_code == 0
    assert cli("sync", env=me(grid)).exit_code == 0
    write_names_and_views(centre)
    conn = sqlite3.connect(centre)
    register_functions(conn)
    try:
        rows = conn.execute("SELECT grid, kind, source, text, answer, why FROM v_down ORDER BY seq").fetchall()
    finally:
        conn.close()
    from gridnote.domain.issue_terms import CHANNELS
    from gridnote.messages import i18n

    i18n.set_lang("zh")
    hotline = CHANNELS.label("hotline")  # the case came by the hotline: named as the code tables name it
    assert rows == [
        (CODE, "派单问题", hotline, "5号楼门前装修垃圾", "待答复", None),
        (CODE, "任务", None, "本周完成独居老人反诈宣传", "已接收", None),  # the centre itself
        (CODE, "登记变更", "派出所", "乔文", "已退回", "电话 139****1111 不是他的"),  # masked as everywhere
    ]
