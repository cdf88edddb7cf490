"""``gridnote log``: a visit, call or walk with its readings, recorded in one line."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.visit_rows import log_counts as counts


def rows(path: Path, sql: str, params: tuple = ()) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_the_morning_blood_pressure(cli, demo) -> None:
    result = cli(
        "log", "李奶奶", "血压正常，按时吃药", "--bp", "139/90", "--pulse", "63", "--follow-up", "后天: 复测血压"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "✓ Logged home visit #1: 李秀英（李奶奶） 8-2-301 · 09:00",
        "  血压正常，按时吃药",
        "  Blood pressure 139/90 mmHg  ⚠ diastolic 90 ≥ 90",
        "  Pulse 63 /min",
        "  → Follow-up task #1 due 12-01 Tue: 复测血压",
        "  Care round: next visit due by 12-02 Wed (bedridden: every 3 days)",
    ]
    [visit] = rows(demo, "SELECT * FROM visits")
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", visit.pop("gid"))
    assert visit | {"created_at": None, "updated_at": None} == {
        "id": 1,
        "kind": "visit",
        "at": "2026-11-29T09:00:00+08:00",
        "day": "2026-11-29",
        "resident_id": 1,
        "household_id": visit["household_id"],
        "building_id": visit["building_id"],
        "note": "血压正常，按时吃药",
        "created_at": None,
        "updated_at": None,
        "undone_at": None,
        "back_at": None,
    }
    assert rows(demo, "SELECT address FROM households WHERE id = ?", (visit["household_id"],)) == [
        {"address": "8-2-301"}
    ]
    assert rows(demo, "SELECT code FROM buildings WHERE id = ?", (visit["building_id"],)) == [{"code": "8"}]
    readings = rows(
        demo,
        "SELECT visit_id, resident_id, kind, value, value2, unit, flagged, flag_reason, at, day"
        " FROM readings ORDER BY id",
    )
    assert readings == [
        {
            "visit_id": 1,
            "resident_id": 1,
            "kind": "bp",
            "value": 139.0,
            "value2": 90.0,
            "unit": "mmHg",
            "flagged": 1,
            "flag_reason": "diastolic>=90",
            "at": "2026-11-29T09:00:00+08:00",
            "day": "2026-11-29",
        },
        {
            "visit_id": 1,
            "resident_id": 1,
            "kind": "pulse",
            "value": 63.0,
            "value2": None,
            "unit": "/min",
            "flagged": 0,
            "flag_reason": None,
            "at": "2026-11-29T09:00:00+08:00",
            "day": "2026-11-29",
        },
    ]
    [task] = rows(demo, "SELECT text, due_date, due_at, resident_id, source, status FROM tasks")
    assert task == {
        "text": "复测血压",
        "due_date": "2026-12-01",
        "due_at": None,
        "resident_id": 1,
        "source": "visit:1",
        "status": "open",
    }


def test_the_morning_blood_pressure_in_chinese(cli, demo) -> None:
    result = cli(
        "--lang", "zh", "log", "lnn", "血压正常", "--bp", "139/90", "--pulse", "63", "-f", "后天6:30: 复测血压"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "✓ 已记录走访 #1：李秀英（李奶奶） 8-2-301 · 09:00",
        "  血压正常",
        "  血压 139/90 mmHg  ⚠ 舒张压 90 ≥ 90",
        "  脉搏 63 次/分",
        "  → 已建跟进任务 #1，12-01 周二 06:30：复测血压",
        "  关怀走访：下次走访应在 12-02 周三 前（失能：每 3 天）",
    ]
    assert rows(demo, "SELECT due_date, due_at FROM tasks") == [
        {"due_date": "2026-12-01", "due_at": "2026-12-01T06:30:00+08:00"}
    ]


def test_building_walk(cli, demo) -> None:
    result = cli("log", "--building", "5", "巡查")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["✓ Walked building 5 · 09:00 (#1, building walk)", "  巡查"]
    [visit] = rows(
        demo,
        "SELECT v.kind, v.day, v.resident_id, v.household_id, b.code, v.note FROM visits v"
        " JOIN buildings b ON b.id = v.building_id",
    )
    assert visit == {
        "kind": "walk",
        "day": "2026-11-29",
        "resident_id": None,
        "household_id": None,
        "code": "5",
        "note": "巡查",
    }


def test_walk_of_several_buildings_and_a_building_named_as_who(cli, demo) -> None:
    result = cli("--lang", "zh", "log", "-b", "5", "-b", "6号楼", "-b", "5", "巡查", "楼道灯坏了")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "✓ 已巡查 5号楼 · 09:00（#1，巡查）",
        "  巡查 楼道灯坏了",
        "✓ 已巡查 6号楼 · 09:00（#2，巡查）",
        "  巡查 楼道灯坏了",
    ]
    assert cli("log", "7号楼", "--kind", "宣传", "反诈宣传").exit_code == 0
    assert rows(demo, "SELECT v.kind, b.code FROM visits v JOIN buildings b ON b.id = v.building_id ORDER BY v.id") == [
        {"kind": "walk", "code": "5"},
        {"kind": "walk", "code": "6"},
        {"kind": "outreach", "code": "7"},
    ]


@pytest.mark.parametrize(
    "kind, code",
    [
        ("走访", "visit"),
        ("入户", "visit"),
        ("电话", "phone"),
        ("phone", "phone"),
        ("微信", "wechat"),
        ("紧急", "emergency"),
        ("应急", "emergency"),
        ("宣传", "outreach"),
        ("活动", "outreach"),
        ("VISIT", "visit"),
    ],
)
def test_kinds_in_chinese_and_english(cli, demo, kind: str, code: str) -> None:
    result = cli("log", "高阿姨", "x", "--kind", kind)
    assert result.exit_code == 0, result.stderr
    assert rows(demo, "SELECT kind FROM visits") == [{"kind": code}]


def test_household_address_with_several_residents_is_a_household_visit(cli, demo) -> None:
    result = cli("log", "8-2-301", "送药上门")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "✓ Logged home visit #1: household 8-2-301 · 09:00"
    [visit] = rows(
        demo,
        "SELECT resident_id, household_id IS NOT NULL AS has_household, building_id IS NOT NULL"
        " AS has_building FROM visits",
    )
    assert visit == {"resident_id": None, "has_household": 1, "has_building": 1}


def test_household_address_with_one_resident_is_her_visit(cli, demo) -> None:
    result = cli("log", "5号楼1单元502", "电器太多，讲解安全用电", "-k", "应急", "--at", "昨晚8点")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "✓ Logged emergency call-out #1: 高玉兰（高阿姨） 5-1-502 · 11-28 Sat 20:00",
        "  电器太多，讲解安全用电",
        "  Care round: next visit due by 12-05 Sat (living alone: every 7 days)",
    ]
    assert rows(demo, "SELECT resident_id, at, day FROM visits") == [
        {"resident_id": 3, "at": "2026-11-28T20:00:00+08:00", "day": "2026-11-28"}
    ]


def test_household_readings_need_a_person(cli, demo) -> None:
    before = counts(demo)
    result = cli("log", "8-2-301", "--bp", "139/90")
    assert result.exit_code == 2
    assert result.stderr == "Error: readings belong to one resident; 8-2-301 has 2: 李奶奶, 张大爷\n"
    assert counts(demo) == before


@pytest.mark.parametrize(
    "args, code, message",
    [
        (
            ["log", "李奶奶", "--bp", "139-90"],
            2,
            'cannot read the blood pressure "139-90"; write systolic/diastolic, e.g. 139/90',
        ),
        (
            ["log", "李奶奶", "--bp", "abc"],
            2,
            'cannot read the blood pressure "abc"; write systolic/diastolic, e.g. 139/90',
        ),
        (
            ["log", "李奶奶", "--bp", "300/20"],
            2,
            "systolic 300 mmHg is not a plausible reading (expected 60–260); nothing was stored",
        ),
        (
            ["log", "李奶奶", "--bp", "139/90", "--pulse", "630"],
            2,
            "pulse 630 /min is not a plausible reading (expected 30–220); nothing was stored",
        ),
        (
            ["log", "李奶奶", "x", "--at", "someday"],
            2,
            'Cannot read the date "someday". Try: today, tomorrow 6:30, fri, '
            "next mon, in 2 days, 3h, 2026-12-01, 12-01, 明天6:30, 下周一, 3天后",
        ),
        (
            ["log", "李奶奶", "x", "--at", "明天"],
            2,
            '"明天" (2026-11-30) is in the future; a log records what already happened',
        ),
        (
            ["log", "李奶奶", "x", "-f", "someday: call"],
            2,
            'Cannot read the date "someday". Try: today, tomorrow 6:30, '
            "fri, next mon, in 2 days, 3h, 2026-12-01, 12-01, 明天6:30, 下周一, 3天后",
        ),
        (
            ["log", "李奶奶", "x", "-f", "复测血压"],
            2,
            'cannot tell when to follow up from "复测血压": write WHEN: TEXT, e.g. "后天: 复测血压", '
            '"tomorrow 9:00: re-check BP", or a day alone: "fri"',
        ),
        (
            ["log", "张大爷", "x", "-k", "巡查"],
            2,
            "a walk is logged for a building, not 张国华（张大爷）: gridnote log --building 8 … (their building)",
        ),
        (
            ["log", "李奶奶", "x", "-f", "昨天: call"],
            2,
            'the follow-up "昨天: call" falls on 2026-11-28, which has passed',
        ),
        (
            ["log", "李奶奶", "x", "--kind", "party"],
            2,
            'unknown kind "party"; use visit (走访), phone (电话), '
            "wechat (微信), walk (巡查), emergency (应急), outreach (宣传)",
        ),
        (
            ["log", "李奶奶", "x", "--kind", "walk"],
            2,
            "a walk is logged for a building, not 李秀英（李奶奶）: gridnote log --building 8 … (their building)",
        ),
        (
            ["log", "--building", "5", "--bp", "139/90"],
            2,
            "readings belong to one resident, not to building 5; name the person (e.g. 李奶奶)",
        ),
        (
            ["log", "李大妈", "x"],
            3,
            'no resident matches "李大妈" (try part of the name, pinyin initials such as lnn, or an address such as 8-2-301)',
        ),
        (["log", "9-9-909", "x"], 3, "there is no household at 9-9-909"),
        (["log", "--building", "9", "x"], 3, "there is no building 9; known: 5, 6, 7, 8"),
        (["log", "--bp", "139/90"], 2, "say who: a resident (李奶奶), a household (8-2-301) or --building 5"),
    ],
)
def test_bad_input_is_one_line_and_stores_nothing(cli, demo, args, code, message) -> None:
    before = counts(demo)
    result = cli(*args)
    assert (result.exit_code, result.stderr, result.stdout) == (code, f"Error: {message}\n", "")
    assert counts(demo) == before


def test_ambiguous_resident_is_refused_when_not_on_a_terminal(cli, demo) -> None:
    before = counts(demo)
    result = cli("log", "王", "x")
    assert result.exit_code == 2
    assert result.stderr.startswith('Error: "王" matches 11 residents: #8 王建英（王阿姨） 5-1-102;')
    assert counts(demo) == before


def test_bad_input_in_chinese(cli, demo) -> None:
    result = cli("--lang", "zh", "log", "李奶奶", "--bp", "300/20")
    assert result.exit_code == 2
    assert result.stderr == "错误：收缩压 300 mmHg 不是合理的读数（应在 60–260 之间），未保存\n"


def test_note_words_join_and_note_option(cli, demo) -> None:
    assert cli("log", "张大爷", "降压药", "吃完了", "--note", "已送药").exit_code == 0
    assert cli("log", "张大爷", "-k", "电话", "-n", "问候").exit_code == 0
    assert rows(demo, "SELECT note FROM visits ORDER BY id") == [{"note": "降压药 吃完了 已送药"}, {"note": "问候"}]


def test_piped_log_without_note_never_waits(cli, demo) -> None:
    result = cli("log", "高阿姨", "--temp", "36.6", input="this must not be read\n")
    assert result.exit_code == 0, result.stderr
    assert rows(demo, "SELECT note FROM visits") == [{"note": None}]
    assert result.stdout.splitlines() == [
        "✓ Logged home visit #1: 高玉兰（高阿姨） 5-1-502 · 09:00",
        "  Temperature 36.6 °C",
        "  Care round: next visit due by 12-06 Sun (living alone: every 7 days)",
    ]


@pytest.mark.in_process  # patches this process: never through a server
def test_on_a_terminal_it_asks_for_the_note_only(cli, demo, monkeypatch) -> None:
    from gridnote.cli import _common

    monkeypatch.setattr(_common, "interactive", lambda: True)
    result = cli("log", "高阿姨", "--pulse", "72", input="灯泡换好了\n")
    assert result.exit_code == 0, result.stderr
    assert "Note (Enter to skip)" in result.stderr
    assert rows(demo, "SELECT kind, note FROM visits") == [{"kind": "visit", "note": "灯泡换好了"}]


@pytest.mark.in_process  # patches this process: never through a server
def test_on_a_terminal_it_asks_who_when_missing(cli, demo, monkeypatch) -> None:
    from gridnote.cli import _common

    monkeypatch.setattr(_common, "interactive", lambda: True)
    result = cli("log", "-k", "phone", input="曾奶奶\n问候\n")
    assert result.exit_code == 0, result.stderr
    assert rows(demo, "SELECT resident_id, kind, note FROM visits") == [
        {"resident_id": 4, "kind": "phone", "note": "问候"}
    ]


@pytest.mark.in_process  # patches this process: never through a server
def test_on_a_terminal_an_ambiguous_name_offers_a_choice(cli, demo, monkeypatch) -> None:
    from gridnote.cli import _common

    monkeypatch.setattr(_common, "interactive", lambda: True)
    result = cli("log", "王", "问候", input="2\n")
    assert result.exit_code == 0, result.stderr
    assert rows(demo, "SELECT resident_id FROM visits") == [{"resident_id": 163}]


def test_at_reads_past_days(cli, demo) -> None:
    """A visit happened already: 周五 is last Friday, 11-20 this November, a day alone is at noon."""
    for at in ("周五 15:00", "11-20 8:00", "yesterday", "6:30", "2小时前"):
        assert cli("log", "高阿姨", "x", "--at", at).exit_code == 0
    assert [r["at"] for r in rows(demo, "SELECT at FROM visits ORDER BY id")] == [
        "2026-11-27T15:00:00+08:00",
        "2026-11-20T08:00:00+08:00",
        "2026-11-28T12:00:00+08:00",
        "2026-11-29T06:30:00+08:00",
        "2026-11-29T07:00:00+08:00",
    ]


def test_flagged_reading_suggests_a_recheck(cli, demo) -> None:
    result = cli("log", "张大爷", "--bp", "150/95")
    assert result.stdout.splitlines() == [
        "✓ Logged home visit #1: 张国华（张大爷） 8-2-301 · 09:00",
        "  Blood pressure 150/95 mmHg  ⚠ systolic 150 ≥ 140  ⚠ diastolic 95 ≥ 90",
        '  Re-check suggested (blood pressure): gridnote log edit 1 -f "in 2 days"',
        "  Care round: next visit due by 12-13 Sun (elderly (80+): every 14 days)",
    ]
    assert counts(demo)["tasks"] == 0
    # taking the suggestion: a re-check task named after the flagged reading
    result = cli("log", "edit", "1", "-f", "in 2 days")
    assert result.exit_code == 0, result.stderr
    assert "  → Follow-up task #1 due 12-01 Tue: Re-check blood pressure" in result.stdout.splitlines()
    assert rows(demo, "SELECT text, text_code, resident_id, source FROM tasks") == [
        {"text": "", "text_code": "recheck:bp", "resident_id": 2, "source": "visit:1"}
    ]  # the words are a code, said in the language of whoever reads them
    assert "复测血压" in cli("--lang", "zh", "task", "list").stdout


def test_automatic_recheck_task_when_configured(cli, demo) -> None:
    assert cli("config", "set", "recheck.after", "3").exit_code == 0
    result = cli("--lang", "zh", "log", "张大爷", "--bp", "150/95", "--glucose", "7.2")
    assert result.exit_code == 0, result.stderr
    assert "  → 已建跟进任务 #1，12-02 周三：复测血压、血糖" in result.stdout.splitlines()
    assert "建议复测" not in result.stdout
    cli("--lang", "zh", "log", "张大爷", "--bp", "152/96", "--glucose", "7.4")  # same task still open
    cli("log", "张大爷", "--bp", "120/80")  # nothing flagged
    assert rows(demo, "SELECT text, text_code, due_date, resident_id, source FROM tasks") == [
        {
            "text": "",
            "text_code": "recheck:bp,glucose",
            "due_date": "2026-12-02",
            "resident_id": 2,
            "source": "recheck:1",
        }
    ]


def test_correcting_a_flagged_reading_drops_its_automatic_recheck(cli, demo) -> None:
    assert cli("config", "set", "recheck.after", "2").exit_code == 0
    assert cli("log", "李奶奶", "x", "--bp", "150/95").exit_code == 0
    assert rows(demo, "SELECT status FROM tasks") == [{"status": "open"}]
    assert cli("log", "edit", "--bp", "120/80").exit_code == 0  # it was a typo
    assert rows(demo, "SELECT status, source FROM tasks") == [{"status": "dropped", "source": "recheck:1"}]


def test_correcting_to_normal_says_the_recheck_is_dropped(cli, demo) -> None:
    assert cli("config", "set", "recheck.after", "2").exit_code == 0
    assert cli("log", "李奶奶", "x", "--bp", "150/95").exit_code == 0
    result = cli("log", "edit", "1", "--bp", "130/80")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[3] == "  No longer flagged: re-check task #1 is dropped (Re-check blood pressure)"
    assert rows(demo, "SELECT status FROM tasks") == [{"status": "dropped"}]


def test_undoing_the_visit_owning_the_recheck_moves_it_to_a_later_flagged_visit(cli, demo) -> None:
    assert cli("config", "set", "recheck.after", "2").exit_code == 0
    cli("--lang", "zh", "log", "李奶奶", "a", "--bp", "150/95")  # re-check task #1, owned by visit 1
    assert (
        "  已有复测任务 #1，12-01 周二：复测血压"
        in cli("--lang", "zh", "log", "李奶奶", "b", "--bp", "150/95").stdout.splitlines()
    )  # task #1 covers it
    result = cli("--lang", "zh", "log", "undo", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:3] == [
        "  对应的跟进任务 #1 已一并取消：复测血压",
        "  → 走访 #2 的读数仍异常，已为它建复测任务 #2，12-01 周二：复测血压",
    ]
    assert rows(demo, "SELECT id, status, source FROM tasks ORDER BY id") == [
        {"id": 1, "status": "dropped", "source": "recheck:1"},
        {"id": 2, "status": "open", "source": "recheck:2"},
    ]
    # correcting visit 2 to normal drops the moved one; nothing flagged stands, nothing is written again
    result = cli("--lang", "zh", "log", "edit", "2", "--bp", "120/80")
    assert "  读数已不再异常：复测任务 #2 已取消（复测血压）" in result.stdout.splitlines()
    assert rows(demo, "SELECT id, status FROM tasks WHERE status = 'open'") == []


def test_an_open_recheck_covers_a_later_visit_in_another_language(cli, demo) -> None:
    """Known by its source (recheck:N), not by its words: one written in Chinese covers a visit logged in English."""
    assert cli("config", "set", "recheck.after", "2").exit_code == 0
    cli("log", "李奶奶", "a", "--bp", "150/95", env={"LANG": "zh_CN.UTF-8"})
    result = cli("log", "李奶奶", "b", "--bp", "155/95", env={"LANG": "C"})
    assert result.exit_code == 0, result.stderr
    assert (
        "  Already open for this: re-check task #1 due 12-01 Tue: Re-check blood pressure" in result.stdout.splitlines()
    )
    assert "suggested" not in result.stdout
    # a follow-up named after the readings counts too, in either language; a reading not covered gets its own
    cli("log", "张大爷", "c", "--bp", "150/95", "-f", "in 2 days", env={"LANG": "C"})
    assert "已有复测任务 #2" in cli("log", "张大爷", "d", "--bp", "150/95", env={"LANG": "zh_CN.UTF-8"}).stdout
    cli("log", "张大爷", "e", "--bp", "150/95", "--glucose", "7.4")
    assert rows(demo, "SELECT id, text_code, source FROM tasks WHERE status = 'open' ORDER BY id") == [
        {"id": 1, "text_code": "recheck:bp", "source": "recheck:1"},
        {"id": 2, "text_code": "recheck:bp", "source": "visit:3"},
        {"id": 3, "text_code": "recheck:bp,glucose", "source": "recheck:5"},
    ]


def test_a_moved_recheck_is_due_after_its_new_visits_day(cli, demo) -> None:
    """Visit 2 of 11-28 takes over the re-check: due 11-30 (its day + 2), not two days from today."""
    assert cli("config", "set", "recheck.after", "2").exit_code == 0
    cli("log", "李奶奶", "a", "--bp", "150/95", "--at", "11-27 10:00")
    cli("log", "李奶奶", "b", "--bp", "155/95", "--at", "11-28 10:00")
    assert "re-check task #2 due 11-30 Mon" in cli("log", "undo", "1").stdout
    # a visit whose day + 2 has passed: due today, not born overdue
    cli("log", "张大爷", "c", "--bp", "150/95", "--at", "11-20 10:00")
    assert rows(demo, "SELECT due_date FROM tasks WHERE status = 'open' ORDER BY id") == [
        {"due_date": "2026-11-30"},
        {"due_date": "2026-11-29"},
    ]


def test_correcting_the_owner_to_normal_moves_the_recheck_but_not_past_a_followup(cli, demo) -> None:
    assert cli("config", "set", "recheck.after", "2").exit_code == 0
    cli("log", "李奶奶", "a", "--bp", "150/95")
    cli("log", "李奶奶", "b", "--bp", "150/95", "-f", "明天: 上门复测")  # visit 2 has its own follow-up
    cli("log", "李奶奶", "c", "--bp", "150/95")  # covered by task #1
    assert cli("log", "edit", "1", "--bp", "120/80").exit_code == 0
    assert rows(demo, "SELECT source FROM tasks WHERE status = 'open' ORDER BY id") == [
        {"source": "visit:2"},
        {"source": "recheck:3"},
    ]


def test_a_follow_up_time_already_past_today_is_tomorrows_as_for_a_task(cli, demo) -> None:
    """At 09:00, "6:30" is tomorrow 06:30 for a follow-up and for a task's --due alike."""
    assert cli("log", "高阿姨", "n", "-f", "6:30: x").exit_code == 0
    assert cli("task", "add", "y", "--due", "6:30").exit_code == 0
    assert cli("task", "add", "z", "--at", "6:30").exit_code == 0
    assert rows(demo, "SELECT text, due_at FROM tasks ORDER BY id") == [
        {"text": "x", "due_at": "2026-11-30T06:30:00+08:00"},
        {"text": "y", "due_at": "2026-11-30T06:30:00+08:00"},
        {"text": "z", "due_at": "2026-11-30T06:30:00+08:00"},
    ]
    # a time still ahead today, or a day typed with it, is kept
    assert cli("log", "高阿姨", "m", "-f", "今天6:30: w").exit_code == 0
    assert cli("task", "add", "v", "--due", "18:00").exit_code == 0
    assert [r["due_at"] for r in rows(demo, "SELECT due_at FROM tasks WHERE id > 3 ORDER BY id")] == [
        "2026-11-29T06:30:00+08:00",
        "2026-11-29T18:00:00+08:00",
    ]


