"""``issue list``: the order follows the deadline shown; ended issues show no deadline."""

from __future__ import annotations

import json


def ids(cli, *args: str, env: dict[str, str]) -> list[int]:
    result = cli("issue", "list", *args, "--json", env=env)
    assert result.exit_code == 0, result.stderr
    return [i["id"] for i in json.loads(result.stdout)]


def test_open_issues_come_by_the_deadline_shown_overdue_first(cli, demo) -> None:
    now = {"GRIDNOTE_NOW": "2026-11-29T12:00:00+08:00"}
    # #1 from the app: no contact yet, response due 11-29 10:00 (late); resolution due 12-05
    cli("issue", "add", "楼道灯坏了", "-r", "李奶奶", "-c", "app", "--at", "2026-11-28 10:00", env=now)
    # #2 by phone (contact at receipt): only the resolution deadline is left, 11-30 16:00
    cli("issue", "add", "下水道堵了", "-r", "张大爷", "-c", "phone", "--at", "2026-11-27 16:00", env=now)
    # #3 resolved, waiting to be told: no deadline shown, after those with one
    cli("issue", "add", "楼下有垃圾", "-r", "高阿姨", "-c", "app", "--at", "2026-11-27 09:00", env=now)
    cli("issue", "resolve", "3", "清走了", env=now)
    assert ids(cli, env=now) == [1, 2, 3]  # before: 2, 1 (resolution deadline 11-30 before 12-05)
    table = cli("issue", "list", env=now).stdout
    assert table.index("LATE 11-29 10:00") < table.index("11-30 16:00") < table.index("tell them")
    assert ids(cli, "--limit", "1", env=now) == [1]  # the limit after the order


def test_the_earlier_unmet_deadline_is_the_one_shown(cli, demo, nb) -> None:
    now = {"GRIDNOTE_NOW": "2026-11-29T12:00:00+08:00"}
    cli("issue", "add", "楼道灯坏了", "-r", "李奶奶", "-c", "app", "--at", "2026-11-29 09:00", env=now)
    # a resolution deadline moved before the response deadline (edited by hand): it is the one due next
    nb.execute("UPDATE issues SET resolve_due_at = '2026-11-29T11:00:00+08:00', resolve_due_day = '2026-11-29'")
    assert "LATE 11-29 11:00" in cli("issue", "list", env=now).stdout


def test_closed_and_rejected_issues_show_no_deadline(cli, demo) -> None:
    now = {"GRIDNOTE_NOW": "2026-11-29T12:01:00+08:00"}
    cli("issue", "add", "楼道灯坏了", "-r", "李奶奶", "--at", "2026-11-29 09:00", env=now)
    cli("issue", "resolve", "1", "换了灯泡", env=now)
    cli("issue", "rate", "1", "满意", env=now)
    cli("issue", "add", "下水道堵了", "-r", "张大爷", "-c", "app", "--at", "2026-11-29 09:00", env=now)
    cli("issue", "reject", "2", "不属实", env=now)
    table = cli("issue", "list", "--all", env=now).stdout
    assert "12:01" not in table
    assert "closed 11-29" in table and "rejected 11-29" in table
    zh = cli("--lang", "zh", "issue", "list", "--all", env=now).stdout
    assert "结案 11-29" in zh and "不予受理 11-29" in zh
    assert "驳回" not in zh  # one word for the rejected state: the 状态 column says 不予受理 too
    data = json.loads(cli("issue", "list", "--all", "--json", env=now).stdout)
    assert [(i["id"], i["closed_at"]) for i in data] == [(2, None), (1, "2026-11-29T12:01:00+08:00")]
