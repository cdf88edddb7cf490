"""The walk as a route: `care route` and `today --route` (issue 19, item 2)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from gridnote.services.route import floor_of

PEOPLE = [
    # name, address, tag; every one never visited, so due
    ("高玉兰", "5-1-502", "独居"),
    ("孙建", "8-2-1102", "失能"),
    ("李秀英", "8-2-301", "失能"),
    ("王芳", "8-1-1201", "高血压"),
    ("张强", "8-1-302", "低保"),
    ("赵敏", "8-10-101", "独居"),
    ("钱亮", "8-2-302", "独居"),
]


def grid(cli) -> None:
    for building in ("5", "6", "8"):
        assert cli("building", "add", building).exit_code == 0
    for name, address, tag in PEOPLE:
        assert cli("resident", "add", name, "-a", address, "-t", tag).exit_code == 0
    assert cli("log", "钱亮", "在家").exit_code == 0  # visited today: not due
    assert cli("log", "-b", "6", "巡查").exit_code == 0


def test_the_route_of_one_building_in_walking_order(cli) -> None:
    grid(cli)
    result = cli("care", "route", "-b", "8")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Route: 5 due a visit on the walk · today\n"
        "building 8 · 5 due · not yet\n"
        "  unit 1 3F   302 张强  low-income   never visited\n"
        "  unit 1 12F 1201 王芳  hypertension never visited\n"
        "  unit 2 3F   301 李秀英  bedridden  never visited\n"
        "  unit 2 11F 1102 孙建  bedridden    never visited\n"
        "  unit 10 1F  101 赵敏  living alone never visited\n"
    )


def test_every_building_has_its_line_with_how_many_are_due(cli) -> None:
    grid(cli)
    lines = [line for line in cli("care", "route").stdout.splitlines() if not line.startswith("  ")]
    assert lines == [
        "Route: 6 due a visit on the walk · today",
        "building 5 · 1 due · not yet",
        "building 6 · none due · ✓ walked 09:00",
        "building 8 · 5 due · not yet",
    ]
    zh = cli("--lang", "zh", "care", "route", "-b", "5").stdout
    assert zh == "巡楼路线：1 人该走访 · 今天\n5号楼 · 1 人该走访 · 未巡\n  1单元5层 502 高玉兰  独居 从未走访\n"


def test_today_route_replaces_the_care_list_and_the_walk(cli) -> None:
    grid(cli)
    plain = cli("today").stdout
    assert "Care round: 6 due a visit" in plain and "Daily walk: 1 of 3 buildings walked" in plain
    routed = "\n".join(line.rstrip() for line in cli("today", "--route").stdout.splitlines())
    assert "Care round" not in routed and "Daily walk" not in routed
    assert "Route: 6 due a visit on the walk\n  building 5 · 1 due · not yet\n" in routed
    assert "\n    unit 1 5F 502 高玉兰  living alone never visited\n  building 6 · none due" in routed
    assert "route" not in json.loads(cli("today", "--json").stdout)
    data = json.loads(cli("today", "--route", "--json").stdout)["route"]
    assert data == json.loads(cli("care", "route", "--json").stdout)
    assert (data["date"], data["due"], data["elsewhere"]) == ("2026-11-29", 6, [])
    eight = data["buildings"][2]
    assert (eight["building"], eight["due"], eight["walked_at"]) == ("8", 5, None)
    assert [(f["unit"], f["floor"], [r["name"] for r in f["residents"]]) for f in eight["floors"]] == [
        ("1", 3, ["张强"]),
        ("1", 12, ["王芳"]),
        ("2", 3, ["李秀英"]),
        ("2", 11, ["孙建"]),
        ("10", 1, ["赵敏"]),
    ]
    assert data["buildings"][1] == {
        "building": "6",
        "name": None,
        "due": 0,
        "walked_at": "2026-11-29T09:00:00+08:00",
        "floors": [],
    }


def test_an_unknown_building_is_refused(cli) -> None:
    grid(cli)
    result = cli("care", "route", "-b", "9")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == "Error: there is no building 9; known: 5, 6, 8\n"


def test_floors_as_door_plates_say_them() -> None:
    assert [floor_of(r) for r in ("301", "0301", "1102", "101", "12", "A", "3a01", "002")] == [
        3,
        3,
        11,
        1,
        None,
        None,
        None,
        None,
    ]


@given(floor=st.integers(1, 999), room=st.integers(1, 99))
def test_a_room_number_is_its_floor_then_two_digits(floor, room) -> None:
    assert floor_of(f"{floor}{room:02d}") == floor


def test_today_route_json_follows_the_documented_schema(cli) -> None:
    import jsonschema

    from tests.test_agenda import SCHEMA

    grid(cli)
    cli("resident", "add", "无址", "-t", "独居")  # no household: listed apart
    data = json.loads(cli("today", "--route", "--json").stdout)
    jsonschema.validate(data, SCHEMA)
    assert [c["name"] for c in data["route"]["elsewhere"]] == ["无址"]
