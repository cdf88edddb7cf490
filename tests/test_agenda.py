"""`gridnote today` and `gridnote tomorrow`: the agenda service, its renderer and the CLI.

The clock is pinned to Sunday 2026-11-29 09:00 in Shanghai (conftest).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, time, timedelta
from pathlib import Path

import jsonschema
import pytest
from rich.cells import cell_len
from rich.console import Console

from gridnote.input.dates import When
from gridnote.messages import i18n
from gridnote.render.agenda import agenda_view, plan_view
from gridnote.services.agenda import build_agenda, day_plan
from gridnote.services.task_changes import complete, drop
from gridnote.services.tasks import add_task
from tests.helpers.visit_rows import insert_visit

SUNDAY = date(2026, 11, 29)
MONDAY = date(2026, 11, 30)
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "today.schema.json").read_text(encoding="utf-8"))
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def render(draw, lang: str = "en") -> list[str]:
    """Lines drawn by ``draw()`` at 80 columns without colour, in ``lang``."""
    i18n.set_lang(lang)
    console = Console(record=True, width=80, color_system=None)
    console.print(draw())
    return [line.rstrip() for line in console.export_text().splitlines()]


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture
def grid(nb, add_resident):
    """A small grid with something in every section of Sunday's agenda."""
    li = add_resident("李秀英", "8-2-301", alias="李奶奶", tags=["失能", "高血压"])
    gao = add_resident("高玉兰", "5-1-502", alias="高阿姨", tags=["独居"])
    zeng = add_resident("曾俊华", "7-3-1102", alias="曾奶奶", tags=["独居"])
    building = {r["code"]: r["id"] for r in nb.rows("SELECT id, code FROM buildings")}
    insert_visit(nb, "visit", "2026-11-20", resident_id=gao.id)  # 7 days: due the 27th
    insert_visit(nb, "visit", "2026-11-28", resident_id=zeng.id)  # not due yet
    insert_visit(nb, "walk", "2026-11-29", building_id=building["8"], time="08:10")
    add_task(nb, "量血压，降压药吃完了要带过去", due=When(SUNDAY, time(6, 30)), starred=True, resident_id=li.id)
    add_task(nb, "社区网格例会", due=When(SUNDAY, time(9, 0)))
    add_task(nb, "巡查5号楼", due=When(SUNDAY, None), building_id=building["5"], every="day")
    call = add_task(nb, "回电话给物业", due=When(SUNDAY, time(8, 0)))
    complete(nb, [call.id])
    add_task(
        nb,
        "联系物业公司清理5号楼前的装修垃圾，并把处理结果告诉反映问题的居民",
        due=When(date(2026, 11, 25), None),
        resident_id=gao.id,
    )
    add_task(nb, "送降压药", due=When(date(2026, 11, 28), time(20, 0)), starred=True, resident_id=li.id)
    dropped = add_task(nb, "已放弃的事", due=When(SUNDAY, time(7, 0)))
    drop(nb, [dropped.id])
    return nb


# -- the service ----------------------------------------------------------------------
def test_timeline_reads_in_time_order_then_all_day_starred_first_among_equals(nb) -> None:
    add_task(nb, "all day", due=When(MONDAY, None))
    add_task(nb, "nine", due=When(MONDAY, time(9)))
    add_task(nb, "starred all day", due=When(MONDAY, None), starred=True)
    add_task(nb, "six", due=When(MONDAY, time(6)))
    add_task(nb, "starred seven", due=When(MONDAY, time(7)), starred=True)
    add_task(nb, "another day", due=When(SUNDAY, time(5)))
    agenda = build_agenda(nb, MONDAY)
    assert [i.text for i in agenda.timeline] == ["six", "starred seven", "nine", "starred all day", "all day"]
    assert agenda.day == MONDAY and agenda.today == SUNDAY


def test_overdue_starred_first_then_oldest_with_days_late(grid) -> None:
    agenda = build_agenda(grid)
    assert [(o.task.text[:4], o.days_late) for o in agenda.overdue] == [("送降压药", 1), ("联系物业", 4)]
    later = build_agenda(grid, date(2026, 12, 2))  # Sunday's open tasks are overdue by then
    assert [(o.task.text[:4], o.days_late) for o in later.overdue] == [
        ("送降压药", 4),
        ("量血压，", 3),
        ("联系物业", 7),
        ("社区网格", 3),
        ("巡查5号", 3),
    ]


