"""The report as an Excel workbook: one sheet per section (the grid centre's "one table").

The first sheet says what the report covers and whether phone numbers are
masked; counts are numbers and rates are percentages Excel can sum and chart;
texts are always text cells, never formulas (:mod:`gridnote.output.spreadsheet`).
The workbook is streamed (:class:`~gridnote.output.spreadsheet.XlsxStream`): xlsxwriter is
imported only there, so other formats do not pay for it.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import BinaryIO

from gridnote.models import Report
from gridnote.output.spreadsheet import XlsxStream
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
        label = cell.label.replace('"', "")
        shown = f'"{label} "yyyy-mm-dd hh:mm' if label else "yyyy-mm-dd hh:mm"
        return clock.parse(cell.at).replace(tzinfo=None), shown  # the time as she recorded it
    if isinstance(cell, Count):
        unit = str(cell).replace(str(cell.value), "", 1).replace('"', "")
        return cell.value, f'0"{unit}"'
    return cell, ""


def _write(book: XlsxStream, section: Section, taken: set[str]) -> None:
    from gridnote.messages.i18n import t

    widths = [_width(c) for c in section.columns]
    for row in section.rows:  # the widths first: a streamed sheet takes them before its first row
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], _width(cell_text(cell)), 16 if isinstance(cell, Moment) else 0)
    sheet = book.sheet(
        sheet_name(t(f"report.sheet.{section.code}"), taken),
        widths=[min(max(width + 2, 6), 60) for width in widths],
        top=True,
        wrap=[i for i, width in enumerate(widths) if width > 60],
    )
    sheet.append(section.columns, bold=True)
    for row in section.rows:  # typed as it is written: a decade's section is not held twice
        cells = [_typed(cell) for cell in row]
        sheet.append([value for value, _ in cells], {i: fmt for i, (_, fmt) in enumerate(cells) if fmt})
    sheet.freeze_header()


def write_report_xlsx(report: Report, handle: BinaryIO, folder: Path, name: str = "xlsx") -> None:
    """Stream the workbook into ``handle`` (scratch files in ``folder``, the target's)."""
    with XlsxStream(handle, folder, name) as book:
        taken: set[str] = set()
        for section in table_sections(report):
            _write(book, section, taken)


def report_xlsx(report: Report) -> bytes:
    """The workbook as bytes (a file is better written by :func:`write_report_xlsx`)."""
    import tempfile

    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="gridnote-") as folder:
        write_report_xlsx(report, buffer, Path(folder))
    return buffer.getvalue()
