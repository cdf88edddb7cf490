"""A duplicate found after verifying (or referring): rejected, and the report's point taken back."""

from __future__ import annotations

import json


def entries(cli, who: str) -> tuple[int, list[tuple[int, str, int | None]]]:
    data = json.loads(cli("resident", "points", who, "--json").stdout)
    return data["balance"], [(e["delta"], e["reason"], e["issue_id"]) for e in data["entries"]]


def test_a_verified_duplicate_is_rejected_and_its_point_taken_back(cli, demo, nb) -> None:
    cli("issue", "add", "5号楼门前有装修垃圾", "-c", "app", "-b", "5", "-r", "高阿姨")
    cli("issue", "add", "5号楼门口又有装修垃圾", "-c", "app", "-b", "5", "-r", "曾奶奶")
    cli("issue", "verify", "1")
    cli("issue", "verify", "2")
    rejected = cli("issue", "reject", "2", "duplicate", "--of", "1")
    assert rejected.exit_code == 0, rejected.stderr
    assert rejected.stdout.splitlines() == [
        "✓ #2 not taken on: a duplicate of #1",
        "Points for the report taken back from 曾俊华（曾奶奶）: 1 (balance 0)",
    ]
    assert entries(cli, "曾奶奶") == (0, [(1, "report", 2), (-1, "reversed", 2)])  # a new line, not a deletion
    assert "taken back, #2 rejected: 5号楼门口又有装修垃圾" in cli("resident", "points", "曾奶奶").stdout
    # reopened and verified again after all: the point comes back, once
    cli("issue", "reopen", "2", "不是重复")
    cli("issue", "verify", "2")
    assert entries(cli, "曾奶奶")[0] == 1 and entries(cli, "曾奶奶")[1][-1] == (1, "restored", 2)
    # the report counts each report's point once, net of what was taken back and given back
    report = json.loads(cli("report", "--format", "json").stdout)
    assert report["numbers"]["points"] == {"awarded": 2, "residents": 2, "redeemed": 0, "taken_back": 0}


def test_a_referred_issue_can_be_rejected_but_a_resolved_one_cannot(cli, demo) -> None:
    cli("issue", "add", "楼道灯不亮", "-c", "app", "-b", "5", "-r", "高阿姨")
    cli("issue", "refer", "1", "--to", "物业")  # verifies on the way: a point
    rejected = cli("issue", "reject", "1", "不属实")
    assert rejected.exit_code == 0, rejected.stderr
    assert entries(cli, "高阿姨")[0] == 0
    cli("issue", "add", "下水道堵了", "-c", "app", "-b", "5", "-r", "高阿姨")
    cli("issue", "resolve", "2", "疏通了")
    refused = cli("issue", "reject", "2", "duplicate")
    assert refused.exit_code == 4
    assert refused.stderr.startswith("Error: cannot reject issue #2: it is resolved.")


def test_the_next_steps_of_a_verified_issue_name_reject(cli, demo) -> None:
    cli("issue", "add", "楼道灯不亮", "-c", "app", "-b", "5", "-r", "高阿姨")
    cli("issue", "verify", "1")
    refused = cli("issue", "verify", "1")
    assert refused.stderr == (
        "Error: cannot verify issue #1: it is verified. Next steps: "
        "refer (gridnote issue refer 1), resolve (gridnote issue resolve 1), "
        "reject (gridnote issue reject 1)\n"
    )


def test_a_point_already_spent_is_not_taken_below_zero(cli, demo) -> None:
    cli("issue", "add", "楼道灯不亮", "-c", "app", "-b", "5", "-r", "高阿姨")
    cli("issue", "verify", "1")
    cli("resident", "redeem", "高阿姨", "1", "--for", "洗衣液")
    rejected = cli("issue", "reject", "1", "重复")
    assert rejected.exit_code == 0, rejected.stderr
    assert rejected.stdout.splitlines() == [
        "✓ #1 not taken on: duplicate",
        "The point for this report was already spent; nothing taken back",
    ]
    assert entries(cli, "高阿姨") == (0, [(1, "report", 1), (-1, "redeem", None)])
    # in Chinese too; and when part of a larger award is spent, what was taken back and what was not
    cli("config", "set", "points.per_verified_report", "2")
    cli("issue", "add", "下水道堵了", "-c", "app", "-b", "5", "-r", "高阿姨")
    cli("issue", "verify", "2")
    cli("resident", "redeem", "高阿姨", "1", "--for", "肥皂")
    rejected = cli("--lang", "zh", "issue", "reject", "2", "重复", "--of", "1")
    assert rejected.stdout.splitlines()[1:] == [
        "收回 高玉兰（高阿姨） 反映问题的积分：1（余额 0）",
        "另有 1 分已被兑换，未收回",
    ]


def test_the_report_counts_a_reports_point_once_net_of_take_backs(cli, demo) -> None:
    """Verified, rejected, reopened and verified again (twice): one point, as the ledger says."""
    for text, who in (("楼道灯不亮", "高阿姨"), ("下水道堵了", "曾奶奶"), ("车棚漏雨", "高阿姨")):
        cli("issue", "add", text, "-c", "app", "-b", "5", "-r", who)
    cli("issue", "verify", "1")
    cli("issue", "verify", "3")
    cli("issue", "verify", "2")
    cli("issue", "refer", "2", "--to", "物业")
    cli("issue", "reject", "2", "重复", "--of", "1")
    for _ in range(2):
        cli("issue", "reopen", "2", "不是重复")
        cli("issue", "verify", "2")
    ledger = sum(entries(cli, who)[0] for who in ("高阿姨", "曾奶奶"))
    report = json.loads(cli("report", "--week", "--format", "json").stdout)
    assert (ledger, report["numbers"]["points"]) == (3, {"awarded": 3, "residents": 2, "redeemed": 0, "taken_back": 0})
    assert "  Points       3 awarded to 2 residents, 0 redeemed" in [
        line.rstrip() for line in cli("report", "--week").stdout.splitlines()
    ]


def test_a_point_of_last_week_taken_back_is_shown_as_taken_back(cli, demo) -> None:
    cli(
        "issue",
        "add",
        "楼道灯不亮",
        "-c",
        "app",
        "-b",
        "5",
        "-r",
        "高阿姨",
        env={"GRIDNOTE_NOW": "2026-11-20T09:00:00+08:00"},
    )
    cli("issue", "verify", "1", env={"GRIDNOTE_NOW": "2026-11-20T10:00:00+08:00"})
    cli("issue", "reject", "1", "重复")
    report = json.loads(cli("report", "--format", "json").stdout)
    assert report["numbers"]["points"] == {"awarded": 0, "residents": 0, "redeemed": 0, "taken_back": 1}
    assert "  Points       0 awarded to 0 residents, 0 redeemed, 1 taken back" in [
        line.rstrip() for line in cli("report").stdout.splitlines()
    ]
    assert "积分 发放 0 分（0 人），兑换 0 分，收回 1 分" in " ".join(cli("--lang", "zh", "report").stdout.split())
