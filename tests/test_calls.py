"""The afternoon call list (issue 19, item 3): ``gridnote calls`` and ``calls done N "…"``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

MORNING = "2026-11-29T08:00:00+08:00"
AFTERNOON = {"GRIDNOTE_NOW": "2026-11-29T14:00:00+08:00"}


def ok(result) -> str:
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


@pytest.fixture
def morning(cli, demo) -> None:
    """The morning's problems: a referral promised by noon, a drain resolved, a hotline case, two call tasks."""
    env = {"GRIDNOTE_NOW": MORNING}
    ok(cli("issue", "add", "5号楼门前有人倾倒装修垃圾", "-c", "一网通", "-b", "5", "-r", "高阿姨", env=env))
    ok(cli("issue", "refer", "1", "--to", "物业", "--contact", "王经理 13800001111", "--due", "今天12:00", env=env))
    ok(cli("issue", "add", "8号楼下水道堵了", "-b", "8", "-r", "张大爷", env=env))
    ok(cli("issue", "resolve", "2", "疏通好了", env=env))
    ok(cli("task", "add", "打电话告诉李奶奶家属血压结果", "-r", "李奶奶", "--due", "今天", env=env))
    ok(cli("task", "add", "给曾奶奶送药", "-r", "曾奶奶", "--due", "今天", env=env))  # not a call


def lines(out: str) -> list[str]:
    return [line.rstrip() for line in out.splitlines()]


def test_the_list_says_who_to_ring_with_numbers_in_full(cli, morning) -> None:
    assert lines(ok(cli("calls", env=AFTERNOON))) == [
        "Calls to make: 3",
        "1 property company  王经理 13800001111",
        "  #1 5号楼门前有人倾倒装修垃圾 · the partner's promised date: 11-29 12:00",
        "2 张国华（张大爷） 8-2-301  13857112346",
        "  #2 8号楼下水道堵了 · tell the outcome (resolved 11-29 08:00)",
        "3 李秀英（李奶奶） 8-2-301  儿子 张明 13905712345 · 13857112345",
        "  task 1 打电话告诉李奶奶家属血压结果 · a call, due 11-29",
        "",
        'After a call: gridnote calls done N "what was said"',
    ]


def test_the_list_in_chinese(cli, morning) -> None:
    out = lines(ok(cli("--lang", "zh", "calls", env=AFTERNOON)))
    assert out[0] == "今天要打的电话：3 个"
    assert out[1] == "1 物业  王经理 13800001111"
    assert out[4] == "  #2 8号楼下水道堵了 · 告知办理结果（11-29 08:00 办结）"


def test_before_the_promised_time_the_partner_is_not_on_it(cli, morning) -> None:
    data = json.loads(ok(cli("calls", "--json", env={"GRIDNOTE_NOW": "2026-11-29T09:00:00+08:00"})))
    assert [c["reason"] for c in data["calls"]] == ["partner", "report-back", "task"]  # promised date: today
    data = json.loads(ok(cli("calls", "--json", env={"GRIDNOTE_NOW": MORNING})))
    assert data["version"] == 1 and data["date"] == "2026-11-29"
    report_back = data["calls"][1]
    assert report_back == {
        "n": 2,
        "reason": "report-back",
        "who": "张国华（张大爷）",
        "partner": False,
        "numbers": [{"phone": "13857112346", "name": None, "relation": None}],
        "text": "8号楼下水道堵了",
        "issue_id": 2,
        "task_id": None,
        "resident_id": 2,
        "address": "8-2-301",
        "since": "2026-11-29T08:00:00+08:00",
    }


