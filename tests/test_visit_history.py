"""What the log feeds the agenda: last care visits, buildings walked; and reading history days."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from gridnote import clock
from gridnote.domain.readings import ReadingInput
from gridnote.errors import InputError
from gridnote.input.dates import When
from gridnote.input.dates import parse_past_when as latest_when
from gridnote.models.visits import Target
from gridnote.services.care import daily_walk, last_care_visits, next_care_visit
from gridnote.services.visit_input import parse_follow_up
from gridnote.services.visit_targets import building_target, place_target, resident_target
from gridnote.services.visits import log_visit, undo_visit

NOW = datetime.fromisoformat("2026-11-29T09:00:00+08:00")


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text + "+08:00")


@pytest.fixture
def grid(nb, add_resident):
    people = {
        "li": add_resident("李秀英", "8-2-301", alias="李奶奶", tags=["bedridden"]),
        "zhang": add_resident("张国华", "8-2-301", alias="张大爷", tags=["elderly"]),
        "gao": add_resident("高玉兰", "5-1-502", alias="高阿姨", tags=["living-alone"]),
        "wang": add_resident("王强", "6-1-101"),
    }
    return nb, people


def test_last_care_visit_per_resident(grid) -> None:
    nb, p = grid
    li, zhang, gao = (resident_target(nb, p[k]) for k in ("li", "zhang", "gao"))
    household = place_target(nb, "8-2-301")
    assert household is not None and household.resident_id is None
    log_visit(nb, [li], kind="visit", at=moment("2026-11-25T06:30"))
    log_visit(nb, [gao], kind="emergency", at=moment("2026-11-28T20:40"))
    log_visit(nb, [gao], kind="phone", at=moment("2026-11-29T08:00"))  # a call is not a care visit
    log_visit(nb, [household], kind="visit", at=moment("2026-11-27T10:00"))  # counts for both
    log_visit(nb, [li], kind="visit", at=moment("2026-11-29T06:30"))
    assert last_care_visits(nb) == {p["li"].id: "2026-11-29", p["zhang"].id: "2026-11-27", p["gao"].id: "2026-11-28"}
    assert last_care_visits(nb, [p["zhang"].id]) == {p["zhang"].id: "2026-11-27"}
    undo_visit(nb)  # the last one: Li's 11-29 visit
    assert last_care_visits(nb)[p["li"].id] == "2026-11-27"


def walked_buildings(nb, day: date) -> list[str]:
    return [walk.code for walk in daily_walk(nb, day) if walk.walked_at]


def test_buildings_walked_per_day(grid) -> None:
    nb, _ = grid
    five, six, eight = (building_target(nb, code) for code in ("5", "6号楼", "8栋"))
    log_visit(nb, [five, six], kind="walk", at=moment("2026-11-28T08:00"))
    log_visit(nb, [eight], kind="walk", at=moment("2026-11-29T08:00"))
    log_visit(nb, [six], kind="outreach", at=moment("2026-11-29T14:00"))  # not a walk
    assert walked_buildings(nb, date(2026, 11, 28)) == ["5", "6"]
    assert walked_buildings(nb, date(2026, 11, 29)) == ["8"]
    undo_visit(nb, 3)
    assert walked_buildings(nb, date(2026, 11, 29)) == []


def test_next_care_visit_follows_the_shortest_round(grid) -> None:
    nb, p = grid
    log_visit(nb, [resident_target(nb, p["gao"])], kind="visit", at=moment("2026-11-29T08:00"))
    care = next_care_visit(nb, p["gao"].id)
    assert (care.day, care.every, care.tag) == ("2026-12-06", 7, "living-alone")
    assert next_care_visit(nb, p["wang"].id) is None  # on no care round
    assert next_care_visit(nb, p["li"].id) is None  # never visited: the agenda says so, not the log


def test_a_walk_needs_a_building_and_readings_a_resident(grid) -> None:
    nb, p = grid
    with pytest.raises(InputError, match="a walk is logged for a building"):
        log_visit(nb, [resident_target(nb, p["li"])], kind="walk", at=NOW)
    with pytest.raises(InputError, match="readings belong to one resident"):
        log_visit(
            nb, [Target(building_id=1, label="8号楼")], kind="visit", at=NOW, readings=[ReadingInput("pulse", 63)]
        )
    assert nb.scalar("SELECT count(*) FROM visits") == 0


def test_a_bare_number_is_a_resident_and_a_building_has_a_suffix(grid) -> None:
    nb, p = grid
    assert place_target(nb, "1") is None and place_target(nb, "#1") is None  # resident #1
    assert place_target(nb, "8号楼").is_building
    assert place_target(nb, "5-1-502").resident_id == p["gao"].id
    assert place_target(nb, "8-2") is None  # part of an address narrows a name search


@pytest.mark.parametrize(
    "text, expected",
    [
        ("周五", When(date(2026, 11, 27), None)),
        ("fri 15:00", When(date(2026, 11, 27), time(15))),
        ("11-20", When(date(2026, 11, 20), None)),
        ("12-01", When(date(2025, 12, 1), None)),
        ("1号", When(date(2026, 11, 1), None)),
        ("today", When(date(2026, 11, 29), None)),
        ("上周五", When(date(2026, 11, 20), None)),
        ("yesterday 20:00", When(date(2026, 11, 28), time(20))),
        ("2 days ago", When(date(2026, 11, 27), None)),
        ("weekend", When(date(2026, 11, 28), None)),
        ("eom", When(date(2026, 11, 30), None)),  # tomorrow: the end of this month, not of the last
        ("11-30", When(date(2026, 11, 30), None)),  # --to 11-30 on 11-29: this year's, not last year's
        # forms that name no earlier occurrence stay as read (and a visit refuses them as future)
        ("tomorrow", When(date(2026, 11, 30), None)),
        ("in 3 days", When(date(2026, 12, 2), None)),
        ("下周一", When(date(2026, 11, 30), None)),
        ("next mon", When(date(2026, 11, 30), None)),
        ("in 1 month", When(date(2026, 12, 29), None)),
    ],
)
def test_history_days_read_backwards(text: str, expected: When) -> None:
    assert latest_when(text, now=NOW) == expected


@pytest.mark.parametrize(
    "text, day, at, task",
    [
        ("后天: 复测血压", "2026-12-01", None, "复测血压"),
        ("后天：复测血压", "2026-12-01", None, "复测血压"),
        ("in 2 days: re-check BP", "2026-12-01", None, "re-check BP"),
        ("明天6:30: 量血压", "2026-11-30", "06:30", "量血压"),
        ("tomorrow 6:30", "2026-11-30", "06:30", None),
        ("fri", "2026-12-04", None, None),
        ("today 18:00: call back", "2026-11-29", "18:00", "call back"),
    ],
)
def test_follow_up_forms(text: str, day: str, at: str | None, task: str | None) -> None:
    clock.set_now(NOW)
    follow = parse_follow_up(text)
    assert follow.when.day.isoformat() == day
    assert (follow.when.time.strftime("%H:%M") if follow.when.time else None) == at
    assert follow.text == task
