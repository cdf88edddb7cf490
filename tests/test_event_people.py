"""Outreach with people in it (issue 19, item 5): residents named at an event (by name, address or a
list, resolved as everywhere), partners with their contact, a kind, photos; the report lists the
events and says, per kind, how many residents living alone or aged 60+ they reached.

The clock is 2026-11-29 09:00 (Sunday). Residents: 李奶奶 born 1944-03-12 (82); 张大爷 born
1966-11-29 (59 on 11-28, 60 from 11-29); 高阿姨 born 1956, living alone (70); 王阿姨 of 5-1-102
living alone, no birth date; another 王阿姨 at 5-3-601."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def grid(cli, add_resident, tmp_path: Path) -> Path:
    add_resident("李秀英", "8-2-301", alias="李奶奶", birth="1944-03-12", tags=["bedridden"])
    add_resident("张国华", "8-2-301", alias="张大爷", birth="1966-11-29")
    add_resident("高玉兰", "5-1-502", alias="高阿姨", birth="1956", tags=["living-alone"])
    add_resident("王建英", "5-1-102", alias="王阿姨", tags=["living-alone"])
    add_resident("王海燕", "5-3-601", alias="王阿姨")
    names = tmp_path / "名单.txt"
    names.write_text("# 签到表\n高阿姨\n\n王阿姨 5-1-102\n", encoding="utf-8")
    photo = tmp_path / "talk.jpg"
    photo.write_bytes(JPEG)
    added = cli(
        "event",
        "add",
        "老年人防诈骗宣讲",
        "--at",
        "11-28 15:00",
        "--with",
        "社区民警（王警官 13800001111）, 楼栋长",
        "-b",
        "8",
        "-r",
        "李奶奶, 张大爷",
        "--list",
        str(names),
        "--attendees",
        "23",
        "--photo",
        str(photo),
    )
    assert (added.exit_code, added.stderr) == (0, "")
    # named 4: 李奶奶 82, 张大爷 59 on 11-28, 高阿姨 70 and living alone, 王阿姨 living alone (age unknown)
    assert added.stdout == (
        "✓ Event #1 recorded: 老年人防诈骗宣讲 (11-28 15:00)\n"
        "anti-fraud · attendees 23 · residents named 4 (living alone 2, aged 60+ 2)\n"
        "photos kept in the notebook's folder: 1\n"
    )
    ok(cli("event", "add", "反诈骗宣传进楼栋", "--at", "11-29 08:30", "-r", "张大爷"))  # 60 today: his birthday
    ok(cli("event", "add", "消防安全讲座", "--at", "11-20 10:00", "-r", "8-2-301 李秀英"))
    ok(cli("event", "add", "防骗讲座", "--at", "10-30 10:00", "-r", "王阿姨 5-3-601"))  # October: not this month
    return tmp_path


def test_who_came_is_kept_with_the_event(cli, grid) -> None:
    [talk] = json.loads(ok(cli("event", "list", "--date", "11-28", "--json")))
    assert (talk["kind"], talk["attendees"], talk["partners"]) == ("anti-fraud", 23, ["社区民警", "楼栋长"])
    assert talk["contacts"] == {"社区民警": "王警官 13800001111"}
    assert [(r["id"], r["name"], r["address"], r["living_alone"], r["age"]) for r in talk["residents"]] == [
        (4, "王建英（王阿姨）", "5-1-102", True, None),
        (3, "高玉兰（高阿姨）", "5-1-502", True, 70),
        (1, "李秀英（李奶奶）", "8-2-301", False, 82),
        (2, "张国华（张大爷）", "8-2-301", False, 59),
    ]
    [photo] = talk["photos"]
    assert photo["name"] == "talk.jpg" and photo["path"].startswith("photos/") and photo["path"].endswith(".jpg")
    assert (grid / "notebook.db-files" / photo["path"]).read_bytes() == JPEG
    card = ok(cli("event", "show", "1"))
    assert "With       社区民警 王警官 13800001111, 楼栋长" in card
    assert "Residents  王建英（王阿姨）  5-1-102  living alone" in card
    assert "           高玉兰（高阿姨）  5-1-502  living alone · aged 70" in card
    zh = ok(cli("--lang", "zh", "event", "show", "1"))
    assert "类型      反诈宣传" in zh and "高玉兰（高阿姨）  5-1-502  独居 · 70岁" in zh
    # the head count defaults to those named; the kind is read from the title (消防安全 → safety)
    [fire] = json.loads(ok(cli("event", "list", "--date", "11-20", "--json")))
    assert (fire["kind"], fire["attendees"], [r["id"] for r in fire["residents"]]) == ("safety", 1, [1])
    assert [e["id"] for e in json.loads(ok(cli("event", "list", "--month", "-k", "反诈", "--json")))] == [1, 2]


def test_the_month_report_says_whom_each_kind_reached(cli, grid) -> None:
    """November: anti-fraud 11-28 (23 came; 李 张 高 王 named) and 11-29 (张 named, now 60); safety 11-20 (李).

    Anti-fraud, each resident once: named 4; living alone 高 王 = 2; aged 60+ 李 82, 高 70, 张 60 at
    the 11-29 talk = 3; head counts 23 + 1 = 24. Safety: 1 named, 0 alone, 1 aged 60+. The October
    talk is outside the month."""
    report = json.loads(ok(cli("report", "--month", "--format", "json")))
    assert report["event_reach"] == [
        {"kind": "anti-fraud", "events": 2, "attendees": 24, "named": 4, "living_alone": 2, "aged_60": 3},
        {"kind": "safety", "events": 1, "attendees": 1, "named": 1, "living_alone": 0, "aged_60": 1},
    ]
    assert [e["id"] for e in report["events"]] == [3, 1, 2]  # in time order
    assert report["events"][1]["contacts"] == {"社区民警": "王警官 138****1111"}  # masked unless --full
    assert report["numbers"]["events"] == {"count": 3, "attendees": 25}
    full = json.loads(ok(cli("report", "--month", "--full", "--format", "json")))
    assert full["events"][1]["contacts"] == {"社区民警": "王警官 13800001111"}
    text = ok(cli("report", "--month"))
    header = "Kind         Events   Attendees   Named   Living alone   Aged 60+"
    row = (
        "anti-fraud"
        + "   "
        + "     2"
        + "   "
        + "       24"
        + "   "
        + "    4"
        + "   "
        + " " * 11
        + "2"
        + "   "
        + " " * 7
        + "3"
    )
    assert header in text and row in text
    assert "#1 老年人防诈骗宣讲" in text and "named 4 (living alone 2, aged 60+ 2)" in text
    zh = ok(cli("--lang", "zh", "report", "--month"))
    assert "宣传覆盖（按活动类型）" in zh and "点名 4 人（独居 2，60 岁及以上 2）" in zh


def test_the_events_have_their_sheets(cli, grid) -> None:
    from openpyxl import load_workbook

    ok(cli("report", "--month", "-o", str(grid / "month.xlsx")))
    book = load_workbook(grid / "month.xlsx")
    reach = [list(r) for r in book["Outreach reach"].iter_rows(values_only=True)]
    assert reach == [
        ["Kind", "Events", "Attendees", "Named", "Living alone", "Aged 60+"],
        ["anti-fraud", 2, 24, 4, 2, 3],
        ["safety", 1, 1, 1, 0, 1],
    ]
    events = [list(r) for r in book["Outreach events"].iter_rows(values_only=True)]
    assert [r[0] for r in events] == ["#", 3, 1, 2]
    assert events[2][2:5] == ["老年人防诈骗宣讲", "anti-fraud", "社区民警 王警官 138****1111, 楼栋长"]


def test_an_ambiguous_name_lists_who_it_could_be_and_writes_nothing(cli, grid) -> None:
    refused = cli("event", "add", "健康讲座", "-r", "李奶奶, 王阿姨")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == (
        'Error: "王阿姨" matches 2 residents: #4 王建英（王阿姨） 5-1-102; #5 王海燕（王阿姨） 5-3-601.'
        ' Add the address, all in quotes (e.g. "王阿姨 5-1-102"), or use the number alone (e.g. 4)\n'
    )
    fewer = cli("event", "add", "健康讲座", "-r", "李奶奶, 张大爷", "--attendees", "1")
    assert (fewer.exit_code, fewer.stderr) == (2, "Error: only 1 attendee, fewer than the 2 residents named\n")
    empty = grid / "empty.txt"
    empty.write_text("# nobody yet\n", encoding="utf-8")
    nobody = cli("event", "add", "健康讲座", "--list", str(empty))
    assert (nobody.exit_code, nobody.stderr) == (2, f"Error: {empty} names nobody\n")
    assert len(json.loads(ok(cli("event", "list", "--from", "10-01", "--json")))) == 4


def test_an_older_notebook_keeps_its_events(tmp_path: Path, monkeypatch, cli) -> None:
    """m018 gives the events before a kind (other) and no contacts, residents or photos."""
    from tests.helpers.old_notebook import notebook_at

    path = notebook_at(tmp_path / "old.db", "m017_issue_kind")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO events (title, at, day, partners, attendees, created_at, updated_at) VALUES"
        " ('防诈骗宣讲', '2026-11-28T15:00:00+08:00', '2026-11-28', '[\"社区民警\"]', 23,"
        " '2026-11-28T16:00:00+08:00', '2026-11-28T16:00:00+08:00')"
    )
    conn.commit()
    conn.close()
    monkeypatch.setenv("GRIDNOTE_DB", str(path))
    [event] = json.loads(ok(cli("event", "list", "--date", "11-28", "--json")))
    assert (event["kind"], event["contacts"], event["residents"], event["photos"], event["attendees"]) == (
        "other",
        {},
        [],
        [],
        23,
    )


def test_an_events_photo_belongs_to_it_for_the_check(cli, grid) -> None:
    checked = json.loads(ok(cli("check", "--json")))
    assert (checked["ok"], checked["findings"], checked["photos"]) == (True, [], 1)
