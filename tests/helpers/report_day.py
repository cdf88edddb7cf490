"""A scripted day on the example grid, for the report's CLI and format tests.

Sunday 2026-11-29: the starred 06:30 blood pressure of 李奶奶 (flagged: diastolic 90), the walk
of the four buildings, two issues taken through several steps, an outreach talk, 高阿姨's
evening call-out with a fever reading, tasks done and tomorrow's work written.
"""

from __future__ import annotations

from typing import Any

EVENING = "2026-11-29T21:50:00+08:00"


def at(when: str) -> dict[str, str]:
    return {"GRIDNOTE_NOW": f"2026-11-{when}:00+08:00"}


SCRIPT: list[tuple[str, tuple[str, ...]]] = [
    ("28T20:00", ("tomorrow", "add", "量血压 李奶奶", "--at", "6:30", "--star")),
    ("28T20:05", ("task", "add", "送降压药 张大爷", "--due", "today")),  # due 11-28: done late on 11-29
    ("29T06:40", ("log", "李奶奶", "血压偏高，已提醒按时吃药", "--bp", "139/90", "--pulse", "63")),
    ("29T06:45", ("task", "done", "1", "2")),
    ("29T08:00", ("log", "-b", "5", "-b", "6", "-b", "7", "-b", "8", "巡查")),
    ("29T08:30", ("issue", "add", "8号楼几户下水道堵了", "-r", "张大爷", "-k", "下水道")),
    (
        "29T08:40",
        ("issue", "add", "5号楼门前有装修垃圾，王先生 13912345678 拍的照", "-c", "一网通", "-b", "5", "-r", "高阿姨"),
    ),
    ("29T10:00", ("issue", "refer", "1", "--to", "物业", "--contact", "王经理 13800001111")),
    (
        "29T15:00",
        (
            "event",
            "add",
            "老年人防诈骗宣讲",
            "--at",
            "15:00",
            "--with",
            "社区民警, 楼栋长",
            "-b",
            "8",
            "--attendees",
            "23",
        ),
    ),
    ("29T15:20", ("issue", "verify", "2")),
    ("29T15:25", ("issue", "refer", "2", "--to", "物业")),
    ("29T16:30", ("issue", "resolve", "2", "和物业一起清运完毕")),
    ("29T16:45", ("issue", "rate", "2", "满意")),
    ("29T17:00", ("log", "曾奶奶", "电话问候", "-k", "电话")),
    ("29T20:00", ("log", "高阿姨", "跳闸，已复位，讲解安全用电", "-k", "应急", "--temp", "37.5")),
    ("29T21:00", ("tomorrow", "add", "回访张大爷 下水道", "--at", "9:00")),
    ("29T21:00", ("tomorrow", "add", "给李奶奶复测血压", "--star")),
    ("29T21:00", ("tomorrow", "add", "整理台账")),
]


def run_day(cli: Any) -> None:
    for when, args in SCRIPT:
        result = cli(*args, env=at(when))
        assert result.exit_code == 0, (args, result.stderr)


def report(cli: Any, *args: str, env: dict[str, str] | None = None) -> Any:
    """``gridnote report …`` in the evening of the scripted day."""
    return cli("report", *args, env={"GRIDNOTE_NOW": EVENING, **(env or {})})
