"""The report's model on hand-built data: ranges, counts, issue states and the rates, checked by hand.

The clock is pinned at Sunday 2026-11-29 09:00 (conftest), so ``--week`` is
Monday 11-23 to Sunday 11-29.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gridnote import clock
from gridnote.errors import InputError
from gridnote.input.periods import combine
from gridnote.models import ReportRange
from gridnote.services import issue_flow as flow
from gridnote.services.issues import IssueInput, add_issue
from gridnote.services.report import ReportOptions, build_report
from gridnote.services.report import report_range as _report_range

TODAY = date(2026, 11, 29)
WEEK = ReportRange(date(2026, 11, 23), TODAY, "week")


def at(text: str) -> datetime:
    """``11-24 10:00`` in November 2026, local time."""
    return clock.parse(f"2026-{text[:5]}T{text[6:]}:00+08:00")


def issue(nb, text: str, received: str, channel: str = "app", **kwargs) -> int:
    return add_issue(nb, IssueInput(text, category="other", channel=channel, at=at(received), **kwargs)).issue.id


def visit(nb, who: str, when: str, kind: str = "visit") -> int:
    from gridnote.services.visit_targets import place_target
    from gridnote.services.visits import log_visit

    target = place_target(nb, who)
    if target is None:
        from gridnote.services.resolve import resolve_resident
        from gridnote.services.visit_targets import resident_target

        target = resident_target(nb, resolve_resident(nb, who))
    return log_visit(nb, [target], kind=kind, at=at(when)).visits[0].id


# -- ranges ---------------------------------------------------------------------------------------
def report_range(today: date, **options) -> ReportRange:
    """The report's days from options already read as days (the one period reader combines them)."""
    return _report_range(today, combine(**options))


def test_the_default_range_is_today() -> None:
    assert report_range(TODAY) == ReportRange(TODAY, TODAY, "day")
    assert report_range(TODAY, day=date(2026, 11, 27)) == ReportRange(date(2026, 11, 27), date(2026, 11, 27), "day")


def test_week_and_month_are_calendar_periods_cut_at_today() -> None:
    assert report_range(TODAY, week=True) == ReportRange(date(2026, 11, 23), TODAY, "week")
    assert report_range(date(2026, 11, 25), week=True) == ReportRange(date(2026, 11, 23), date(2026, 11, 25), "week")
    assert report_range(TODAY, week=True, day=date(2026, 11, 18)) == ReportRange(
        date(2026, 11, 16), date(2026, 11, 22), "week"
    )
    assert report_range(TODAY, month=True) == ReportRange(date(2026, 11, 1), TODAY, "month")
    assert report_range(TODAY, month=True, day=date(2026, 2, 10)) == ReportRange(
        date(2026, 2, 1), date(2026, 2, 28), "month"
    )


def test_from_to_ranges() -> None:
    assert report_range(TODAY, start=date(2026, 11, 20)) == ReportRange(date(2026, 11, 20), TODAY, "range")
    assert report_range(TODAY, start=date(2026, 11, 20), end=date(2026, 11, 20)) == ReportRange(
        date(2026, 11, 20), date(2026, 11, 20), "day"
    )


@pytest.mark.parametrize(
    "options, key",
    [
        ({"start": date(2026, 11, 28), "end": date(2026, 11, 20)}, "dates.range_backwards"),
        ({"day": date(2026, 11, 30)}, "report.future"),
        ({"start": date(2026, 11, 20), "end": date(2026, 12, 2)}, "report.future"),
        ({"week": True, "day": date(2026, 12, 1)}, "report.future"),
        ({"week": True, "month": True}, "dates.week_and_month"),
        ({"week": True, "start": date(2026, 11, 1)}, "dates.period_and_range"),
        ({"day": date(2026, 11, 1), "start": date(2026, 11, 1)}, "dates.date_and_range"),
        ({"end": date(2026, 11, 20)}, "report.to_needs_from"),
    ],
)
def test_ranges_that_cannot_be_reported(options, key) -> None:
    with pytest.raises(InputError) as caught:
        report_range(TODAY, **options)
    assert caught.value.key == key


def test_rates_come_with_a_week_a_month_or_seven_days() -> None:
    assert not ReportRange(TODAY, TODAY).with_rates
    assert not ReportRange(date(2026, 11, 24), TODAY, "range").with_rates  # 6 days
    assert ReportRange(date(2026, 11, 23), TODAY, "range").with_rates  # 7 days
    assert ReportRange(TODAY, TODAY, "week").with_rates  # a Monday's --week