def test_calls_done_logs_the_call_and_moves_the_issue_on(cli, morning, demo) -> None:
    out = lines(ok(cli("calls", "done", "2", "已告知，很满意", env=AFTERNOON)))
    assert out == [
        "✓ Call 2 recorded: 张国华（张大爷） 8-2-301",
        "  phone call #1 in the visit log",
        "  issue #2: reported back · next, the rating: gridnote issue rate 2 …",
    ]
    assert rows(demo, "SELECT kind, resident_id, note, at FROM visits") == [
        ("phone", 2, "已告知，很满意", "2026-11-29T14:00:00+08:00")
    ]
    assert rows(demo, "SELECT status, reported_at FROM issues WHERE id = 2") == [
        ("reported", "2026-11-29T14:00:00+08:00")
    ]
    # the list moves up: the task is call 2 now
    data = json.loads(ok(cli("calls", "--json", env=AFTERNOON)))
    assert [(c["n"], c["reason"]) for c in data["calls"]] == [(1, "partner"), (2, "task")]


def test_a_partners_call_is_noted_and_waits_on_them(cli, morning, demo) -> None:
    ok(cli("calls", "done", "1", "物业说明天上午来", env=AFTERNOON))
    assert rows(
        demo,
        "SELECT kind, actor, text, json_extract(data, '$.kind') FROM issue_updates WHERE issue_id = 1 ORDER BY id DESC LIMIT 1",
    ) == [("note", "property", "物业说明天上午来", "call")]
    assert rows(demo, "SELECT count(*) FROM visits") == [(0,)]  # a partner is not a resident visited
    data = json.loads(ok(cli("calls", "--json", env=AFTERNOON)))
    assert [c["reason"] for c in data["calls"]] == ["report-back", "task"]


def test_resolved_on_a_partners_call(cli, morning, demo) -> None:
    result = json.loads(ok(cli("calls", "done", "1", "--resolved", "物业已清运", "--json", env=AFTERNOON)))
    assert (result["step"], result["status"], result["visit_id"]) == ("resolve", "resolved", None)
    # resolved: now its reporter is to be told
    data = json.loads(ok(cli("calls", "--json", env=AFTERNOON)))
    assert [(c["reason"], c["issue_id"]) for c in data["calls"]][:2] == [
        ("report-back", 2),
        ("report-back", 1),
    ]  # resolved earlier first


def test_a_call_task_is_done_and_logged(cli, morning, demo) -> None:
    ok(cli("calls", "done", "3", "已告诉她儿子", env=AFTERNOON))
    assert rows(demo, "SELECT status FROM tasks WHERE id = 1") == [("done",)]
    assert rows(demo, "SELECT kind, resident_id, note FROM visits") == [("phone", 1, "已告诉她儿子")]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("done", "9", "x"), 3, "no call 9 on today's list (3 calls; see gridnote calls)"),
        (("done", "2", "--resolved", "x"), 2, "--resolved is for a partner's call; call 2 is not one"),
        (("done", "2", " "), 2, 'say what was said: calls done N "…"'),
    ],
)
def test_bad_calls_change_nothing(cli, morning, demo, args, code, message) -> None:
    result = cli("calls", *args, env=AFTERNOON)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", f"Error: {message}\n")
    assert rows(demo, "SELECT count(*) FROM visits") == [(0,)]


def test_no_calls(cli, demo) -> None:
    assert ok(cli("calls")) == "No calls to make today.\n"


def test_today_announces_the_call_list_by_reason(cli, morning) -> None:
    """After lunch the agenda says how many calls wait and of what kind; tomorrow's agenda has no call list."""
    line = "Calls to make: 1 partner, 1 report-back, 1 call task (gridnote calls)"
    assert line in lines(ok(cli("today", env=AFTERNOON)))
    zh = "今天要打的电话：转办单位 1 个、回访告知 1 个、电话任务 1 个（gridnote calls）"
    assert zh in lines(ok(cli("--lang", "zh", "today", env=AFTERNOON)))
    data = json.loads(ok(cli("today", "--json", env=AFTERNOON)))
    assert data["calls"] == {"first-contact": 0, "partner": 1, "report-back": 1, "task": 1}
    ok(cli("calls", "done", "2", "告诉张大爷下水道通了", env=AFTERNOON))  # the report-back is made
    data = json.loads(ok(cli("today", "--json", env=AFTERNOON)))
    assert data["calls"] == {"first-contact": 0, "partner": 1, "report-back": 0, "task": 1}
    tomorrow = ok(cli("today", "--date", "明天", env=AFTERNOON))
    assert "Calls to make" not in tomorrow
    assert json.loads(ok(cli("today", "--date", "明天", "--json", env=AFTERNOON)))["calls"] == {
        "first-contact": 0,
        "partner": 0,
        "report-back": 0,
        "task": 0,
    }


