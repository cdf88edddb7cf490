"""Renderers at 80 columns without colour: Chinese text stays aligned."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from rich.cells import cell_len
from rich.console import Console

from gridnote.messages import i18n
from gridnote.models import Event, Issue, IssueDetail, IssueUpdate, Resident
from gridnote.render.events import event_table
from gridnote.render.issues import issue_table, issue_view

NOW = datetime.fromisoformat("2026-12-01T09:00:00+08:00")
LONG = (
    "8号楼2单元301、401、501三户下水道同时堵塞返水，厨房和卫生间都有污水冒出，老人家里无法做饭，需要尽快派人疏通主管道"
)


def render(renderable) -> list[str]:
    console = Console(record=True, width=80, color_system=None, force_terminal=False, file=io.StringIO())
    console.print(renderable)
    return console.export_text().splitlines()


def sample() -> IssueDetail:
    issue = Issue(
        id=7,
        text=LONG,
        category="blocked-drain",
        category_group="utility",
        upward_code="BJ01-01",
        channel="wechat",
        priority="urgent",
        status="referred",
        received_at="2026-11-29T08:10:00+08:00",
        response_due_at="2026-11-29T10:10:00+08:00",
        resolve_due_at="2026-11-30T08:10:00+08:00",
        reporter_id=1,
        reporter="李秀英（李奶奶）",
        reporter_address="8-2-301",
        reporter_phone="13857112345",
        place="8-2",
        building="8",
        first_response_at="2026-11-29T09:00:00+08:00",
        verified_at="2026-11-29T09:00:00+08:00",
        referred_at="2026-11-29T13:00:00+08:00",
        referred_to="property",
        referral_contact="绿城物业王经理 13800001111",
        referral_due_day="2026-11-30",
    )
    steps = [
        ("receive", "2026-11-29T08:10:00+08:00", None, None, "received", {"channel": "wechat"}),
        ("verify", "2026-11-29T09:00:00+08:00", "到现场看过，三户都堵了，味道很大", None, "verified", {}),
        (
            "refer",
            "2026-11-29T13:00:00+08:00",
            "物业答应明天一早带疏通机来，如果是主管道问题要联系市政",
            None,
            "referred",
            {"to": "property", "contact": "绿城物业王经理 13800001111", "due": "2026-11-30"},
        ),
        (
            "note",
            "2026-11-29T16:00:00+08:00",
            "打电话给李奶奶说明情况，张大爷说今晚先不用厨房下水",
            None,
            None,
            {"kind": "call", "reporter": True},
        ),
        ("note", "2026-11-30T09:30:00+08:00", "物业来看了，说是主管道问题", "property", None, {"kind": "visit"}),
    ]
    timeline = [
        IssueUpdate(i, 7, kind, at, at, text, actor, None, to, data)
        for i, (kind, at, text, actor, to, data) in enumerate(steps, start=1)
    ]
    affects = [Resident(2, "张国华", alias="张大爷", address="8-2-301"), Resident(9, "王桂兰", address="8-2-401")]
    return IssueDetail(issue, timeline, affects, [])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_issue_show_fits_80_columns_and_the_timeline_is_aligned(lang: str) -> None:
    i18n.set_lang(lang)
    lines = render(issue_view(sample(), NOW))
    assert all(cell_len(line) <= 80 for line in lines), [line for line in lines if cell_len(line) > 80]
    header = "Timeline" if lang == "en" else "办理过程"
    rows = lines[lines.index(header) + 1 :]
    starts = [row for row in rows if row[:2].isdigit()]
    assert len(starts) == 5
    # the step column starts at the same cell for every row, and so does the text column
    text_columns = set()
    for row in starts:
        assert row[11:13] == "  "
        step_and_text = row[13:]
        step = step_and_text.split("  ")[0]
        rest = step_and_text[len(step) :]
        text_columns.add(13 + cell_len(step) + (len(rest) - len(rest.lstrip(" "))))
    assert len(text_columns) == 1
    column = text_columns.pop()
    for row in rows:
        if row.strip() and not row[:2].isdigit():  # a wrapped line continues in the text column
            prefix = len(row) - len(row.lstrip(" "))
            assert prefix == column, (row, column)
    joined = "".join(line.strip() for line in lines)
    for update in sample().timeline:  # nothing is cut off
        assert update.text is None or update.text in joined, update.text
    assert LONG in joined
    if lang == "zh":
        assert "已转办 · 紧急" in joined and "下水道堵塞（公共设施）" in joined and "已超期" in joined
    else:
        assert "referred · urgent" in joined and "blocked drain (public facilities)" in joined and "OVERDUE" in joined


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_issue_list_fits_80_columns(lang: str) -> None:
    i18n.set_lang(lang)
    issue = sample().issue
    lines = render(
        issue_table(
            [
                issue,
                Issue(**{**issue.__dict__, "id": 12, "text": "山楂怎么分", "status": "received", "priority": "normal"}),
            ],
            NOW,
        )
    )
    assert all(cell_len(line) <= 80 for line in lines)
    text = "\n".join(lines)
    assert ("LATE 11-30 08:10" if lang == "en" else "超期 11-30 08:10") in text


def test_event_table_fits_80_columns() -> None:
    i18n.set_lang("zh")
    events = [
        Event(
            1,
            "老年人防诈骗宣讲：识别冒充公检法、保健品推销、养老投资骗局",
            "2026-11-29",
            "2026-11-29T15:00:00+08:00",
            ("社区民警", "楼栋长", "街道平安办"),
            "8",
            23,
            "发放宣传册120份",
        ),
        Event(2, "垃圾分类宣传周", "2026-11-30"),
    ]
    lines = render(event_table(events, NOW.date()))
    assert all(cell_len(line) <= 80 for line in lines)
    text = "\n".join(lines)
    assert "11-29 15:00" in text and "11-30 全天" in text and "社区民警、楼栋长、街道平安办" in text
