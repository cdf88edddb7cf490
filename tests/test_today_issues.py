"""Issues and outreach events on the daily agenda (`gridnote today`)."""

from __future__ import annotations


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_an_issue_past_its_response_deadline_is_overdue_on_today(cli, demo) -> None:
    ok(
        cli(
            "issue",
            "add",
            "5号楼门前有装修垃圾",
            "--building",
            "5",
            "--channel",
            "app",
            "--category",
            "装修垃圾",
            env={"GRIDNOTE_NOW": "2026-11-27T15:10:00+08:00"},
        )
    )
    lines = lines_of(ok(cli("today")))
    start = lines.index("Waiting on you: 1")
    assert lines[start + 1 : start + 3] == [
        "  #1   5号楼门前有装修垃圾  building 5",
        "       no response yet, overdue · since 11-28 15:10 · 17h 50m late",
    ]
    assert "open issues: 1" in lines[-1]
    zh = lines_of(ok(cli("--lang", "zh", "today")))
    start = zh.index("待跟进问题：1 件")
    assert zh[start + 1 : start + 3] == [
        "  #1   5号楼门前有装修垃圾  5号楼",
        "       超时未响应 · 11-28 15:10 起超时 · 已超17小时50分",
    ]
    # once verified (a first contact), it no longer waits for a response
    ok(cli("issue", "verify", "1"))
    assert "Waiting on you" not in ok(cli("today"))


def test_an_emergency_of_an_hour_ago_is_on_top_with_the_time_left(cli, demo) -> None:
    import json

    # a normal issue whose response was missed 20 hours ago (received 11-27 13:00 on the app, 24h)
    ok(
        cli(
            "issue",
            "add",
            "路灯不亮",
            "-c",
            "app",
            "-b",
            "6",
            "-k",
            "lighting",
            env={"GRIDNOTE_NOW": "2026-11-27T13:00:00+08:00"},
        )
    )
    # an hour ago on the app: a fall, urgent, 2 hours to respond (by 10:00)
    ok(
        cli(
            "issue", "add", "张大爷摔倒了", "-c", "app", "-k", "medical", "-p", "urgent", "-r", "张大爷", "--at", "8:00"
        )
    )
    lines = lines_of(ok(cli("today")))
    start = lines.index("Waiting on you: 2")
    assert lines[start + 1 : start + 5] == [
        "  #2 ! 张大爷摔倒了  张国华（张大爷） 8-2-301",
        "       respond today · by 10:00 · 1h left",
        "  #1   路灯不亮  building 6",
        "       no response yet, overdue · since 11-28 13:00 · 20h late",
    ]
    zh = lines_of(ok(cli("--lang", "zh", "today")))
    start = zh.index("待跟进问题：2 件")
    assert zh[start + 1 : start + 5] == [
        "  #2 ! 张大爷摔倒了  张国华（张大爷） 8-2-301",
        "       今日需响应 · 10:00 前 · 还剩1小时",
        "  #1   路灯不亮  6号楼",
        "       超时未响应 · 11-28 13:00 起超时 · 已超20小时",
    ]
    data = json.loads(ok(cli("today", "--json")))
    assert [(f["id"], f["reason"], f["deadline"], f["minutes_left"]) for f in data["followups"]] == [
        (2, "response-due", "2026-11-29T10:00:00+08:00", 60),
        (1, "response-overdue", "2026-11-28T13:00:00+08:00", -20 * 60),
    ]
    # at 10:00:01 the fall is a minute late
    late = lines_of(ok(cli("today", env={"GRIDNOTE_NOW": "2026-11-29T10:00:01+08:00"})))
    start = late.index("Waiting on you: 2")
    assert late[start + 2] == "       no response yet, overdue · since 10:00 · 1 min late"


def test_a_resolved_issue_waits_for_the_report_back(cli, demo) -> None:
    ok(
        cli(
            "issue",
            "add",
            "下水道堵了",
            "--reporter",
            "张大爷",
            "--category",
            "下水道",
            env={"GRIDNOTE_NOW": "2026-11-28T08:00:00+08:00"},
        )
    )
    ok(cli("issue", "resolve", "1", "物业疏通了", env={"GRIDNOTE_NOW": "2026-11-28T14:00:00+08:00"}))
    lines = lines_of(ok(cli("today")))
    start = lines.index("Waiting on you: 1")
    assert lines[start + 1 : start + 3] == [
        "  #1   下水道堵了  张国华（张大爷） 8-2-301",
        "       resolved, tell the resident · resolved 11-28 14:00",
    ]
    ok(cli("issue", "tell", "1"))
    assert "Waiting on you" not in ok(cli("today"))


def test_events_join_the_timeline_in_time_order(cli, demo) -> None:
    ok(cli("task", "add", "量血压 李奶奶", "--due", "today 6:30"))
    ok(cli("task", "add", "开会", "--due", "today 15:00"))
    ok(cli("event", "add", "反诈宣传", "--at", "14:00", "--with", "社区民警,楼栋长", "-b", "5"))
    lines = lines_of(ok(cli("today")))
    start = lines.index("Schedule")
    assert lines[start + 1 : start + 4] == [
        "   1   06:30 量血压 李奶奶  2h 30m late 李秀英（李奶奶） 8-2-301",
        "  E1   14:00 反诈宣传                   building 5 with 社区民警, 楼栋长",
        "   2   15:00 开会",
    ]


def test_lengths_of_time_as_she_reads_them() -> None:
    from gridnote.render.dates import span_text

    assert [span_text(m) for m in (0, 1, 59, 60, 61, 120, 1070, 47 * 60 + 59, 48 * 60, 73 * 60, -90)] == [
        "0 min",
        "1 min",
        "59 min",
        "1h",
        "1h 1m",
        "2h",
        "17h 50m",
        "47h 59m",
        "2 days",
        "3 days",
        "1h 30m",
    ]
