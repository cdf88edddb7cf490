"""``gridnote demo --day``: the register plus one day of work, in one transaction."""

from __future__ import annotations

import json

import pytest

EVENING = {"GRIDNOTE_NOW": "2026-11-29T21:50:00+08:00"}
TABLES = ("residents", "visits", "issues", "issue_updates", "tasks", "events", "readings")


def counts(nb) -> dict[str, int]:
    return {t: nb.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}


def test_the_day_fills_today_report_and_find(cli) -> None:
    loaded = cli("demo", "--day", env=EVENING)
    assert loaded.exit_code == 0, loaded.stderr
    assert "Wrote one day of work on 2026-11-29: visits 8, issues 2, tasks 4, events 1" in loaded.stdout

    report = json.loads(cli("report", "--format", "json", env=EVENING).stdout)
    numbers = report["numbers"]
    assert numbers["visits"] == {"visit": 1, "phone": 2, "wechat": 0, "walk": 4, "emergency": 1, "outreach": 0}
    assert numbers["walks"]["done"] == 4
    assert numbers["readings"] == {"taken": 2, "flagged": 1}
    assert numbers["issues"]["received"] == 2 and numbers["issues"]["closed"] == 1
    assert numbers["tasks"] == {"done": 1, "carried_over": 0}
    assert numbers["events"] == {"count": 1, "attendees": 23}
    assert [i["text"] for i in report["issues"]["open"]] == ["8号楼2单元几户下水道堵了，请人来看看"]
    reading = report["readings"][0]
    assert (reading["resident"], reading["value"], reading["value2"]) == ("李秀英（李奶奶）", 139.0, 90.0)
    tomorrow = [item.get("text") for item in report["next_day"]["items"]]
    assert "回访张大爷 下水道" in tomorrow

    found = json.loads(cli("find", "下水道", "--json", env=EVENING).stdout)
    texts = {g["kind"]: [i.get("text") or i.get("note") for i in g["items"]] for g in found["groups"]}
    assert texts["issue"] == ["8号楼2单元几户下水道堵了，请人来看看"]
    assert texts["visit"] == ["告诉他下水道已交物业，明天上午来疏通"]
    assert texts["task"] == ["回访张大爷 下水道"]
    li = cli("find", "李", env=EVENING).stdout
    assert "李秀英（李奶奶）" in li and "量血压 李奶奶" in li

    today = cli("today", env=EVENING).stdout
    assert "✓ 06:30 量血压 李奶奶" in today and "老年人防诈骗宣讲" in today


def test_the_day_in_the_morning_is_the_same_day_never_in_the_future(cli, nb) -> None:
    assert cli("demo", "--day").exit_code == 0  # the clock of the tests: 09:00
    assert counts(nb) == {
        "residents": 752,
        "visits": 8,
        "issues": 2,
        "issue_updates": 10,
        "tasks": 4,
        "events": 1,
        "readings": 2,
    }
    latest = nb.scalar("SELECT max(at) FROM issue_updates")
    assert latest == "2026-11-29T09:00:00+08:00"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-29T21:50:00+08:00", ("2026-11-29T20:00:00+08:00", "2026-11-29T21:40:00+08:00")),
        ("2026-11-29T21:39:00+08:00", ("2026-11-29T20:00:00+08:00", None)),  # not home yet
        ("2026-11-29T14:00:00+08:00", ("2026-11-29T14:00:00+08:00", None)),  # written at now
    ],
)
def test_the_call_out_never_says_she_came_home_later_than_now(cli, nb, now, expected) -> None:
    assert cli("demo", "--day", env={"GRIDNOTE_NOW": now}).exit_code == 0
    row = nb.conn.execute("SELECT at, back_at FROM visits WHERE kind = 'emergency'").fetchone()
    assert tuple(row) == expected


def test_without_day_only_the_register(cli, nb) -> None:
    result = cli("demo")
    assert result.exit_code == 0 and "Wrote one day" not in result.stdout
    assert counts(nb)["visits"] == 0 and counts(nb)["tasks"] == 0


def test_a_notebook_with_residents_gets_nothing(cli, demo, nb) -> None:
    before = counts(nb)
    result = cli("demo", "--day", env=EVENING)
    assert result.exit_code != 0 and result.stdout == ""
    assert "already has residents" in result.stderr
    assert counts(nb) == before


@pytest.mark.in_process  # patches this process: never through a server
def test_a_failing_day_leaves_the_notebook_empty(cli, nb, monkeypatch) -> None:
    from gridnote.errors import InputError

    def broken(*args, **kwargs):
        raise InputError("event.title_empty")

    import gridnote.services.tasks as tasks

    monkeypatch.setattr(tasks, "add_task", broken)  # demo_day imports it at call time
    result = cli("demo", "--day", env=EVENING)
    assert result.exit_code != 0
    assert counts(nb) == dict.fromkeys(TABLES, 0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_option_is_helped_in_both_languages(cli, lang) -> None:
    result = cli("--lang", lang, "demo", "--help")
    assert "--day" in result.stdout
    assert ("一天的工作" if lang == "zh" else "one day of work") in result.stdout