# -- the three rates, on issues built by hand -----------------------------------------------------
@pytest.fixture
def week_of_issues(nb, add_resident):
    """Issues around the week of 11-23 to 11-29, deadlines of 24 h (response) and 48 h (resolution)."""
    from gridnote.services.settings import set_value

    set_value(nb, "deadline.general.response_hours", "24")
    set_value(nb, "deadline.general.resolve_hours", "48")
    add_resident("张国华", "8-2-301", alias="张大爷")
    a = issue(nb, "A 楼道灯坏了", "11-20 10:00", reporter_id=1)  # deadlines before the week
    flow.verify(nb, a, at=at("11-20 12:00"))
    flow.resolve(nb, a, "换了灯泡", at=at("11-21 10:00"))
    flow.tell(nb, a, at=at("11-23 09:00"))
    flow.rate(nb, a, "满意", at=at("11-24 10:00"))
    b = issue(nb, "B 下水道返味", "11-22 12:00", reporter_id=1)  # response due 11-23 12:00, resolution 11-24 12:00
    flow.verify(nb, b, at=at("11-23 11:00"))  # in time
    flow.resolve(nb, b, "疏通", at=at("11-25 09:00"))  # late
    flow.rate(nb, b, "基本满意", at=at("11-25 10:00"))
    c = issue(nb, "C 噪音", "11-24 08:00")  # due 11-25 08:00 / 11-26 08:00
    flow.verify(nb, c, at=at("11-25 09:00"))  # late, and never resolved
    issue(nb, "D 垃圾桶满了", "11-27 10:00")  # response missed (11-28 10:00); resolution due 11-29 10:00: pending
    issue(nb, "E 路灯不亮", "11-28 12:00")  # response due 11-29 12:00: pending; resolution due 11-30
    f = issue(nb, "F 同一个垃圾桶", "11-23 09:00")
    flow.reject(nb, f, "重复", at=at("11-23 10:00"))  # a rejection answers in time; no resolution due
    g = issue(nb, "G 门禁坏了", "11-25 10:00", channel="phone", reporter_id=1)  # a call: first response at receipt
    flow.resolve(nb, g, "修好了", at=at("11-26 10:00"))
    flow.rate(nb, g, "不满意", at=at("11-26 12:00"))  # reopened: no longer resolved
    h = issue(nb, "H 井盖松动", "11-23 14:00")
    flow.resolve(nb, h, "物业固定了", at=at("11-24 10:00"))  # verified on the way: response and resolution in time
    return nb


def test_response_rate_counts_issues_whose_response_deadline_falls_in_the_range(week_of_issues) -> None:
    rates = build_report(week_of_issues, WEEK).rates
    assert rates is not None
    # due in the week: B C D E F G H; E's deadline (11-29 12:00) is still ahead and it is not contacted yet
    # met: B (verified before the deadline), F (rejected), G (a phone call), H (verified when resolved)
    assert (rates.response.numerator, rates.response.denominator, rates.response.pending) == (4, 6, 1)
    assert rates.response.percent == 66.7


def test_resolution_rate_counts_issues_whose_resolution_deadline_falls_in_the_range(week_of_issues) -> None:
    rates = build_report(week_of_issues, WEEK).rates
    assert rates is not None
    # due in the week, not rejected: B (late), C (unresolved), D (due 11-29 10:00: pending), G (reopened), H (in time)
    assert (rates.resolution.numerator, rates.resolution.denominator, rates.resolution.pending) == (1, 4, 1)
    assert rates.resolution.percent == 25.0


def test_satisfaction_rate_is_satisfied_and_basically_satisfied_over_rated(week_of_issues) -> None:
    rates = build_report(week_of_issues, WEEK).rates
    assert rates is not None
    assert (rates.satisfaction.numerator, rates.satisfaction.denominator) == (2, 3)
    assert rates.satisfaction.parts == {"satisfied": 1, "basically-satisfied": 1, "dissatisfied": 1}


def test_rated_and_the_satisfaction_rate_count_the_same_issues(nb, add_resident) -> None:
    """Rated, reopened by hand, another rated dissatisfied: both count, each by its latest rating."""
    add_resident("张国华", "8-2-301", alias="张大爷")
    a = issue(nb, "A 楼道灯坏了", "11-24 10:00", reporter_id=1)
    flow.resolve(nb, a, "换了灯泡", at=at("11-24 11:00"))
    flow.rate(nb, a, "满意", at=at("11-24 12:00"))
    flow.reopen(nb, a, reason="又不亮了", at=at("11-25 09:00"))  # clears the issue's rating, not the rating given
    b = issue(nb, "B 下水道返味", "11-24 10:00", reporter_contact="王先生")
    flow.resolve(nb, b, "疏通", at=at("11-24 11:00"))
    flow.rate(nb, b, "不满意", at=at("11-24 12:00"))
    flow.resolve(nb, b, "再疏通", at=at("11-25 11:00"))
    flow.rate(nb, b, "基本满意", at=at("11-25 12:00"))  # the latest rating of B in the week
    report = build_report(nb, WEEK)
    assert report.rates is not None
    assert report.numbers.issues["rated"] == report.rates.satisfaction.denominator == 2
    assert report.rates.satisfaction.parts == {"satisfied": 1, "basically-satisfied": 1, "dissatisfied": 0}
    # a day of the week sees the rating as it was given that day
    day = build_report(nb, ReportRange(date(2026, 11, 24), date(2026, 11, 24), "day"))
    assert day.numbers.issues["rated"] == 2


