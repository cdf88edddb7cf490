"""Writing residents to CSV or XLSX files, masked unless asked otherwise."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
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


def resident_header() -> list[str]:
    """The column names the import understands (so a file round-trips)."""
    return [
        t("export.col." + c)
        for c in ("name", "alias", "gender", "address", "phone", "birth", "id_number", "tags", "note")
    ]


def resident_row(r: Resident, *, full: bool) -> list[str]:
    from gridnote.domain.vocab import CARE_TAGS, GENDERS

    phones = list(r.phones) if full else [mask_phone(p) for p in r.phones]
    return [
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


def export_residents(
    residents: Iterable[Resident],
    path: Path,
    fmt: str | None,
    *,
    full: bool,
    force: bool = False,
    total: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[str, int]:
    """Write the file whole or not at all; returns the format used and the residents written.

    Cells go through :mod:`gridnote.output.spreadsheet`, so no text can run as a formula. Both
    formats are streamed, one resident at a time from the notebook into the part file that becomes
    the file, so memory stays flat and time linear however large the register; ``progress`` hears
    ``(written, total)`` every 500 rows.
    """
    fmt = guess_format(path, fmt)
    header = resident_header()
    written = 0

    def rows() -> Iterator[list[str]]:
        nonlocal written
        for resident in residents:
            yield resident_row(resident, full=full)
            written += 1
            if progress and written % 500 == 0:
                progress(written, max(total or 0, written))
        if progress and written:
            progress(written, written)  # the bar ends full, whatever the count said before

    if fmt == "csv":

        def write(handle: BinaryIO) -> None:
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            try:
                writer = csv.writer(text)
                writer.writerow(csv_row(header))
                writer.writerows(csv_row(row) for row in rows())
                text.flush()
            finally:
                text.detach()  # the handle belongs to atomic_write, which syncs and closes it
    else:

        def write(handle: BinaryIO) -> None:
            with XlsxStream(handle, path.parent, path.name) as book:
                sheet = book.sheet(t("export.sheet_residents"))
                sheet.append(header)
                for row in rows():
                    sheet.append(row)

    atomic_write(path, write, force=force)
    return fmt, written