def test_summary_counts(grid) -> None:
    insert_visit(grid, "phone", "2026-11-29", resident_id=1)
    agenda = build_agenda(grid)
    assert [(f.code, f.count) for f in agenda.summary] == [
        ("open_tasks", 5),
        ("done_tasks", 1),
        ("open_issues", 0),
        ("visits", 1),
    ]


def test_the_agenda_reads_through_indexes(demo, nb) -> None:
    queries: list[str] = []
    nb.conn.set_trace_callback(queries.append)
    build_agenda(nb)
    nb.conn.set_trace_callback(None)
    scans = []
    for sql in queries:
        for row in nb.rows("EXPLAIN QUERY PLAN " + sql):
            detail = row[3]
            if detail.startswith("SCAN") and detail not in ("SCAN config", "SCAN b"):  # tiny tables
                scans.append(detail)
    assert len(queries) == 13 and scans == []  # the call-outs of the last day, what the centre sent: one more each


# -- the renderer at 80 columns ---------------------------------------------------------
def test_agenda_in_english(grid) -> None:
    assert render(lambda: agenda_view(build_agenda(grid))) == [
        "Today · Sunday 29 November 2026",
        "",
        "Schedule",
        "  1 ★ 06:30   量血压，降压药吃完了要带过去  2h 30m late 李秀英（李奶奶） 8-2-301",
        "  4 ✓ 08:00   回电话给物业",
        "  2   09:00   社区网格例会",
        "  3   all day 巡查5号楼 ↻                               building 5",
        "",
        "Overdue: 2",
        "  6 ★ 1 day late  送降压药                            李秀英（李奶奶） 8-2-301",
        "  5   4 days late 联系物业公司清理5号楼前的装修垃圾， 高玉兰（高阿姨） 5-1-502",
        "                  并把处理结果告诉反映问题的居民",  # at its pause, not inside 处理
        "",
        "Care round: 2 due a visit",
        "  李秀英（李奶奶） 8-2-301 bedridden, hypertension never visited",
        "  高玉兰（高阿姨） 5-1-502 living alone            2 days overdue · last 11-20",
        "",
        "Daily walk: 1 of 3 buildings walked",
        "  building 5 not yet   building 7 not yet   building 8 ✓ 08:10",
        "",
        "open tasks: 5 · done: 1 · open issues: 0 · contacts: 0",
    ]


