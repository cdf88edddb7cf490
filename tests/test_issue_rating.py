"""Only a reporter rates an issue; an issue nobody reported is closed, and never counts in the satisfaction rate."""

from __future__ import annotations

import json
from datetime import date

from gridnote import clock
from gridnote.models import ReportRange
from gridnote.services.issues import write_step
from gridnote.services.report import build_report

NO_REPORTER = (
    "Error: issue #1 has no reporter: only the person who reported it can rate it. Close it: gridnote issue close 1\n"
)


def status(cli, number: int) -> str:
    return json.loads(cli("issue", "show", str(number), "--json").stdout)["status"]


def test_an_issue_nobody_reported_cannot_be_rated_and_is_closed(cli, demo) -> None:
    assert cli("issue", "add", "5号楼楼道灯坏了", "-b", "5", "-c", "app").exit_code == 0
    assert cli("issue", "resolve", "1", "换了灯").exit_code == 0
    refused = cli("issue", "rate", "1", "满意")
    assert (refused.exit_code, refused.stdout, refused.stderr) == (4, "", NO_REPORTER)
    assert status(cli, 1) == "resolved"  # nothing half-written: not even the implied report-back
    zh = cli("--lang", "zh", "issue", "rate", "1", "满意")
    assert zh.stderr == "错误：问题 #1 没有反映人：只有反映人才能评价。请关闭：gridnote issue close 1\n"
    # reported back (to the city app), still nobody to rate it
    assert cli("issue", "tell", "1").exit_code == 0
    assert cli("issue", "rate", "1", "满意").stderr == NO_REPORTER
    closed = cli("issue", "close", "1")
    assert (closed.exit_code, closed.stdout) == (0, "✓ #1 closed without a rating\n")


def test_a_reporter_outside_the_register_can_rate(cli, demo) -> None:
    assert cli("issue", "add", "门口有垃圾", "-b", "5", "-c", "phone", "--contact", "王先生").exit_code == 0
    assert cli("issue", "resolve", "1", "清走了").exit_code == 0
    rated = cli("issue", "rate", "1", "满意")
    assert rated.exit_code == 0, rated.stderr
    assert status(cli, 1) == "closed"


def test_a_rating_stored_on_an_issue_nobody_reported_does_not_count(cli, nb, add_resident) -> None:
    """Notebooks written before ``rate`` refused it may hold such a rating: the report leaves it out."""
    add_resident("张国华", "8-2-301", alias="张大爷")
    cli("issue", "add", "楼道灯坏了", "-b", "8", "-c", "app", "--at", "2026-11-24 10:00")  # nobody reported it
    cli("issue", "add", "下水道堵了", "-r", "张大爷", "--at", "2026-11-24 10:00")
    for number in ("1", "2"):
        assert cli("issue", "resolve", number, "好了", "--at", "2026-11-25 10:00").exit_code == 0
    assert cli("issue", "rate", "2", "不满意", "--at", "2026-11-25 12:00").exit_code == 0
    with nb.transaction():  # what the old `rate` wrote for issue 1
        write_step(nb, 1, "rate", clock.parse("2026-11-25T11:00:00+08:00"), data={"rating": "satisfied"})
    report = build_report(nb, ReportRange(date(2026, 11, 23), date(2026, 11, 29), "week"))
    assert report.rates is not None
    # rated in the week: only issue 2 (dissatisfied) → 0 of 1, not 1 of 2
    assert (report.rates.satisfaction.numerator, report.rates.satisfaction.denominator) == (0, 1)
    assert report.numbers.issues["rated"] == 1