def test_thresholds_follow_settings(cli, demo) -> None:
    cli("config", "set", "threshold.bp.diastolic", "0")
    cli("config", "set", "threshold.bp.systolic", "135")
    cli("log", "张大爷", "--bp", "136/95")
    assert rows(demo, "SELECT flag_reason FROM readings") == [{"flag_reason": "systolic>=135"}]


def test_threshold_settings_are_checked(cli, demo) -> None:
    result = cli("config", "set", "threshold.bp.systolic", "300")
    assert (result.exit_code, result.stderr) == (2, "Error: threshold.bp.systolic must be between 0 and 260, not 300\n")
    assert cli("config", "set", "threshold.glucose.high", "6.1").stdout == "threshold.glucose.high = 6.1\n"
    assert cli("config", "get", "recheck.after").stdout == "0\n"


def test_follow_up_without_text(cli, demo) -> None:
    assert cli("log", "曾奶奶", "x", "-f", "fri").exit_code == 0
    assert cli("log", "8-2-301", "x", "-f", "下周一").exit_code == 0
    assert cli("log", "-b", "6", "电梯异响", "-f", "明天: 找物业修电梯").exit_code == 0
    assert rows(
        demo, "SELECT text, text_code, due_date, resident_id, building_id IS NOT NULL AS b, note FROM tasks"
    ) == [
        {
            "text": "",
            "text_code": "followup:resident",
            "due_date": "2026-12-04",
            "resident_id": 4,
            "b": 0,
            "note": None,
        },
        {
            "text": "",
            "text_code": "followup:household:8-2-301",
            "due_date": "2026-11-30",
            "resident_id": None,
            "b": 1,
            "note": "8-2-301",
        },
        {
            "text": "找物业修电梯",
            "text_code": None,
            "due_date": "2026-11-30",
            "resident_id": None,
            "b": 1,
            "note": None,
        },
    ]
    shown = cli("--lang", "zh", "task", "list").stdout
    assert "回访：曾俊华（曾奶奶）" in shown and "回访：8-2-301 户" in shown