def test_agenda_in_chinese(grid) -> None:
    assert render(lambda: agenda_view(build_agenda(grid)), "zh") == [
        "今天 · 2026年11月29日 星期日",
        "",
        "日程",
        "  1 ★ 06:30 量血压，降压药吃完了要带过去  已超2小时30分 李秀英（李奶奶） 8-2-301",
        "  4 ✓ 08:00 回电话给物业",
        "  2   09:00 社区网格例会",
        "  3   全天  巡查5号楼 ↻                                 5号楼",
        "",
        "逾期未办：2 项",
        "  6 ★ 逾期1天 送降压药                            李秀英（李奶奶） 8-2-301",
        "  5   逾期4天 联系物业公司清理5号楼前的装修垃圾， 高玉兰（高阿姨） 5-1-502",
        "              并把处理结果告诉反映问题的居民",
        "",
        "走访提醒：2 人到期",
        "  李秀英（李奶奶） 8-2-301 失能、高血压 从未走访",
        "  高玉兰（高阿姨） 5-1-502 独居         逾期2天 · 上次 11-20",
        "",
        "每日巡楼：已巡 1/3 栋",
        "  5号楼 未巡   7号楼 未巡   8号楼 ✓ 08:10",
        "",
        "未完成任务 5 · 已完成 1 · 未办结问题 0 · 走访联系 0",
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_example_grid_fits_80_columns(demo, nb, lang) -> None:
    add_task(
        nb,
        "联系物业公司清理5号楼前的装修垃圾并回访反映问题的居民告知处理结果" * 2,
        due=When(SUNDAY, time(14)),
        starred=True,
        resident_id=1,
    )
    lines = render(lambda: agenda_view(build_agenda(nb), show_all=True), lang)
    assert max(cell_len(line) for line in lines) <= 80
    assert len(lines) > 170  # every resident due a visit


def test_empty_sections_are_left_out_and_all_walked_is_one_line(nb, add_resident) -> None:
    add_resident("王强", "5-1-101")
    insert_visit(nb, "walk", "2026-11-29", building_id=1)
    add_task(nb, "开会", due=When(SUNDAY, time(14)))
    assert render(lambda: agenda_view(build_agenda(nb))) == [
        "Today · Sunday 29 November 2026",
        "",
        "Schedule",
        "  1   14:00 开会",
        "",
        "Daily walk: all buildings walked (1) ✓",
        "",
        "open tasks: 1 · done: 0 · open issues: 0 · contacts: 0",
    ]


def test_an_empty_day_is_one_friendly_line(nb) -> None:
    expected = 'Nothing on {}. Plan tomorrow: gridnote tomorrow add "…" --at 6:30 --star'
    assert render(lambda: agenda_view(build_agenda(nb))) == [expected.format("today")]
    assert render(lambda: agenda_view(build_agenda(nb, date(2026, 12, 3)))) == [expected.format("Thu 3 Dec")]
    assert render(lambda: agenda_view(build_agenda(nb)), "zh") == [
        '今天没有待办事项。写明日工作：gridnote tomorrow add "……" --at 6:30 --star'
    ]


def test_care_round_shows_ten_then_says_how_many_more(demo, nb) -> None:
    lines = render(lambda: agenda_view(build_agenda(nb)))
    start = lines.index("Care round: 172 due a visit")
    end = lines.index("  … 162 more due a visit: gridnote today --all")
    rows = [line for line in lines[start + 1 : end] if line[2] != " "]  # not a wrapped continuation
    assert len(rows) == 10 and all("never visited" in row for row in rows)
    assert ["bedridden" in row for row in rows[:5]] == [True] * 4 + [False]  # every 3 days: first


def test_overdue_shows_ten_most_important_then_says_how_many_more_and_where(cli, nb) -> None:
    for n in range(1, 67):  # 66 overdue tasks: task 1 one day late … task 66 66 days late
        add_task(nb, f"task {n}", due=When(SUNDAY - timedelta(days=n), None))
    nb.execute("UPDATE tasks SET starred = 1 WHERE id = 40")
    lines = render(lambda: agenda_view(build_agenda(nb)))
    start = lines.index("Overdue: 66")
    assert [line.split()[0] for line in lines[start + 1 : start + 11]] == ["40", *map(str, range(66, 57, -1))]
    assert lines[start + 1].split()[1] == "★"  # starred first, then the oldest
    assert lines[start + 11] == "  … 56 more overdue: gridnote task list --overdue"
    assert lines[start + 12] == ""
    assert render(lambda: agenda_view(build_agenda(nb)), "zh")[start + 11] == (
        "  ……另有 56 项逾期：gridnote task list --overdue"
    )
    assert sum(" late " in line for line in render(lambda: agenda_view(build_agenda(nb), show_all=True))) == 66
    assert len(json.loads(ok(cli("today", "--json")))["overdue"]) == 66  # JSON is never cut
    listed = json.loads(ok(cli("task", "list", "--overdue", "--json")))
    assert sorted(task["id"] for task in listed) == list(range(1, 67))
    # as of another day, the hint lists what is overdue on that day
    monday = render(lambda: agenda_view(build_agenda(nb, MONDAY)))
    assert "  … 56 more overdue: gridnote task list --to 2026-11-29" in monday


def test_task_list_overdue_is_open_and_before_today(cli, nb) -> None:
    add_task(nb, "late", due=When(date(2026, 11, 28), None))
    add_task(nb, "today", due=When(SUNDAY, None))
    add_task(nb, "done late", due=When(date(2026, 11, 27), None))
    add_task(nb, "undated", due=None)
    complete(nb, [3])
    assert [task["text"] for task in json.loads(ok(cli("task", "list", "--overdue", "--json")))] == ["late"]
    refused = cli("task", "list", "--overdue", "--status", "done", "--json")  # overdue means open
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == "Error: --overdue lists open tasks only; it cannot go with --status done\n"


# -- the command ------------------------------------------------------------------------
def test_a_starred_task_written_the_evening_before_is_marked_on_the_next_day_in_time_order(cli, demo) -> None:
    evening = {"GRIDNOTE_NOW": "2026-11-29T21:00:00+08:00"}
    ok(cli("tomorrow", "add", "巡查5号楼", "--at", "6:00", env=evening))
    ok(cli("tomorrow", "add", "量血压 李奶奶", "--at", "6:30", "--star", env=evening))
    ok(cli("task", "add", "送降压药", "--due", "上周三", env=evening))
    lines = [line.rstrip() for line in ok(cli("today", "--date", "2026-11-30", env=evening)).splitlines()]
    assert lines[:5] == [
        "Tomorrow · Monday 30 November 2026",
        "",
        "Schedule",
        "  1   06:00 巡查5号楼     building 5",
        "  2 ★ 06:30 量血压 李奶奶 李秀英（李奶奶） 8-2-301",
    ]
    assert lines[6:8] == ["Overdue: 1", "  3   12 days late 送降压药"]
    morning = ok(cli("today", env={"GRIDNOTE_NOW": "2026-11-30T06:00:00+08:00"})).splitlines()
    assert morning[0] == "Today · Monday 30 November 2026" and morning[3].rstrip() == lines[3]


def test_an_overdue_task_from_last_week_is_listed_as_overdue(cli) -> None:
    ok(cli("task", "add", "送降压药", "--due", "last wed"))
    out = ok(cli("today"))
    assert "Overdue: 1\n  1   11 days late 送降压药\n" in out
    ok(cli("task", "move", "1", "today"))
    assert "Overdue" not in ok(cli("today"))


def test_today_json_follows_the_documented_schema(cli, demo, nb) -> None:
    ok(cli("task", "add", "量血压 李奶奶", "--due", "today 6:30", "--star", "--every", "2d"))
    ok(cli("task", "add", "巡查5号楼", "--due", "today"))
    ok(cli("task", "add", "送降压药", "--due", "上周三 20:00"))
    ok(cli("task", "done", "2"))
    five = nb.scalar("SELECT id FROM buildings WHERE code = '5'")
    insert_visit(nb, "walk", "2026-11-29", building_id=five, time="08:10")
    insert_visit(nb, "visit", "2026-11-20", resident_id=3)
    ok(cli("event", "add", "反诈宣传", "--at", "14:00", "--with", "社区民警,楼栋长", "-b", "5"))
    ok(
        cli(
            "issue",
            "add",
            "5号楼前装修垃圾",
            "--building",
            "5",
            "--channel",
            "app",
            env={"GRIDNOTE_NOW": "2026-11-27T10:00:00+08:00"},
        )
    )
    data = json.loads(ok(cli("today", "--json")))
    jsonschema.validate(data, SCHEMA)
    assert data["version"] == 1 and data["date"] == data["today"] == "2026-11-29"
    assert data["timeline"][0] == {
        "kind": "task",
        "id": 1,
        "time": "06:30",
        "text": "量血压 李奶奶",
        "starred": True,
        "done": False,
        "resident": "李秀英（李奶奶）",
        "address": "8-2-301",
        "building": None,
        "every": "2d",
        "partners": [],
        "late": True,  # 06:30, still open at 09:00
        "minutes_late": 150,
    }
    assert [(i["late"], i["minutes_late"]) for i in data["timeline"][1:]] == [(False, None), (False, None)]
    assert [(i["kind"], i["id"]) for i in data["timeline"]] == [("task", 1), ("event", 1), ("task", 2)]
    assert data["timeline"][2]["done"] is True and data["timeline"][2]["building"] == "5"
    assert [(o["id"], o["days_late"], o["due_time"]) for o in data["overdue"]] == [(3, 11, "20:00")]
    assert len(data["care"]) == 172  # JSON holds every one, the screen the first ten
    assert data["walk"][0] == {"building": "5", "name": None, "walked": True, "walked_at": "2026-11-29T08:10:00+08:00"}
    assert data["summary"] == {"open_tasks": 2, "done_tasks": 1, "open_issues": 1, "visits": 0}
    event = next(i for i in data["timeline"] if i["kind"] == "event")
    assert (event["time"], event["text"], event["partners"], event["building"]) == (
        "14:00",
        "反诈宣传",
        ["社区民警", "楼栋长"],
        "5",
    )
    [follow] = data["followups"]
    assert (follow["id"], follow["reason"], follow["status"]) == (1, "response-overdue", "received")
    gao = next(c for c in data["care"] if c["resident_id"] == 3)
    assert (gao["last_visit"], gao["due_day"], gao["days_overdue"], gao["tags"]) == (
        "2026-11-20",
        "2026-11-27",
        2,
        ["living-alone"],
    )


def test_today_json_of_an_empty_notebook_follows_the_schema(cli) -> None:
    data = json.loads(ok(cli("today", "--json", "--date", "明天")))
    jsonschema.validate(data, SCHEMA)
    assert data["date"] == "2026-11-30" and data["timeline"] == data["care"] == data["walk"] == []


def test_a_bad_date_is_one_line(cli) -> None:
    result = cli("today", "--date", "明天6:30")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith('Error: "明天6:30" has a time of day; only a day is expected here.')
    assert result.stderr.count("\n") == 1


def test_all_chinese_under_a_chinese_locale(cli, demo) -> None:
    ok(
        cli(
            "tomorrow",
            "add",
            "量血压 李奶奶",
            "--at",
            "6:30",
            "--star",
            env={"GRIDNOTE_NOW": "2026-11-28T21:00:00+08:00"},
        )
    )
    ok(cli("task", "add", "送降压药", "--due", "上周三"))
    out = ok(cli("today", "--all", env={"LANG": "zh_CN.UTF-8"}))
    assert "日程" in out and "逾期未办" in out and "走访提醒" in out and "每日巡楼" in out
    assert set(re.findall(r"[A-Za-z]+", out)) == set()


def test_all_english_under_lang_c(cli, demo) -> None:
    ok(cli("task", "add", "walk building 5", "--due", "today", "--star"))
    ok(cli("task", "add", "report drains", "--due", "last wed"))
    out = ok(cli("today", "--all", env={"LANG": "C"}))
    data = json.loads(ok(cli("today", "--json")))
    names = {f"{c['name']}（{c['alias']}）" if c["alias"] else c["name"] for c in data["care"]}
    for name in sorted(names, key=len, reverse=True):  # residents' names are data, not interface
        out = out.replace(name, "")
    assert CJK.findall(out) == []


def test_plain_when_piped_and_no_colour_with_no_color(cli) -> None:
    ok(cli("task", "add", "送降压药", "--due", "last wed", "--star"))
    assert "\x1b" not in ok(cli("today"))

    def colours(text: str) -> set[int]:
        codes = {int(p) for params in re.findall(r"\x1b\[([0-9;]*)m", text) for p in params.split(";") if p}
        return {c for c in codes if 30 <= c <= 38 or 90 <= c <= 97}

    assert colours(ok(cli("today", env={"FORCE_COLOR": "1"})))
    assert colours(ok(cli("today", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}))) == set()


