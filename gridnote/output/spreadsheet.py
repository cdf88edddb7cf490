"""Cells for spreadsheets: user text that Excel or WPS can never run as a formula.

A resident's note or an issue's text may start with ``=``, ``+``, ``-`` or ``@``
(``=HYPERLINK(…)``); a spreadsheet that opens the export would run it (CSV
injection, OWASP). Every writer of CSV and XLSX goes through this module:

* XLSX: text is always stored as a text cell, never as a formula; it keeps
  its exact characters.
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
from collections.abc import Iterable
from typing import Any

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
