"""The residents registry through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path


def test_add_show_and_list(cli) -> None:
    result = cli(
        "resident",
        "add",
        "李秀英",
        "--alias",
        "李奶奶",
        "-a",
        "8号楼2单元301",
        "-g",
        "女",
        "--born",
        "1944-03-12",
        "-p",
        "138 5711 2345",
        "-t",
        "失能",
        "-t",
        "高血压,独居",
        "--contact",
        "张明,儿子,13905712345",
        "--note",
        "早上量血压",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "✓ Added #1 李秀英（李奶奶） at 8-2-301"

    data = json.loads(cli("resident", "show", "李奶奶", "--json").stdout)
    assert data["name"] == "李秀英" and data["alias"] == "李奶奶"
    assert data["gender"] == "f" and data["birth"] == "1944-03-12"
    assert data["address"] == "8-2-301"
    assert data["phones"] == ["13857112345"]
    assert data["tags"] == ["bedridden", "hypertension", "living-alone"]
    assert data["contacts"] == [{"id": 1, "name": "张明", "relation": "儿子", "phone": "13905712345", "nearby": False}]

    card = cli("resident", "show", "lnn").stdout
    assert "bedridden, hypertension, living alone" in card
    assert "早上量血压" in card

    listing = cli("resident", "list").stdout
    assert "李秀英（李奶奶）" in listing and "8-2-301" in listing and "residents: 1" in listing


def test_card_in_chinese(cli) -> None:
    cli("resident", "add", "李秀英", "--alias", "李奶奶", "-a", "8-2-301", "-g", "女", "--born", "1944", "-t", "失能")
    card = cli("--lang", "zh", "resident", "show", "lnn").stdout
    assert "住址" in card and "女 82岁" in card and "失能" in card


def test_list_filters(cli) -> None:
    cli("resident", "add", "王芳", "-a", "5-1-101", "-t", "独居")
    assert cli("building", "add", "6号楼").exit_code == 0
    cli("resident", "add", "赵磊", "-a", "6-1-101")
    cli("resident", "add", "孙丽", "-a", "6-2-101", "-t", "独居", "--note", "腿脚不便")
    by_tag = json.loads(cli("resident", "list", "-t", "living-alone", "--json").stdout)
    assert [r["name"] for r in by_tag] == ["王芳", "孙丽"]
    by_building = json.loads(cli("resident", "list", "-b", "6号楼", "--json").stdout)
    assert [r["name"] for r in by_building] == ["赵磊", "孙丽"]
    both = json.loads(cli("resident", "list", "-b", "6", "-t", "独居", "--json").stdout)
    assert [r["name"] for r in both] == ["孙丽"]
    by_text = json.loads(cli("resident", "list", "腿脚", "--json").stdout)
    assert [r["name"] for r in by_text] == ["孙丽"]
    by_pinyin = json.loads(cli("resident", "list", "wangf", "--json").stdout)
    assert [r["name"] for r in by_pinyin] == ["王芳"]


def test_unknown_building_filter(cli) -> None:
    cli("resident", "add", "王芳", "-a", "5-1-101")
    result = cli("resident", "list", "-b", "9")
    assert result.exit_code == 3
    assert result.stderr.strip() == "Error: there is no building 9; known: 5"


def test_edit_keeps_history(cli, nb) -> None:
    cli("resident", "add", "王芳", "-a", "5-1-101", "-p", "13800000001")
    result = cli("resident", "edit", "王芳", "--alias", "王阿姨", "--add-phone", "13800000002", "-a", "5-1-102")
    assert result.exit_code == 0, result.stderr
    data = json.loads(cli("resident", "show", "王阿姨", "--json").stdout)
    assert data["phones"] == ["13800000001", "13800000002"]
    assert data["address"] == "5-1-102"
    before = json.loads(nb.scalar("SELECT before FROM revisions WHERE table_name = 'residents'"))
    assert before["alias"] is None and before["phones"] == "13800000001"
    # pinyin keys follow the new alias
    assert cli("resident", "show", "wangayi").exit_code == 0


def test_tag_untag(cli) -> None:
    cli("resident", "add", "高玉兰", "-a", "5-1-502")
    assert cli("resident", "tag", "高玉兰", "独居", "高血压").exit_code == 0
    assert json.loads(cli("resident", "show", "高玉兰", "--json").stdout)["tags"] == ["hypertension", "living-alone"]
    assert cli("resident", "untag", "高玉兰", "高血压").exit_code == 0
    assert json.loads(cli("resident", "show", "高玉兰", "--json").stdout)["tags"] == ["living-alone"]
    result = cli("resident", "untag", "高玉兰", "低保")
    assert result.exit_code == 2 and "has no tag low-income" in result.stderr


def test_move_out_and_back(cli) -> None:
    cli("resident", "add", "王强", "-a", "5-1-101")
    result = cli("resident", "move-out", "王强", "--note", "搬去女儿家")
    assert result.exit_code == 0 and "moved out" in result.stdout
    assert json.loads(cli("resident", "list", "--json").stdout) == []
    assert len(json.loads(cli("resident", "list", "--all", "--json").stdout)) == 1
    again = cli("resident", "move-out", "王强")
    assert again.exit_code == 4 and "already moved out on 2026-11-29" in again.stderr
    assert cli("resident", "move-out", "王强", "--undo").exit_code == 0
    assert len(json.loads(cli("resident", "list", "--json").stdout)) == 1


def test_bad_values_are_refused_and_nothing_written(cli, nb) -> None:
    cases = [
        (["-a", "8-2"], 'cannot read the address "8-2"'),
        (["-a", "8-2-301", "-g", "x"], "gender must be f/m"),
        (["-a", "8-2-301", "--born", "2030"], "not plausible"),
        (["-a", "8-2-301", "-p", "12345"], "is not a phone number"),
        (["-a", "8-2-301", "--id-number", "110101194803021235"], "wrong check digit"),
        (["-a", "8-2-301", "--contact", "张明,儿子,138,maybe"], "is not a phone number"),
    ]
    for args, message in cases:
        result = cli("resident", "add", "李秀英", *args)
        assert result.exit_code == 2, args
        assert message in result.stderr, (args, result.stderr)
        assert result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
    assert nb.scalar("SELECT count(*) FROM residents") == 0


def test_id_number_gives_birth_and_is_masked_on_card(cli) -> None:
    result = cli("resident", "add", "李秀英", "-a", "8-2-301", "--id-number", "11010119440312002X")
    assert result.exit_code == 0, result.stderr
    data = json.loads(cli("resident", "show", "李秀英", "--json").stdout)
    assert data["birth"] == "1944-03-12"
    assert "110101********002X" in cli("resident", "show", "李秀英").stdout


def test_buildings_and_households_of_the_example_grid(cli, demo) -> None:
    result = cli("building", "list", "--json")
    data = json.loads(result.stdout)
    assert len(data) == 4
    assert sum(b["households"] for b in data) == 317
    assert sum(b["residents"] for b in data) == 752
    table = cli("building", "list").stdout
    assert "buildings: 4" in table and "317" in table and "752" in table
    households = json.loads(cli("household", "list", "-b", "8", "--json").stdout)
    li = next(h for h in households if h["address"] == "8-2-301")
    assert li["members"] == ["李奶奶", "张大爷"]


def test_demo_refuses_a_notebook_with_residents(cli, demo) -> None:
    result = cli("demo")
    assert result.exit_code == 4
    assert "already has residents" in result.stderr


def test_empty_states_say_what_to_do(cli) -> None:
    assert "gridnote resident add" in cli("resident", "list").stdout
    assert "demo" in cli("building", "list").stdout


def test_a_typo_in_an_address_does_not_add_a_building(cli, nb) -> None:
    cli("resident", "add", "王芳", "-a", "5-1-101")
    result = cli("resident", "add", "李雷", "-a", "9-1-101")
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: there is no building 9 in this grid (known: 5)")
    assert nb.scalar("SELECT count(*) FROM buildings") == 1
    assert cli("resident", "edit", "王芳", "-a", "9-9-9").exit_code == 3
    assert cli("building", "add", "9").stdout.strip() == "✓ building 9 is part of the grid"
    assert cli("resident", "add", "李雷", "-a", "9-1-101").exit_code == 0


def test_addresses_are_one_form(cli) -> None:
    cli("resident", "add", "王芳", "-a", "8-2-301")
    cli("resident", "add", "李雷", "-a", "08-02-0301")
    households = json.loads(cli("household", "list", "--json").stdout)
    assert [(h["address"], h["members"]) for h in households] == [("8-2-301", ["王芳", "李雷"])]
    assert cli("resident", "add", "赵六", "-a", "8-0-301").exit_code == 2


def test_tags_typed_with_spaces_and_common_synonyms(cli) -> None:
    cli("resident", "add", "李秀英", "-a", "8-2-301")
    result = cli("resident", "tag", "李秀英", "独居 低保", "高血压患者", "孤寡老人", "爱跳广场舞")
    assert result.exit_code == 0
    assert json.loads(cli("resident", "show", "李秀英", "--json").stdout)["tags"] == [
        "hypertension",
        "living-alone",
        "low-income",
        "爱跳广场舞",
    ]
    assert "note: 爱跳广场舞 is not a care group" in result.stdout


def test_id_number_must_agree_and_be_unique(cli) -> None:
    base = ["resident", "add", "李秀英", "-a", "8-2-301", "--id-number", "11010119440312002X"]
    assert cli(*base, "--born", "1990-01-01").stderr.startswith(
        "Error: the ID number 11010119440312002X says born 1944-03-12, not 1990-01-01"
    )
    assert "does not match the gender" in cli(*base, "-g", "男").stderr
    assert cli(*base, "-g", "女", "--born", "1944").exit_code == 0
    again = cli("resident", "add", "李四", "-a", "8-2-302", "--id-number", "11010119440312002X")
    assert again.exit_code == 2 and "already belongs to #1 李秀英" in again.stderr


def test_the_same_name_at_the_same_address_is_refused_unless_said(cli, nb) -> None:
    cli("resident", "add", "李秀英", "--alias", "李奶奶", "-a", "8-2-301")
    again = cli("resident", "add", "李秀英", "-a", "8号楼2单元301")
    assert again.exit_code == 4 and again.stdout == ""
    assert again.stderr.strip() == (
        "Error: #1 李秀英（李奶奶） already lives at 8-2-301; "
        "if this is another person of the same name, add again with --same-name"
    )
    zh = cli("--lang", "zh", "resident", "add", "李秀英", "-a", "8-2-301")
    assert (
        zh.stderr.strip() == "错误：8-2-301 已登记 #1 李秀英（李奶奶）；如确是同名的另一个人，请加 --same-name 再登记"
    )
    assert nb.scalar("SELECT count(*) FROM residents") == 1
    assert cli("resident", "add", "李秀英", "-a", "8-2-302").exit_code == 0  # another flat: another person
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--same-name").exit_code == 0
    assert nb.scalar("SELECT count(*) FROM residents WHERE name = '李秀英'") == 3


def test_a_death_is_recorded_as_deceased_and_can_be_undone(cli) -> None:
    cli("resident", "add", "李秀英", "-a", "8-2-301")
    cli("resident", "add", "王强", "-a", "8-2-302")
    died = cli("resident", "move-out", "李秀英", "--deceased")
    assert died.exit_code == 0
    assert died.stdout == "✓ #1 李秀英 is marked as deceased (kept in the notebook; undo with --undo)\n"
    assert [r["name"] for r in json.loads(cli("resident", "list", "--json").stdout)] == ["王强"]
    again = cli("resident", "move-out", "李秀英", "--deceased")
    assert (again.exit_code, again.stderr) == (4, "Error: 李秀英 is already recorded as deceased (2026-11-29)\n")
    # one who moved out may later be recorded as deceased; the day she left stays
    assert cli("resident", "move-out", "王强").exit_code == 0
    assert cli("resident", "move-out", "王强", "--deceased").exit_code == 0
    shown = json.loads(cli("resident", "show", "王强", "--json").stdout)
    assert (shown["deceased"], shown["moved_out_at"][:10]) == (True, "2026-11-29")
    assert cli("resident", "move-out", "李秀英", "--undo").exit_code == 0
    shown = json.loads(cli("resident", "show", "李秀英", "--json").stdout)
    assert (shown["deceased"], shown["moved_out_at"]) == (False, None)


def test_a_notebook_from_before_keeps_who_moved_out_as_moved_out(tmp_path: Path, monkeypatch, cli) -> None:
    """m019 adds ``deceased`` to an older notebook's residents: 0, so one who moved out still did."""
    import sqlite3

    from tests.helpers.old_notebook import notebook_at

    path = notebook_at(tmp_path / "old.db", "m018_event_people")
    monkeypatch.setenv("GRIDNOTE_DB", str(path))
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO buildings (code, created_at) VALUES ('8', '2026-11-01T09:00:00+08:00')")
    conn.execute(
        "INSERT INTO households (building_id, unit, room, address, created_at)"
        " VALUES (1, '2', '301', '8-2-301', '2026-11-01T09:00:00+08:00')"
    )
    conn.execute(
        "INSERT INTO residents (name, household_id, moved_out_at, created_at, updated_at) VALUES"
        " ('王强', 1, '2026-11-20T10:00:00+08:00', '2026-11-01T09:00:00+08:00', '2026-11-20T10:00:00+08:00')"
    )
    conn.commit()
    conn.close()
    shown = json.loads(cli("resident", "show", "王强", "--json").stdout)
    assert (shown["moved_out_at"], shown["deceased"]) == ("2026-11-20T10:00:00+08:00", False)
    assert "王强 (moved out)" in cli("resident", "list", "--all").stdout