def test_tomorrow_lists_the_evening_list_and_what_carries_over(cli, demo) -> None:
    assert ok(cli("tomorrow")) == 'Nothing for tomorrow yet. Add: gridnote tomorrow add "…" --at 6:30 --star\n'

    ok(cli("tomorrow", "add", "量血压 李奶奶", "--at", "6:30", "--star"))
    ok(cli("task", "add", "开会", "--due", "today 14:00"))
    lines = ok(cli("plan")).splitlines()
    assert [line.rstrip() for line in lines] == [
        "Tomorrow · Mon 30 Nov",
        "1 ★ 06:30 量血压 李奶奶 李秀英（李奶奶） 8-2-301",
        "Still open from earlier: 1 · move with: gridnote task move N tomorrow",
    ]
    assert json.loads(ok(cli("tomorrow", "--json"))) == {
        "version": 1,
        "date": "2026-11-30",
        "carry_over": 1,
        "timeline": [
            {
                "kind": "task",
                "id": 1,
                "time": "06:30",
                "text": "量血压 李奶奶",
                "starred": True,
                "done": False,
                "resident": "李秀英（李奶奶）",
                "address": "8-2-301",
                "building": None,
                "every": None,
                "partners": [],
            }
        ],
    }


def test_plan_view_in_chinese(nb) -> None:
    add_task(nb, "量血压", due=When(MONDAY, time(6, 30)), starred=True)
    assert render(lambda: plan_view(day_plan(nb, MONDAY)), "zh") == ["明天 · 11月30日 周一", "1 ★ 06:30 量血压"]


def test_today_keeps_slow_modules_off_its_path(tmp_path: Path, nb) -> None:
    """The most-typed command: no date parser, pinyin, sqlite-utils or Excel on a plain run."""
    nb.close()
    script = (
        "import sys\n"
        "from gridnote.cli import app\n"
        "try:\n    app(['today'])\nexcept SystemExit:\n    pass\n"
        "slow = ('dateutil', 'pypinyin', 'sqlite_utils', 'openpyxl', 'gridnote.input.dates')\n"
        "print(sorted(m for m in sys.modules if m.startswith(slow)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ}, check=True
    )
    assert result.stdout.splitlines()[-1] == "[]"
