"""The report's formats: the JSON contract and its schema, XLSX sheets, the CSV zip, HTML and Markdown.

All of them render one model, so the same figure must read the same everywhere (checked below).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.helpers.report_day import at, report, run_day

DOCS = Path(__file__).resolve().parent.parent / "docs" / "json.md"


def closed(schema: Any) -> Any:
    """The shipped schema with every object closed: a key the schema does not name fails the test.

    The shipped copy stays open (keys are added within a version and readers ignore
    the ones they do not know); here it proves every key we write is in it.
    """
    schema = copy.deepcopy(schema)
    for node in objects(schema):
        if "properties" in node:
            node["additionalProperties"] = False
    return schema


def objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``node``, itself included, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from objects(value)


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def day(cli, demo):
    run_day(cli)
    return cli


@pytest.fixture
def schema() -> dict[str, Any]:
    from gridnote.render.report_json import schema as shipped

    return closed(shipped())


# -- JSON --------------------------------------------------------------------------------------------
def test_the_json_of_a_day_validates_against_the_shipped_schema(day, schema) -> None:
    data = json.loads(ok(report(day, "--format", "json")))
    jsonschema.validate(data, schema)
    assert data["version"] == 1
    assert data["range"] == {"from": "2026-11-29", "to": "2026-11-29", "days": 1, "period": "day"}
    assert (data["generated_at"], data["as_of"], data["full"]) == (
        "2026-11-29T21:50:00+08:00",
        "2026-11-29T21:50:00+08:00",
        False,
    )
    n = data["numbers"]
    assert n["visits"] == {"visit": 1, "phone": 1, "wechat": 0, "walk": 4, "emergency": 1, "outreach": 0}
    assert (n["contacts"], n["residents_reached"], n["households_reached"]) == (3, 3, 3)
    assert n["walks"] == {"done": 4, "expected": 4, "buildings": 4, "days": 1}
    assert n["readings"] == {"taken": 3, "flagged": 2}
    assert n["issues"] == {
        "received": 2,
        "verified": 2,
        "rejected": 0,
        "referred": 2,
        "resolved": 1,
        "reported": 1,
        "rated": 1,
        "closed": 1,
        "reopened": 0,
    }
    assert n["tasks"] == {"done": 2, "carried_over": 0}
    assert n["events"] == {"count": 1, "attendees": 23}
    assert n["points"] == {"awarded": 2, "residents": 2, "redeemed": 0, "taken_back": 0}
    assert n["care_overdue"] == len(data["care_overdue"]) == 170
    assert [(r["kind"], r["value"], r["value2"], r["flags"][0]["measure"]) for r in data["readings"]] == [
        ("bp", 139, 90, "diastolic"),
        ("temp", 37.5, None, "temp"),
    ]
    assert [i["id"] for i in data["issues"]["new"]] == [1, 2]
    assert data["issues"]["new"][0]["steps"] == ["receive", "verify", "refer"]
    assert data["issues"]["new"][1]["steps"] == ["receive", "verify", "refer", "resolve", "tell", "rate"]
    assert data["issues"]["open"] == [
        {
            "id": 1,
            "text": "8号楼几户下水道堵了",
            "category": "blocked-drain",
            "priority": "normal",
            "status": "referred",
            "received_at": "2026-11-29T08:30:00+08:00",
            "reporter": "张国华（张大爷）",
            "phone": "138****2346",
            "place": "8-2-301",
            "steps": ["receive", "verify", "refer"],
            "age_days": 0,
            "deadline": "resolve",
            "due_at": "2026-12-02T08:30:00+08:00",
            "state": "on-time",
        }
    ]
    assert data["next_day"]["date"] == "2026-11-30"
    assert [(i["text"], i["time"], i["starred"]) for i in data["next_day"]["items"]] == [
        ("回访张大爷 下水道", "09:00", False),
        ("给李奶奶复测血压", None, True),  # the day in time order: all day after 09:00
    ]
    assert data["next_day"]["others"] == 1
    assert data["rates"] is None


def test_the_json_of_a_week_has_the_rates(day, schema) -> None:
    ok(day("issue", "add", "楼道灯坏了", "-c", "一网通", "-k", "其他", env=at("23T10:00")))
    ok(day("issue", "verify", "3", env=at("23T11:00")))
    data = json.loads(ok(report(day, "--week", "--format", "json", "--readings", "all")))
    jsonschema.validate(data, schema)
    assert data["readings_scope"] == "all" and len(data["readings"]) == 3
    rates = data["rates"]
    assert rates["response"] == {
        "numerator": 1,
        "denominator": 1,
        "percent": 100.0,
        "pending": 0,
        "basis": "response_due_day",
    }
    assert rates["resolution"] == {
        "numerator": 0,
        "denominator": 0,
        "percent": None,
        "pending": 0,
        "basis": "resolve_due_day",
    }
    assert rates["satisfaction"] == {
        "numerator": 1,
        "denominator": 1,
        "percent": 100.0,
        "pending": 0,
        "basis": "rated_day",
        "ratings": {"satisfied": 1, "basically-satisfied": 0, "dissatisfied": 0},
    }
    assert rates["coverage"][0] == {"group": "bedridden", "visited": 1, "residents": 4, "percent": 25.0}


def test_the_json_of_a_past_day_and_of_an_empty_notebook(cli, schema) -> None:
    data = json.loads(ok(cli("report", "--date", "yesterday", "--format", "json")))
    jsonschema.validate(data, schema)
    assert data["next_day"] is None and data["as_of"] == "2026-11-29T00:00:00+08:00"
    data = json.loads(ok(cli("report", "--month", "--format", "json", "--full")))
    jsonschema.validate(data, schema)
    assert data["full"] is True and data["range"]["period"] == "month" and data["rates"]["coverage"] == []


def test_json_keys_do_not_follow_the_language(day) -> None:
    assert (
        json.loads(ok(report(day, "-f", "json", "--lang", "zh")))["numbers"]
        == json.loads(ok(report(day, "-f", "json", "--lang", "en")))["numbers"]
    )


def test_every_key_is_documented(schema) -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert "## report" in text
    section = text[text.index("## report") :]
    keys = {key for node in objects(schema) for key in node.get("properties", {})}
    missing = [key for key in sorted(keys) if not re.search(rf"`[^`]*\b{re.escape(key)}\b[^`]*`", section)]
    assert missing == []
    assert "gridnote/schemas/report.schema.json" in section


# -- XLSX and CSV ------------------------------------------------------------------------------------------
SHEETS_EN = [
    "About",
    "Numbers",
    "Emergency call-outs",
    "Outreach events",
    "Outreach reach",
    "Readings",
    "Care visits overdue",
    "New issues",
    "Issues still open",
    "Next day",
]


def _sheet(book: Any, name: str) -> list[list[Any]]:
    return [list(row) for row in book[name].iter_rows(values_only=True)]


def test_xlsx_has_one_sheet_per_section(day, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ok(report(day, "-o", str(tmp_path / "day.xlsx")))
    book = load_workbook(tmp_path / "day.xlsx")
    assert book.sheetnames == SHEETS_EN
    numbers = _sheet(book, "Numbers")
    assert numbers[0] == ["Item", "Count", "Details"]
    assert numbers[1:4] == [["Home visits", 1, None], ["Phone calls", 1, None], ["WeChat contacts", 0, None]]
    assert ["Building walks", 4, "of 4 buildings"] in numbers
    assert ["Readings flagged", 2, None] in numbers
    about = dict((row[0], row[1]) for row in _sheet(book, "About")[1:])
    assert about["Privacy"] == "Privacy: phone and ID numbers masked"  # a spreadsheet has no options to type
    assert about["From"] == about["To"] == datetime(2026, 11, 29)  # a date cell (Excel has no date type of its own)
    care = _sheet(book, "Care visits overdue")
    assert len(care) == 1 + 170  # every one, not the ten of the screen
    assert all(re.fullmatch(r"1\d\d\*{4}\d{4}", row[3]) for row in care[1:] if row[3])
    assert _sheet(book, "New issues")[2][2] == "5号楼门前有装修垃圾，王先生 139****5678 拍的照"


def test_xlsx_cells_are_dates_times_and_numbers(day, tmp_path: Path) -> None:
    """Times are date-and-time cells (with their year), ages and durations numbers shown with their unit."""
    from openpyxl import load_workbook

    ok(report(day, "--lang", "zh", "-o", str(tmp_path / "day.xlsx")))
    book = load_workbook(tmp_path / "day.xlsx")

    def cell(sheet: str, ref: str) -> tuple[Any, str]:
        found = book[sheet][ref]
        return found.value, found.number_format

    assert cell("报表信息", "B3") == (datetime(2026, 11, 29), "yyyy-mm-dd")  # from
    assert cell("报表信息", "B6") == (datetime(2026, 11, 29, 21, 50), "yyyy-mm-dd hh:mm")  # generated
    assert cell("健康测量", "A2") == (datetime(2026, 11, 29, 6, 40), "yyyy-mm-dd hh:mm")  # 李奶奶's 06:40
    assert cell("新受理问题", "B2") == (datetime(2026, 11, 29, 8, 30), "yyyy-mm-dd hh:mm")  # #1 at 08:30
    assert cell("未办结问题", "C2") == (datetime(2026, 11, 29, 8, 30), "yyyy-mm-dd hh:mm")
    assert cell("未办结问题", "D2") == (0, '0" 天"')  # received this morning: 0 days, a number
    # #1's resolution deadline, three days after 11-29 08:30: a date cell, its kind in the number format
    assert cell("未办结问题", "F2") == (datetime(2026, 12, 2, 8, 30), '"办结 "yyyy-mm-dd hh:mm')
    assert cell("应急出动", "B2") == (datetime(2026, 11, 29, 20, 0), "yyyy-mm-dd hh:mm")  # 高阿姨's call-out


def test_xlsx_of_a_week_in_chinese(day, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ok(report(day, "--week", "--lang", "zh", "-o", str(tmp_path / "周报.xlsx")))
    book = load_workbook(tmp_path / "周报.xlsx")
    assert book.sheetnames == [
        "报表信息",
        "数据汇总",
        "应急出动",
        "宣传活动",
        "宣传覆盖",
        "健康测量",
        "逾期未走访",
        "新受理问题",
        "未办结问题",
        "明日工作",
        "三率",
        "走访覆盖率",
    ]
    rates = book["三率"]
    assert [c.value for c in rates[1]] == ["指标", "达标", "总数", "比率", "统计口径"]
    assert [c.value for c in rates[4]][:4] == ["满意率", 1, 1, 1.0]
    assert rates.cell(row=4, column=4).number_format == "0.0%"
    assert rates.cell(row=2, column=4).value is None  # no issue was due: no rate, not 0 %
    # the age column is not named like the state 已受理 (received)
    assert [c.value for c in book["未办结问题"][1]] == [
        "编号",
        "问题",
        "受理时间",
        "已受理天数",
        "状态",
        "时限",
        "是否超时",
    ]


def test_csv_is_a_zip_of_one_file_per_section(day, tmp_path: Path) -> None:
    ok(report(day, "-o", str(tmp_path / "day.zip")))
    with zipfile.ZipFile(tmp_path / "day.zip") as archive:
        assert archive.namelist() == [
            "about.csv",
            "numbers.csv",
            "callouts.csv",
            "events.csv",
            "event-reach.csv",
            "readings.csv",
            "care.csv",
            "issues-new.csv",
            "issues-open.csv",
            "tomorrow.csv",
        ]
        raw = archive.read("numbers.csv")
        assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["Item", "Count", "Details"]
    assert ["Issues referred", "2", ""] in rows
    with zipfile.ZipFile(tmp_path / "day.zip") as archive:
        header = archive.read("issues-open.csv").decode("utf-8-sig").splitlines()[0]
    assert header == "#,Issue,Received,Days open,State,Deadline,On time?"


def test_the_csv_files_are_named_in_the_report_language(day, tmp_path: Path) -> None:
    ok(report(day, "--lang", "zh", "-o", str(tmp_path / "日报.zip")))
    with zipfile.ZipFile(tmp_path / "日报.zip") as archive:
        assert archive.namelist() == [
            "报表信息.csv",
            "数据汇总.csv",
            "应急出动.csv",
            "宣传活动.csv",
            "宣传覆盖.csv",
            "健康测量.csv",
            "逾期未走访.csv",
            "新受理问题.csv",
            "未办结问题.csv",
            "明日工作.csv",
        ]
        assert all(info.flag_bits & 0x800 for info in archive.infolist())  # names stored as UTF-8
        header = archive.read("数据汇总.csv").decode("utf-8-sig").splitlines()[0]
    assert header == "项目,数量,说明"


def test_the_formats_agree(day, tmp_path: Path) -> None:
    """The numbers of the spreadsheet, the CSV and the HTML page are the JSON's."""
    from openpyxl import load_workbook

    data = json.loads(ok(report(day, "-f", "json")))["numbers"]
    ok(report(day, "-o", str(tmp_path / "day.xlsx")))
    ok(report(day, "-o", str(tmp_path / "day.zip")))
    html = ok(report(day, "-f", "html"))
    sheet = {row[0]: row[1] for row in _sheet(load_workbook(tmp_path / "day.xlsx"), "Numbers")[1:]}
    with zipfile.ZipFile(tmp_path / "day.zip") as archive:
        zipped = {row[0]: row[1] for row in csv.reader(io.StringIO(archive.read("numbers.csv").decode("utf-8-sig")))}
    expected = {
        "Home visits": data["visits"]["visit"],
        "Emergency call-outs": data["visits"]["emergency"],
        "Residents reached": data["residents_reached"],
        "Building walks": data["walks"]["done"],
        "Readings taken": data["readings"]["taken"],
        "Issues resolved": data["issues"]["resolved"],
        "Tasks done": data["tasks"]["done"],
        "Attendees": data["events"]["attendees"],
        "Points awarded": data["points"]["awarded"],
        "Care visits overdue": data["care_overdue"],
    }
    for label, value in expected.items():
        assert sheet[label] == value, label
        assert zipped[label] == str(value), label
        assert f'<tr><td>{label}</td><td class="n">{value}</td>' in html, label


