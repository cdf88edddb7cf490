"""The brief's day (../shared/BRIEF.md), typed as she would type it, in Chinese and then in English.

Each command runs at its own moment of Friday 4 December 2026 (Asia/Shanghai), on the example
grid. What is checked was worked out from the day itself: when each thing happened as she meant
it, what the end-of-shift report counts, and what the next morning shows.
"""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len


def at(hhmm: str, day: str = "2026-12-04") -> dict[str, str]:
    return {"GRIDNOTE_NOW": f"{day}T{hhmm}:00+08:00"}


DAYS = {
    "zh": [
        ("21:30", "2026-12-03", ["tomorrow", "add", "量血压 李奶奶", "--at", "6:30", "--star"]),
        ("06:45", None, ["log", "李奶奶", "降压药送到了，约好后天再量", "--bp", "139/90", "--pulse", "63",
                         "--follow-up", "后天:复测血压"]),
        ("06:46", None, ["task", "done", "1"]),
        ("08:00", None, ["log", "-b", "5", "-k", "巡查"]),
        ("08:10", None, ["issue", "add", "8号楼2单元几户下水道堵了，请人来看看", "-b", "8", "-r", "张大爷", "-c", "巡查"]),
        ("08:20", None, ["issue", "add", "一起种的山楂熟了，怎么分？", "-e", "-r", "高阿姨"]),
        ("08:40", None, ["log", "-b", "6", "-b", "7", "-b", "8", "-k", "巡查"]),
        ("13:10", None, ["issue", "refer", "1", "--to", "物业", "--contact", "王经理 13800001111", "--due", "明天"]),
        ("13:20", None, ["issue", "resolve", "2", "山楂按户分，每户一袋，周六上午在花园分"]),
        ("14:30", None, ["event", "add", "老年人防诈骗宣讲", "--at", "14:30", "--with", "社区民警", "--with", "楼栋长",
                         "-b", "8", "--attendees", "23"]),
        ("15:40", None, ["issue", "add", "5号楼楼下装修垃圾堆放", "-c", "一网通", "-b", "5", "-r", "高阿姨"]),
        ("15:50", None, ["issue", "verify", "3", "--note", "到现场看过"]),
        ("16:30", None, ["issue", "resolve", "3", "物业已清运"]),
        ("16:45", None, ["calls", "done", "1", "说了分山楂的安排"]),
        ("16:50", None, ["calls", "done", "1", "告诉她垃圾已清运"]),
        ("17:00", None, ["issue", "rate", "3", "满意"]),
        ("20:05", None, ["log", "高阿姨", "跳闸，拔掉大功率电器后合闸", "-k", "应急", "--at", "今晚8点"]),
        ("21:45", None, ["log", "edit", "8", "--until", "21:40"]),
        ("21:50", None, ["tomorrow", "add", "回访张大爷 下水道", "--at", "9:00"]),
    ],
    "en": [
        ("21:30", "2026-12-03", ["tomorrow", "add", "measure Grandma Li's blood pressure", "-r", "李奶奶",
                                 "--at", "6:30", "--star"]),
        ("06:45", None, ["log", "李奶奶", "brought her pills", "--bp", "139/90", "--pulse", "63",
                         "--follow-up", "in 2 days: recheck blood pressure"]),
        ("06:46", None, ["task", "done", "1"]),
        ("08:00", None, ["log", "-b", "5", "-k", "walk"]),
        ("08:10", None, ["issue", "add", "several flats in 8-2 have blocked drains", "-b", "8", "-r", "张大爷",
                         "-c", "patrol"]),
        ("08:20", None, ["issue", "add", "the hawthorns are ripe: how should we share them?", "-e", "-r", "高阿姨"]),
        ("08:40", None, ["log", "-b", "6", "-b", "7", "-b", "8", "-k", "walk"]),
        ("13:10", None, ["issue", "refer", "1", "--to", "property company", "--contact", "Mr Wang 13800001111",
                         "--due", "tomorrow"]),
        ("13:20", None, ["issue", "resolve", "2", "one bag per household, Saturday morning in the garden"]),
        ("14:30", None, ["event", "add", "anti-fraud talk for elderly residents", "--at", "14:30",
                         "--with", "community police", "--with", "building heads", "-b", "8", "--attendees", "23"]),
        ("15:40", None, ["issue", "add", "renovation waste dumped in front of building 5", "-c", "app", "-b", "5",
                         "-r", "高阿姨"]),
        ("15:50", None, ["issue", "verify", "3", "--note", "checked on the spot"]),
        ("16:30", None, ["issue", "resolve", "3", "cleared with the property company"]),
        ("16:45", None, ["calls", "done", "1", "told her how the hawthorns are shared"]),
        ("16:50", None, ["calls", "done", "1", "told her the waste is gone"]),
        ("17:00", None, ["issue", "rate", "3", "satisfied"]),
        ("20:05", None, ["log", "高阿姨", "breaker tripped: overloaded circuit, reset it", "-k", "emergency",
                         "--at", "tonight 8pm"]),
        ("21:45", None, ["log", "edit", "8", "--until", "21:40"]),
        ("21:50", None, ["tomorrow", "add", "call back 张大爷 about the drains", "--at", "9:00"]),
    ],
}  # fmt: skip


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(params=["zh", "en"])
def day(request, cli, demo, nb):
    lang = request.param
    for hhmm, date, args in DAYS[lang]:
        ok(cli("--lang", lang, *args, env=at(hhmm, date or "2026-12-04")))
    return lang