def test_log_json(cli, demo) -> None:
    result = cli("log", "李奶奶", "--bp", "139/90", "--json")
    assert result.exit_code == 0, result.stderr
    [visit] = json.loads(result.stdout)
    assert visit["id"] == 1 and visit["kind"] == "visit" and visit["resident"] == "李秀英（李奶奶）"
    assert visit["readings"][0]["flags"] == [{"measure": "diastolic", "value": 90, "op": ">=", "threshold": 90}]


# -- edit and undo -------------------------------------------------------------------------
def test_edit_keeps_a_before_image(cli, demo) -> None:
    cli("log", "李奶奶", "血压正常", "--bp", "139/90", "--pulse", "63")
    result = cli("log", "edit", "1", "--bp", "128/82", "--note", "复测后正常", "--kind", "电话")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "✓ Corrected phone call #1: 李秀英（李奶奶） 8-2-301 · 09:00",
        "  复测后正常",
        "  Pulse 63 /min",
        "  Blood pressure 128/82 mmHg",
    ]
    assert rows(demo, "SELECT kind, value, value2, flagged FROM readings ORDER BY id") == [
        {"kind": "pulse", "value": 63.0, "value2": None, "flagged": 0},
        {"kind": "bp", "value": 128.0, "value2": 82.0, "flagged": 0},
    ]
    history = rows(demo, "SELECT table_name, row_id, action, before FROM revisions ORDER BY id")
    assert [(h["table_name"], h["row_id"], h["action"]) for h in history] == [
        ("visits", 1, "edit"),
        ("readings", 1, "edit"),
    ]
    assert json.loads(history[0]["before"])["note"] == "血压正常"
    assert json.loads(history[1]["before"])["value"] == 139


