"""Issues through the real CLI: the closed loop from a resident's report to their rating."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def at(hhmm: str, day: str = "2026-11-29") -> dict[str, str]:
    """Run a command as if it were ``hhmm`` on ``day`` (Asia/Shanghai)."""
    return {"GRIDNOTE_NOW": f"{day}T{hhmm}:00+08:00"}


def counts(nb) -> dict[str, int]:
    tables = ("issues", "issue_updates", "issue_photos", "issue_residents", "points", "events", "revisions")
    return {t: nb.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def issue(cli, number: int) -> dict:
    result = cli("issue", "show", str(number), "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def timeline_steps(show_output: str, header: str = "Timeline") -> list[str]:
    """The step column of the timeline, read back from ``issue show``."""
    lines = show_output.split(header + "\n", 1)[1].splitlines()
    return [line[13:].split("  ")[0].strip() for line in lines if line[:2].isdigit()]


def test_renovation_waste_from_the_app_to_the_rating(cli, demo, tmp_path: Path) -> None:
    photo = tmp_path / "IMG_0412.jpg"
    photo.write_bytes(b"\xff\xd8\xff renovation waste in front of building 5")
    added = cli(
        "issue",
        "add",
        "5号楼门前有人倾倒装修垃圾",
        "-c",
        "一网通",
        "-b",
        "5",
        "-r",
        "高阿姨",
        "--photo",
        str(photo),
        env=at("15:10"),
    )
    assert added.exit_code == 0, added.stderr
    assert added.stdout.splitlines() == [
        "✓ Issue #1 received: 5号楼门前有人倾倒装修垃圾",
        "renovation waste · respond by 11-30 15:10 · resolve by 12-06 15:10",
        "photos kept in the notebook's folder: 1",
        "Next: check it, then gridnote issue verify 1 (or refer/reject)",
    ]
    verified = cli("issue", "verify", "1", "--note", "到现场查看属实", env=at("15:20"))
    assert verified.stdout.splitlines() == [
        "✓ #1 verified",
        "高玉兰（高阿姨） earns points for the report: 1 (balance 1)",
    ]
    referred = cli(
        "issue", "refer", "1", "--to", "物业", "--contact", "王经理 13800001111", "--due", "明天", env=at("15:25")
    )
    assert referred.stdout.strip() == "✓ #1 referred to property company, promised by 11-30"
    assert (
        cli("issue", "note", "1", "物业说马上派人来", "--kind", "电话", "--by", "物业", env=at("15:30")).exit_code == 0
    )
    resolved = cli("issue", "resolve", "1", "和物业一起清运完毕", env=at("16:30"))
    assert resolved.stdout.splitlines() == [
        "✓ #1 resolved: 和物业一起清运完毕",
        "Next: tell 高玉兰（高阿姨） 13967154321, then gridnote issue tell 1",
    ]
    told = cli("issue", "tell", "1", "--note", "电话告知高阿姨", env=at("16:40"))
    assert told.stdout.splitlines()[0] == "✓ #1 reported back to 高玉兰（高阿姨）"
    rated = cli("issue", "rate", "1", "满意", env=at("16:45"))
    assert rated.stdout.strip() == "✓ #1 closed, rated satisfied"

    shown = cli("issue", "show", "1", env=at("17:00"))
    assert shown.exit_code == 0, shown.stderr
    assert timeline_steps(shown.stdout) == [
        "received",
        "verified",
        "referred",
        "note",
        "resolved",
        "reported back",
        "rated",
    ]
    times = [line[:11] for line in shown.stdout.split("Timeline\n", 1)[1].splitlines() if line[:2].isdigit()]
    assert times == [
        "11-29 15:10",
        "11-29 15:20",
        "11-29 15:25",
        "11-29 15:30",
        "11-29 16:30",
        "11-29 16:40",
        "11-29 16:45",
    ]
    assert "property company · 王经理 13800001111 · promised by 11-30" in shown.stdout
    assert "call · by property company: 物业说马上派人来" in shown.stdout
    assert "satisfied  11-29 16:45" in shown.stdout
    assert "(IMG_0412.jpg)" in shown.stdout

    data = issue(cli, 1)
    assert data["status"] == "closed" and data["rating"] == "satisfied"
    assert data["channel"] == "app" and data["category"] == "renovation-waste"
    assert data["first_response_at"] == "2026-11-29T15:20:00+08:00"  # verifying is the first response
    assert data["resolved_at"] == "2026-11-29T16:30:00+08:00"
    assert data["reported_at"] == "2026-11-29T16:40:00+08:00"
    assert data["referral"] == {
        "to": "property",
        "contact": "王经理 13800001111",
        "at": "2026-11-29T15:25:00+08:00",
        "due": "2026-11-30",
    }
    assert [s["step"] for s in data["timeline"]] == ["receive", "verify", "refer", "note", "resolve", "tell", "rate"]


def test_the_loop_in_chinese(cli, demo) -> None:
    def zh(*args: str, when: str) -> str:
        result = cli("--lang", "zh", *args, env=at(when))
        assert result.exit_code == 0, result.stderr
        return result.stdout

    assert zh(
        "issue", "add", "8号楼2单元好几户下水道堵了", "-r", "李奶奶", "-a", "8-2", "--affects", "张大爷", when="08:10"
    ).splitlines()[:2] == [
        "✓ 已受理问题 #1：8号楼2单元好几户下水道堵了",
        "下水道堵塞 · 11-30 08:10 前响应 · 12-02 08:10 前办结",
    ]
    assert zh("issue", "refer", "1", "--to", "物业公司", "--due", "明天18:00", when="13:00").splitlines() == [
        "✓ #1 已核实",
        "李秀英（李奶奶） 反映问题获得 1 积分（余额 1）",
        "✓ #1 已转办给物业，承诺 11-30 18:00 前处理",
    ]
    zh("issue", "resolve", "1", "物业疏通了主管道", when="17:00")
    assert zh("issue", "rate", "1", "基本满意", when="18:00").splitlines() == [
        "✓ #1 已回访李秀英（李奶奶）",
        "✓ #1 已结案，评价：基本满意",
    ]
    shown = zh("issue", "show", "1", when="18:05")
    assert "涉及居民  张国华（张大爷） 8-2-301" in shown
    assert timeline_steps(shown, "办理过程") == ["受理", "核实", "转办", "办结", "回访", "评价"]
    assert "核实  随下一步一并完成" in shown


def test_points_for_a_verified_report_and_none_for_a_rejected_duplicate(cli, demo, nb) -> None:
    cli("issue", "add", "5号楼门前有装修垃圾", "-c", "app", "-b", "5", "-r", "高阿姨")
    cli("issue", "add", "5号楼门口又有装修垃圾", "-c", "app", "-b", "5", "-r", "曾奶奶")
    assert cli("issue", "verify", "1").exit_code == 0
    rejected = cli("issue", "reject", "2", "duplicate", "--of", "1")
    assert rejected.exit_code == 0, rejected.stderr
    assert rejected.stdout.strip() == "✓ #2 not taken on: a duplicate of #1"
    assert "point" not in rejected.stdout

    gao = json.loads(cli("resident", "points", "高阿姨", "--json").stdout)
    assert gao["balance"] == 1
    assert [(e["delta"], e["reason"], e["issue_id"]) for e in gao["entries"]] == [(1, "report", 1)]
    zeng = json.loads(cli("resident", "points", "曾奶奶", "--json").stdout)
    assert zeng["balance"] == 0 and zeng["entries"] == []
    assert "No points yet" in cli("resident", "points", "曾奶奶").stdout
    assert issue(cli, 2)["first_response_at"] == "2026-11-29T09:00:00+08:00"  # rejecting answers the reporter

    # spending: never below zero, refused whole
    before = counts(nb)
    short = cli("resident", "redeem", "高阿姨", "2", "--for", "洗衣液")
    assert short.exit_code == 4
    assert short.stderr == "Error: cannot spend 2 points: the balance is 1\n"
    assert counts(nb) == before
    spent = cli("resident", "redeem", "高阿姨", "1", "--for", "洗衣液 一瓶")
    assert spent.exit_code == 0, spent.stderr
    assert spent.stdout.strip() == "✓ 高玉兰（高阿姨） spent points on 洗衣液 一瓶: 1; 0 left"
    ledger = cli("resident", "points", "高阿姨").stdout
    assert "Points of 高玉兰（高阿姨）: 0" in ledger
    assert "+1" in ledger and "reported #1 5号楼门前有装修垃圾" in ledger
    assert "-1" in ledger and "redeemed: 洗衣液 一瓶" in ledger
    broke = cli("resident", "redeem", "高阿姨", "1", "--for", "x")
    assert (broke.exit_code, broke.stderr) == (4, "Error: cannot spend 1 point: the balance is 0\n")
    assert (
        cli("--lang", "zh", "resident", "redeem", "高阿姨", "1", "--for", "x").stderr
        == "错误：不能兑换 1 积分：余额只有 0\n"
    )
    for bad in ("0", "x", "-1"):
        result = (
            cli("resident", "redeem", "高阿姨", "--", bad, "--for", "x")
            if bad == "-1"
            else cli("resident", "redeem", "高阿姨", bad, "--for", "x")
        )
        assert result.exit_code == 2, (bad, result.stderr)


def test_points_setting_and_one_point_per_report(cli, demo, nb) -> None:
    cli("config", "set", "points.per_verified_report", "2")
    cli("issue", "add", "楼道灯不亮", "-r", "高阿姨", "-b", "5")
    assert "earns points for the report: 2" in cli("issue", "verify", "1").stdout
    cli("issue", "resolve", "1", "换了灯泡")
    cli("issue", "reopen", "1", "又不亮了")
    cli("issue", "resolve", "1", "换了开关")
    assert json.loads(cli("resident", "points", "高阿姨", "--json").stdout)["balance"] == 2
    cli("config", "set", "points.per_verified_report", "0")
    cli("issue", "add", "楼道灯不亮", "-r", "曾奶奶", "-b", "7")
    assert "point" not in cli("issue", "verify", "2").stdout
    zeng = nb.scalar("SELECT id FROM residents WHERE alias = '曾奶奶'")
    assert nb.scalar("SELECT count(*) FROM points WHERE resident_id = ?", [zeng]) == 0


def test_a_rating_for_an_issue_never_resolved_is_refused_with_the_next_steps(cli, demo, nb) -> None:
    cli("issue", "add", "下水道堵了", "-r", "李奶奶")
    before = counts(nb)
    result = cli("issue", "rate", "1", "满意")
    assert result.exit_code == 4
    assert result.stderr == (
        "Error: cannot rate issue #1: it is received. Next steps: verify (gridnote issue verify 1), "
        "reject (gridnote issue reject 1), refer (gridnote issue refer 1), resolve (gridnote issue resolve 1)\n"
    )
    assert result.stdout == ""
    zh = cli("--lang", "zh", "issue", "tell", "1")
    assert zh.exit_code == 4
    assert zh.stderr.startswith("错误：不能回访问题 #1：它当前为“已受理”。下一步可以：核实 (gridnote issue verify 1)、")
    assert counts(nb) == before

    cli("issue", "resolve", "1", "疏通了")
    cli("issue", "rate", "1", "satisfied")
    closed = cli("issue", "resolve", "1", "再疏通")
    assert closed.exit_code == 4
    assert closed.stderr == (
        "Error: cannot resolve issue #1: it is closed. Next steps: reopen (gridnote issue reopen 1)\n"
    )
    assert cli("issue", "verify", "1").exit_code == 4


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["issue", "show", "99"], 3, "Error: there is no issue #99"),
        (["issue", "verify", "99"], 3, "Error: there is no issue #99"),
        (["issue", "show", "abc"], 2, 'Error: "abc" is not an issue number (e.g. 12 or #12)'),
        (
            ["issue", "add", "x", "-k", "drian"],
            2,
            'Error: unknown category "drian"; closest: blocked-drain (下水道堵塞) (all: gridnote issue category list)',
        ),
        (
            ["issue", "list", "--status", "finished"],
            2,
            'Error: unknown state "finished"; use one of received (已受理), verified (已核实), rejected (不予受理), '
            "referred (已转办), resolved (已办结), reported (已回访), closed (已结案)",
        ),
        (
            ["issue", "add", "x", "-c", "fax"],
            2,
            'Error: unknown channel "fax"; use one of in-person (当面), phone (电话), '
            "wechat (微信), app (一网通), hotline (12345热线), walk (巡查发现)",
        ),
        (["issue", "add", "x", "--photo", "missing.jpg"], 6, "Error: file not found: missing.jpg"),
        (["issue", "add", "x", "-a", "8-2-999"], 3, "Error: there is no household 8-2-999 in the register"),
        (["issue", "add", "x", "-a", "8-2-301", "-b", "8"], 2, "Error: give either --building or --address, not both"),
        (["issue", "add", "x", "-b", "9"], 3, "Error: there is no building 9; known: 5, 6, 7, 8"),
        (["issue", "add", "  "], 2, "Error: say what the problem is"),
        (
            ["issue", "add", "x", "--at", "tomorrow 18:00"],
            2,
            "Error: 2026-11-30 18:00 has not happened yet; --at is for something that already happened",
        ),
        (
            ["issue", "add", "x", "--at", "昨天"],
            2,
            'Error: "昨天" has no time of day; say when, e.g. "yesterday 18:00" or 10:20',
        ),
        (
            ["issue", "verify", "1", "--at", "yesterday 18:00"],
            2,
            "Error: 2026-11-28 18:00 is before the previous step of this issue (2026-11-29 08:00)",
        ),
        (
            ["issue", "refer", "1", "--to", "水电工"],
            2,
            'Error: unknown partner "水电工"; use one of property (物业), '
            "police (派出所), street-office (街道), utility (公用事业单位), city-management (城管), committee (居委会), "
            "other (其他单位) (the person goes in --contact)",
        ),
        (
            ["issue", "reject", "1", "lazy"],
            2,
            'Error: unknown reason "lazy"; use one of duplicate (重复), not-ours (非职责范围), not-real (不属实)',
        ),
        (["issue", "reject", "1", "not-real", "--of", "1"], 2, "Error: issue #1 cannot duplicate itself"),
        (
            ["issue", "note", "1", "x", "--kind", "fax"],
            2,
            'Error: unknown kind of note "fax"; use one of progress (进展), call (电话), visit (上门), message (消息)',
        ),
        (
            ["issue", "edit", "1"],
            2,
            "Error: nothing to change on issue #1; give --text, --category, --priority or --enquiry/--complaint",
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(cli, demo, nb, args, code, message) -> None:
    assert cli("issue", "add", "下水道堵了", "-r", "李奶奶", "--at", "08:00").exit_code == 0
    before = counts(nb)
    result = cli(*args)
    assert result.exit_code == code, result.stderr
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert counts(nb) == before
    assert issue(cli, 1)["status"] == "received"


def test_first_response_depends_on_how_it_came_and_what_she_did(cli, demo) -> None:
    cli("issue", "add", "当面说的", "-r", "李奶奶", "-c", "当面")
    cli("issue", "add", "一网通来的", "-r", "高阿姨", "-c", "app", "-b", "5")
    cli("issue", "add", "巡查发现", "-c", "巡查", "-b", "6")
    assert issue(cli, 1)["first_response_at"] == "2026-11-29T09:00:00+08:00"
    assert issue(cli, 3)["first_response_at"] == "2026-11-29T09:00:00+08:00"
    assert issue(cli, 2)["first_response_at"] is None
    cli("issue", "note", "2", "打电话问物业", "--kind", "call", "--by", "物业", env=at("09:30"))
    assert issue(cli, 2)["first_response_at"] is None  # a call to the partner is not an answer to her
    cli("issue", "note", "2", "给高阿姨回电话", "--kind", "call", "-R", env=at("09:40"))
    assert issue(cli, 2)["first_response_at"] == "2026-11-29T09:40:00+08:00"
    cli("issue", "verify", "2", env=at("10:00"))
    assert issue(cli, 2)["first_response_at"] == "2026-11-29T09:40:00+08:00"  # the first one counts
    # a contact noted later but that happened earlier moves it back
    cli("issue", "note", "2", "其实九点一刻就微信回复了", "--kind", "message", "-R", "--at", "09:15", env=at("10:10"))
    assert issue(cli, 2)["first_response_at"] == "2026-11-29T09:15:00+08:00"


def test_refer_and_resolve_verify_on_the_way_and_rate_reports_back(cli, demo) -> None:
    cli("issue", "add", "高阿姨家跳闸了", "-r", "高阿姨", "-c", "微信", "-p", "紧急", "--at", "20:00", env=at("20:05"))
    data = issue(cli, 1)
    assert data["priority"] == "urgent" and data["category"] == "power"
    assert (data["response_due_at"], data["resolve_due_at"]) == (
        "2026-11-29T22:00:00+08:00",
        "2026-11-30T20:00:00+08:00",
    )
    out = cli("issue", "resolve", "1", "过载跳闸，拔掉大功率电器后复位，讲解安全用电", "--at", "21:00", env=at("21:40"))
    assert out.stdout.splitlines()[:2] == [
        "✓ #1 verified",
        "高玉兰（高阿姨） earns points for the report: 1 (balance 1)",
    ]
    rated = cli("issue", "rate", "1", "满意", env=at("21:45"))
    assert rated.stdout.splitlines() == ["✓ #1 reported back to 高玉兰（高阿姨）", "✓ #1 closed, rated satisfied"]
    data = issue(cli, 1)
    assert [(s["step"], s["from"], s["to"], s["data"].get("implied")) for s in data["timeline"]] == [
        ("receive", None, "received", None),
        ("verify", "received", "verified", True),
        ("resolve", "verified", "resolved", None),
        ("tell", "resolved", "reported", True),
        ("rate", "reported", "closed", None),
    ]
    assert data["first_response_at"] == "2026-11-29T21:00:00+08:00"
    assert data["resolved_at"] == "2026-11-29T21:00:00+08:00"
    assert data["timeline"][0]["recorded_at"] == "2026-11-29T20:05:00+08:00"


def test_dissatisfied_reopens_and_the_loop_runs_again(cli, demo, nb) -> None:
    cli("issue", "add", "下水道堵了", "-r", "李奶奶", "-a", "8-2-301")
    cli("issue", "refer", "1", "--to", "property")
    cli("issue", "resolve", "1", "疏通了", env=at("11:00"))
    cli("issue", "tell", "1", env=at("11:10"))
    result = cli("issue", "rate", "1", "不满意", "--note", "还是堵", env=at("11:20"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "✓ #1 rated dissatisfied",
        "✓ #1 reopened, back to referred; resolve by 12-02 09:00",
    ]
    data = issue(cli, 1)
    assert data["status"] == "referred" and data["rating"] == "dissatisfied" and data["reopen_count"] == 1
    assert data["resolved_at"] is None and data["reported_at"] is None and data["resolution"] is None
    assert [s["step"] for s in data["timeline"]][-2:] == ["rate", "reopen"]
    assert nb.scalar("SELECT resolution FROM issues WHERE id = 1") is None
    assert nb.scalar("SELECT text FROM issue_updates WHERE kind = 'resolve'") == "疏通了"  # kept in the timeline
    cli("issue", "resolve", "1", "换了管子", env=at("15:00"))
    cli("issue", "rate", "1", "满意", env=at("15:30"))
    data = issue(cli, 1)
    assert (data["status"], data["rating"], data["resolution"]) == ("closed", "satisfied", "换了管子")
    # closed, then "not actually fixed": reopen with a new deadline
    reopened = cli("issue", "reopen", "1", "又堵了", "--due", "2d", env=at("18:00"))
    assert reopened.stdout.strip() == "✓ #1 reopened, back to referred; resolve by 12-01 23:59"
    data = issue(cli, 1)
    assert data["status"] == "referred" and data["closed_at"] is None and data["reopen_count"] == 2


def test_a_rejected_issue_can_be_reopened_and_verified(cli, demo) -> None:
    cli("issue", "add", "有人冒充社区工作人员上门", "-r", "曾奶奶", "-c", "phone")
    cli("issue", "reject", "1", "不属实", "--note", "核对后是正常抄表")
    assert issue(cli, 1)["rejected"] == {"at": "2026-11-29T09:00:00+08:00", "reason": "not-real", "duplicate_of": None}
    assert cli("issue", "reopen", "1", "又有人来了", env=at("10:00")).exit_code == 0
    data = issue(cli, 1)
    assert data["status"] == "received" and data["rejected"] is None
    assert "earns points for the report: 1" in cli("issue", "verify", "1", env=at("10:30")).stdout


def test_close_without_a_rating(cli, demo) -> None:
    cli("issue", "add", "健身器材坏了", "-b", "6", "-r", "李奶奶")
    cli("issue", "resolve", "1", "已报修更换")
    refused = cli("issue", "close", "1")
    assert refused.exit_code == 4  # not told yet
    assert refused.stderr == (
        "Error: cannot close issue #1: it is resolved. Next steps: report back "
        "(gridnote issue tell 1), rate (gridnote issue rate 1), reopen (gridnote issue reopen 1)\n"
    )
    cli("issue", "tell", "1")
    closed = cli("issue", "close", "1", "--note", "多次联系未评价")
    assert closed.stdout.strip() == "✓ #1 closed without a rating"
    data = issue(cli, 1)
    assert data["status"] == "closed" and data["rating"] is None


def test_edit_moves_deadlines_and_keeps_the_old_row(cli, demo, nb) -> None:
    cli("issue", "add", "楼道里有东西", "-b", "7", "-c", "app")
    assert issue(cli, 1)["category"] == "other"
    changed = cli("issue", "edit", "1", "-k", "火情", "--text", "7号楼楼道冒烟")
    assert changed.exit_code == 0, changed.stderr
    assert changed.stdout.strip() == "✓ #1 changed: fire · respond by 11-29 11:00 · resolve by 11-30 09:00"
    data = issue(cli, 1)
    assert data["category"] == "fire" and data["category_group"] == "emergency" and data["upward_code"] == "SJ04-01"
    assert data["text"] == "7号楼楼道冒烟"
    assert data["timeline"][-1]["data"] == {"category": ["other", "fire"], "text": ["楼道里有东西", "7号楼楼道冒烟"]}
    before = json.loads(nb.scalar("SELECT before FROM revisions WHERE table_name = 'issues'"))
    assert before["category"] == "other"
    assert "category: other → fire" in cli("issue", "show", "1").stdout
    # once resolved, the deadlines are history: a later correction does not move them
    cli("issue", "resolve", "1", "是邻居烧纸", env=at("09:30"))
    cli("issue", "edit", "1", "-k", "security", env=at("09:40"))
    data = issue(cli, 1)
    assert data["category"] == "security"
    assert (data["response_due_at"], data["resolve_due_at"]) == (
        "2026-11-29T11:00:00+08:00",
        "2026-11-30T09:00:00+08:00",
    )


def test_deadlines_follow_the_settings(cli, demo) -> None:
    assert cli("config", "set", "deadline.general.response_hours", "4").exit_code == 0
    cli("config", "set", "deadline.utility.resolve_hours", "48")
    cli("issue", "add", "垃圾桶满了", "-b", "5", "-c", "app")
    cli("issue", "add", "停水了", "-b", "5", "-c", "app")
    cli("issue", "add", "垃圾桶又满了", "-b", "5", "-c", "app", "-p", "urgent")
    assert issue(cli, 1)["response_due_at"] == "2026-11-29T13:00:00+08:00"
    assert issue(cli, 2)["resolve_due_at"] == "2026-12-01T09:00:00+08:00"
    urgent = issue(cli, 3)  # urgent: the emergency deadlines when they are shorter
    assert (urgent["response_due_at"], urgent["resolve_due_at"]) == (
        "2026-11-29T11:00:00+08:00",
        "2026-11-30T09:00:00+08:00",
    )
    listing = cli("issue", "category", "list").stdout
    assert "utility 24h/2d" in listing and "general 4h/7d" in listing


def test_list_filters(cli, demo) -> None:
    cli("issue", "add", "下水道堵了", "-r", "李奶奶", "-a", "8-2-301", "--at", "2026-11-20 10:00")
    cli("issue", "add", "装修垃圾", "-b", "5", "-c", "app", "-r", "龚奶奶", "--at", "2026-11-25 10:00")
    cli("issue", "add", "楼上渗水", "-r", "高阿姨", "--at", "2026-11-28 10:00")
    cli("issue", "add", "停电了", "-r", "曾奶奶", "-c", "wechat")
    cli("issue", "resolve", "2", "清运了")
    cli("issue", "rate", "2", "满意")

    def ids(*args: str) -> list[int]:
        result = cli("issue", "list", *args, "--json")
        assert result.exit_code == 0, result.stderr
        return [i["id"] for i in json.loads(result.stdout)]

    assert ids() == [1, 4, 3]  # open, by resolution deadline (11-23, 12-02, 12-05)
    assert ids("--all") == [4, 3, 2, 1]  # newest first
    assert ids("--status", "已结案") == [2]
    assert ids("-k", "facilities") == [1, 4]  # a top-level category includes its subcategories
    assert ids("-k", "下水道") == [1]
    assert ids("-b", "8") == [1]  # 李奶奶's issue is at 8-2-301
    assert ids("-b", "5") == [3]  # 高阿姨 lives in building 5; issue 2 is closed
    assert ids("-r", "高阿姨") == [3]
    assert ids("--all", "--from", "11-25", "--to", "11-28") == [3, 2]
    assert ids("--overdue") == [1]  # 11-20 + 3 days
    assert ids("--all", "--limit", "2") == [4, 3]
    assert issue(cli, 1)["overdue"] == ["resolve"]
    table = cli("issue", "list").stdout
    assert "LATE 11-23 10:00" in table and "issues: 3" in table
    assert cli("issue", "list", "--status", "rejected").stdout.strip() == "No issues match."
    assert cli("issue", "list", "-k", "fire").stdout.strip() == "No issues match."


def test_empty_list_says_what_to_do(cli) -> None:
    assert cli("issue", "list").stdout.strip() == "No open issues. Receive one with: gridnote issue add TEXT -r WHO"
    assert (
        cli("--lang", "zh", "issue", "list").stdout.strip()
        == "没有待办问题。受理问题：gridnote issue add 内容 -r 反映人"
    )


def test_a_reporter_not_in_the_register(cli, demo) -> None:
    cli("issue", "add", "小区门口占道经营", "-c", "12345", "-b", "6", "--contact", "王先生 13900000000")
    data = issue(cli, 1)
    assert data["reporter"] is None and data["reporter_contact"] == "王先生 13900000000"
    assert data["category"] == "stalls" and data["channel"] == "hotline"
    assert "earns" not in cli("issue", "verify", "1").stdout
    resolved = cli("issue", "resolve", "1", "城管已劝离")
    assert "Next: tell 王先生 13900000000" in resolved.stdout


def test_custom_categories(cli, demo) -> None:
    added = cli("issue", "category", "add", "bike-shed", "--zh", "车棚", "--under", "公共设施", "-s", "自行车棚")
    assert added.exit_code == 0, added.stderr
    assert added.stdout.strip() == "✓ Category bike-shed (车棚) added"
    received = cli("--lang", "zh", "issue", "add", "自行车棚顶漏雨", "-b", "6")
    assert received.stdout.splitlines()[1].startswith("车棚 · ")
    assert "车棚 · 6号楼" in cli("--lang", "zh", "issue", "list").stdout
    data = issue(cli, 1)
    assert data["category"] == "bike-shed" and data["category_group"] == "general"
    assert (
        cli("issue", "category", "set", "下水道", "--upward", "0101", "-g", "emergency").stdout.strip()
        == "✓ blocked-drain: deadlines emergency, upward code 0101"
    )
    cli("issue", "add", "下水道返水", "-b", "6")
    drain = issue(cli, 2)
    assert drain["upward_code"] == "0101" and drain["resolve_due_at"] == "2026-11-30T09:00:00+08:00"
    listing = json.loads(cli("issue", "category", "list", "--json").stdout)
    shed = next(c for c in listing if c["code"] == "bike-shed")
    assert shed == {
        "code": "bike-shed",
        "en": "bike-shed",
        "zh": "车棚",
        "parent": "facilities",
        "group": "general",
        "response_hours": 24,
        "resolve_hours": 168,
        "upward": None,
        "synonyms": ["自行车棚"],
        "custom": True,
    }
    codes = [c["code"] for c in listing]
    assert codes.index("bike-shed") < codes.index("environment")  # listed under its parent
    changed = cli("issue", "category", "set", "bike-shed", "--upward", "BJ01-99", "-s", "车库", "--en", "bike shed")
    assert changed.stdout.strip() == "✓ bike-shed: deadlines general, upward code BJ01-99"
    shed = next(c for c in json.loads(cli("issue", "category", "list", "--json").stdout) if c["code"] == "bike-shed")
    assert (shed["en"], shed["upward"], shed["synonyms"]) == ("bike shed", "BJ01-99", ["自行车棚", "车库"])
    assert issue(cli, 1)["upward_code"] is None  # an issue keeps the code it was filed under
    again = cli("issue", "category", "add", "shed", "--zh", "车棚")
    assert again.exit_code == 2 and again.stderr == 'Error: there is already a category "车棚"\n'
    assert cli("issue", "category", "add", "Bad Code!", "--zh", "坏").exit_code == 2
    assert cli("issue", "category", "set", "车棚", "-g", "someday").exit_code == 2


def test_an_issue_found_on_patrol_closes_once_resolved(cli, demo) -> None:
    cli("issue", "add", "6号楼单元门坏了", "-b", "6", "-c", "巡查")
    resolved = cli("issue", "resolve", "1", "物业已修好")
    assert resolved.stdout.splitlines()[-1] == "Nobody reported it, so nobody to tell: gridnote issue close 1"
    closed = cli("issue", "close", "1")
    assert closed.exit_code == 0, closed.stderr
    data = issue(cli, 1)
    assert data["status"] == "closed" and data["reported_at"] is None and data["rating"] is None


def test_points_categories_and_errors_in_chinese(cli, demo) -> None:
    def zh(*args: str):
        return cli("--lang", "zh", *args)

    zh("issue", "add", "楼道灯不亮", "-r", "高阿姨", "-b", "5")
    assert zh("issue", "verify", "1").stdout.splitlines() == [
        "✓ #1 已核实",
        "高玉兰（高阿姨） 反映问题获得 1 积分（余额 1）",
    ]
    ledger = zh("resident", "points", "高阿姨").stdout
    assert "高玉兰（高阿姨） 的积分：1" in ledger and "反映问题 #1 楼道灯不亮" in ledger and "事由" in ledger
    assert (
        zh("resident", "redeem", "高阿姨", "1", "--for", "纸巾").stdout.strip()
        == "✓ 高玉兰（高阿姨） 用 1 积分兑换了纸巾，剩余 0"
    )
    short = zh("resident", "redeem", "高阿姨", "1", "--for", "纸巾")
    assert short.exit_code == 4 and short.stderr == "错误：不能兑换 1 积分：余额只有 0\n"
    categories = zh("issue", "category", "list").stdout
    assert "下水道堵塞" in categories and "公用设施 24小时/3天" in categories and "紧急 2小时/24小时" in categories
    unknown = zh("issue", "add", "x", "-k", "下水")
    assert unknown.exit_code == 2
    assert (
        unknown.stderr
        == "错误：没有“下水”这个类别；相近的有：blocked-drain (下水道堵塞)（全部类别：gridnote issue category list）\n"
    )
    assert zh("issue", "show", "9").stderr == "错误：没有编号为 #9 的问题\n"


def test_an_unknown_category_names_close_ones_only_when_there_are_some(cli, demo, nb) -> None:
    before = counts(nb)
    far = cli("issue", "add", "x", "-k", "不存在的类别")
    assert far.exit_code == 2
    assert far.stderr == 'Error: unknown category "不存在的类别" (all: gridnote issue category list)\n'
    assert cli("issue", "category", "set", "不存在", "--upward", "1").stderr == (
        'Error: unknown category "不存在" (all: gridnote issue category list)\n'
    )
    near = cli("issue", "add", "x", "-k", "drian")
    assert near.stderr == (
        'Error: unknown category "drian"; closest: blocked-drain (下水道堵塞) (all: gridnote issue category list)\n'
    )
    zh = cli("--lang", "zh", "issue", "add", "x", "-k", "不存在的类别")
    assert zh.stderr == "错误：没有“不存在的类别”这个类别（全部类别：gridnote issue category list）\n"
    assert counts(nb) == before


def test_a_rejected_issue_shows_no_deadline_still_due(cli, demo) -> None:
    """Its resolution deadline no longer applies; the response it got stays on record."""
    cli("issue", "add", "5号楼门前有装修垃圾", "-c", "app", "-b", "5", "-r", "高阿姨", env=at("10:00"))
    assert cli("issue", "reject", "1", "not-real", env=at("11:00")).exit_code == 0
    lines = cli("issue", "show", "1", env=at("12:00")).stdout.splitlines()
    assert [line.rstrip() for line in lines if line.startswith(("Response", "Resolution"))] == [
        "Response      due 11-30 10:00  done 11-29 11:00",
        "Resolution    not applicable (rejected)",
    ]
    zh = cli("--lang", "zh", "issue", "show", "1", env=at("12:00")).stdout
    assert "办结      不再适用（不予受理）" in zh and "时限 12-" not in zh