def test_every_time_is_stored_as_she_meant_it(day, nb) -> None:
    task = nb.one("SELECT due_at, starred, done_at FROM tasks WHERE id = 1")
    assert tuple(task) == ("2026-12-04T06:30:00+08:00", 1, "2026-12-04T06:46:00+08:00")
    follow_up = nb.one("SELECT due_date, source FROM tasks WHERE id = 2")
    assert tuple(follow_up) == ("2026-12-06", "visit:1")  # 后天 / in 2 days, from Friday
    visits = [tuple(r) for r in nb.rows("SELECT id, kind, at, back_at FROM visits ORDER BY id")]
    assert visits == [
        (1, "visit", "2026-12-04T06:45:00+08:00", None),
        (2, "walk", "2026-12-04T08:00:00+08:00", None),
        (3, "walk", "2026-12-04T08:40:00+08:00", None),
        (4, "walk", "2026-12-04T08:40:00+08:00", None),
        (5, "walk", "2026-12-04T08:40:00+08:00", None),
        (6, "phone", "2026-12-04T16:45:00+08:00", None),
        (7, "phone", "2026-12-04T16:50:00+08:00", None),
        # 今晚8点 / tonight 8pm, typed at 20:05: today's 20:00, never yesterday's
        (8, "emergency", "2026-12-04T20:00:00+08:00", "2026-12-04T21:40:00+08:00"),
    ]
    readings = [tuple(r) for r in nb.rows("SELECT kind, value, value2, flagged FROM readings ORDER BY id")]
    assert readings == [("bp", 139.0, 90.0, 1), ("pulse", 63.0, None, 0)]  # diastolic 90 is at the line
    issues = [tuple(r) for r in nb.rows("SELECT id, kind, received_at, status, rating FROM issues ORDER BY id")]
    assert issues == [
        (1, "complaint", "2026-12-04T08:10:00+08:00", "referred", None),
        (2, "enquiry", "2026-12-04T08:20:00+08:00", "closed", None),  # answered and told: done
        (3, "complaint", "2026-12-04T15:40:00+08:00", "closed", "satisfied"),
    ]
    event = nb.one("SELECT at, attendees FROM events WHERE id = 1")
    assert tuple(event) == ("2026-12-04T14:30:00+08:00", 23)
    assert nb.one("SELECT due_at FROM tasks WHERE id = 3")[0] == "2026-12-05T09:00:00+08:00"


def test_the_end_of_the_shift(day, cli) -> None:
    report = json.loads(ok(cli("report", "--format", "json", env=at("21:52"))))
    numbers = report["numbers"]
    # 李奶奶 at 06:45, two calls to 高阿姨, four buildings walked, one call-out
    assert numbers["visits"] == {"visit": 1, "phone": 2, "wechat": 0, "walk": 4, "emergency": 1, "outreach": 0}
    assert (numbers["residents_reached"], numbers["walks"]["done"]) == (2, 4)
    assert numbers["readings"] == {"taken": 2, "flagged": 1}
    # the drain and the waste are complaints; the hawthorns an enquiry, counted apart
    assert numbers["issues"] == {
        "received": 2,
        "verified": 2,
        "rejected": 0,
        "referred": 1,
        "resolved": 1,
        "reported": 1,
        "rated": 1,
        "closed": 1,
        "reopened": 0,
    }
    assert numbers["enquiries"] == {"received": 1, "answered": 1, "told": 1}
    assert numbers["tasks"] == {"done": 1, "carried_over": 0}
    assert numbers["events"] == {"count": 1, "attendees": 23}
    assert numbers["points"]["awarded"] == 2  # 张大爷's drain and 高阿姨's waste; no point for a question
    [callout] = report["callouts"]
    assert (callout["at"], callout["back_at"], callout["minutes"]) == (
        "2026-12-04T20:00:00+08:00",
        "2026-12-04T21:40:00+08:00",
        100,
    )
    assert [i["id"] for i in report["issues"]["open"]] == [1]
    assert [item.get("text") for item in report["next_day"]["items"]][:1] == [DAYS[day][-1][2][2]]


def test_the_next_morning(day, cli) -> None:
    morning = json.loads(ok(cli("today", "--json", env=at("06:10", "2026-12-05"))))
    [waiting] = morning["followups"]
    assert (waiting["id"], waiting["reason"], waiting["deadline"]) == (1, "referral-due", "2026-12-05")
    assert [(item["id"], item["time"]) for item in morning["timeline"]] == [(3, "09:00")]
    assert [c["id"] for c in morning["callouts"]] == [8]  # last night's call-out, within 24 hours
    screen = ok(cli("--lang", day, "today", env={**at("06:10", "2026-12-05"), "COLUMNS": "80"}))
    assert ("8号楼2单元几户下水道堵了" if day == "zh" else "several flats in 8-2 have blocked drains") in screen
    assert max(cell_len(line) for line in screen.splitlines()) <= 80
