"""Outreach events through the real CLI."""

from __future__ import annotations

import json


def events(cli, *args: str) -> list[dict]:
    result = cli("event", "list", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_add_and_list(cli, demo) -> None:
    added = cli(
        "event",
        "add",
        "老年人防诈骗宣讲",
        "--at",
        "今天下午3点",
        "--with",
        "社区民警, 楼栋长",
        "-b",
        "8",
        "--attendees",
        "23",
        "--note",
        "发放宣传册",
    )
    assert added.exit_code == 0, added.stderr
    assert added.stdout.strip() == "✓ Event #1 recorded: 老年人防诈骗宣讲 (11-29 15:00)"
    cli("event", "add", "消防安全进楼栋", "--at", "2026-10-12 9:30", "--with", "物业", "--with", "消防站")
    cli("event", "add", "垃圾分类宣传周", "--at", "12-01")
    now = cli("event", "add", "刚开完的楼栋长会", env={"GRIDNOTE_NOW": "2026-11-29T17:20:00+08:00"})
    assert now.stdout.strip() == "✓ Event #4 recorded: 刚开完的楼栋长会 (11-29 17:20)"  # default: now

    assert [e["id"] for e in events(cli)] == [2, 1, 4, 3]
    assert events(cli, "-b", "8") == [
        {
            "id": 1,
            "title": "老年人防诈骗宣讲",
            "kind": "anti-fraud",  # read from the title: 防诈骗
            "day": "2026-11-29",
            "at": "2026-11-29T15:00:00+08:00",
            "partners": ["社区民警", "楼栋长"],
            "contacts": {},
            "building": "8",
            "attendees": 23,
            "residents": [],
            "photos": [],
            "note": "发放宣传册",
        }
    ]
    assert [e["id"] for e in events(cli, "--from", "11-01")] == [1, 4, 3]  # 11-01: the last 1 Nov
    assert [e["id"] for e in events(cli, "--from", "10-01", "--to", "10-31")] == [2]
    assert events(cli)[1]["partners"] == ["社区民警", "楼栋长"]
    assert events(cli)[0]["partners"] == ["物业", "消防站"]

    table = cli("event", "list").stdout
    assert "老年人防诈骗宣讲" in table and "社区民警, 楼栋长 · building 8 · 发放宣传册" in table
    assert "12-01 all day" in table and "events: 4" in table
    zh = cli("--lang", "zh", "event", "list").stdout
    assert "社区民警、楼栋长 · 8号楼" in zh and "12-01 全天" in zh and "共 4 场" in zh


def test_bad_input_changes_nothing(cli, demo, nb) -> None:
    cases = [
        (["event", "add", " "], 2, "Error: say what the event is"),
        (["event", "add", "宣讲", "--attendees", "many"], 2, 'Error: "many" is not a number of attendees'),
        (["event", "add", "宣讲", "-b", "9"], 3, "Error: there is no building 9; known: 5, 6, 7, 8"),
        (["event", "add", "宣讲", "--at", "someday"], 2, 'Error: Cannot read the date "someday". Try: '),
        (["event", "list", "-b", "x"], 2, 'Error: "x" is not a building (e.g. 5 or 5号楼)'),
    ]
    for args, code, message in cases:
        result = cli(*args)
        assert result.exit_code == code, (args, result.stderr)
        assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
    assert nb.scalar("SELECT count(*) FROM events") == 0


def test_empty_list_says_what_to_do(cli) -> None:
    assert cli("event", "list").stdout.strip() == "No events. Record one with: gridnote event add TITLE --at WHEN"
