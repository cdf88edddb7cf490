"""A night call-out (issue 19, item 7): ``log -k 应急`` asks nothing more, ``--until`` when she got
back, and ``today`` and the report show the call-outs apart."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

EVENING = "2026-11-29T21:45:00+08:00"  # home from Aunt Gao's
MORNING = "2026-11-30T07:30:00+08:00"  # the next morning


def rows(path: Path, sql: str) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def ok(result) -> str:
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


@pytest.mark.in_process  # patches this process: never through a server
def test_a_call_out_on_a_terminal_asks_for_nothing_more(cli, demo, monkeypatch) -> None:
    from gridnote.cli import _common

    monkeypatch.setattr(_common, "interactive", lambda: True)
    result = cli("log", "高阿姨", "-k", "应急", input="")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == "✓ Logged emergency call-out #1: 高玉兰（高阿姨） 5-1-502 · 09:00"
    assert rows(demo, "SELECT kind, note, back_at FROM visits") == [
        {"kind": "emergency", "note": None, "back_at": None}
    ]


def test_until_is_when_she_got_back(cli, demo) -> None:
    env = {"GRIDNOTE_NOW": EVENING}
    out = ok(cli("log", "高阿姨", "跳闸，已复位", "-k", "应急", "--at", "20:00", "--until", "21:40", env=env))
    assert out.splitlines()[0] == "✓ Logged emergency call-out #1: 高玉兰（高阿姨） 5-1-502 · 20:00–21:40"
    assert rows(demo, "SELECT at, back_at FROM visits") == [
        {"at": "2026-11-29T20:00:00+08:00", "back_at": "2026-11-29T21:40:00+08:00"}
    ]
    [visit] = json.loads(ok(cli("visits", "--json", env=env)))
    assert (visit["at"], visit["back_at"]) == ("2026-11-29T20:00:00+08:00", "2026-11-29T21:40:00+08:00")


def test_a_time_alone_is_the_first_one_after_she_left(cli, demo) -> None:
    """23:30 → 0:20 ends past midnight; typed the next morning, both are last night's."""
    ok(cli("log", "曾奶奶", "-k", "emergency", "--at", "昨天23:30", "--until", "0:20", env={"GRIDNOTE_NOW": MORNING}))
    assert rows(demo, "SELECT at, back_at FROM visits") == [
        {"at": "2026-11-29T23:30:00+08:00", "back_at": "2026-11-30T00:20:00+08:00"}
    ]


@pytest.mark.parametrize(
    ("until", "message"),
    [
        (
            "19:00",
            '"19:00" is not after 2026-11-29 20:00, when it began; --until is when it ended (back from a call-out)',
        ),
        (
            "今天19:00",
            '"今天19:00" is not after 2026-11-29 20:00, when it began; --until is when it ended (back from a call-out)',
        ),
        ("昨天", '"昨天" has no time of day; give one, e.g. 21:40 or 昨天21:40'),
    ],
)
def test_a_return_that_cannot_be_is_refused(cli, demo, until, message) -> None:
    result = cli("log", "高阿姨", "-k", "应急", "--at", "20:00", "--until", until, env={"GRIDNOTE_NOW": EVENING})
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"Error: {message}\n", "")
    assert rows(demo, "SELECT id FROM visits") == []


def test_a_return_still_ahead_is_refused_in_chinese(cli, demo) -> None:
    result = cli(
        "--lang",
        "zh",
        "log",
        "高阿姨",
        "-k",
        "应急",
        "--at",
        "20:00",
        "--until",
        "23:00",
        env={"GRIDNOTE_NOW": EVENING},
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "错误：“23:00”（2026-11-29 23:00）还没到；记录的是已经发生的事\n"


def test_log_edit_sets_and_clears_the_return(cli, demo) -> None:
    env = {"GRIDNOTE_NOW": EVENING}
    ok(cli("log", "高阿姨", "-k", "应急", "--at", "20:00", env=env))
    assert "20:00–21:30" in ok(cli("log", "edit", "--until", "21:30", env=env))
    assert rows(demo, "SELECT back_at FROM visits") == [{"back_at": "2026-11-29T21:30:00+08:00"}]
    # moving the start past the return is refused: nothing she wrote is dropped silently
    result = cli("log", "edit", "1", "--at", "21:35", env=env)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        'Error: "21:30" is not after 2026-11-29 21:35, when it began; --until is when it ended (back from a call-out)\n'
    )
    ok(cli("log", "edit", "1", "--until", "", env=env))
    assert rows(demo, "SELECT back_at FROM visits") == [{"back_at": None}]


