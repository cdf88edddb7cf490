"""The report as CSV: one file per section (``about.csv``, ``numbers.csv`` …), in one zip archive.

Each CSV is UTF-8 with a byte-order mark (Excel opens it as Chinese text),
headers and the file names inside the zip in the report's language
(``numbers.csv``, ``数据汇总.csv``; stored as UTF-8, as every unzip of the
last decade reads them). A text that a spreadsheet
could take for a formula (``=…``) is quoted (:mod:`gridnote.output.spreadsheet`).
"""

from __future__ import annotations

import csv
import io
import zipfile

from gridnote.messages.i18n import t
from gridnote.models import Report
from gridnote.output.spreadsheet import csv_row
from gridnote.render.report_parts import Percent, Section, cell_text
from gridnote.render.report_tables import table_sections


def _value(cell: object) -> str:
    if isinstance(cell, Percent):
        return "" if cell.value is None else f"{cell.value:.1f}"
    return cell_text(cell)  # type: ignore[arg-type]


def section_csv(section: Section) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(csv_row(section.columns))
    writer.writerows(csv_row(_value(cell) for cell in row) for row in section.rows)
    return text.getvalue().encode("utf-8-sig")


def report_zip(report: Report) -> bytes:
    """``about.csv`` first, then every section of the report."""
    buffer = io.BytesIO()
    stamp = tuple(
        int(x)
        for x in (
            report.generated_at[:4],
            report.generated_at[5:7],
            report.generated_at[8:10],
            report.generated_at[11:13],
            report.generated_at[14:16],
            0,
        )
    )
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for section in table_sections(report):
            info = zipfile.ZipInfo(t(f"report.file.{section.code}"), date_time=stamp)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, section_csv(section))
    return buffer.getvalue()