def test_a_past_week_has_nothing_pending(week_of_issues) -> None:
    """The week before: A's deadlines (11-21, 11-22) and B's received day fall in it."""
    rates = build_report(week_of_issues, ReportRange(date(2026, 11, 16), date(2026, 11, 22), "week")).rates
    assert rates is not None
    assert (rates.response.numerator, rates.response.denominator, rates.response.pending) == (1, 1, 0)
    assert (rates.resolution.numerator, rates.resolution.denominator) == (1, 1)
    assert (rates.satisfaction.numerator, rates.satisfaction.denominator) == (0, 0)
    assert rates.satisfaction.percent is None


def test_a_day_has_no_rates(week_of_issues) -> None:
    assert build_report(week_of_issues, ReportRange(TODAY, TODAY)).rates is None


def test_issue_counts_and_lists_of_the_week(week_of_issues) -> None:
    report = build_report(week_of_issues, WEEK)
    # verified: B, C, and G and H on the way to resolved; reported back: A, and B and G when rated
    assert report.numbers.issues == {
        "received": 6,
        "verified": 4,
        "rejected": 1,
        "referred": 0,
        "resolved": 3,
        "reported": 3,
        "rated": 3,
        "closed": 2,
        "reopened": 1,
    }
    assert [i.text[0] for i in report.new_issues] == ["F", "H", "C", "G", "D", "E"]
    assert [(i.id, i.steps) for i in report.progressed_issues] == [
        (1, ("tell", "rate")),
        (2, ("verify", "resolve", "tell", "rate")),
    ]
    # still open at 09:00 on 11-29, most urgent first; H was found with nobody to tell: it waits to be closed
    assert [(i.text[0], i.status, i.deadline, i.state) for i in report.open_issues] == [
        ("C", "verified", "resolve", "overdue"),  # due 11-26 08:00
        ("G", "verified", "resolve", "overdue"),  # due 11-27 10:00
        ("D", "received", "response", "overdue"),  # due 11-28 10:00
        ("E", "received", "response", "due-today"),
        ("H", "resolved", None, "to-close"),
    ]
    assert [i.age_days for i in report.open_issues] == [5, 4, 2, 1, 6]


def test_a_past_day_shows_issues_as_they_stood_that_evening(week_of_issues) -> None:
    """At the end of 11-25: B closed that day, C and G within their resolution deadlines, H resolved."""
    report = build_report(week_of_issues, ReportRange(date(2026, 11, 25), date(2026, 11, 25)))
    assert report.as_of == "2026-11-26T00:00:00+08:00"
    shown = {i.text[0]: (i.status, i.state) for i in report.open_issues}
    assert shown == {"C": ("verified", "on-time"), "G": ("received", "on-time"), "H": ("resolved", "to-close")}
    assert [i.due_at for i in report.open_issues if i.deadline] == [
        "2026-11-26T08:00:00+08:00",
        "2026-11-27T10:00:00+08:00",
    ]
    # B was resolved and closed with a rating on that day: it is not open at the end of it
    assert [(i.text[0], i.status) for i in report.progressed_issues] == [("B", "closed"), ("C", "verified")]
    assert [i.text[0] for i in report.new_issues] == ["G"]


# -- care coverage -----------------------------------------------------------------------------------
def test_coverage_per_care_group(nb, add_resident) -> None:
    add_resident("李秀英", "8-2-301", alias="李奶奶", tags=["bedridden", "hypertension"])
    add_resident("张国华", "8-2-301", alias="张大爷", tags=["hypertension"])
    add_resident("王桂兰", "7-1-101", tags=["bedridden"])
    add_resident("高玉兰", "5-1-502", alias="高阿姨", tags=["living-alone"])
    moved = add_resident("赵凤英", "6-1-101", tags=["living-alone"])
    from gridnote.services.residents import move_out

    move_out(nb, moved.id)
    visit(nb, "8-2-301", "11-24 10:00")  # a household visit: both of them
    visit(nb, "高阿姨", "11-25 10:00", kind="phone")  # a call is no care visit
    visit(nb, "王桂兰", "11-20 10:00")  # before the week
    from gridnote.services.visits import undo_visit

    undo_visit(nb, visit(nb, "王桂兰", "11-26 10:00"))  # undone
    rates = build_report(nb, WEEK).rates
    assert rates is not None
    assert [(c.code, c.numerator, c.denominator) for c in rates.coverage] == [
        ("bedridden", 1, 2),
        ("living-alone", 0, 1),
        ("hypertension", 2, 2),
    ]
    assert [c.percent for c in rates.coverage] == [50.0, 0.0, 100.0]


