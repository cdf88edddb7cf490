"""The report as an Excel workbook: one sheet per section (the grid centre's "one table").

The first sheet says what the report covers and whether phone numbers are
masked; counts are numbers and rates are percentages Excel can sum and chart;
texts are always text cells, never formulas (:mod:`gridnote.output.spreadsheet`).
openpyxl is imported only here, so other formats do not pay for it.
"""

from __future__ import annotations

import io
import re
import unicodedata

from gridnote.models import Report
from gridnote.output.spreadsheet import xlsx_append
from gridnote.render.report_parts import Count, Moment, Percent, Section, cell_text
from gridnote.render.report_tables import table_sections

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _width(text: str) -> int:
    """Columns a text takes in Excel: wide (CJK) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def sheet_name(title: str, taken: set[str]) -> str:
    name = _BAD_SHEET_CHARS.sub(" ", title).strip()[:31] or "Sheet"
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def _typed(cell: object) -> tuple[object, str]:
    """A cell as Excel keeps it, and its number format: a time as a date and time, a day as a date,
    a count with a unit as the number shown with the unit, a rate as a percentage."""
    from gridnote import clock

    if isinstance(cell, Percent):
        return (None if cell.value is None else cell.value / 100), "0.0%"
    if isinstance(cell, Moment):
        if len(cell.at) == 10:  # a day
            from datetime import date

            return date.fromisoformat(cell.at), "yyyy-mm-dd"
        return clock.parse(cell.at).replace(tzinfo=None), "yyyy-mm-dd hh:mm"  # the time as she recorded it
    if isinstance(cell, Count):
        unit = str(cell).replace(str(cell.value), "", 1).replace('"', "")
        return cell.value, f'0"{unit}"'
    return cell, ""


def _write(book: object, section: Section, taken: set[str]) -> None:
    from openpyxl.styles import Alignment, Font

    from gridnote.messages.i18n import t

    sheet = book.create_sheet(sheet_name(t(f"report.sheet.{section.code}"), taken))  # type: ignore[attr-defined]
    xlsx_append(sheet, section.columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [_width(c) for c in section.columns]
    for row in section.rows:
        values: list[object] = []
        formats: dict[int, str] = {}
        for i, cell in enumerate(row):
            value, formats[i] = _typed(cell)
            values.append(value)
            widths[i] = max(widths[i], _width(cell_text(cell)), 16 if isinstance(cell, Moment) else 0)
        xlsx_append(sheet, values, {i: f for i, f in formats.items() if f})
    for i, width in enumerate(widths, start=1):
        letter = sheet.cell(row=1, column=i).column_letter
        sheet.column_dimensions[letter].width = min(max(width + 2, 6), 60)
        for cells in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
            for cell in cells:
                cell.alignment = Alignment(vertical="top", wrap_text=width > 60)
    sheet.freeze_panes = "A2"


def report_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None  # a new workbook has its one sheet
    book.remove(first)
    taken: set[str] = set()
    for section in table_sections(report):
        _write(book, section, taken)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