def test_edit_moves_a_visit_and_its_readings(cli, demo) -> None:
    cli("log", "李奶奶", "--bp", "139/90")
    result = cli("log", "edit", "--who", "张大爷", "--at", "6:30")
    assert result.exit_code == 0, result.stderr
    assert rows(demo, "SELECT resident_id, at FROM visits") == [{"resident_id": 2, "at": "2026-11-29T06:30:00+08:00"}]
    assert rows(demo, "SELECT resident_id, at FROM readings") == [{"resident_id": 2, "at": "2026-11-29T06:30:00+08:00"}]


def test_edit_drops_a_reading_with_trace(cli, demo) -> None:
    cli("log", "李奶奶", "--bp", "139/90", "--pulse", "63")
    assert cli("log", "edit", "--drop-reading", "脉搏").exit_code == 0
    assert rows(demo, "SELECT kind FROM readings") == [{"kind": "bp"}]
    assert rows(demo, "SELECT table_name, action FROM revisions WHERE table_name = 'readings'") == [
        {"table_name": "readings", "action": "delete"}
    ]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (
            ["log", "edit", "1"],
            2,
            "nothing to change: give --note, --bp, --at, --kind, --who, --drop-reading or --follow-up",
        ),
        (["log", "edit", "7", "--note", "x"], 3, "there is no visit #7"),
        (
            ["log", "edit", "1", "--bp", "139-90"],
            2,
            'cannot read the blood pressure "139-90"; write systolic/diastolic, e.g. 139/90',
        ),
        (["log", "edit", "1", "--drop-reading", "glucose"], 2, "visit #1 has no blood glucose reading"),
        (
            ["log", "edit", "1", "--drop-reading", "sugar pill"],
            2,
            'unknown reading "sugar pill"; use bp (血压), pulse (脉搏), glucose (血糖), temp (体温), weight (体重)',
        ),
        (["log", "edit", "1", "--who", "8-2-301"], 2, "readings belong to one resident; 8-2-301 has 2: 李奶奶, 张大爷"),
    ],
)
def test_bad_edits_change_nothing(cli, demo, args, code, message) -> None:
    cli("log", "李奶奶", "--bp", "139/90")
    before = counts(demo)
    snapshot = rows(demo, "SELECT * FROM visits"), rows(demo, "SELECT * FROM readings")
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (code, f"Error: {message}\n")
    assert counts(demo) == before
    assert (rows(demo, "SELECT * FROM visits"), rows(demo, "SELECT * FROM readings")) == snapshot


