"""Enquiries are not complaints (issue 19, item 4): an enquiry (咨询/建议) is answered and told; it has
no deadlines unless she gives it a group, earns no point, waits in today until answered, is counted
apart in the report and stays out of the three rates. Figures worked out by hand below."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gridnote import clock
from gridnote.models.figures import DeadlineRow, GridRows, RatingRow, StepRow
from gridnote.services.figures import figures, rates


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def issue(cli, number: int) -> dict:
    return json.loads(ok(cli("issue", "show", str(number), "--json")))


def test_an_enquiry_has_no_deadlines_earns_no_point_and_waits_until_answered(cli, add_resident) -> None:
    add_resident("王建英", "5-1-102", alias="王阿姨")
    added = cli("issue", "add", "院里的山楂熟了怎么分", "-e", "-r", "王阿姨")
    assert (added.exit_code, added.stderr) == (0, "")
    assert added.stdout == (
        "✓ Issue #1 received: 院里的山楂熟了怎么分\n"
        "enquiry · greenery · no deadlines, no point\n"
        'Next: find out, then gridnote issue resolve 1 "the answer"\n'
    )
    shown = issue(cli, 1)
    assert (shown["kind"], shown["category"], shown["category_group"]) == ("enquiry", "greenery", None)
    assert (shown["response_due_at"], shown["resolve_due_at"], shown["overdue"]) == (None, None, [])
    # no deadline: it still waits on her, every day, until answered
    [waiting] = json.loads(ok(cli("today", "--json")))["followups"]
    assert (waiting["id"], waiting["reason"], waiting["reasons"], waiting["deadline"]) == (
        1,
        "to-answer",
        ["to-answer"],
        None,
    )
    assert waiting["since"] == "2026-11-29T09:00:00+08:00"
    assert "enquiry to answer · asked 09:00" in ok(cli("today"))
    assert "咨询待答复 · 09:00 咨询" in ok(cli("--lang", "zh", "today"))
    # verified, answered, told: no point at any step
    verified = cli("issue", "verify", "1")
    assert (verified.exit_code, verified.stdout) == (0, "✓ #1 verified\n")
    ok(cli("issue", "resolve", "1", "按户分，每户一袋"))
    ok(cli("issue", "tell", "1"))
    points = json.loads(ok(cli("resident", "points", "王阿姨", "--json")))
    assert (points["balance"], points["entries"]) == (0, [])
    assert json.loads(ok(cli("today", "--json")))["followups"] == []


def test_an_enquiry_told_its_answer_is_closed_not_left_waiting_for_a_rating(cli, add_resident) -> None:
    add_resident("王建英", "5-1-102", alias="王阿姨")
    ok(cli("issue", "add", "院里的山楂熟了怎么分", "-e", "-r", "王阿姨"))  # 1
    ok(cli("issue", "add", "楼道灯坏了", "-r", "王阿姨"))  # 2: a complaint, for comparison
    for number in ("1", "2"):
        ok(cli("issue", "resolve", number, "已处理"))
    told = ok(cli("issue", "tell", "1"))
    assert told.splitlines()[-1] == "✓ #1 closed: the enquiry is answered and told"
    assert "rate" not in told  # an enquiry is not rated
    assert (issue(cli, 1)["status"], issue(cli, 1)["rating"]) == ("closed", None)
    ok(cli("issue", "tell", "2"))
    assert issue(cli, 2)["status"] == "reported"  # a complaint waits for its rating
    still_open = [i["id"] for i in json.loads(ok(cli("issue", "list", "--json")))]
    assert still_open == [2]
    report = json.loads(ok(cli("report", "--format", "json")))
    assert [i["id"] for i in report["issues"]["open"]] == [2]
    assert report["numbers"]["enquiries"] == {"received": 1, "answered": 1, "told": 1}
    refused = cli("issue", "rate", "1", "满意")
    assert (refused.exit_code, refused.stderr) == (
        4,
        'Error: #1 is an enquiry: it is answered and told, not rated; if the answer did not help: gridnote issue reopen 1 "…"\n',
    )


def test_a_report_back_call_closes_an_enquiry(cli, add_resident) -> None:
    add_resident("王建英", "5-1-102", alias="王阿姨", phones=["13900001111"])
    ok(cli("issue", "add", "院里的山楂熟了怎么分", "-e", "-r", "王阿姨"))
    ok(cli("issue", "resolve", "1", "按户分，每户一袋"))
    assert "山楂" in ok(cli("calls"))
    ok(cli("calls", "done", "1", "说了分法"))
    assert issue(cli, 1)["status"] == "closed"
    assert "山楂" not in ok(cli("calls"))


def test_a_complaint_earns_its_point_as_before(cli, add_resident) -> None:
    """The same words, filed as a complaint: verified, one point (the rule the enquiry is kept out of)."""
    add_resident("王建英", "5-1-102", alias="王阿姨")
    ok(cli("issue", "add", "院里的山楂熟了怎么分", "-r", "王阿姨"))
    assert issue(cli, 1)["kind"] == "complaint"
    ok(cli("issue", "verify", "1"))
    assert json.loads(ok(cli("resident", "points", "王阿姨", "--json")))["balance"] == 1


def test_a_group_gives_an_enquiry_deadlines_and_only_an_enquiry(cli) -> None:
    added = cli("issue", "add", "楼下能不能装个长椅", "-e", "-g", "一般", "-c", "app", "--at", "2026-11-28 10:00")
    assert added.exit_code == 0, added.stderr
    # general: 24 h to respond, 7 days to answer, from 11-28 10:00
    assert added.stdout.splitlines()[1] == "enquiry · other · respond by 11-29 10:00 · answer by 12-05 10:00 · no point"
    shown = issue(cli, 1)
    assert (shown["category_group"], shown["response_due_at"], shown["resolve_due_at"]) == (
        "general",
        "2026-11-29T10:00:00+08:00",
        "2026-12-05T10:00:00+08:00",
    )
    refused = cli("issue", "add", "下水道堵了", "-g", "一般")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == (
        "Error: --group is for an enquiry (--enquiry): a complaint's deadlines come from its category\n"
    )
    zh = cli("--lang", "zh", "issue", "add", "下水道堵了", "-g", "一般")
    assert zh.stderr == "错误：--group 只用于咨询建议（--enquiry）：诉求的时限由类别决定\n"
    assert cli("issue", "list", "--all", "--json").stdout.count('"id"') == 1  # nothing written by the refusals


def test_a_new_category_leaves_an_enquiry_without_deadlines(cli) -> None:
    ok(cli("issue", "add", "山楂怎么分", "-e"))
    edited = cli("issue", "edit", "1", "-k", "垃圾")
    assert (edited.exit_code, edited.stdout) == (0, "✓ #1 changed: garbage · enquiry · no deadlines\n")
    shown = issue(cli, 1)
    assert (shown["category"], shown["category_group"], shown["resolve_due_at"]) == ("garbage", None, None)


def test_a_complaint_that_was_a_question_becomes_an_enquiry_and_back(cli, add_resident) -> None:
    """Filed as a complaint and verified (one point); it was a question: the point goes back, no deadline is ahead.

    Received in person at 11-29 09:00 (first response at receipt); greenery is a general category:
    24 h to respond, 7 days to resolve, so back as a complaint it is due 12-06 09:00.
    """
    add_resident("王建英", "5-1-102", alias="王阿姨")
    ok(cli("issue", "add", "院里的山楂熟了怎么分", "-r", "王阿姨"))
    ok(cli("issue", "verify", "1"))
    turned = cli("issue", "edit", "1", "--enquiry")
    assert (turned.exit_code, turned.stderr) == (0, "")
    assert turned.stdout == (
        "✓ #1 changed: greenery · enquiry · no deadlines\n"
        "Points for the report taken back from 王建英（王阿姨）: 1 (balance 0)\n"
    )
    shown = issue(cli, 1)
    assert (shown["kind"], shown["category_group"], shown["resolve_due_at"]) == ("enquiry", None, None)
    assert shown["response_due_at"] == "2026-11-30T09:00:00+08:00"  # met at receipt: history, kept
    assert json.loads(ok(cli("resident", "points", "王阿姨", "--json")))["balance"] == 0
    assert "kind: complaint → enquiry" in ok(cli("issue", "show", "1"))
    assert "类型：诉求 → 咨询建议" in ok(cli("--lang", "zh", "issue", "show", "1"))
    again = cli("issue", "edit", "1", "-e")
    assert (again.exit_code, again.stderr) == (
        2,
        "Error: nothing to change on issue #1; give --text, --category, --priority or --enquiry/--complaint\n",
    )
    back = cli("issue", "edit", "1", "--complaint", env={"GRIDNOTE_NOW": "2026-11-30T10:00:00+08:00"})
    assert back.stdout == (
        "✓ #1 changed: greenery · respond by 11-30 09:00 · resolve by 12-06 09:00\n"
        "王建英（王阿姨） earns points for the report: 1 (balance 1)\n"
    )
    shown = issue(cli, 1)
    assert (shown["kind"], shown["category_group"], shown["resolve_due_at"]) == (
        "complaint",
        "general",
        "2026-12-06T09:00:00+08:00",
    )
    ledger = json.loads(ok(cli("resident", "points", "王阿姨", "--json")))
    assert [e["delta"] for e in ledger["entries"]] == [1, -1, 1] and ledger["balance"] == 1


def test_a_group_only_with_an_enquiry_when_editing_too(cli) -> None:
    ok(cli("issue", "add", "楼下能不能装个长椅", "-c", "app", "--at", "2026-11-28 10:00"))
    refused = cli("issue", "edit", "1", "-g", "一般")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr.startswith("Error: --group is for an enquiry (--enquiry)")
    # an app report, not yet answered: as an enquiry with the complex group, 24 h and 15 days from receipt
    given = cli("issue", "edit", "1", "-e", "-g", "复杂")
    assert given.stdout == "✓ #1 changed: other · enquiry · respond by 11-29 10:00 · resolve by 12-13 10:00\n"
    shown = issue(cli, 1)
    assert (shown["kind"], shown["category_group"]) == ("enquiry", "complex")


def test_the_report_counts_enquiries_apart_and_leaves_them_out_of_the_rates(cli, add_resident) -> None:
    """Week 11-23 … 11-29, now 11-29 09:00.

    A complaint: 下水道堵了 in person 11-24 10:00 (utility: respond by 11-25 10:00, resolve by
    11-27 10:00), contacted at receipt, resolved 11-25 10:00, rated satisfied 11-25 12:00: every
    deadline met. An enquiry given the emergency group from the app 11-24 10:00 (respond by 12:00,
    answer by 11-25 10:00), answered 11-26 10:00 (its first contact too: both late), told 11:00,
    which closes it. Counted, it would make the response and resolution rates 1 of 2; left out,
    each is 1 of 1; satisfaction is the complaint's alone.
    """
    add_resident("张国华", "8-2-301", alias="张大爷")
    add_resident("王建英", "5-1-102", alias="王阿姨")
    ok(cli("issue", "add", "下水道堵了", "-r", "张大爷", "--at", "2026-11-24 10:00"))
    ok(cli("issue", "add", "山楂怎么分", "-e", "-g", "紧急", "-r", "王阿姨", "-c", "app", "--at", "2026-11-24 10:00"))
    ok(cli("issue", "resolve", "1", "疏通了", "--at", "2026-11-25 10:00"))
    ok(cli("issue", "rate", "1", "满意", "--at", "2026-11-25 12:00"))
    ok(cli("issue", "resolve", "2", "按户分", "--at", "2026-11-26 10:00"))
    ok(cli("issue", "tell", "2", "--at", "2026-11-26 11:00"))  # told: the enquiry is closed, never rated
    week = json.loads(ok(cli("report", "--week", "--format", "json")))
    numbers, found = week["numbers"], week["rates"]
    assert numbers["issues"] == {
        "received": 1,
        "verified": 1,  # implied by the resolve
        "rejected": 0,
        "referred": 0,
        "resolved": 1,
        "reported": 1,  # implied by the rating
        "rated": 1,
        "closed": 1,
        "reopened": 0,
    }
    assert numbers["enquiries"] == {"received": 1, "answered": 1, "told": 1}
    assert numbers["points"]["awarded"] == 1 and numbers["points"]["residents"] == 1  # 张大爷's only
    for rate in ("response", "resolution", "satisfaction"):
        assert (found[rate]["numerator"], found[rate]["denominator"], found[rate]["pending"]) == (1, 1, 0), rate
    text = ok(cli("report", "--week"))
    assert "Enquiries    received 1 · answered 1 · told 1" in text
    assert "  咨询建议  受理 1 · 答复 1 · 告知 1" in ok(cli("--lang", "zh", "report", "--week"))
    assert "- **Enquiries**: received 1 · answered 1 · told 1" in ok(cli("report", "--week", "-f", "markdown"))


def test_the_numbers_sheet_has_the_enquiries_rows(cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ok(cli("issue", "add", "山楂怎么分", "-e"))
    ok(cli("issue", "resolve", "1", "按户分"))
    ok(cli("report", "-o", str(tmp_path / "day.xlsx")))
    sheet = load_workbook(tmp_path / "day.xlsx")["Numbers"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert (rows["Enquiries received"], rows["Enquiries answered"], rows["Enquirers told"]) == (1, 1, 0)
    assert rows["Issues received"] == 0


def test_a_day_without_enquiries_says_nothing_of_them(cli) -> None:
    ok(cli("issue", "add", "下水道堵了"))
    assert "Enquiries" not in ok(cli("report"))
    assert json.loads(ok(cli("report", "--format", "json")))["numbers"]["enquiries"] == {
        "received": 0,
        "answered": 0,
        "told": 0,
    }


def test_an_older_notebook_keeps_its_issues_as_complaints(tmp_path: Path, monkeypatch, cli) -> None:
    """m017 relaxes the deadline columns and adds ``kind``: the issues before are complaints, unchanged."""
    from tests.helpers.old_notebook import notebook_at

    path = notebook_at(tmp_path / "old.db", "m016_inbox")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO issues (text, category, category_group, channel, received_at, received_day,"
        " response_due_at, response_due_day, resolve_due_at, resolve_due_day, created_at, updated_at)"
        " VALUES ('下水道堵了', 'blocked-drain', 'utility', 'in-person', '2026-11-28T10:00:00+08:00', '2026-11-28',"
        " '2026-11-29T10:00:00+08:00', '2026-11-29', '2026-12-01T10:00:00+08:00', '2026-12-01',"
        " '2026-11-28T10:00:00+08:00', '2026-11-28T10:00:00+08:00')"
    )
    conn.commit()
    conn.close()
    monkeypatch.setenv("GRIDNOTE_DB", str(path))
    old = issue(cli, 1)
    assert (old["kind"], old["category_group"], old["response_due_at"], old["resolve_due_at"]) == (
        "complaint",
        "utility",
        "2026-11-29T10:00:00+08:00",
        "2026-12-01T10:00:00+08:00",
    )
    ok(cli("issue", "add", "山楂怎么分", "-e"))
    assert issue(cli, 2)["resolve_due_at"] is None
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT id, kind FROM issues ORDER BY id").fetchall() == [(1, "complaint"), (2, "enquiry")]
    finally:
        conn.close()


# -- the rule, for any mix: enquiries never move the rates or the issues' figures -------------------
NOW = clock.parse("2026-11-29T09:00:00+08:00")
_HOUR = st.integers(-72, 72)


def _rows(draw_rows: list[tuple[int, int | None, bool, str | None]]) -> GridRows:
    response, steps, ratings = [], [], []
    for n, (due, done, enquiry, rating) in enumerate(draw_rows):
        due_at = clock.iso(NOW + timedelta(hours=due))
        done_at = None if done is None else clock.iso(NOW + timedelta(hours=min(done, 0)))  # never after now
        response.append(DeadlineRow(n, "verified", due_at, done_at, enquiry))
        steps.append(StepRow(n, "receive", "received", "other", enquiry))
        if rating is not None:
            data = json.dumps({"rating": rating})
            ratings.append(RatingRow(n, due_at, n, data, True, enquiry))
    return GridRows(
        visits=[],
        residents=[],
        buildings=0,
        readings=[],
        steps=steps,
        ratings=ratings,
        response=response,
        resolve=list(response),
        attendees=[],
    )


@given(
    st.lists(
        st.tuples(
            _HOUR,
            st.one_of(st.none(), _HOUR),
            st.booleans(),
            st.one_of(st.none(), st.sampled_from(["satisfied", "basically-satisfied", "dissatisfied"])),
        ),
        max_size=12,
    )
)
def test_enquiries_never_move_the_rates(drawn) -> None:
    mixed = _rows(drawn)
    complaints = _rows([d for d in drawn if not d[2]])
    a, b = rates(mixed, (), NOW), rates(complaints, (), NOW)
    for which in ("response", "resolution", "satisfaction"):
        ra, rb = getattr(a, which), getattr(b, which)
        assert (ra.numerator, ra.denominator, ra.pending) == (rb.numerator, rb.denominator, rb.pending)
    counted = figures(mixed, ())
    assert counted.issues == figures(complaints, ()).issues
    assert counted.enquiries["received"] == sum(1 for d in drawn if d[2])