def _night(cli) -> None:
    """Two call-outs: one the night before last (more than a day before the morning), one last night."""
    ok(
        cli(
            "log",
            "曾奶奶",
            "摔倒，扶起送医",
            "-k",
            "应急",
            "--at",
            "11-28 22:00",
            "--until",
            "23:10",
            env={"GRIDNOTE_NOW": EVENING},
        )
    )
    ok(
        cli(
            "log",
            "高阿姨",
            "跳闸，已复位 王师傅13800001111",
            "-k",
            "应急",
            "--at",
            "20:00",
            "--until",
            "21:40",
            env={"GRIDNOTE_NOW": EVENING},
        )
    )
    ok(cli("log", "高阿姨", "问候", env={"GRIDNOTE_NOW": EVENING}))  # a home visit: not a call-out


def test_today_shows_the_call_outs_of_the_last_day_apart(cli, demo) -> None:
    _night(cli)
    out = ok(cli("today", env={"GRIDNOTE_NOW": MORNING})).splitlines()
    at = out.index("Emergency call-outs, last 24 hours: 1")
    assert out[at + 1].split() == [
        "2",
        "11-29",
        "20:00–21:40",
        "高玉兰（高阿姨）",
        "5-1-502",
        "跳闸，已复位",
        "王师傅13800001111",
    ]
    assert out[at + 2] == ""
    data = json.loads(ok(cli("today", "--json", env={"GRIDNOTE_NOW": MORNING})))
    assert [(c["id"], c["kind"], c["at"], c["back_at"]) for c in data["callouts"]] == [
        (2, "emergency", "2026-11-29T20:00:00+08:00", "2026-11-29T21:40:00+08:00")
    ]
    zh = ok(cli("--lang", "zh", "today", env={"GRIDNOTE_NOW": MORNING}))
    assert "近24小时应急出动：1 次" in zh


def test_an_undone_call_out_is_not_shown(cli, demo) -> None:
    _night(cli)
    ok(cli("log", "undo", "2", env={"GRIDNOTE_NOW": EVENING}))
    data = json.loads(ok(cli("today", "--json", env={"GRIDNOTE_NOW": MORNING})))
    assert data["callouts"] == []


def test_the_report_lists_the_call_outs_of_its_range(cli, demo) -> None:
    _night(cli)
    env = {"GRIDNOTE_NOW": MORNING}
    text = ok(cli("report", "--from", "11-28", "--to", "11-29", env=env)).splitlines()
    at = text.index("Emergency call-outs")
    assert [line.rstrip() for line in text[at + 1 : at + 5]] == [
        "#1 曾俊华（曾奶奶）",
        "   11-28 22:00–23:10 · 70 min · 7-3-1102 · 摔倒，扶起送医",
        "#2 高玉兰（高阿姨）",
        "   11-29 20:00–21:40 · 100 min · 5-1-502 · 跳闸，已复位 王师傅138****1111",
    ]
    data = json.loads(ok(cli("report", "-d", "11-29", "-f", "json", env=env)))
    assert data["version"] == 1
    assert data["callouts"] == [
        {
            "visit_id": 2,
            "at": "2026-11-29T20:00:00+08:00",
            "back_at": "2026-11-29T21:40:00+08:00",
            "minutes": 100,
            "resident_id": 3,
            "resident": "高玉兰（高阿姨）",
            "address": "5-1-502",
            "building": "5",
            "note": "跳闸，已复位 王师傅138****1111",
        }
    ]
    assert data["numbers"]["visits"]["emergency"] == 1
    full = json.loads(ok(cli("report", "-d", "11-29", "-f", "json", "--full", env=env)))
    assert full["callouts"][0]["note"] == "跳闸，已复位 王师傅13800001111"
    zh = "\n".join(line.rstrip() for line in ok(cli("--lang", "zh", "report", "-d", "11-29", env=env)).splitlines())
    assert "应急出动\n#2 高玉兰（高阿姨）\n   20:00–21:40 · 100 分钟 · 5-1-502 · 跳闸，已复位 王师傅138****1111\n" in zh


def test_a_day_without_call_outs_has_no_section(cli, demo) -> None:
    text = ok(cli("report"))
    assert "Emergency call-outs" not in text
    assert json.loads(ok(cli("report", "-f", "json")))["callouts"] == []


def test_a_notebook_from_before_keeps_its_call_outs(tmp_path: Path, monkeypatch, cli) -> None:
    """m012 adds ``back_at`` to an older notebook's visits: NULL, and every entry still reads."""
    from tests.helpers.old_notebook import notebook_at

    path = notebook_at(tmp_path / "old.db", "m011_care_baselines")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO visits (kind, at, day, note, created_at, updated_at)"
        " VALUES ('emergency', '2026-11-28T20:00:00+08:00', '2026-11-28', '停电', '2026-11-28T21:00:00+08:00',"
        " '2026-11-28T21:00:00+08:00')"
    )
    conn.commit()
    conn.close()
    monkeypatch.setenv("GRIDNOTE_DB", str(path))
    [visit] = json.loads(ok(cli("visits", "-d", "11-28", "--json")))
    assert (visit["kind"], visit["note"], visit["back_at"]) == ("emergency", "停电", None)
    assert rows(path, "SELECT back_at FROM visits") == [{"back_at": None}]
