"""The change log: every write of a whole working day is in it, so replaying it alone rebuilds the notebook.

The day runs real commands through the CLI (the register, its import and
edits, the visit log with its corrections and undo, tasks done, moved,
skipped and repeating, issues through every state, an event, points); then
an empty notebook is given only the log, and every synced table must come
out row for row, every column, global ids and local numbers alike.
"""

from __future__ import annotations

import json
import re
import shlex
import sqlite3
from pathlib import Path

from gridnote.store import changes
from gridnote.store.notebook import open_notebook
from tests.helpers.replay import replay, synced_rows

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")

DAY = [
    "config set grid.code 冬梅轩-03",
    "config set worker.name 刘玉莹",
    "resident add 李秀英 --alias 李奶奶 -a 8-2-301 -g 女 --born 1944 -t 失能 -t 高血压 -p 13857112345"
    " --contact 张明,儿子,13905712345 --note 瘫痪多年",
    "resident add 张国华 --alias 张大爷 -a 8-2-301 -g 男 --born 1942 -t 高龄",
    "building add 5",
    "building add 7 --name 七号楼",
    "resident add 高玉兰 --alias 高阿姨 -a 5-1-502 -g 女 --born 1956 -t 独居",
    "resident add 曾俊华 --alias 曾奶奶 -a 7-3-1102 -t 独居",
    "resident import {examples}/residents-gb18030.csv --new-buildings",
    "resident edit 高阿姨 --add-phone 13967154321 --contact 高明,儿子,13800002222",
    "resident edit 李奶奶 --remove-contact 1",
    "resident edit 张大爷 -a 5-1-502 --note 搬到女儿家住",
    "resident tag 高阿姨 高血压",
    "resident untag 高阿姨 高血压",
    "care baseline 11-20 -b 7",
    "care baseline 11-22 -b 7",
    "task add 量血压 李奶奶 --due 明天6:30 --star",
    "task add 巡查5号楼 --every 每天",
    "task add 送降压药 --due 11-27",
    "task done 2",
    "task skip 2",
    "task reopen 2",
    "task skip 2",
    "task star 3",
    "task move 3 明天",
    "task edit 1 --note 早上最准",
    "task drop 3",
    "task reopen 3",
    "task done 3",
    "tomorrow add 回访高阿姨 --at 9:00",
    "log 李奶奶 血压偏高 --bp 139/90 --pulse 63 --temp 36.8 --follow-up 后天:复测血压",
    "log 李奶奶 复测 --bp 150/96",
    "log edit 2 --bp 128/80",
    "log edit 1 --drop-reading temp --note 血压偏高，已提醒吃药",
    "log -b 5 -b 7 巡查",
    "log 张大爷 降压药吃完了 -k 电话",
    "log undo",
    "log undo 1",
    "issue add 5号楼门前有装修垃圾 -c 一网通 -b 5 -r 高阿姨 --photo {photo}",
    "issue add 8号楼下水道堵了 -b 8 -r 李奶奶 --affects 张大爷",
    "issue verify 1 --note 到现场看过",
    "issue refer 1 --to 物业 --contact 王经理13800001111 --due 明天",
    "issue note 1 物业说马上来 --kind 电话 --by 物业",
    "issue resolve 1 已清运",
    "issue tell 1 --note 电话告知",
    "issue rate 1 满意",
    "issue add 楼道灯坏了 -b 7 -c 巡查",
    "issue resolve 3 换了灯泡",
    "issue close 3",
    "issue verify 2",
    "issue reject 2 重复 --of 1",
    "issue reopen 2 不是重复",
    "issue edit 2 -k 下水道 -p 紧急",
    "issue category add bike-shed --zh 车棚 --en 'Bike shed' --under facilities",
    "issue category set 下水道 --upward 0101 -g general",
    "event add 老年人防诈骗宣讲 --at 15:00 --with 社区民警（王警官13800001111）,楼栋长 -b 8 -r 李奶奶,高阿姨"
    " --attendees 23 --photo {photo}",
    "resident redeem 高阿姨 1 --for 洗衣液",
    "resident move-out 曾奶奶 --note 搬去女儿家",
    "resident move-out 曾奶奶 --undo",
    "resident move-out 曾奶奶",
    "config set grid.code 冬梅轩-03",
    "sync --in {down}",
    "inbox accept 1",
]


def _down_bundle(db: Path, path: Path) -> None:
    """A bundle from the centre for this notebook: one task (what ``sync --in`` files in her inbox)."""
    from gridnote.centre.bundle import DownItem, encode_down

    conn = sqlite3.connect(db)
    notebook_id = conn.execute("SELECT id FROM notebook").fetchone()[0]
    conn.close()
    task = {
        "text": "本周完成独居老人反诈宣传",
        "due_date": "2026-12-04",
        "due_time": None,
        "starred": False,
        "note": None,
    }
    item = DownItem(1, "0c0e5b1a-2f4e-4b7a-9d55-3a1f2c9e8b10", "task", task, None, "2026-11-29T08:00:00+08:00")
    path.write_bytes(encode_down(notebook_id, "冬梅轩-03", [item]))


def run_day(cli, tmp_path: Path) -> None:
    photo = tmp_path / "waste.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a picture of the waste")
    down = tmp_path / "down.gnsync"
    _down_bundle(tmp_path / "notebook.db", down)
    for line in DAY:
        args = [part.format(examples=EXAMPLES, photo=photo, down=down) for part in shlex.split(line)]
        result = cli(*args)
        assert result.exit_code == 0, (line, result.stdout, result.stderr)