def test_a_first_contact_is_counted_apart(cli, demo) -> None:
    """A 12345 case nobody has answered past its response time: its reporter is a first contact to ring."""
    ok(cli("issue", "add", "楼道灯坏了", "-c", "12345", "-b", "5", "-r", "高阿姨", env={"GRIDNOTE_NOW": MORNING}))
    late = {"GRIDNOTE_NOW": "2026-11-30T14:00:00+08:00"}
    data = json.loads(ok(cli("today", "--json", env=late)))
    assert data["calls"]["first-contact"] == 1
    assert "Calls to make: 1 first contact (gridnote calls)" in lines(ok(cli("today", env=late)))


def test_the_report_at_the_end_of_the_shift_lists_the_calls_left_masked(cli, morning) -> None:
    evening = {"GRIDNOTE_NOW": "2026-11-29T17:30:00+08:00"}
    ok(cli("calls", "done", "2", "告诉他疏通好了", env=evening))  # 张大爷 told: off the list
    report = json.loads(ok(cli("report", "--format", "json", env=evening)))
    left = report["calls_left"]
    assert [(c["n"], c["reason"], c["issue_id"], c["task_id"]) for c in left] == [
        (1, "partner", 1, None),
        (2, "task", None, 1),
    ]
    # a report is a file that travels: the numbers are masked, as everywhere in it
    assert [n["phone"] for n in left[0]["numbers"]] == ["138****1111"]
    assert [n["phone"] for n in left[1]["numbers"]] == ["139****2345", "138****2345"]
    full = json.loads(ok(cli("report", "--format", "json", "--full", env=evening)))
    assert [n["phone"] for n in full["calls_left"][1]["numbers"]] == ["13905712345", "13857112345"]
    text = lines(ok(cli("--lang", "zh", "report", env=evening)))
    start = text.index("还没打的电话")
    assert text[start + 1 : start + 5] == [
        "1 物业",
        "  王经理 138****1111 · #1 5号楼门前有人倾倒装修垃圾 · 转办承诺时间：11-29 12:00",
        "2 李秀英（李奶奶） 8-2-301",
        "  儿子 张明 139****2345 · 138****2345 · 任务 1 打电话告诉李奶奶家属血压结果 ·",
    ]
    assert "13800001111" not in "\n".join(text)
    assert "Calls still to make" in ok(cli("report", "-f", "markdown", env=evening))
    # every call made: the section is gone; a day already past never had one
    for n in ("1", "1"):
        ok(cli("calls", "done", n, "打过了", env=evening))
    assert json.loads(ok(cli("report", "--format", "json", env=evening)))["calls_left"] == []
    ok(cli("issue", "add", "楼道灯坏了", "-r", "张大爷", env=evening))  # a report-back tomorrow would call
    ok(cli("issue", "resolve", "3", "换好了", env=evening))
    past = {"GRIDNOTE_NOW": "2026-11-30T09:00:00+08:00"}
    assert json.loads(ok(cli("report", "--date", "11-29", "--format", "json", env=past)))["calls_left"] == []
    next_day = json.loads(ok(cli("report", "--format", "json", env=past)))["calls_left"]
    assert [(c["reason"], c["issue_id"]) for c in next_day] == [("partner", 1), ("report-back", 3)]  # 物业 again
