"""--json on every command that writes: what was created or changed, in the shape of the matching read."""

from __future__ import annotations

import json

import pytest


def doc(result) -> dict:
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def task_read(cli, number: int) -> dict:
    return doc(cli("task", "show", str(number), "--json"))


def test_task_add_prints_the_new_number_and_the_task_as_task_show_has_it(cli) -> None:
    added = doc(cli("task", "add", "量血压", "李奶奶", "--due", "明天6:30", "--star", "--json"))
    assert added["version"] == 1 and added["written"] == []
    [task] = added["tasks"]
    assert task == task_read(cli, task["id"])
    # the clock is 2026-11-29 09:00 +08:00: tomorrow 06:30 is 11-30
    assert (task["text"], task["due_date"], task["due_time"], task["starred"]) == (
        "量血压 李奶奶",
        "2026-11-30",
        "06:30",
        True,
    )
    plan = doc(cli("tomorrow", "add", "送药", "--at", "9:00", "--json"))
    assert (plan["tasks"][0]["due_date"], plan["tasks"][0]["due_time"]) == ("2026-11-30", "09:00")


def test_each_task_write_answers_with_the_tasks_it_changed(cli) -> None:
    for text in ("甲", "乙", "丙"):
        assert cli("task", "add", text).exit_code == 0
    starred = doc(cli("task", "star", "1", "2", "--json"))
    assert [(t["id"], t["starred"]) for t in starred["tasks"]] == [(1, True), (2, True)]
    unstarred = doc(cli("task", "unstar", "2", "--json"))
    assert [(t["id"], t["starred"]) for t in unstarred["tasks"]] == [(2, False)]
    moved = doc(cli("task", "move", "3", "12-05", "--json"))
    assert [(t["id"], t["due_date"]) for t in moved["tasks"]] == [(3, "2026-12-05")]
    edited = doc(cli("task", "edit", "3", "--text", "丁", "--json"))
    assert edited["tasks"] == [task_read(cli, 3)] and edited["tasks"][0]["text"] == "丁"
    done = doc(cli("task", "done", "1", "--json"))
    assert [(t["id"], t["status"]) for t in done["tasks"]] == [(1, "done")]
    reopened = doc(cli("task", "reopen", "1", "--json"))
    assert [(t["id"], t["status"]) for t in reopened["tasks"]] == [(1, "open")]
    dropped = doc(cli("task", "drop", "2", "--json"))
    assert [(t["id"], t["status"]) for t in dropped["tasks"]] == [(2, "dropped")]


def test_a_repeating_task_done_or_skipped_names_the_next_time_it_wrote(cli) -> None:
    added = doc(cli("task", "add", "巡查", "--every", "day", "--json"))
    first = added["tasks"][0]
    assert first["due_date"] == "2026-11-29"  # a repeating task starts today
    done = doc(cli("task", "done", str(first["id"]), "--json"))
    [after] = done["written"]
    assert after["due_date"] == "2026-11-30" and after["status"] == "open"
    assert after == task_read(cli, after["id"])
    skipped = doc(cli("task", "skip", str(after["id"]), "--json"))
    assert [t["due_date"] for t in skipped["written"]] == ["2026-12-01"]


def test_issue_writes_answer_with_the_steps_and_the_issue_as_issue_show_has_it(cli, demo) -> None:
    added = doc(cli("issue", "add", "5号楼门前装修垃圾", "--json"))
    assert added["version"] == 1 and added["steps"] == ["receive"]
    number = added["issue"]["id"]
    assert added["issue"] == doc(cli("issue", "show", str(number), "--json"))
    verified = doc(cli("issue", "verify", str(number), "--json"))
    assert verified["steps"] == ["verify"] and verified["issue"]["status"] == "verified"
    resolved = doc(cli("issue", "resolve", str(number), "已清运", "--json"))
    assert resolved["steps"] == ["resolve"] and resolved["issue"]["status"] == "resolved"


def test_resident_writes_answer_with_the_card_as_resident_show_has_it(cli) -> None:
    added = doc(cli("resident", "add", "王芳", "-a", "5-1-101", "-t", "独居", "--json"))
    assert added == doc(cli("resident", "show", "王芳", "--json"))
    tagged = doc(cli("resident", "tag", "王芳", "高血压", "--json"))
    assert set(tagged["tags"]) == {"living-alone", "hypertension"}
    untagged = doc(cli("resident", "untag", "王芳", "高血压", "--json"))
    assert untagged["tags"] == ["living-alone"]
    edited = doc(cli("resident", "edit", "王芳", "--alias", "王阿姨", "--json"))
    assert edited["alias"] == "王阿姨"
    moved = doc(cli("resident", "move-out", "王芳", "--json"))
    assert moved["id"] == added["id"] and moved != edited


def test_event_and_setting_writes_answer_as_their_reads(cli) -> None:
    event = doc(cli("event", "add", "反诈宣传", "--json"))
    assert [event] == doc(cli("event", "list", "--json"))
    assert doc(cli("config", "set", "care.bedridden", "2", "--json")) == {"care.bedridden": 2}
    assert doc(cli("config", "list", "--json"))["care.bedridden"] == 2
    assert doc(cli("config", "unset", "care.bedridden", "--json")) == {
        "care.bedridden": doc(cli("config", "list", "--json"))["care.bedridden"]
    }


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("task", "done", "99"), 3),
        (("issue", "verify", "99"), 3),
        (("resident", "tag", "nobody", "独居"), 3),
        (("task", "add", "x", "--due", "someday soon"), 2),
    ],
)
def test_an_error_under_json_stays_one_line_on_stderr_with_its_code(cli, args, code) -> None:
    result = cli(*args, "--json")
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")