def test_undo_marks_the_last_entry_and_drops_its_follow_up(cli, demo) -> None:
    cli("log", "高阿姨", "跳闸", "-k", "应急")
    cli("log", "李奶奶", "--bp", "139/90", "-f", "后天: 复测血压")
    result = cli("log", "undo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "✓ Undid home visit #2: 李秀英（李奶奶） 8-2-301 · 09:00",
        "  Its follow-up task #1 is dropped too: 复测血压",
        "  Kept in the notebook, marked undone: gridnote visits --all -d 2026-11-29",
    ]
    assert rows(demo, "SELECT id, undone_at FROM visits ORDER BY id") == [
        {"id": 1, "undone_at": None},
        {"id": 2, "undone_at": "2026-11-29T09:00:00+08:00"},
    ]
    assert counts(demo)["readings"] == 1
    assert rows(demo, "SELECT status, dropped_at FROM tasks") == [
        {"status": "dropped", "dropped_at": "2026-11-29T09:00:00+08:00"}
    ]
    # the next undo takes the entry before
    assert cli("log", "undo").stdout.startswith("✓ Undid emergency call-out #1: 高玉兰（高阿姨）")
    result = cli("log", "undo")
    assert (result.exit_code, result.stderr) == (4, "Error: nothing left to undo: every entry has been undone\n")
    result = cli("--lang", "zh", "log", "undo")
    assert (result.exit_code, result.stderr) == (4, "错误：没有可撤销的记录了：所有记录都已撤销\n")
    result = cli("log", "edit", "--note", "x")
    assert (result.exit_code, result.stderr) == (4, "Error: nothing left to edit: every entry has been undone\n")