# -- the numbers ---------------------------------------------------------------------------------------
def test_numbers_of_a_day(nb, add_resident) -> None:
    from gridnote.input.readings import parse_reading
    from gridnote.services.events import add_event
    from gridnote.services.resolve import resolve_resident
    from gridnote.services.task_changes import complete
    from gridnote.services.tasks import add_task
    from gridnote.services.visit_targets import building_target, resident_target
    from gridnote.services.visits import log_visit, undo_visit

    li = add_resident("李秀英", "8-2-301", alias="李奶奶", tags=["bedridden"])
    add_resident("张国华", "8-2-301", alias="张大爷")
    add_resident("高玉兰", "5-1-502", alias="高阿姨", tags=["living-alone"])
    add_resident("曾秀兰", "7-3-1102", alias="曾奶奶")
    log_visit(
        nb,
        [resident_target(nb, li)],
        kind="visit",
        at=at("11-29 06:40"),
        readings=[parse_reading("bp", "139/90"), parse_reading("pulse", "63")],
    )
    log_visit(nb, [building_target(nb, "5"), building_target(nb, "8")], kind="walk", at=at("11-29 08:00"))
    log_visit(nb, [building_target(nb, "5")], kind="walk", at=at("11-29 08:30"))  # the same building again
    log_visit(nb, [resident_target(nb, resolve_resident(nb, "曾奶奶"))], kind="phone", at=at("11-29 08:50"))
    undo_visit(nb, visit(nb, "高阿姨", "11-29 08:55"))
    log_visit(nb, [resident_target(nb, li)], kind="visit", at=at("11-28 10:00"))  # the day before
    done = add_task(nb, "送降压药")
    from gridnote.input.dates import When

    add_task(nb, "开会", due=When(date(2026, 11, 28), None))  # carried over
    add_task(nb, "回访", due=When(date(2026, 11, 30), None))  # tomorrow's, not carried over
    complete(nb, [done.id])
    add_event(nb, "反诈宣传", when=When(TODAY, None), attendees=23)
    add_event(nb, "健康讲座", when=When(TODAY, None))
    n = build_report(nb, ReportRange(TODAY, TODAY)).numbers
    assert n.visits == {"visit": 1, "phone": 1, "wechat": 0, "walk": 3, "emergency": 0, "outreach": 0}
    assert n.contacts == 2
    assert (n.residents_reached, n.households_reached) == (2, 2)
    assert (n.walks, n.buildings) == (2, 3)  # buildings 5, 7 and 8 exist
    assert (n.readings, n.readings_flagged) == (2, 1)
    assert (n.tasks_done, n.tasks_carried_over) == (1, 1)
    assert (n.events, n.attendees) == (2, 23)
    assert n.care_overdue == 1  # 高阿姨: never visited (the undone visit does not count)


# -- privacy -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, masked",
    [
        ("王经理 13800001111", "王经理 138****1111"),
        ("call 138 0000 1111 now", "call 138 **** 1111 now"),
        ("身份证330106194403150021号", "身份证330106********0021号"),
        ("物业 0571-87654321", "物业 0571-****4321"),
        ("居委会 010-12345678 转 8", "居委会 010-****5678 转 8"),
        ("8-2-301 on 2026-11-29, 3 households, 150 yuan", "8-2-301 on 2026-11-29, 3 households, 150 yuan"),
        (None, None),
    ],
)
def test_numbers_inside_texts_are_masked(text, masked) -> None:
    from gridnote.output.privacy import mask_text

    assert mask_text(text) == masked


def test_the_next_days_work_is_masked_unless_full(nb) -> None:
    from gridnote.input.dates import When
    from gridnote.services.events import add_event
    from gridnote.services.tasks import add_task

    add_task(nb, "给王经理回电话 13800001111", due=When(date(2026, 11, 30), None), starred=True)
    add_event(
        nb,
        "消防演练",
        when=When(date(2026, 11, 30), clock.parse("2026-11-30T10:00:00+08:00").time()),
        partners=["消防站 李队 13911112222"],
    )
    masked = build_report(nb, ReportRange(TODAY, TODAY))
    assert [(i.text, i.partners) for i in masked.planned] == [
        ("消防演练", ("消防站 李队 139****2222",)),  # 10:00, then the starred all-day task
        ("给王经理回电话 138****1111", ()),
    ]
    full = build_report(nb, ReportRange(TODAY, TODAY), ReportOptions(full=True))
    assert [(i.text, i.partners) for i in full.planned] == [
        ("消防演练", ("消防站 李队 13911112222",)),
        ("给王经理回电话 13800001111", ()),
    ]
