"""Every table and card stays aligned at 80 columns with Chinese, full-width punctuation and Latin.

Renderers are drawn by ``Console(record=True, width=80, color_system=None)``.
A table column is read back by cutting each line at the display column where
its header starts (a Chinese character takes two columns): the pieces, joined,
must give back exactly the texts put in that column, in order. A column that
drifted on some line, or text cut short with an ellipsis, or a line wider than
80 columns, fails.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console

from gridnote import clock
from gridnote.messages import i18n

TODAY = date(2026, 11, 29)
NAME = "欧阳娜娜"
ALIAS = "Lily（欧阳）"  # stored as Lily(欧阳): full-width brackets are normalised on input
NOTE = (
    "瘫痪多年，子女在外地；早上6:30量血压最准。家里有一只猫，叫“咪咪”，对陌生人很凶，进门前先打招呼！BP usually 140/90."
)
TASK = "量血压（早上6:30最准），带上新的血压计和降压药；顺便看看厨房下水道 check the drain"
ISSUE = "8号楼2单元楼道里堆满了装修垃圾（沙子、水泥袋），已经好几天了，居民出入不便：急！"
EVENT = "老年人防诈骗宣讲（第二期）：识别“保健品”骗局"
VISIT = "血压偏高，已提醒按时吃药；下午再测一次。Mixed text: BP high, pills taken."


def render(renderable: Any) -> list[str]:
    console = Console(record=True, width=80, color_system=None)
    console.print(renderable)
    lines = console.export_text().splitlines()
    assert [line for line in lines if cell_len(line) > 80] == []
    return lines


def cut(line: str, start: int, end: int | None = None) -> str:
    """The characters of ``line`` between two display columns."""
    out, at = [], 0
    for char in line:
        width = cell_len(char)
        if at >= start and (end is None or at + width <= end):
            out.append(char)
        at += width
    return "".join(out)


def squeeze(text: str) -> str:
    return "".join(text.split())


def read_column(lines: list[str], headers: list[str], header: str, stop: str | None = None) -> str:
    """The text of one (left-aligned) column, read line by line from under the headers to ``stop``."""
    top = next(i for i, line in enumerate(lines) if all(h in line for h in headers))
    head = lines[top]
    starts = sorted(cell_len(head[: head.index(h)]) for h in headers)
    start = cell_len(head[: head.index(header)])
    following = [s for s in starts if s > start]
    end = following[0] if following else None
    body = []
    for line in lines[top + 2 :]:  # under the header's rule
        if stop is not None and stop in line or not line.strip():
            break
        body.append(cut(line, start, end))
    return squeeze("".join(body))


def cell(lines: list[str], first: str) -> str:
    """A grid cell that starts with ``first``, with the lines that continue it below.

    A continuation line is blank left of the cell's column and has text exactly
    at it; a line with text further left starts the next row. Returns the
    cell's lines, each cut from the cell's column (other columns may follow).
    """
    row = next(i for i, line in enumerate(lines) if first in line)
    start = cell_len(lines[row][: lines[row].index(first)])
    pieces = [cut(lines[row], start)]
    for line in lines[row + 1 :]:
        if cut(line, 0, start).strip() or not cut(line, start).strip():
            break
        if not cut(line, start, start + 3).strip():
            break  # the cell has ended: a column to its right goes on alone
        assert not cut(line, start, start + 1).isspace(), f"a continuation that drifted right: {line!r}"
        pieces.append(cut(line, start))
    return "".join(pieces)


def in_order(text: str, within: str) -> bool:
    """Every character of ``text`` (spaces aside) is in ``within``, in order: nothing was cut."""
    rest = iter(squeeze(within))
    return all(char in rest for char in squeeze(text))


@pytest.fixture(params=["en", "zh"])
def lang(request: pytest.FixtureRequest) -> str:
    i18n.set_lang(request.param)
    return request.param


@pytest.fixture
def busy(cli, nb) -> Any:
    """A notebook with long Chinese texts, full-width punctuation and mixed Latin everywhere."""
    steps = [
        (
            "resident",
            "add",
            NAME,
            "--alias",
            ALIAS,
            "-a",
            "8-2-301",
            "-g",
            "女",
            "--born",
            "1944",
            "-t",
            "失能",
            "-t",
            "高血压",
            "-t",
            "低保",
            "-t",
            "独居",
            "-t",
            "楼栋长",
            "-p",
            "13857112345",
            "-p",
            "13905712345",
            "--contact",
            "欧阳明,儿子,13905712345,住附近",
            "--contact",
            "Tom Smith,朋友（邻居）,13800001111",
            "--note",
            NOTE,
        ),
        ("resident", "add", "张国华", "--alias", "张大爷", "-a", "8-2-301", "-g", "男", "--born", "1942", "-t", "高龄"),
        ("task", "add", TASK, "--due", "明天6:30", "--star", "-r", NAME, "--note", "Tom说：先敲门！"),
        ("task", "add", "巡查8号楼（每天）", "--every", "每天", "-b", "8"),
        ("log", NAME, VISIT, "--bp", "152/96", "--pulse", "104", "--temp", "37.5", "--weight", "105斤"),
        ("log", NAME, "复测：血压还是高", "--bp", "148/92", "--at", "昨天下午3点"),
        ("issue", "add", ISSUE, "-b", "8", "-r", "张大爷", "-c", "一网通"),
        ("issue", "refer", "1", "--to", "物业", "--contact", "王经理（物业客服部）13800001111", "--due", "明天"),
        ("issue", "note", "1", "物业说：今天下午三点前清运完毕（已拍照）", "--kind", "call", "--by", "物业"),
        (
            "issue",
            "category",
            "add",
            "bike-shed",
            "--zh",
            "非机动车棚（含电动自行车充电区）",
            "--en",
            "bicycle and e-bike shed (with charging)",
            "--under",
            "facilities",
        ),
        (
            "event",
            "add",
            EVENT,
            "--at",
            "15:00",
            "--with",
            "社区民警, 楼栋长, 物业客服部",
            "-b",
            "8",
            "--attendees",
            "23",
        ),
    ]
    for step in steps:
        result = cli(*step)
        assert result.exit_code == 0, (step, result.stderr)
    nb.forget_settings()
    return nb


# -- tables -------------------------------------------------------------------------------------------
def test_resident_table(busy, lang) -> None:
    from gridnote.render.common import tag_labels
    from gridnote.render.residents import resident_table
    from gridnote.services.residents import list_residents

    residents = list_residents(busy)
    lines = render(resident_table(residents, TODAY))
    headers = [i18n.t(k) for k in ("col.name", "col.gender_age", "col.address", "col.tags", "col.phone")]
    stop = i18n.t("resident.count", count=len(residents))
    assert read_column(lines, headers, headers[0], stop) == squeeze("".join(r.display_name for r in residents))
    assert read_column(lines, headers, headers[3], stop) == squeeze("".join(tag_labels(r.tags) for r in residents))
    assert read_column(lines, headers, headers[2], stop) == "8-2-3018-2-301"


def test_a_long_phone_stays_whole_in_the_resident_table(busy, cli, lang) -> None:
    """``+86-138-0000-2`` over ``222`` reads as another number: a phone never breaks."""
    from gridnote.render.residents import resident_table
    from gridnote.services.residents import list_residents

    assert cli("resident", "add", "测试甲", "-a", "8-2-302", "-p", "+44 20 7946 0958").exit_code == 0
    with busy.transaction():  # as stored before a +86 was stripped on input
        busy.execute("UPDATE residents SET phones = '+86-138-0000-2222' WHERE name = '张国华'")
    lines = render(resident_table(list_residents(busy), TODAY))
    for phone in ("+44-20-7946-0958", "+86-138-0000-2222", "13857112345"):
        assert any(phone in line for line in lines), phone


def test_task_table(busy, lang) -> None:
    from gridnote.render.tasks import task_table, who
    from gridnote.services.tasks import TaskFilter, list_tasks

    tasks = list_tasks(busy, TaskFilter(status=None))
    lines = render(task_table(tasks, clock.at(TODAY, time(9))))
    task_h, for_h = i18n.t("col.task"), i18n.t("col.for")
    read = read_column(lines, [i18n.t("col.due"), task_h, for_h], task_h, i18n.t("task.count", count=2))
    assert squeeze(TASK) in read and "巡查8号楼（每天）" in read
    assert read_column(lines, [i18n.t("col.due"), task_h, for_h], for_h, i18n.t("task.count", count=2)) == squeeze(
        "".join(who(t.resident, t.resident_address, t.building) for t in tasks)
    )


def test_visits_table(busy, lang) -> None:
    from gridnote.render.visits import visits_table
    from gridnote.services.visits import list_visits

    visits = list_visits(busy)
    lines = render(visits_table(visits, None, None, date(2026, 11, 29)))
    headers = [i18n.t("visit.col.who"), i18n.t("visit.col.note")]
    note = read_column(lines, headers, headers[1], "·")
    assert note.startswith(squeeze("复测：血压还是高")) and squeeze(VISIT) in note


def test_issue_and_category_tables(busy, lang) -> None:
    from gridnote.render.issue_categories import category_table
    from gridnote.render.issues import issue_table
    from gridnote.services.categories import categories, deadline_hours
    from gridnote.services.issues import IssueFilter, list_issues

    issues = list_issues(busy, IssueFilter())
    lines = render(issue_table(issues, clock.now(), cats=categories(busy)))
    headers = [i18n.t("issue.col.status"), i18n.t("issue.col.issue"), i18n.t("issue.col.due")]
    assert read_column(lines, headers, headers[1], i18n.t("issue.count", count=1)).startswith(squeeze(ISSUE))
    cats = categories(busy)
    hours = {g: deadline_hours(busy, g) for g in ("emergency", "utility", "general", "complex")}
    lines = render(category_table(cats, hours))
    headers = [i18n.t("category.col.code"), i18n.t("category.col.name"), i18n.t("category.col.deadlines")]
    names = read_column(lines, headers, headers[1], i18n.t("category.caption")[:6])
    shed = next(c for c in cats if c.code == "bike-shed")
    assert squeeze(shed.zh if lang == "zh" else shed.en) in names
    assert squeeze(shed.en) == squeeze("bicycle and e-bike shed (with charging)") and len(shed.zh) == 16


def test_event_and_points_tables(busy, lang) -> None:
    from gridnote.render.events import event_table
    from gridnote.render.points import ledger_view
    from gridnote.services.events import list_events
    from gridnote.services.points import ledger

    lines = render(event_table(list_events(busy), TODAY))
    headers = [i18n.t("event.col.when"), i18n.t("event.col.event")]
    assert read_column(lines, headers, headers[1], i18n.t("event.count", count=1)).startswith(squeeze(EVENT))
    lines = render(ledger_view(ledger(busy, 2), TODAY))
    headers = [i18n.t("points.col.date"), i18n.t("points.col.points"), i18n.t("points.col.for")]
    assert squeeze(ISSUE) in read_column(lines, headers, headers[2])


def test_settings_table(busy, lang) -> None:
    from gridnote.render.config import settings_table
    from gridnote.services.settings import all_values

    values = all_values(busy)
    lines = render(settings_table(values))
    headers = [i18n.t("col.setting"), i18n.t("col.value"), i18n.t("col.meaning")]
    meanings = read_column(lines, headers, headers[2])
    assert meanings == squeeze("".join(v.setting.zh if lang == "zh" else v.setting.en for v in values))


def test_household_and_building_tables(busy, lang) -> None:
    from gridnote.render.common import join_list
    from gridnote.render.residents import building_table, household_table
    from gridnote.services.residents import list_buildings, list_households

    lines = render(household_table(list_households(busy)))
    headers = [i18n.t("col.address"), i18n.t("col.members")]
    assert read_column(lines, headers, headers[1], i18n.t("household.count", count=1)) == squeeze(
        join_list(["Lily(欧阳)", "张大爷"])
    )
    lines = render(building_table(list_buildings(busy)))
    assert any(line.strip().startswith(i18n.t("building.label", code="8")) for line in lines)


# -- cards and grids --------------------------------------------------------------------------------------
def test_resident_card(busy, lang) -> None:
    from gridnote.render.residents import resident_card_view
    from gridnote.services.residents import resident_card

    lines = render(resident_card_view(resident_card(busy, 1), TODAY))
    note = cell([line[2:-2] for line in lines[1:-1]], NOTE[:10])
    assert squeeze(note) == squeeze(NOTE)  # folded, not cut, and every line at the note's column
    assert all(line.startswith(("╭", "│", "╰")) and line.endswith(("╮", "│", "╯")) for line in lines)
    assert len({cell_len(line) for line in lines}) == 1  # the frame is straight
    assert any("朋友(邻居)" in line and "Tom Smith" in line for line in lines)


@pytest.mark.parametrize("width", [80, 120])
def test_household_rows_without_tags_stay_on_one_line(cli, nb, lang, width) -> None:
    """A household column empty on every row (no one tagged) no longer squeezes the card."""
    from gridnote.render.residents import resident_card_view
    from gridnote.services.residents import resident_card

    for name, gender, born in (("汪志强", "男", "1952"), ("汪立新", "男", "1981"), ("高春", "女", "1984")):
        assert cli("resident", "add", name, "-a", "7-1-602", "-g", gender, "--born", born).exit_code == 0
    i18n.set_lang(lang)  # the command above set its own language
    console = Console(record=True, width=width, color_system=None)
    console.print(resident_card_view(resident_card(nb, 1), TODAY))
    lines = console.export_text().splitlines()
    female = i18n.t("resident.age", age=42)
    row = next(line for line in lines if "高春" in line)
    assert female in row and ("女" if lang == "zh" else "female") in row
    assert i18n.t("resident.age", age=45) in next(line for line in lines if "汪立新" in line)


def test_task_card_with_a_title_too_long_for_its_frame(busy, lang) -> None:
    from gridnote.render.tasks import task_card
    from gridnote.services.tasks import get_task

    lines = render(task_card(get_task(busy, 1), TODAY))
    assert len({cell_len(line) for line in lines}) == 1
    inside = squeeze("".join(line[1:-1] for line in lines[1:-1]))
    assert squeeze(TASK) in inside  # moved from the frame into the card, whole
    assert lines[0].startswith("╭─ 1 ─")


def test_issue_card(busy, lang) -> None:
    from gridnote.render.issues import issue_view
    from gridnote.services.categories import categories
    from gridnote.services.issues import issue_detail

    lines = render(issue_view(issue_detail(busy, 1), clock.now(), categories(busy)))
    assert squeeze(cell(lines, ISSUE[:8])) == squeeze(ISSUE)
    labels = [i18n.t(f"issue.f.{key}") for key in ("status", "category", "channel", "reporter", "place")]
    starts = set()
    for label in labels:
        line = next(line for line in lines if line.startswith(label + " "))
        value = line[len(label) :].lstrip()
        starts.add(cell_len(line[: len(line) - len(value)]))
    assert len(starts) == 1  # every value of the card in one column
    assert any("王经理（物业客服部）13800001111" in line for line in lines)


def test_agenda_and_plan(busy, lang) -> None:
    from gridnote.render.agenda import agenda_view, plan_view
    from gridnote.services.agenda import build_agenda, day_plan

    lines = render(agenda_view(build_agenda(busy)))
    assert in_order(EVENT, cell(lines, EVENT[:6]))
    lines = render(plan_view(day_plan(busy, date(2026, 11, 30))))
    assert in_order(TASK, cell(lines, TASK[:6]))


def test_search_results(busy, lang) -> None:
    from gridnote.render.find import search_view
    from gridnote.services.find import search

    lines = render(search_view(search(busy, "血压"), TODAY))
    assert in_order(TASK, cell(lines, "★ " + TASK[:6]))
    assert in_order(VISIT, cell(lines, VISIT[:6]))
    lines = render(search_view(search(busy, "欧阳"), TODAY))
    assert in_order(f"{NAME}（Lily(欧阳)） 8-2-301", cell(lines, NAME))


def test_the_cut_helper_counts_display_columns() -> None:
    assert cut("ab李c", 2, 4) == "李"
    assert cut("ab李c", 3) == "c"  # half a wide character is not a character
    assert read_column([" 名字   X", " ───", " 李四   1", " Tom    2"], ["名字", "X"], "名字") == "李四Tom"
