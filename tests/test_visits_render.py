"""The visit renderers are pure: models in, Rich renderables out, drawn here at 80 columns without colour."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.console import Console

from gridnote.messages import i18n
from gridnote.models import LogResult, NextCareVisit, Reading, ReadingFlag, Task, Trend, Visit
from gridnote.render.visits import logged_view, trends_view, visits_table
from tests.test_alignment import cut

TODAY = date(2026, 11, 29)


def draw(renderable) -> list[str]:
    console = Console(record=True, width=80, color_system=None)
    console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


def bp(id_: int, day: str, systolic: float, diastolic: float, flags=()) -> Reading:
    return Reading(id_, "bp", systolic, diastolic, "mmHg", tuple(flags), f"{day}T06:30:00+08:00", day, id_)


LI = dict(resident_id=1, resident="李秀英（李奶奶）", household_id=1, address="8-2-301", building_id=4, building="8")


def test_logged_view_marks_the_flag_and_lists_what_was_added() -> None:
    flag = ReadingFlag("diastolic", ">=", 90, 90)
    visit = Visit(
        1,
        "visit",
        "2026-11-29T06:30:00+08:00",
        "2026-11-29",
        **LI,
        note="血压正常",
        readings=(bp(1, "2026-11-29", 139, 90, [flag]),),
    )
    task = Task(1, "复测血压", due_date="2026-12-01", due_at="2026-12-01T06:30:00+08:00")
    result = LogResult([visit], [task], NextCareVisit("2026-12-02", 3, "bedridden"))
    assert draw(logged_view(result, TODAY)) == [
        "✓ Logged home visit #1: 李秀英（李奶奶） 8-2-301 · 06:30",
        "  血压正常",
        "  Blood pressure 139/90 mmHg  ⚠ diastolic 90 ≥ 90",
        "  → Follow-up task #1 due 12-01 Tue 06:30: 复测血压",
        "  Care round: next visit due by 12-02 Wed (bedridden: every 3 days)",
    ]
    assert draw(logged_view(result, date(2026, 11, 30)))[0] == (
        "✓ Logged home visit #1: 李秀英（李奶奶） 8-2-301 · 11-29 Sun 06:30"
    )


def test_long_notes_wrap_and_nothing_is_cut() -> None:
    note = "血糖有点高，提醒按时吃药，少吃甜食；子女下周回来看她，约好下周三再来测一次血糖"
    visit = Visit(
        7,
        "visit",
        "2026-11-29T09:00:00+08:00",
        "2026-11-29",
        resident_id=4,
        resident="曾俊华（曾奶奶）",
        address="7-3-1102",
        building="7",
        note=note,
    )
    i18n.set_lang("zh")
    lines = draw(visits_table([visit], TODAY, TODAY, TODAY))
    assert all(len(line) <= 80 for line in lines)
    rule = next(i for i, line in enumerate(lines) if line.strip().startswith("─"))
    rows = [line for line in lines[rule + 1 :] if line.strip() and "共 1 条" not in line]
    header = lines[rule - 1]
    start = cell_len(header[: header.index("内容与读数")])
    who = cell_len(header[: header.index("对象")])

    def column(first: int, end: int | None = None) -> list[str]:
        return [cut(row, first, end).strip() for row in rows]

    # the name gives way first, at its own breaks; the note keeps the width, wraps at a pause, nothing cut
    assert column(who, start) == ["曾俊华", "（曾奶奶）", "7-3-1102"]
    assert column(start) == ["血糖有点高，提醒按时吃药，少吃甜食；", "子女下周回来看她，约好下周三再来测一次血糖", ""]


def test_trend_rows_for_blood_pressure_and_a_single_value() -> None:
    flag = ReadingFlag("diastolic", ">=", 90, 92)
    points = (bp(1, "2026-11-20", 128, 80), bp(2, "2026-11-24", 135, 85), bp(3, "2026-11-28", 142, 92, [flag]))
    pulse = (Reading(4, "pulse", 63, None, "/min", (), "2026-11-28T06:30:00+08:00", "2026-11-28", 3),)
    assert draw(trends_view([Trend("bp", "mmHg", points), Trend("pulse", "/min", pulse)], TODAY)) == [
        "systolic  ▂▅▇ 128  135  142  mmHg  11-20…11-28",
        "diastolic ▂▄▇  80   85   92⚠ mmHg",
        "pulse     ▅    63  /min  11-28",  # in the columns of the values above
    ]
