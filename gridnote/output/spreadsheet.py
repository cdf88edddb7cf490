"""Cells for spreadsheets: user text that Excel or WPS can never run as a formula.

A resident's note or an issue's text may start with ``=``, ``+``, ``-`` or ``@``
(``=HYPERLINK(…)``); a spreadsheet that opens the export would run it (CSV
injection, OWASP). Every writer of CSV and XLSX goes through this module:

* XLSX: text is always stored as a text cell, never as a formula (nor a link
  or a number); it keeps its exact characters. Workbooks are streamed
  (:class:`XlsxStream`): each row goes to disk as it is added, so memory stays
  flat and time linear in rows, however long the export.
* CSV: a text starting with ``= + - @``, a tab or a carriage return gets a
  single quote in front (OWASP's advice), which spreadsheets show and never
  run. Only a single signed number is left alone (``-3``, ``+3.5``): it
  calls nothing and stays a number. Anything with a sign, operator or space
  after its first character is quoted — ``+86-138-0000-1111`` or ``-1-1``
  would be computed as arithmetic, and ``+86 138 0000 1111`` is no number.
  The resident import removes the quote again, so an exported file imports
  back to the same text.
* CSV: a text of digits that Excel or WPS would turn into another number — more
  than 11 digits (an 18-digit ID number shows as ``3.30106E+17`` and loses its
  last digits) or a leading zero (``0571…``) — gets a tab in front, which both
  read as text and show as the digits alone; the import removes it again.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_SHAPED = re.compile(r"[+-]?\d+(?:\.\d+)?")  # one number: no operator after the sign
_CHANGED_AS_NUMBER = re.compile(r"0\d+|\d{12,}")  # Excel would show 3.30106E+17, or drop the zero


def csv_cell(value: Any) -> str:
    """One CSV field: ``None`` is empty, a risky text is quoted with ``'``."""
    text = "" if value is None else str(value)
    if isinstance(value, str) and text.startswith(_TRIGGERS) and not _NUMBER_SHAPED.fullmatch(text):
        return "'" + text
    if isinstance(value, str) and _CHANGED_AS_NUMBER.fullmatch(text):
        return "\t" + text
    return text


def csv_row(values: Iterable[Any]) -> list[str]:
    return [csv_cell(v) for v in values]


def csv_unquote(text: str) -> str:
    """Undo :func:`csv_cell` when a file comes back in: ``'=x`` → ``=x``, tab + digits → the digits; other texts
    unchanged."""
    if text.startswith("\t") and _CHANGED_AS_NUMBER.fullmatch(text[1:]):
        return text[1:]
    if text.startswith("'") and text[1:].startswith(_TRIGGERS) and not _NUMBER_SHAPED.fullmatch(text[1:]):
        return text[1:]
    return text


def xlsx_append(sheet: Any, values: Iterable[Any], formats: dict[int, str] | None = None) -> None:
    """Append a row to an openpyxl sheet; text cells stay text (openpyxl makes ``=…`` a formula).

    Each text cell is built with its type before the row goes in, so a row costs the same
    whatever the sheet's length (reading ``sheet.max_row`` per cell scanned the whole sheet:
    exports were quadratic). ``formats`` maps a 0-based column to a number format.
    """
    from openpyxl.cell import WriteOnlyCell

    row: list[Any] = []
    for column, value in enumerate(values):
        fmt = (formats or {}).get(column)
        if isinstance(value, str) or fmt is not None:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            if fmt is not None:
                cell.number_format = fmt
            row.append(cell)
        else:
            row.append(value)
    sheet.append(row)


