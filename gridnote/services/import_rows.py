"""Reading a roster's rows: each spreadsheet row into a resident's fields, checked, with its row number.

Nothing here reads or writes the notebook: an import (gridnote/services/importer.py)
and a register sent down by the centre (gridnote/services/down.py) read their rows here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gridnote.errors import GridnoteError, InputError
from gridnote.input.address import Address, building_code, parse_address
from gridnote.input.roster import map_headers, read_table
from gridnote.models import ImportProblem
from gridnote.services import resident_fields as rf


@dataclass
class Row:
    number: int
    fields: rf.ResidentInput
    last_visit: date | None = None  # a starting date for her care round (not a visit): see care_start


class ImportRowsError(InputError):
    """Some rows cannot be imported; nothing was."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__("import.bad_rows", count=len(problems))
        self.problems = problems

    @property
    def details(self) -> list[str]:
        from gridnote.messages.i18n import t

        return [t("import.row_problem", row=p.row, message=p.message) for p in self.problems]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_row(cells: dict[str, Any]) -> rf.ResidentInput:
    """One spreadsheet row → the fields of a resident (raises InputError for a bad value)."""
    fields = rf.ResidentInput(name=rf.clean_name(_cell(cells.get("name"))))
    if _cell(cells.get("alias")):
        fields.alias = rf.clean_alias(_cell(cells["alias"]))
    fields.address = _row_address(cells)
    if _cell(cells.get("gender")):
        fields.gender = rf.clean_gender(_cell(cells["gender"]))
    birth = cells.get("birth")
    if isinstance(birth, (date, datetime)):
        fields.birth = rf.clean_birth(birth)
    elif _cell(birth):
        fields.birth = rf.clean_birth(_cell(birth))
    if _cell(cells.get("phones")):
        fields.phones = rf.clean_phones([_cell(cells["phones"])])
    if isinstance(cells.get("id_number"), (int, float)) and cells["id_number"] > 10**10:
        raise InputError("import.id_as_number")
    if _cell(cells.get("id_number")):
        fields.id_number = rf.clean_id_number(_cell(cells["id_number"]))
    if _cell(cells.get("tags")):
        fields.tags = rf.clean_tags([_cell(cells["tags"])])
    if _cell(cells.get("note")):
        fields.note = _cell(cells["note"])
    if _cell(cells.get("contact_name")):
        phone = _cell(cells.get("contact_phone"))
        fields.contacts.append(
            rf.ContactInput(
                _cell(cells["contact_name"]),
                _cell(cells.get("contact_relation")) or None,
                rf.clean_phone(phone) if phone else None,
            )
        )
    return fields


def parse_last_visit(value: Any) -> date | None:
    """A roster's last-visit cell: a date cell, 2026-11-20, 2026/11/20, 2026年11月20日, 11-20; not ahead."""
    from gridnote import clock

    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        text = _cell(value)
        if not text:
            return None
        if text.isdigit() and 10_000 <= int(text) <= 90_000:  # an Excel date serial, as a CSV saves a date cell
            from datetime import timedelta

            value = date(1899, 12, 30) + timedelta(days=int(text))
        else:
            from gridnote.input.dates import parse_past_day

            try:
                value = parse_past_day(text.split(" ")[0].split("T")[0])
            except InputError:
                raise InputError("import.bad_last_visit", text=text) from None
    if value > clock.today():
        raise InputError("import.last_visit_future", day=value.isoformat())
    return value


def _row_address(cells: dict[str, Any]) -> Address:
    if _cell(cells.get("address")):
        return rf.clean_address(_cell(cells["address"]))
    building = _cell(cells.get("building"))
    unit = _cell(cells.get("unit"))
    room = _cell(cells.get("room"))
    code = building_code(building) if building else None
    if code is None or not unit or not room:
        raise InputError("import.incomplete_address", building=building or "?", unit=unit or "?", room=room or "?")
    # one address reader for all: 8号楼 + 一单元 + 0301室 is read as 8号楼一单元0301室
    address = parse_address(f"{code}号楼{unit if unit.endswith('单元') else unit + '单元'}{room}")
    if address is None or not address.complete:
        raise InputError("import.incomplete_address", building=building, unit=unit, room=room)
    return address


def check_rows(path: Path) -> tuple[list[Row], list[ImportProblem], str | None]:
    header, rows, encoding = read_table(path)
    mapping = map_headers(header)
    good: list[Row] = []
    problems: list[ImportProblem] = []
    for number, row in rows:
        cells = {field: row[i] for i, field in mapping.items() if i < len(row)}
        try:
            good.append(Row(number, parse_row(cells), parse_last_visit(cells.get("last_visit"))))
        except GridnoteError as exc:
            problems.append(ImportProblem(number, exc.message))
    return good, problems, encoding