# -- HTML and Markdown ------------------------------------------------------------------------------------
def test_html_is_one_standalone_printable_page(day) -> None:
    ok(day("issue", "add", "门口贴了<script>广告</script> & 小广告", "-c", "微信", env=at("29T21:10")))
    html = ok(report(day, "-f", "html", "--lang", "zh"))
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')
    assert "<title>工作日报 · 2026年11月29日 星期日</title>" in html
    assert "@media print" in html
    assert not re.search(r"<script|<link|src=|href=", html)  # nothing to fetch, nothing to run
    assert "门口贴了&lt;script&gt;广告&lt;/script&gt; &amp; 小广告" in html
    assert [m for m in re.findall(r'<section id="([a-z-]+)">', html)] == [
        "numbers",
        "callouts",
        "events",
        "event-reach",
        "readings",
        "care",
        "issues-new",
        "issues-open",
        "tomorrow",
    ]
    # 26 figures and 3 of enquiries, 1 call-out, 1 event and its kind's reach, 2 readings, 170 care visits overdue
    # (every one, not the screen's ten), 3 new, 2 open, 2 planned
    assert html.count("<tr>") - html.count("<thead>") == 26 + 3 + 1 + 1 + 1 + 2 + 170 + 3 + 2 + 2


def test_html_says_so_when_numbers_are_full(day) -> None:
    html = ok(report(day, "-f", "html", "--full"))
    assert '<p class="meta full">Privacy: full phone and ID numbers included: keep it safe</p>' in html


