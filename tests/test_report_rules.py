"""The report's rules pinned with figures worked out by hand: deadline boundaries of the rates,
points taken back, readings of undone visits, and who a household visit reaches."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gridnote import clock
from gridnote.models.figures import DeadlineRow
from gridnote.services.figures import deadline_rate

DUE = datetime.fromisoformat("2026-11-25T09:00:00+08:00")


def when(stamp: str) -> dict[str, str]:
    """The clock at ``11-24 10:00`` of November 2026."""
    return {"GRIDNOTE_NOW": f"2026-{stamp[:5]}T{stamp[6:]}:00+08:00"}


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def report(cli, *args: str) -> dict:
    return json.loads(ok(cli("report", *args, "--format", "json")))


# -- deadlines: the deadline's own moment is in time ------------------------------------------
@given(
    done=st.one_of(st.none(), st.integers(-3 * 86400, 3 * 86400)),
    now=st.integers(-3 * 86400, 3 * 86400),
)
def test_met_missed_or_pending_at_every_moment_around_the_deadline(done, now) -> None:
    if done is not None and done > now:
        done = now  # nothing is done after now
    due_at = clock.iso(DUE)
    done_at = None if done is None else clock.iso(DUE + timedelta(seconds=done))
    rate = deadline_rate("response", [DeadlineRow(1, "verified", due_at, done_at)], DUE + timedelta(seconds=now))
    if done is not None:
        expected = (1, 1, 0) if done <= 0 else (0, 1, 0)  # met at the deadline or before; later is missed
    else:
        expected = (0, 0, 1) if now <= 0 else (0, 1, 0)  # not met: pending up to the deadline itself
    assert (rate.numerator, rate.denominator, rate.pending) == expected


def test_the_rates_at_the_deadline_exactly(cli, demo) -> None:
    """Week 11-23 … 11-29, now 11-29 09:00; deadlines 24 h (response) and 48 h (resolution), from the city app."""
    ok(cli("config", "set", "deadline.general.response_hours", "24"))
    ok(cli("config", "set", "deadline.general.resolve_hours", "48"))
    received = {"A": "11-22 09:00", "B": "11-22 10:00", "C": "11-28 09:00", "D": "11-28 08:59"}
    received |= {"E": "11-27 09:00", "F": "11-27 08:59"}
    for text, at in received.items():
        ok(cli("issue", "add", f"{text} 楼道灯坏了", "-b", "5", "-c", "app", "-k", "照明", "--at", f"2026-{at}"))
    ok(cli("issue", "verify", "1", "--at", "2026-11-23 09:00"))  # A: at its response deadline exactly: met
    ok(cli("issue", "resolve", "1", "换了", "--at", "2026-11-24 09:00"))  # and at its resolution deadline: met
    ok(cli("issue", "verify", "2", "--at", "2026-11-23 10:01"))  # B: a minute late
    ok(cli("issue", "resolve", "2", "换了", "--at", "2026-11-24 10:01"))  # a minute late
    # C: response due 11-29 09:00, now: still pending. D: due 11-29 08:59: missed by a minute
    ok(cli("issue", "verify", "5", "--at", "2026-11-28 08:00"))  # E: in time; resolution due now: pending
    ok(cli("issue", "verify", "6", "--at", "2026-11-28 08:00"))  # F: in time; resolution due 11-29 08:59: missed
    rates = report(cli, "--week")["rates"]
    # response: due in the week A B C D E F; met A E F; missed B D; pending C → 3 of 5
    response, resolution = rates["response"], rates["resolution"]
    assert (response["numerator"], response["denominator"], response["pending"]) == (3, 5, 1)
    # resolution: due in the week A B E F (C and D are due 11-30); met A; missed B F; pending E → 1 of 3
    assert (resolution["numerator"], resolution["denominator"], resolution["pending"]) == (1, 3, 1)
    # a minute later C and E are missed too
    later = json.loads(ok(cli("report", "--week", "--format", "json", env=when("11-29 09:01"))))["rates"]
    assert (later["response"]["numerator"], later["response"]["denominator"], later["response"]["pending"]) == (3, 6, 0)
    assert (later["resolution"]["numerator"], later["resolution"]["denominator"]) == (1, 4)


# -- points: each report's lines net first ---------------------------------------------------
def test_points_taken_back_net_per_report(cli, demo) -> None:
    """One week (11-23 … 11-29) and the one before; one point per verified report."""
    steps = [
        ("11-20 09:00", "issue", "add", "楼道灯不亮", "-c", "app", "-b", "5", "-r", "高阿姨"),  # 1
        ("11-20 10:00", "issue", "verify", "1"),  # +1 last week
        ("11-24 09:00", "issue", "reject", "1", "重复"),  # −1 this week: an award of last week taken back
        ("11-24 09:10", "issue", "add", "下水道堵了", "-c", "app", "-b", "5", "-r", "曾奶奶"),  # 2
        ("11-24 10:00", "issue", "verify", "2"),  # +1
        ("11-25 10:00", "issue", "reject", "2", "不属实"),  # −1 in the same week: nets to nothing
        ("11-25 11:00", "issue", "add", "车棚漏雨", "-c", "app", "-b", "5", "-r", "曾奶奶"),  # 3
        ("11-25 12:00", "issue", "verify", "3"),  # +1: awarded
        ("11-26 09:00", "issue", "add", "井盖松了", "-c", "app", "-b", "8", "-r", "张大爷"),  # 4
        ("11-26 10:00", "issue", "verify", "4"),  # +1
        ("11-26 11:00", "resident", "redeem", "张大爷", "1", "--for", "肥皂"),  # spent
        ("11-27 09:00", "issue", "reject", "4", "重复", "--of", "3"),  # the point was spent: nothing taken back
    ]
    for stamp, *args in steps:
        ok(cli(*args, env=when(stamp)))
    # this week: awarded 3 (曾奶奶) and 4 (张大爷); 2 nets to 0; 1's award of last week taken back
    points = report(cli, "--week")["numbers"]["points"]
    assert points == {"awarded": 2, "residents": 2, "redeemed": 1, "taken_back": 1}
    last_week = report(cli, "--from", "2026-11-16", "--to", "2026-11-22")["numbers"]["points"]
    assert last_week == {"awarded": 1, "residents": 1, "redeemed": 0, "taken_back": 0}
    # 11-25 alone: 3's point awarded; 2's point of 11-24 taken back (on its own day it does not net)
    assert report(cli, "--date", "2026-11-25")["numbers"]["points"] == {
        "awarded": 1,
        "residents": 1,
        "redeemed": 0,
        "taken_back": 1,
    }


# -- readings and reach --------------------------------------------------------------------------
def test_readings_of_an_undone_visit_are_not_counted(cli, demo) -> None:
    ok(cli("log", "李奶奶", "量血压", "--bp", "150/95", "--pulse", "63"))  # #1: two readings, one flagged
    ok(cli("log", "张大爷", "量脉搏", "--pulse", "70"))  # #2
    ok(cli("log", "undo", "1"))
    day = report(cli, "--readings", "all")
    assert day["numbers"]["readings"] == {"taken": 1, "flagged": 0}
    assert [(r["resident"], r["value"]) for r in day["readings"]] == [("张国华（张大爷）", 70.0)]
    assert report(cli)["readings"] == []  # no flagged reading left to list


def test_a_household_visit_reaches_those_living_there_at_the_time(cli, nb, add_resident) -> None:
    add_resident("李秀英", "8-2-301", alias="李奶奶")
    add_resident("张国华", "8-2-301", alias="张大爷")
    add_resident("高玉兰", "5-1-502", alias="高阿姨")
    add_resident("陈明", "5-1-502")
    ok(cli("resident", "move-out", "张大爷", env=when("11-29 08:00")))
    ok(cli("log", "8-2-301", "全家走访", env=when("11-29 08:30")))  # 张大爷 had moved out: 李奶奶 alone
    ok(cli("log", "5-1-502", "全家走访", env=when("11-29 08:40")))  # both lived there …
    ok(cli("resident", "move-out", "陈明", env=when("11-29 08:50")))  # … 陈明 moved out afterwards
    numbers = report(cli)["numbers"]
    assert (numbers["residents_reached"], numbers["households_reached"]) == (3, 2)
