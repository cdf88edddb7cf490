"""Writing residents to CSV or XLSX files, masked unless asked otherwise."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

from gridnote.errors import InputError
from gridnote.input.text import fold
from gridnote.messages.i18n import join_list, t
from gridnote.models import Resident
from gridnote.output.files import atomic_write
from gridnote.output.privacy import mask_id, mask_phone, mask_text
from gridnote.output.spreadsheet import XlsxStream, csv_row

FORMATS = ("csv", "xlsx")


def guess_format(path: Path, explicit: str | None) -> str:
    """The format from ``--format`` or the file name; the two must not disagree."""
    suffix = fold(path.suffix.lstrip("."))
    fmt = fold(explicit or suffix or "csv")
    if fmt not in FORMATS:
        raise InputError("export.bad_format", format=fmt, formats=join_list(FORMATS))
    if explicit and suffix in FORMATS and suffix != fmt:
        raise InputError("export.format_mismatch", format=fmt, path=path)
    return fmt


def resident_rows(residents: list[Resident], *, full: bool) -> tuple[list[str], list[list[str]]]:
    """Header and rows, in the column names the import understands (so a file round-trips)."""
    from gridnote.domain.vocab import CARE_TAGS, GENDERS

    header = [
        t("export.col." + c)
        for c in ("name", "alias", "gender", "address", "phone", "birth", "id_number", "tags", "note")
    ]
    rows = []
    for r in residents:
        phones = list(r.phones) if full else [mask_phone(p) for p in r.phones]
        rows.append(
            [
                r.name,
                r.alias or "",
                GENDERS.label(r.gender) if r.gender else "",
                r.address or "",
                " ".join(phones),
                r.birth or "",
                (r.id_number or "") if full else mask_id(r.id_number),
                "、".join(CARE_TAGS.label(tag) for tag in r.tags),
                (r.note or "") if full else (mask_text(r.note) or ""),
            ]
        )
    return header, rows


def export_residents(residents: list[Resident], path: Path, fmt: str | None, *, full: bool, force: bool = False) -> str:
    """Write the file whole or not at all; returns the format used.

    Cells go through :mod:`gridnote.output.spreadsheet`, so no text can run as a formula; an XLSX
    file is streamed row by row (flat memory, linear time) into the part file that becomes it.
    """
    fmt = guess_format(path, fmt)
    header, rows = resident_rows(residents, full=full)
    if fmt == "csv":

        def write(handle: BinaryIO) -> None:
            text = io.StringIO(newline="")
            writer = csv.writer(text)
            writer.writerow(csv_row(header))
            writer.writerows(csv_row(row) for row in rows)
            handle.write(text.getvalue().encode("utf-8-sig"))
    else:

        def write(handle: BinaryIO) -> None:
            with XlsxStream(handle, path.parent, path.name) as book:
                sheet = book.sheet(t("export.sheet_residents"))
                sheet.append(header)
                for row in rows:
                    sheet.append(row)

    atomic_write(path, write, force=force)
    return fmt