def test_undo_in_an_empty_notebook_says_nothing_was_logged(cli) -> None:
    result = cli("log", "undo")
    assert (result.exit_code, result.stderr) == (4, "Error: nothing has been logged yet\n")


def test_undo_a_given_entry_and_not_twice(cli, demo) -> None:
    cli("log", "高阿姨", "x")
    cli("log", "曾奶奶", "y")
    assert cli("log", "undo", "1").exit_code == 0
    result = cli("log", "undo", "1")
    assert (result.exit_code, result.stderr) == (4, "Error: visit #1 was already undone at 2026-11-29 09:00\n")
    result = cli("log", "edit", "1", "--note", "z")
    assert (result.exit_code, result.stderr) == (4, "Error: visit #1 was undone; log it again instead\n")


def test_undo_in_chinese(cli, demo) -> None:
    cli("log", "-b", "5", "巡查")
    assert cli("--lang", "zh", "log", "undo").stdout.splitlines() == [
        "✓ 已撤销巡查 #1：5号楼 · 09:00",
        "  记录仍保留，标为已撤销：gridnote visits --all -d 2026-11-29",
    ]


# -- help ------------------------------------------------------------------------------------
def test_log_help_documents_the_default_command_and_the_sub_commands(cli) -> None:
    result = cli("log", "--help")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "Usage: gridnote log [OPTIONS] [WHO] [NOTE]...",
        "       gridnote log edit [OPTIONS] [N]",
        "       gridnote log undo [OPTIONS] [N]",
    ]
    for option in (
        "--building",
        "--kind",
        "--at",
        "--bp",
        "--pulse",
        "--glucose",
        "--temp",
        "--weight",
        "--note",
        "--follow-up",
    ):
        assert option in result.stdout
    assert "Commands:" in result.stdout and "edit " in result.stdout and "undo " in result.stdout
    assert "  add " not in result.stdout  # the default command is not listed as a sub-command
    zh = cli("--lang", "zh", "log", "--help").stdout
    assert "走访、电话或巡楼之后马上记一笔" in zh


def test_sub_command_help_and_explicit_default(cli, demo) -> None:
    assert "Correct a logged entry" in cli("log", "edit", "--help").stdout
    assert cli("log", "add", "高阿姨", "x").exit_code == 0
    assert counts(demo)["visits"] == 1


def test_undo_takes_back_a_walk_of_several_buildings_whole(cli, demo, nb) -> None:
    assert cli("log", "-b", "5", "-b", "6", "巡查").exit_code == 0
    result = cli("log", "undo")
    assert result.exit_code == 0
    assert nb.scalar("SELECT count(*) FROM visits WHERE undone_at IS NULL") == 0
    assert "#1" in result.stdout and "#2" in result.stdout


def test_a_resident_and_a_building_at_once_is_refused(cli, demo, nb) -> None:
    result = cli("log", "李奶奶", "--building", "5", "x")
    assert result.exit_code == 2 and "is a resident and --building names a building" in result.stderr
    assert nb.scalar("SELECT count(*) FROM visits") == 0
