"""Exports never hand a spreadsheet a formula: text cells stay text (CSV injection, OWASP)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridnote.output.spreadsheet import csv_cell, csv_unquote

EVIL = '=HYPERLINK("http://x","点我") 测试'


@pytest.mark.parametrize(
    "value, written",
    [
        (EVIL, "'" + EVIL),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("- 买菜", "'- 买菜"),
        ("-3", "-3"),  # a single number runs nothing and stays a number
        ("-3.5", "-3.5"),
        ("+12", "+12"),
        ("+86-138-0000-1111", "'+86-138-0000-1111"),  # arithmetic to Excel: 86-138-0-1111
        ("-1-1", "'-1-1"),
        ("+86 138 0000 1111", "'+86 138 0000 1111"),
        ("-3.5.1", "'-3.5.1"),
        ("+86-138-****-1111", "'+86-138-****-1111"),
        (-3, "-3"),
        (None, ""),
        ("李秀英 =1", "李秀英 =1"),
        ("'already quoted", "'already quoted"),
    ],
)
def test_csv_cells(value, written) -> None:
    assert csv_cell(value) == written
    if isinstance(value, str):
        assert csv_unquote(written) == value


def _formulas(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def test_a_report_keeps_formula_like_text_as_text(cli, tmp_path: Path) -> None:
    assert cli("issue", "add", EVIL, "-k", "other").exit_code == 0
    assert cli("report", "-o", str(tmp_path / "r.xlsx")).exit_code == 0
    assert _formulas(tmp_path / "r.xlsx") == []
    from openpyxl import load_workbook

    new = load_workbook(tmp_path / "r.xlsx")["New issues"]
    assert new.cell(row=2, column=3).value == EVIL
    assert cli("report", "-o", str(tmp_path / "r.zip")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "r.zip") as archive:
        rows = list(csv.reader(io.StringIO(archive.read("issues-new.csv").decode("utf-8-sig"))))
    assert rows[1][2] == "'" + EVIL


def test_a_resident_export_is_safe_and_imports_back_unchanged(cli, tmp_path: Path) -> None:
    note = '=cmd|"/C calc"!A0'
    assert cli("resident", "add", "王五", "-a", "5-1-101", "--alias", "@老王", "--note", note).exit_code == 0
    assert cli("resident", "export", "--full", "-o", str(tmp_path / "r.xlsx")).exit_code == 0
    assert _formulas(tmp_path / "r.xlsx") == []
    assert cli("resident", "export", "--full", "-o", str(tmp_path / "r.csv")).exit_code == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    assert (rows[1][1], rows[1][-1]) == ("'@老王", "'" + note)
    for name in ("r.csv", "r.xlsx"):
        fresh = ("--db", str(tmp_path / f"fresh-{name}.db"))
        assert cli("init", str(tmp_path / f"fresh-{name}.db")).exit_code == 0
        assert cli(*fresh, "resident", "import", str(tmp_path / name)).exit_code == 0
        shown = json.loads(cli(*fresh, "resident", "show", "王五", "--json").stdout)
        assert (shown["alias"], shown["note"]) == ("@老王", note)


class _CountingSheet:
    """A real openpyxl sheet that counts every attribute looked up on it."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.__dict__["_sheet"] = Workbook().active
        self.__dict__["used"] = []

    def append(self, row: list[object]) -> None:
        self.__dict__["used"].append("append")
        for value in row:  # cells were built on this stand-in: hand them to the real sheet
            if hasattr(value, "parent"):
                value.parent = self.__dict__["_sheet"]
        self.__dict__["_sheet"].append(row)

    def __getattr__(self, name: str) -> object:
        self.__dict__["used"].append(name)
        return getattr(self.__dict__["_sheet"], name)


def test_xlsx_append_costs_one_append_per_row_whatever_the_length() -> None:
    """Issue 17: reading ``max_row`` per text cell scanned the sheet, so exports were quadratic."""
    from gridnote.output.spreadsheet import xlsx_append

    sheet = _CountingSheet()
    for n in range(300):
        xlsx_append(sheet, [EVIL, n, "李秀英", 0.25], {3: "0.0%"})
    assert sheet.used.count("append") == 300
    assert "max_row" not in sheet.used
    assert "cell" not in sheet.used
    real = sheet.__dict__["_sheet"]
    assert real.max_row == 300
    last = [c for c in real[300]]
    assert [c.value for c in last] == [EVIL, 299, "李秀英", 0.25]
    assert [c.data_type for c in last] == ["s", "n", "s", "n"]
    assert last[3].number_format == "0.0%"


@given(st.from_regex(r"[0-9]{1,20}", fullmatch=True))
def test_digits_excel_would_change_are_kept_as_text(digits: str) -> None:
    written = csv_cell(digits)
    changed = len(digits) > 11 or (len(digits) > 1 and digits.startswith("0"))  # 3.3E+17, or the zero dropped
    assert written == ("\t" + digits if changed else digits)
    assert csv_unquote(written) == digits
