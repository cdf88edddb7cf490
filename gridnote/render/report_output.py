"""Choosing the report's format and writing it: to the screen, to stdout, or whole to a file.

Formats: ``text`` (the default), ``markdown``, ``html``, ``json``, ``csv`` (a
zip of one CSV per section) and ``xlsx``. With ``-o FILE`` and no
``--format`` the extension decides (``.txt .md .html .json .zip .xlsx``).
CSV and XLSX go to a file only. Every file is written through
:func:`gridnote.output.files.atomic_write`: whole, or not at all.
"""

from __future__ import annotations

from pathlib import Path

from gridnote.errors import InputError
from gridnote.messages.i18n import join_list
from gridnote.models import Report

FORMATS = ("text", "markdown", "html", "json", "csv", "xlsx")
_ALIASES = {
    "txt": "text",
    "md": "markdown",
    "htm": "html",
    "zip": "csv",
    "excel": "xlsx",
    "文本": "text",
    "表格": "xlsx",
}
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".zip": "csv",
    ".xlsx": "xlsx",
}
FILE_ONLY = ("csv", "xlsx")


def parse_format(text: str) -> str:
    fmt = text.strip().lower()
    fmt = _ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise InputError("report.bad_format", text=text, formats=join_list(FORMATS))
    return fmt


def choose_format(explicit: str | None, output: Path | None) -> str:
    """The format to write: as given, else from the output file's extension, else text."""
    if output is not None:
        from gridnote.output.files import refuse_folder

        refuse_folder(output)  # a folder has no extension to go by; say what it is
    suffix = output.suffix.lower() if output is not None else ""
    if explicit is not None:
        fmt = parse_format(explicit)
    elif output is not None:
        if suffix == ".csv":
            fmt = "csv"
        elif suffix in _EXTENSIONS:
            fmt = _EXTENSIONS[suffix]
        else:
            raise InputError("report.unknown_extension", name=output.name, formats=join_list(FORMATS))
    else:
        fmt = "text"
    if fmt == "csv" and suffix == ".csv":
        raise InputError("report.csv_is_zip", name=output.with_suffix(".zip").name)  # type: ignore[union-attr]
    if fmt in FILE_ONLY and output is None:
        raise InputError("report.needs_output", format=fmt)
    return fmt


def render(report: Report, fmt: str, *, width: int = 80) -> bytes:
    """The report in ``fmt``, as the bytes of a file (``width``: columns of the text format)."""
    if fmt == "json":
        from gridnote.render.report_json import report_json_text

        return report_json_text(report).encode("utf-8")
    if fmt == "markdown":
        from gridnote.render.report_markdown import report_markdown

        return report_markdown(report).encode("utf-8")
    if fmt == "html":
        from gridnote.render.report_html import report_html

        return report_html(report).encode("utf-8")
    if fmt == "csv":
        from gridnote.render.report_csv import report_zip

        return report_zip(report)
    if fmt == "xlsx":
        from gridnote.render.report_xlsx import report_xlsx

        return report_xlsx(report)
    from gridnote.render.report_text import report_text

    return report_text(report, width).encode("utf-8")


def write_report(report: Report, fmt: str, path: Path, *, width: int = 80, force: bool = False) -> int:
    """Write the file whole or not at all; returns its number of sections (sheets, CSV files).

    ``width``: the columns of a text report (the terminal's, so the file reads like the screen).
    """
    from gridnote.output.files import atomic_write
    from gridnote.render.report_tables import sections

    if fmt == "xlsx":  # streamed into the part file, sheet by sheet, row by row
        from gridnote.render.report_xlsx import write_report_xlsx

        folder = Path(path).parent
        atomic_write(path, lambda handle: write_report_xlsx(report, handle, folder, Path(path).name), force=force)
        return len(sections(report)) + 1
    data = render(report, fmt, width=width)  # everything is made before the file is opened
    atomic_write(path, lambda handle: handle.write(data), force=force)
    return len(sections(report)) + (1 if fmt in FILE_ONLY else 0)
