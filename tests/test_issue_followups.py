"""The functions `gridnote today` calls: followups(), count_open(), events_on()."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridnote import clock
from gridnote.input.dates import When
from gridnote.services import issue_flow as flow
from gridnote.services.events import add_event, events_on
from gridnote.services.followups import followups
from gridnote.services.issues import IssueInput, add_issue, count_open


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def receive(nb, text: str, at: str, **kwargs) -> int:
    return add_issue(nb, IssueInput(text=text, at=moment(at), **kwargs)).issue.id


def set_now(text: str) -> None:
    clock.set_now(moment(text))


def test_an_issue_past_its_response_deadline_is_overdue(nb, add_resident) -> None:
    gao = add_resident("高玉兰", "5-1-502", alias="高阿姨", phones=["13967154321"])
    set_now("2026-11-29T20:05:00+08:00")
    urgent = receive(
        nb, "家里停电了", "2026-11-29T20:00:00+08:00", channel="微信", priority="urgent", reporter_id=gao.id
    )
    set_now("2026-11-29T22:30:00+08:00")
    [item] = followups(nb, date(2026, 11, 29))
    assert item.id == urgent and item.reason == "response-overdue"
    assert item.reasons == ("response-overdue",)
    assert item.deadline == "2026-11-29T22:00:00+08:00"
    assert (item.reporter, item.address, item.phone) == ("高玉兰（高阿姨）", "5-1-502", "13967154321")
    assert (item.status, item.priority, item.category, item.text) == ("received", "urgent", "power", "家里停电了")
    # before 22:00 the same deadline is "due today", not overdue
    set_now("2026-11-29T21:00:00+08:00")
    assert [f.reason for f in followups(nb, date(2026, 11, 29))] == ["response-due"]
    # contacting the reporter takes it off the list until the resolution deadline
    flow.add_note(nb, urgent, "电话安慰，马上过去", kind="call", with_reporter=True)
    assert followups(nb, date(2026, 11, 29)) == []
    assert [f.reason for f in followups(nb, date(2026, 11, 30))] == ["resolve-due"]
    assert [f.reason for f in followups(nb, date(2026, 12, 1))] == ["resolve-overdue"]


def test_every_reason_and_the_order_most_urgent_first(nb, add_resident) -> None:
    li = add_resident("李秀英", "8-2-301", alias="李奶奶")
    add_resident("高玉兰", "5-1-502", alias="高阿姨")
    set_now("2026-11-29T09:00:00+08:00")
    # received on the app four days ago, never answered: response and resolution overdue (utility: 3 days)
    old = receive(nb, "下水道堵了", "2026-11-25T08:00:00+08:00", channel="app", building="8")
    # in person (answered at once), resolution due today at 18:00
    due_today = receive(nb, "楼道灯不亮", "2026-11-22T18:00:00+08:00", reporter_id=li.id)
    # referred with a promise for today, resolution not yet due
    referred = receive(nb, "装修垃圾", "2026-11-28T10:00:00+08:00", building="5")
    flow.refer(nb, referred, "物业", due=When(date(2026, 11, 29), None))
    # resolved, the resident not told yet
    told_not = receive(nb, "健身器材坏了", "2026-11-27T10:00:00+08:00", reporter_id=li.id)
    flow.resolve(nb, told_not, "已更换")
    # received today in person: nothing waits on her yet
    receive(nb, "山楂怎么分", "2026-11-29T08:30:00+08:00", reporter_id=li.id)
    # closed and rejected issues never appear
    done = receive(nb, "噪音", "2026-11-20T10:00:00+08:00", reporter_id=li.id)
    flow.resolve(nb, done, "已协调")
    flow.rate(nb, done, "满意")
    dup = receive(nb, "下水道又堵了", "2026-11-25T09:00:00+08:00", channel="app", building="8")
    flow.reject(nb, dup, "duplicate", of=old)

    items = followups(nb, date(2026, 11, 29))
    assert [(f.id, f.reason) for f in items] == [
        (old, "response-overdue"),
        (due_today, "resolve-due"),
        (referred, "referral-due"),
        (told_not, "report-back"),
    ]
    assert items[0].reasons == ("response-overdue", "resolve-overdue")
    assert items[0].address == "8"  # no reporter: where the issue is
    assert items[1].deadline == "2026-11-29T18:00:00+08:00"
    assert items[2].deadline == "2026-11-29"
    assert items[3].deadline is None and items[3].since == "2026-11-29T09:00:00+08:00"
    assert count_open(nb) == 5
    # found on patrol and fixed: nobody to tell, so nothing waits
    patrol = receive(nb, "井盖松动", "2026-11-28T10:00:00+08:00", channel="walk", building="8")
    flow.resolve(nb, patrol, "已固定")
    assert patrol not in [f.id for f in followups(nb, date(2026, 11, 29))]

    # seen from tomorrow morning: today's 18:00 deadline has passed by then
    later = followups(nb, date(2026, 11, 30))
    assert (due_today, "resolve-overdue") in [(f.id, f.reason) for f in later]


def test_urgent_first_within_a_reason(nb) -> None:
    set_now("2026-11-29T09:00:00+08:00")
    normal = receive(nb, "垃圾没清", "2026-11-27T08:00:00+08:00", channel="app")
    urgent = receive(nb, "燃气味", "2026-11-29T06:00:00+08:00", channel="app", priority="urgent")
    assert [f.id for f in followups(nb, date(2026, 11, 29))] == [urgent, normal]


def test_urgent_issues_with_a_deadline_come_before_the_others_missed_first(nb) -> None:
    set_now("2026-11-29T09:00:00+08:00")
    # normal, response missed yesterday at 08:00 (general: 24h)
    missed = receive(nb, "垃圾没清", "2026-11-27T08:00:00+08:00", channel="app")
    # normal, response due today 20:00
    due = receive(nb, "路灯不亮", "2026-11-28T20:00:00+08:00", channel="app")
    # urgent emergency an hour ago: response due 10:00 today (emergency: 2h)
    fall = receive(
        nb, "张大爷摔倒了", "2026-11-29T08:00:00+08:00", channel="app", category="medical", priority="urgent"
    )
    # urgent, response missed at 08:30 (emergency received 06:30)
    gas = receive(nb, "燃气味", "2026-11-29T06:30:00+08:00", channel="app", category="gas-leak", priority="urgent")
    items = followups(nb, date(2026, 11, 29))
    assert [(f.id, f.reason, f.minutes_left) for f in items] == [
        (gas, "response-overdue", -30),
        (fall, "response-due", 60),
        (missed, "response-overdue", -25 * 60),
        (due, "response-due", 11 * 60),
    ]


_RECEIVED = datetime.fromisoformat("2026-11-29T00:00:00+08:00")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(received=st.integers(0, 3 * 24 * 3600), offset=st.integers(-2 * 3600, 4 * 3600))
def test_the_response_deadline_at_every_moment_around_it(nb, received, offset) -> None:
    """An emergency's response deadline is 2 hours after receipt. Looked at ``offset`` seconds
    from it: listed if it falls on today or has passed; missed only after it (at it exactly, met);
    minutes left rounded down, so a second late is a minute late."""
    at = _RECEIVED + timedelta(seconds=received)
    clock.set_now(at)
    issue = receive(nb, "燃气味", at.isoformat(), channel="app", category="gas-leak")
    deadline = at + timedelta(hours=2)
    now = deadline + timedelta(seconds=offset)
    clock.set_now(now)
    found = [f for f in followups(nb, now.date()) if f.id == issue]
    if offset > 0:
        assert [f.reason for f in found] == ["response-overdue"]
        assert found[0].minutes_left == -((offset + 59) // 60)
    elif deadline.date() == now.date():
        assert [f.reason for f in found] == ["response-due"]
        assert found[0].minutes_left == (-offset) // 60
    else:  # due on a later day
        assert found == []


def test_count_open_counts_what_is_not_closed_or_rejected(nb) -> None:
    assert count_open(nb) == 0
    set_now("2026-11-29T09:00:00+08:00")
    a = receive(nb, "一", "2026-11-29T08:00:00+08:00")
    b = receive(nb, "二", "2026-11-29T08:00:00+08:00")
    receive(nb, "三", "2026-11-29T08:00:00+08:00")
    flow.reject(nb, a, "not-ours")
    flow.resolve(nb, b, "好了")
    flow.tell(nb, b)
    assert count_open(nb) == 2  # received + reported (waiting for a rating)
    flow.close(nb, b)
    assert count_open(nb) == 1


def test_events_on_a_day(nb, add_resident) -> None:
    add_resident("楼长", "8-1-101")
    set_now("2026-11-29T17:00:00+08:00")
    talk = add_event(
        nb,
        "老年人防诈骗宣讲",
        when=When(date(2026, 11, 29), datetime(2026, 1, 1, 15, 0).time()),
        partners=["社区民警, 楼栋长"],
        building="8",
        attendees=23,
    )
    allday = add_event(nb, "垃圾分类宣传周", when=When(date(2026, 11, 29), None))
    add_event(nb, "消防演练", when=When(date(2026, 11, 30), datetime(2026, 1, 1, 9, 0).time()))
    events = events_on(nb, date(2026, 11, 29))
    assert [e.id for e in events] == [allday.id, talk.id]
    assert events[1].partners == ("社区民警", "楼栋长") and events[1].building == "8"
    assert events[1].at == "2026-11-29T15:00:00+08:00" and events[1].time == "15:00"
    assert events[0].at is None and events[0].time is None
    assert events_on(nb, date(2026, 12, 1)) == []
