"""Care rounds that start right: `care baseline` and a roster's last-visit column (issue 19, item 1).

A starting date is not a visit: the care round counts from it, but the visit log, the report's
visit figures and care coverage never see it, and every screen calls it a starting date.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROSTER = (
    "姓名,称呼,地址,人员类别,上次走访\n"
    "李秀英,李奶奶,8-2-301,失能,2026-11-27\n"  # bedridden: every 3 days -> due 11-30
    "王建国,王大爷,8-2-302,独居,2026/11/20\n"  # living alone: every 7 days -> due 11-27, 2 days late
    "陈红,,8-2-303,独居,\n"  # no date: never visited
)


def roster(tmp_path: Path, text: str = ROSTER) -> Path:
    path = tmp_path / "花名册.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def care(cli, *args: str) -> list[tuple]:
    data = json.loads(cli("today", "--json", *args).stdout)
    return [(c["name"], c["last_visit"], c["baseline"], c["due_day"], c["days_overdue"]) for c in data["care"]]


def test_a_roster_s_last_visit_column_starts_each_round(cli, tmp_path) -> None:
    result = cli("resident", "import", str(roster(tmp_path)))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "✓ Imported rows: 3 (utf-8-sig): 3 added, 0 updated, 0 unchanged\nNew buildings added to the grid: 8\n"
    )
    assert care(cli) == [("陈红", None, None, None, None), ("王建国", None, "2026-11-20", "2026-11-27", 2)]
    assert care(cli, "--date", "11-30") == [
        ("陈红", None, None, None, None),
        ("王建国", None, "2026-11-20", "2026-11-27", 3),
        ("李秀英", None, "2026-11-27", "2026-11-30", 0),
    ]
    today = cli("today")
    assert "  王建国（王大爷） 8-2-302 living alone 2 days overdue · start 11-20\n" in today.stdout
    # the same file again changes nothing; a changed date is an update
    again = cli("resident", "import", str(roster(tmp_path)))
    assert again.stdout == "✓ Imported rows: 3 (utf-8-sig): 0 added, 0 updated, 3 unchanged\n"
    changed = cli("resident", "import", str(roster(tmp_path, ROSTER.replace("2026/11/20", "2026-11-25"))))
    assert changed.stdout == "✓ Imported rows: 3 (utf-8-sig): 0 added, 1 updated, 2 unchanged\n"
    assert care(cli) == [("陈红", None, None, None, None)]


def test_a_starting_date_is_no_visit_in_the_log_the_card_or_the_report(cli, tmp_path) -> None:
    cli("resident", "import", str(roster(tmp_path)))
    assert json.loads(cli("visits", "--from", "11-01", "--json").stdout) == []
    card = json.loads(cli("resident", "show", "王大爷", "--json").stdout)
    assert (card["visits"], card["care_start"]) == ([], {"day": "2026-11-20", "source": "import"})
    shown = cli("resident", "show", "王大爷").stdout
    assert "Care round  counted from 11-20 (last visit from the roster; not a visit)" in shown
    report = json.loads(cli("report", "--month", "-f", "json").stdout)
    assert report["numbers"]["visits"]["visit"] == 0
    assert report["rates"]["coverage"] == [
        {"group": "bedridden", "visited": 0, "residents": 1, "percent": 0.0},
        {"group": "living-alone", "visited": 0, "residents": 2, "percent": 0.0},
    ]
    overdue = {c["name"]: (c["last_visit"], c["baseline"]) for c in report["care_overdue"]}
    assert overdue == {"陈红": (None, None), "王建国": (None, "2026-11-20")}
    text = cli("report").stdout
    assert "from 11-20 (starting date), 2 d late" in text


def test_a_later_visit_counts_from_the_visit_and_a_later_start_from_the_start(cli, tmp_path) -> None:
    cli("resident", "import", str(roster(tmp_path)))
    cli("log", "王大爷", "在家", "--at", "11-28 10:00")
    assert care(cli, "--date", "12-05") == [
        ("陈红", None, None, None, None),
        ("李秀英", None, "2026-11-27", "2026-11-30", 5),
        ("王建国", "2026-11-28", None, "2026-12-05", 0),
    ]
    cli("care", "baseline", "今天")  # later than her visit: the round counts from today
    assert care(cli, "--date", "12-05") == [
        ("李秀英", None, "2026-11-29", "2026-12-02", 3),
    ]


def test_care_baseline_for_the_grid_or_one_building(cli, demo) -> None:
    result = cli("care", "baseline", "11-25", "-b", "8")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "✓ Care rounds count from 2026-11-25 in building 8: 172 residents, 47 on a care"
    assert lines[2] == "A starting date is not a visit: the visit log and care coverage are unchanged."
    due = json.loads(cli("today", "--json").stdout)["care"]
    in_8 = [c for c in due if c["address"].startswith("8-")]
    assert {c["baseline"] for c in in_8} == {"2026-11-25"}  # bedridden ones (every 3 days) are due
    assert all(c["interval_days"] <= 4 for c in in_8)
    assert all(c["baseline"] is None and c["days_overdue"] is None for c in due if not c["address"].startswith("8-"))
    data = json.loads(cli("care", "baseline", "11-20", "--json").stdout)
    assert data == {
        "baseline": "2026-11-20",
        "building": None,
        "residents": 752,
        "on_rounds": 172,
        "due_today": data["due_today"],
        "never_visited": 0,
    }
    assert data["due_today"] == len(json.loads(cli("today", "--json").stdout)["care"])


def test_care_baseline_in_chinese_and_its_refusals(cli, demo) -> None:
    living = json.loads(cli("resident", "list", "-b", "5", "--json").stdout)
    on_rounds = [r for r in living if set(r["tags"]) - {"building-head"}]
    zh = cli("--lang", "zh", "care", "baseline", "2026-11-20", "-b", "5")
    assert zh.stdout.splitlines()[:2] == [
        f"✓ 走访周期自 2026-11-20 起计算（5号楼）：{len(living)} 位居民，其中 {len(on_rounds)} 位在走访名单上",
        "起算日不是走访：走访记录和走访覆盖率都不变。",
    ]
    ahead = cli("care", "baseline", "2026-12-01")
    assert (ahead.exit_code, ahead.stdout) == (2, "")
    assert ahead.stderr == "Error: 2026-12-01 is still ahead; a care round starts from today or a day that has passed\n"
    nowhere = cli("care", "baseline", "11-20", "-b", "9")
    assert nowhere.exit_code == 3 and "building 9" in nowhere.stderr


def test_a_bad_last_visit_cell_refuses_the_whole_file(cli, tmp_path) -> None:
    bad = ROSTER.replace("2026/11/20", "上个世纪").replace("2026-11-27", "2026-12-25")
    result = cli("resident", "import", str(roster(tmp_path, bad)))
    assert result.exit_code == 2 and result.stdout == ""
    assert "row 2: last visit 2026-12-25 is still ahead" in result.stderr
    assert 'row 3: last visit "上个世纪" is not a date' in result.stderr
    assert json.loads(cli("resident", "list", "--json").stdout) == []


def test_the_change_log_carries_starting_dates(cli, tmp_path, nb) -> None:
    cli("resident", "import", str(roster(tmp_path)))
    from gridnote.store.changes import changes_after

    rows = [c for c in changes_after(nb) if c.table == "care_baselines"]
    assert [(c.op, c.row["day"], c.row["source"]) for c in rows] == [
        ("insert", "2026-11-27", "import"),
        ("insert", "2026-11-20", "import"),
    ]
    assert all(c.refs["resident_id"] for c in rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    visit=st.one_of(st.none(), st.integers(0, 40)),
    start=st.one_of(st.none(), st.integers(0, 40)),
    asked=st.integers(0, 40),
)
def test_the_round_counts_from_the_later_of_visit_and_start(nb, add_resident, visit, start, asked) -> None:
    """Due day = the later of the last care visit and the starting date (each on or before the day
    asked about) + the interval (7 days, living alone); neither: due, never visited."""
    from gridnote.services.care import care_round
    from gridnote.services.care_start import set_start
    from tests.helpers.visit_rows import insert_visit

    with nb.transaction():
        nb.execute("DELETE FROM care_baselines")
        nb.execute("DELETE FROM readings")
        nb.execute("DELETE FROM visits")
    if nb.scalar("SELECT count(*) FROM residents") == 0:
        add_resident("高玉兰", "5-1-502", tags=["独居"])
    rid = int(nb.scalar("SELECT id FROM residents"))
    first = date(2026, 12, 1)  # after she was registered (11-29): on the rounds every day asked
    if visit is not None:
        insert_visit(nb, "visit", (first + timedelta(days=visit)).isoformat(), resident_id=rid)
    if start is not None:
        with nb.transaction():
            set_start(nb, rid, first + timedelta(days=start), "baseline")
    day = first + timedelta(days=asked)
    seen = [d for d in (visit, start) if d is not None and d <= asked]
    due = care_round(nb, day)
    if not seen:
        assert [(c.days_overdue, c.due_day) for c in due] == [(None, None)]
        return
    due_day = first + timedelta(days=max(seen) + 7)
    if due_day > day:
        assert due == []
    else:
        [c] = due
        assert (c.due_day, c.days_overdue) == (due_day.isoformat(), (day - due_day).days)
        assert c.baseline == (
            (first + timedelta(days=start)).isoformat()
            if start in seen and start > (visit if visit in seen else -1)
            else None
        )