def test_replaying_the_log_alone_rebuilds_every_synced_table(cli, db_path: Path, tmp_path: Path) -> None:
    run_day(cli, tmp_path)
    written = synced_rows(db_path)
    assert [table for table, rows in written.items() if not rows] == []  # the day wrote every kind of row
    empty = tmp_path / "centre.db"
    open_notebook(empty).close()
    conn = sqlite3.connect(db_path)
    logged = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    conn.close()
    assert replay(db_path, empty) == logged
    assert synced_rows(empty) == written


def test_every_synced_row_has_a_global_id_of_its_own(cli, db_path: Path, tmp_path: Path) -> None:
    run_day(cli, tmp_path)
    conn = sqlite3.connect(db_path)
    try:
        gids = [gid for table in changes.TABLES for (gid,) in conn.execute(f"SELECT gid FROM {table}")]
    finally:
        conn.close()
    assert all(UUID.fullmatch(gid) for gid in gids)
    assert len(set(gids)) == len(gids)


def test_the_log_says_what_changed_in_order(cli, nb) -> None:
    assert cli("resident", "add", "王芳", "-a", "5-1-101").exit_code == 0
    start = changes.last_seq(nb)
    assert cli("resident", "edit", "王芳", "--note", "腿脚不便").exit_code == 0
    assert cli("log", "王芳", "看望").exit_code == 0
    assert cli("log", "undo").exit_code == 0
    after = changes.changes_after(nb, start)
    assert [(c.table, c.op) for c in after] == [("residents", "update"), ("visits", "insert"), ("visits", "update")]
    assert [c.seq for c in after] == list(range(start + 1, start + 4))
    edit, visit, undo = after
    assert edit.row is not None and edit.row["note"] == "腿脚不便"
    resident_gid = edit.gid
    assert visit.refs["resident_id"] == resident_gid and visit.gid == undo.gid
    assert visit.row is not None and visit.row["undone_at"] is None
    assert undo.row is not None and undo.row["undone_at"] == "2026-11-29T09:00:00+08:00"
    assert changes.changes_after(nb, start, limit=1) == after[:1]
    assert changes.changes_after(nb, changes.last_seq(nb)) == []


def test_a_deleted_row_is_a_delete_in_the_log(cli, nb) -> None:
    assert cli("resident", "add", "王芳", "-a", "5-1-101", "--contact", "王明,儿子,13800001111").exit_code == 0
    [contact] = [c for c in changes.changes_after(nb) if c.table == "contacts"]
    assert cli("resident", "edit", "王芳", "--remove-contact", "1").exit_code == 0
    last = changes.changes_after(nb, changes.last_seq(nb) - 2)
    assert [(c.table, c.gid, c.op, c.row) for c in last][-1] == ("contacts", contact.gid, "delete", None)


def test_a_task_points_at_the_visit_it_follows_up_by_global_id(cli, nb) -> None:
    assert cli("resident", "add", "王芳", "-a", "5-1-101").exit_code == 0
    assert cli("log", "王芳", "看望", "--follow-up", "明天").exit_code == 0
    log = changes.changes_after(nb)
    visit = next(c for c in log if c.table == "visits")
    task = next(c for c in log if c.table == "tasks")
    assert task.row is not None and task.row["source"] == "visit:1"
    assert task.refs["source"] == visit.gid


def test_the_notebook_says_who_it_is(cli, nb) -> None:
    assert cli("config", "set", "grid.code", "冬梅轩-03").exit_code == 0
    assert cli("config", "set", "worker.name", "刘玉莹").exit_code == 0
    nb.forget_settings()
    who = changes.identity(nb)
    assert UUID.fullmatch(who.notebook_id)
    assert (who.grid_code, who.worker_name) == ("冬梅轩-03", "刘玉莹")
    assert cli("config", "get", "grid.code").stdout == "冬梅轩-03\n"


def test_an_older_notebook_gets_ids_and_its_rows_logged_on_upgrade(tmp_path: Path) -> None:
    """A notebook written before the change log: its rows get global ids and are logged as inserts."""
    from tests.helpers.old_notebook import notebook_at

    path = notebook_at(tmp_path / "old.db", "m008_task_skipped")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO buildings (code, created_at) VALUES ('8', '2025-01-01T08:00:00+08:00')")
    conn.execute(
        "INSERT INTO households (building_id, unit, room, address, created_at)"
        " VALUES (1, '2', '301', '8-2-301', '2025-01-01T08:00:00+08:00')"
    )
    conn.commit()
    conn.close()
    nb = open_notebook(path)
    try:
        log = changes.changes_after(nb)
        assert [(c.table, c.op) for c in log] == [("buildings", "insert"), ("households", "insert")]
        building, household = log
        assert household.refs == {"building_id": building.gid}
        assert household.row is not None and household.row["address"] == "8-2-301"
        assert json.loads(json.dumps(household.row))["gid"] == household.gid
        assert UUID.fullmatch(changes.identity(nb).notebook_id)
    finally:
        nb.close()
    empty = tmp_path / "centre.db"
    open_notebook(empty).close()
    replay(path, empty)
    assert synced_rows(empty) == synced_rows(path)