def test_markdown_for_a_chat(day) -> None:
    ok(day("issue", "add", "A|B 两户漏水", "-c", "微信", env=at("29T21:10")))
    md = ok(report(day, "-f", "markdown"))
    lines = md.splitlines()
    assert lines[:4] == [
        "# Daily report · Sunday 29 November 2026",
        "",
        "Generated 2026-11-29 21:50  ",
        "Privacy: phone and ID numbers masked  ",
    ]
    assert "- **Visits**: 3 · home visit 1 · phone call 1 · emergency call-out 1" in lines
    assert "| 3 | 21:10 | A\\|B 两户漏水 | water supply |  | received |" in lines
    assert "_… and 160 more_" in lines
    zh = ok(report(day, "-f", "markdown", "--lang", "zh")).splitlines()
    assert "- **走访联系**：3 · 走访 1 · 电话 1 · 应急 1" in zh


def test_files_for_other_people_carry_no_terminal_hints(day, tmp_path: Path) -> None:
    """A page, a chat message or a spreadsheet goes to people who type no commands."""
    import re

    hint = re.compile(r"--[a-z]|gridnote ")
    for lang in ("en", "zh"):
        for fmt in ("html", "markdown"):
            text = ok(report(day, "--lang", lang, "-f", fmt, "--readings", "all"))
            assert not hint.search(text), (lang, fmt, hint.search(text))
        ok(report(day, "--lang", lang, "-o", str(tmp_path / f"{lang}.zip"), "--force"))
        with zipfile.ZipFile(tmp_path / f"{lang}.zip") as archive:
            for name in archive.namelist():
                assert not hint.search(archive.read(name).decode("utf-8-sig")), (lang, name)
    screen = ok(report(day))
    assert "Privacy: phone and ID numbers masked (--full to include them)" in screen  # the screen keeps them
