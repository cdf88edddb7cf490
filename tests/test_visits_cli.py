"""``gridnote visits`` (history), ``resident show`` (last visits and reading trends) and the JSON contract."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs" / "json.md"


def schema(name: str) -> dict:
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(rf"```json schema={name}\n(.*?)```", text, re.S)
    assert match, f"docs/json.md has no schema block for {name}"
    return json.loads(match[1])


def at(day: str, time: str = "06:30") -> dict[str, str]:
    return {"GRIDNOTE_NOW": f"2026-11-{day}T{time}:00+08:00"}


@pytest.fixture
def week(cli, demo):
    """A week of the worker's log: Grandma Li's rising pressure, walks, calls, a call-out."""
    for day, bp, pulse in (
        ("23", "128/80", "66"),
        ("25", "132/84", "61"),
        ("27", "138/88", "65"),
        ("29", "139/90", "63"),
    ):
        assert cli("log", "李奶奶", "量血压", "--bp", bp, "--pulse", pulse, env=at(day)).exit_code == 0
    assert cli("log", "-b", "5", "-b", "6", "巡查", env=at("28", "08:00")).exit_code == 0
    assert cli("log", "-b", "5", "楼道灯坏了", env=at("29", "08:00")).exit_code == 0
    assert cli("log", "张大爷", "降压药吃完了", "-k", "电话", env=at("28", "21:00")).exit_code == 0
    assert cli("log", "高阿姨", "跳闸，已复位", "-k", "应急", env=at("28", "20:40")).exit_code == 0
    assert cli("log", "8-2-301", "送药", env=at("29", "08:30")).exit_code == 0
    return demo


def test_today_by_default(cli, week) -> None:
    result = cli("visits")
    assert result.exit_code == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Visits on 11-29 Sun",
        "",
        "  #   When    Kind            Who                 Note and readings",
        " " + "─" * 66,
        "  4   06:30   home visit      李秀英（李奶奶）    量血压",
        "                              8-2-301             BP 139/90⚠ P 63",
        "  7   08:00   building walk   building 5          楼道灯坏了",
        " 10   08:30   home visit      household 8-2-301   送药",
        "",
        "                  entries: 3 · flagged readings: 1",
    ]


def test_one_day_and_a_range(cli, week) -> None:
    yesterday = json.loads(cli("visits", "-d", "yesterday", "--json").stdout)
    assert [(v["id"], v["kind"]) for v in yesterday] == [(5, "walk"), (6, "walk"), (9, "emergency"), (8, "phone")]
    assert [v["id"] for v in json.loads(cli("visits", "-d", "周五", "--json").stdout)] == [3]
    ranged = json.loads(cli("visits", "--from", "11-25", "--to", "周六", "--json").stdout)
    assert [v["id"] for v in ranged] == [2, 3, 5, 6, 9, 8]
    until_today = json.loads(cli("visits", "--from", "11-28", "--json").stdout)
    assert [v["id"] for v in until_today] == [5, 6, 9, 8, 4, 7, 10]


def test_range_in_chinese(cli, week) -> None:
    result = cli("--lang", "zh", "visits", "--from", "周五", "-k", "巡查")
    assert result.exit_code == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "11-27 周五 … 11-29 周日 的记录",
        "",
        " 编号   时间          类型   对象    内容与读数",
        " ──────────────────────────────────────────────",
        "    5   11-28 08:00   巡查   5号楼   巡查",
        "    6   11-28 08:00   巡查   6号楼   巡查",
        "    7   11-29 08:00   巡查   5号楼   楼道灯坏了",
        "",
        "                    共 3 条",
    ]


def test_filters(cli, week) -> None:
    def ids(*args: str) -> list[int]:
        result = cli("visits", *args, "--json")
        assert result.exit_code == 0, result.stderr
        return [v["id"] for v in json.loads(result.stdout)]

    # a resident's history: all of it by default, with visits to her household
    assert ids("-r", "李奶奶") == [1, 2, 3, 4, 10]
    assert ids("-r", "张大爷") == [8, 10]
    assert ids("-r", "李奶奶", "--from", "11-27") == [3, 4, 10]
    assert ids("--from", "11-20", "-b", "5") == [5, 9, 7]
    assert ids("--from", "11-20", "-b", "8号楼", "-k", "电话") == [8]
    assert ids("--from", "11-20", "-k", "emergency") == [9]


def test_undone_entries_only_with_all(cli, week) -> None:
    assert cli("log", "undo").exit_code == 0  # #10, the household visit
    assert [v["id"] for v in json.loads(cli("visits", "--json").stdout)] == [4, 7]
    listed = json.loads(cli("visits", "--all", "--json").stdout)
    assert [(v["id"], v["undone_at"]) for v in listed] == [(4, None), (7, None), (10, "2026-11-29T09:00:00+08:00")]
    table = cli("visits", "--all").stdout
    assert "(undone)" in table and "entries: 2" in table


def test_nothing_logged(cli, demo) -> None:
    result = cli("visits")
    assert result.exit_code == 0
    assert result.stdout == 'Nothing logged for these days. Try: gridnote log 李奶奶 "note" --bp 139/90\n'
    assert json.loads(cli("visits", "--json").stdout) == []


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["visits", "-d", "today", "--from", "mon"], 2, "give either --date or --from/--to, not both"),
        (["visits", "--from", "2026-11-29", "--to", "2026-11-20"], 2, "--from 2026-11-29 is after --to 2026-11-20"),
        (
            ["visits", "-d", "someday"],
            2,
            'Cannot read the date "someday". Try: today, tomorrow, fri, next mon, in 2 days, '
            "eom, 2026-12-01, 12-01, 明天, 下周一, 3天后",
        ),
        (
            ["visits", "-d", "today 6:30"],
            2,
            '"today 6:30" has a time of day; only a day is expected here. Try: today, '
            "tomorrow, fri, next mon, in 2 days, eom, 2026-12-01, 12-01, 明天, 下周一, 3天后",
        ),
        (
            ["visits", "-k", "party"],
            2,
            'unknown kind "party"; use visit (走访), phone (电话), wechat (微信), walk (巡查), '
            "emergency (应急), outreach (宣传)",
        ),
        (["visits", "-b", "9"], 3, "there is no building 9; known: 5, 6, 7, 8"),
        (
            ["visits", "-r", "李大妈"],
            3,
            'no resident matches "李大妈" (try part of the name, pinyin initials such as lnn, or an address such as 8-2-301)',
        ),
    ],
)
def test_bad_queries(cli, demo, args, code, message) -> None:
    result = cli(*args)
    assert (result.exit_code, result.stderr, result.stdout) == (code, f"Error: {message}\n", "")


def test_json_follows_the_documented_schema(cli, week) -> None:
    cli("log", "高阿姨", "--glucose", "3.5", "--temp", "37.5", "--weight", "105斤")
    cli("log", "undo", "2")
    data = json.loads(cli("visits", "--from", "11-20", "--all", "--json").stdout)
    jsonschema.validate(data, schema("visits"))
    by_id = {v["id"]: v for v in data}
    assert [v["id"] for v in data] == [1, 2, 3, 5, 6, 9, 8, 4, 7, 10, 11]
    assert by_id[2]["undone_at"] == "2026-11-29T09:00:00+08:00"
    li = by_id[4]
    assert li["readings"] == [
        {
            "id": 7,
            "kind": "bp",
            "value": 139,
            "value2": 90,
            "unit": "mmHg",
            "text": "139/90",
            "at": "2026-11-29T06:30:00+08:00",
            "flagged": True,
            "flags": [{"measure": "diastolic", "value": 90, "op": ">=", "threshold": 90}],
        },
        {
            "id": 8,
            "kind": "pulse",
            "value": 63,
            "value2": None,
            "unit": "/min",
            "text": "63",
            "at": "2026-11-29T06:30:00+08:00",
            "flagged": False,
            "flags": [],
        },
    ]
    gao = by_id[11]
    assert [(r["kind"], r["value"], r["flags"]) for r in gao["readings"]] == [
        ("glucose", 3.5, [{"measure": "glucose", "value": 3.5, "op": "<", "threshold": 3.9}]),
        ("temp", 37.5, [{"measure": "temp", "value": 37.5, "op": ">=", "threshold": 37.3}]),
        ("weight", 52.5, []),
    ]
    walk = next(v for v in data if v["kind"] == "walk")
    assert (walk["resident_id"], walk["household_id"], walk["address"], walk["building"]) == (None, None, None, "5")


def test_json_schema_rejects_a_changed_structure(cli, week) -> None:
    data = json.loads(cli("visits", "--json").stdout)
    data[0]["readings"][0]["flags"][0]["op"] = "≥"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema("visits"))


# -- resident show ----------------------------------------------------------------------------
def test_resident_card_shows_visits_and_the_reading_trend(cli, week) -> None:
    result = cli("resident", "show", "李奶奶")
    assert result.exit_code == 0, result.stderr
    lines = [line.strip("│ ").rstrip() for line in result.stdout.splitlines()]
    start = lines.index("Recent visits")
    assert lines[start : start + 10] == [
        "Recent visits",
        "11-29 08:30  home visit  送药",
        "11-29 06:30  home visit  量血压 BP 139/90⚠ P 63",
        "11-27 06:30  home visit  量血压 BP 138/88 P 65",
        "11-25 06:30  home visit  量血压 BP 132/84 P 61",
        "11-23 06:30  home visit  量血压 BP 128/80 P 66",
        "Readings (oldest → newest)",
        "systolic  ▃▄▆▆ 128  132  138  139  mmHg  11-23…11-29",
        "diastolic ▂▄▆▇  80   84   88   90⚠ mmHg",
        "pulse     ▅▄▅▄  66   61   65   63  /min  11-23…11-29",
    ]


def test_resident_card_in_chinese(cli, week) -> None:
    lines = [line.strip("│ ").rstrip() for line in cli("--lang", "zh", "resident", "show", "lnn").stdout.splitlines()]
    assert "最近走访" in lines and "读数（从早到近）" in lines
    assert "收缩压 ▃▄▆▆ 128  132  138  139  mmHg  11-23…11-29" in lines
    assert "11-29 06:30  走访  量血压 血压 139/90⚠ 脉搏 63" in lines


def test_resident_card_json_has_visits_and_trends(cli, week) -> None:
    data = json.loads(cli("resident", "show", "李奶奶", "--json").stdout)
    assert [v["id"] for v in data["visits"]] == [10, 4, 3, 2, 1]
    jsonschema.validate(data["visits"], schema("visits"))
    assert [(t["kind"], t["unit"], [p["text"] for p in t["points"]]) for t in data["readings"]] == [
        ("bp", "mmHg", ["128/80", "132/84", "138/88", "139/90"]),
        ("pulse", "/min", ["66", "61", "65", "63"]),
    ]


def test_undone_and_moved_readings_leave_the_trend(cli, week) -> None:
    cli("log", "undo", "4")
    data = json.loads(cli("resident", "show", "李奶奶", "--json").stdout)
    assert [p["text"] for p in data["readings"][0]["points"]] == ["128/80", "132/84", "138/88"]
    assert 4 not in [v["id"] for v in data["visits"]]


def test_card_without_visits_is_unchanged(cli, demo) -> None:
    card = cli("resident", "show", "曾奶奶").stdout
    assert "Recent visits" not in card and "Readings" not in card
    data = json.loads(cli("resident", "show", "曾奶奶", "--json").stdout)
    assert data["visits"] == [] and data["readings"] == []