class XlsxStream:
    """A workbook written row by row to ``handle`` (xlsxwriter's ``constant_memory`` mode).

    Rows of each sheet go to a scratch file as they are appended, in a private folder beside the
    target (``folder``: the same disk, so a full disk is noticed there; a killed write's folder is a
    ``.part`` that :func:`gridnote.output.files.remove_stale_parts` removes). :meth:`close` zips the
    sheets into ``handle``; the scratch folder is removed whatever happens. Use inside
    :func:`~gridnote.output.files.atomic_write`, which makes the file whole or not at all.
    """

    def __init__(self, handle: BinaryIO, folder: Path, name: str = "xlsx") -> None:
        import xlsxwriter

        self._scratch = tempfile.mkdtemp(dir=folder, prefix=f".{name}.", suffix=".part")
        options = {
            "constant_memory": True,
            "tmpdir": self._scratch,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        }
        self._out = _Guarded(handle)
        self._book = xlsxwriter.Workbook(self._out, options)
        self._formats: dict[tuple[str, bool, bool, bool], Any] = {}

    def format(self, number: str = "", *, bold: bool = False, top: bool = False, wrap: bool = False) -> Any:
        """A cell format, made once per combination (a workbook holds a table of them)."""
        key = (number, bold, top, wrap)
        if key not in self._formats:
            spec: dict[str, Any] = {}
            if number:
                spec["num_format"] = number
            if bold:
                spec["bold"] = True
            if top:
                spec["valign"] = "top"
            if wrap:
                spec["text_wrap"] = True
            self._formats[key] = self._book.add_format(spec) if spec else None
        return self._formats[key]

    def sheet(
        self, name: str, *, widths: Sequence[float] = (), top: bool = False, wrap: Collection[int] = ()
    ) -> XlsxSheet:
        """A new sheet; ``widths`` in Excel's character units, ``top``/``wrap``: every row after the first
        aligned to the top, and the columns in ``wrap`` wrapped (both known before the first row)."""
        sheet = self._book.add_worksheet(name)
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        return XlsxSheet(self, sheet, top=top, wrap=set(wrap))

    def close(self) -> None:
        from xlsxwriter.exceptions import FileCreateError

        try:
            self._book.close()
        except FileCreateError as exc:  # xlsxwriter wraps the OSError (a full disk): unwrap it for the caller
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise
        finally:
            self.discard()

    def discard(self) -> None:
        self._out.done = True
        shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self) -> XlsxStream:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()


class _Guarded:
    """The target as xlsxwriter's zip sees it; once the stream is done, later writes go nowhere.

    A zip that failed midway (a full disk) is left open inside xlsxwriter; when it is collected it
    writes its end record, which would print a traceback on stderr: here it writes nothing.
    """

    def __init__(self, handle: BinaryIO) -> None:
        self._handle, self.done = handle, False

    def write(self, data: bytes) -> int:
        return len(data) if self.done else self._handle.write(data)

    def tell(self) -> int:
        try:
            return self._handle.tell()
        except ValueError:  # closed, after the stream was done
            return 0

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0 if self.done else self._handle.seek(offset, whence)

    def seekable(self) -> bool:
        return self._handle.seekable()

    def flush(self) -> None:
        if not self.done:
            self._handle.flush()


class XlsxSheet:
    """One sheet of an :class:`XlsxStream`; rows only go forward."""

    def __init__(self, book: XlsxStream, sheet: Any, *, top: bool, wrap: set[int]) -> None:
        self._book, self._sheet, self._top, self._wrap = book, sheet, top, wrap
        self.rows = 0

    def append(self, values: Iterable[Any], formats: dict[int, str] | None = None, *, bold: bool = False) -> None:
        """One row: text as text cells, numbers as numbers, dates and times as date cells; ``formats`` maps
        a 0-based column to a number format."""
        row, sheet, book = self.rows, self._sheet, self._book
        styled = self._top and row > 0
        for column, value in enumerate(values):
            number = (formats or {}).get(column, "")
            if isinstance(value, datetime | date | time) and not number:
                number = _DATE_FORMATS[type(value)]
            fmt = book.format(number, bold=bold, top=styled, wrap=styled and column in self._wrap)
            if value is None or value == "":
                if fmt is not None:
                    sheet.write_blank(row, column, None, fmt)
            elif isinstance(value, str):
                sheet.write_string(row, column, value, fmt)
            elif isinstance(value, bool):
                sheet.write_boolean(row, column, value, fmt)
            elif isinstance(value, int | float):
                sheet.write_number(row, column, value, fmt)
            elif isinstance(value, datetime | date | time):
                sheet.write_datetime(row, column, value, fmt)
            else:
                sheet.write_string(row, column, str(value), fmt)
        self.rows += 1

    def freeze_header(self) -> None:
        self._sheet.freeze_panes(1, 0)


_DATE_FORMATS = {datetime: "yyyy-mm-dd hh:mm", date: "yyyy-mm-dd", time: "hh:mm"}