def test_log_edit_and_undo_answer_with_the_entry(cli, demo) -> None:
    [logged] = doc(cli("log", "李奶奶", "-k", "电话", "问了血压", "--json"))
    edited = doc(cli("log", "edit", str(logged["id"]), "--note", "问了血压，已好转", "--json"))
    assert [(v["id"], v["note"], v["kind"]) for v in edited] == [(logged["id"], "问了血压，已好转", "phone")]
    undone = doc(cli("log", "undo", "--json"))
    assert undone["version"] == 1 and undone["dropped_tasks"] == [] and undone["rechecks"] == []
    [visit] = undone["visits"]
    assert visit["id"] == logged["id"] and visit["undone_at"] == "2026-11-29T09:00:00+08:00"
    assert doc(cli("visits", "--json")) == []  # undone: listed only with --all


def test_building_add_answers_as_building_list(cli) -> None:
    added = doc(cli("building", "add", "9", "--json"))
    assert added == {"id": 1, "code": "9", "name": None, "households": 0, "residents": 0}
    assert doc(cli("building", "list", "--json")) == [added]


def test_category_writes_answer_as_category_list(cli) -> None:
    added = doc(cli("issue", "category", "add", "bike-shed", "--zh", "车棚", "--under", "facilities", "--json"))
    listed = doc(cli("issue", "category", "list", "--json"))
    assert [c for c in listed if c["code"] == "bike-shed"] == [added]
    assert (added["zh"], added["parent"], added["custom"]) == ("车棚", "facilities", True)
    changed = doc(cli("issue", "category", "set", "车棚", "--upward", "0909", "-g", "emergency", "--json"))
    assert (changed["code"], changed["upward"], changed["group"]) == ("bike-shed", "0909", "emergency")
    assert [c for c in doc(cli("issue", "category", "list", "--json")) if c["code"] == "bike-shed"] == [changed]


def test_resident_import_answers_with_its_counts_and_a_dry_run_with_its_rows(cli, tmp_path) -> None:
    assert cli("building", "add", "9").exit_code == 0
    assert cli("resident", "add", "王芳", "-a", "9-1-101").exit_code == 0
    file = tmp_path / "r.csv"
    file.write_text("姓名,地址,电话\n李四,9-1-102,\n王芳,9-1-101,13800001111\n张三,10-1-101,\n", encoding="utf-8")
    dry = doc(cli("resident", "import", str(file), "--dry-run", "--new-buildings", "--json"))
    # row 1 is the header: 李四 (row 2) and 张三 (row 4, in a building new to the grid) added, 王芳's phone set
    assert dry == {
        "version": 1,
        "dry_run": True,
        "rows": 3,
        "added": 2,
        "updated": 1,
        "unchanged": 0,
        "encoding": "utf-8",
        "new_buildings": ["10"],
        "changes": [
            {"row": 2, "outcome": "added", "name": "李四", "address": "9-1-102", "changed": []},
            {"row": 3, "outcome": "updated", "name": "王芳", "address": "9-1-101", "changed": ["phones"]},
            {"row": 4, "outcome": "added", "name": "张三", "address": "10-1-101", "changed": []},
        ],
    }
    done = doc(cli("resident", "import", str(file), "--new-buildings", "--json"))
    assert done == {**dry, "dry_run": False, "changes": []}
    assert sorted(r["name"] for r in doc(cli("resident", "list", "--json"))) == sorted(["王芳", "李四", "张三"])
    again = doc(cli("resident", "import", str(file), "--json"))
    assert (again["added"], again["updated"], again["unchanged"], again["new_buildings"]) == (0, 0, 3, [])


def test_backup_answers_as_backup_list(cli, tmp_path) -> None:
    taken = doc(cli("backup", "--json"))
    assert doc(cli("backup", "list", "--json")) == [taken]
    assert (taken["ok"], taken["findings"]) == (True, [])
    copy = tmp_path / "usb.db"
    to = doc(cli("backup", "--to", str(copy), "--json"))
    assert (to["path"], to["size"], to["ok"]) == (str(copy), copy.stat().st_size, True)


def test_centre_import_answers_with_what_each_bundle_merged(cli, tmp_path) -> None:
    assert cli("config", "set", "grid.code", "冬梅轩-03").exit_code == 0
    assert cli("building", "add", "9").exit_code == 0
    assert cli("resident", "add", "王芳", "-a", "9-1-101", "-t", "独居").exit_code == 0
    bundle, street = tmp_path / "a.gnsync", tmp_path / "street.db"
    assert cli("sync", "--out", str(bundle), "--since", "0").exit_code == 0
    assert cli("centre", "init", str(street)).exit_code == 0
    # the building, her household, the resident and her tag: four changes, none there before
    rows = {"buildings": 1, "households": 1, "residents": 1, "resident_tags": 1}
    first = doc(cli("centre", "import", str(bundle), "-c", str(street), "--json"))
    assert first == {
        "version": 1,
        "bundles": [{"path": str(bundle), "grid": "冬梅轩-03", "changes": 4, "skipped": 0, "rows": rows}],
    }
    again = doc(cli("centre", "import", str(bundle), "-c", str(street), "--json"))
    assert again["bundles"] == [{"path": str(bundle), "grid": "冬梅轩-03", "changes": 0, "skipped": 4, "rows": {}}]
