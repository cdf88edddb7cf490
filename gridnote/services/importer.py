"""Importing residents from CSV or XLSX as people in China export them from Excel.

Encodings: UTF-8, UTF-8 with BOM, UTF-16 (Excel's "Unicode text") and
GB18030 (a superset of GBK/GB2312, what Chinese Excel writes by default);
any other (Big5, Shift_JIS …) is refused by name (gridnote/input/encoding.py).
Headers may be Chinese or English. All or nothing: every row is checked
first; with any bad row nothing is written and each bad row is reported with
its spreadsheet row number. A row in a building the grid does not have is a
bad row (a likely typo, as for ``resident add``) unless the import is told the
file brings new buildings. A resident already in the notebook (same name at
the same address) is updated, not duplicated, so importing a file twice is
harmless.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gridnote.errors import GridnoteError, InputError, NotFoundError
from gridnote.input.address import Address, building_code, parse_address
from gridnote.input.roster import map_headers, read_table
from gridnote.models import ImportChange, ImportProblem, ImportResult, Resident
from gridnote.services import resident_fields as rf
from gridnote.services.residents import check_known_building, ensure_household, get_resident
from gridnote.store.notebook import Notebook
from gridnote.store.residents import contact_facts
from gridnote.store.residents import namesakes as same_name


@dataclass
class _Row:
    number: int
    fields: rf.ResidentInput
    last_visit: date | None = None  # a starting date for her care round (not a visit): see care_start


class _Undecided(Exception):
    """A row that fits several namesakes equally: which one it means is not for gridnote to guess."""

    def __init__(self, candidates: list[Resident]) -> None:
        super().__init__(candidates)
        self.candidates = candidates


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


def check_rows(path: Path) -> tuple[list[_Row], list[ImportProblem], str | None]:
    header, rows, encoding = read_table(path)
    mapping = map_headers(header)
    good: list[_Row] = []
    problems: list[ImportProblem] = []
    for number, row in rows:
        cells = {field: row[i] for i, field in mapping.items() if i < len(row)}
        try:
            good.append(_Row(number, parse_row(cells), parse_last_visit(cells.get("last_visit"))))
        except GridnoteError as exc:
            problems.append(ImportProblem(number, exc.message))
    return good, problems, encoding


def import_residents(
    nb: Notebook,
    path: Path,
    *,
    dry_run: bool = False,
    new_buildings: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import a file in one transaction; a dry run does the same work and rolls it back.

    A row in a building the grid does not have is a bad row, as when typing one
    resident (a likely typo), unless ``new_buildings`` says the file brings them.
    """
    rows, problems, encoding = check_rows(path)
    if not new_buildings:
        problems = sorted([*problems, *_unknown_building_rows(nb, rows)], key=lambda p: p.row)
    if problems:
        raise ImportRowsError(problems)
    from gridnote.store.buildings import building_codes

    known = set(building_codes(nb))
    added_buildings = tuple(
        sorted(
            {r.fields.address.building for r in rows if r.fields.address} - known, key=lambda code: (len(code), code)
        )
    )
    added = updated = unchanged = 0

    class _DryRun(Exception):
        pass

    claimed: set[int] = set()  # residents a row of this file has already been matched with
    changes: list[ImportChange] = []
    done = 0
    try:
        with nb.transaction():
            # rows that tell their namesake apart go first (the order of the file does not
            # decide); a row still undecided once they have claimed theirs is a bad row
            undecided: list[_Row] = []
            for final, batch in ((False, rows), (True, undecided)):
                for row in batch:
                    try:
                        outcome, changed = _upsert(nb, row.fields, claimed, row.last_visit)
                    except _Undecided as exc:
                        if not final:
                            undecided.append(row)
                        else:
                            problems.append(_undecided_problem(row, exc.candidates))
                        continue
                    added += outcome == "added"
                    updated += outcome == "updated"
                    unchanged += outcome == "unchanged"
                    if dry_run and outcome != "unchanged":
                        changes.append(_change(row, outcome, changed))
                    done += 1
                    if progress:
                        progress(done, len(rows))
            if problems:
                raise ImportRowsError(sorted(problems, key=lambda p: p.row))  # rolls back: all or nothing
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    changes.sort(key=lambda c: c.row)
    return ImportResult(len(rows), added, updated, unchanged, dry_run, encoding, added_buildings, tuple(changes))


def _change(row: _Row, outcome: str, changed: tuple[str, ...]) -> ImportChange:
    assert row.fields.name is not None and row.fields.address is not None
    return ImportChange(row.number, outcome, row.fields.name, row.fields.address.canonical(), changed)


def _undecided_problem(row: _Row, candidates: list[Resident]) -> ImportProblem:
    from gridnote.messages.i18n import t
    from gridnote.services.resolve import format_candidates

    address = row.fields.address.canonical() if row.fields.address else "-"
    return ImportProblem(
        row.number,
        t("import.undecided", name=row.fields.name, address=address, candidates=format_candidates(candidates)),
    )


def _unknown_building_rows(nb: Notebook, rows: list[_Row]) -> list[ImportProblem]:
    """Rows whose building the grid does not have: the same check as ``resident add``."""
    problems = []
    for row in rows:
        if row.fields.address is None:
            continue
        try:
            check_known_building(nb, row.fields.address, "import.unknown_building")
        except NotFoundError as exc:
            problems.append(ImportProblem(row.number, exc.message))
    return problems


_COMPARED = ("name", "alias", "gender", "birth", "phones", "id_number", "note", "tags")


def _upsert(
    nb: Notebook, fields: rf.ResidentInput, claimed: set[int], last_visit: date | None = None
) -> tuple[str, tuple[str, ...]]:
    """Add the resident, or merge the row into the one it describes (see ``_same_person``): the outcome
    ("added", "updated", "unchanged") and, updated, which facts changed.

    A last-visit cell becomes her care round's starting date (``source`` import),
    never a visit in the log.
    """
    from gridnote.services.care_start import set_start
    from gridnote.services.residents import add_resident, edit_resident

    assert fields.address is not None and fields.name is not None
    household_id = ensure_household(nb, fields.address)
    resident_id = _same_person(nb, household_id, fields, claimed)
    if resident_id is None:
        resident_id = add_resident(nb, fields, same_name=True).id
        claimed.add(resident_id)
        if last_visit is not None:
            set_start(nb, resident_id, last_visit, "import")
        return "added", ()
    claimed.add(resident_id)
    before = (get_resident(nb, resident_id), contact_facts(nb, resident_id))
    edit_resident(nb, resident_id, fields, replace_phones=False)
    after = (get_resident(nb, resident_id), contact_facts(nb, resident_id))
    started = last_visit is not None and set_start(nb, resident_id, last_visit, "import")
    changed = tuple(f for f in _COMPARED if getattr(before[0], f) != getattr(after[0], f))
    changed += ("contacts",) * (before[1] != after[1]) + ("care_start",) * bool(started)
    return ("unchanged", ()) if before == after and not started else ("updated", changed)


def _same_person(nb: Notebook, household_id: int, fields: rf.ResidentInput, claimed: set[int]) -> int | None:
    """The resident of that name at that address whom the row describes, if any.

    Two people may share a name in one flat, so a name is not enough: the same
    ID number decides; a different ID number or birth date is another person;
    one already matched by another row of the file is another person too (an
    export lists both); shared facts (phone, birth, gender, alias) pick between
    the rest. Several left with the same facts shared raise :class:`_Undecided`:
    merging into the first would silently overwrite someone else's note.
    """
    assert fields.name is not None  # a row without a name is refused before
    namesakes = [get_resident(nb, i) for i in same_name(nb, household_id, fields.name)]
    if fields.id_number:
        for r in namesakes:
            if r.id_number == fields.id_number:
                return r.id
    free = [
        r
        for r in namesakes
        if r.id not in claimed
        and not _told_apart(r.id_number, fields.id_number)
        and not _told_apart(r.birth, fields.birth, prefix=True)
    ]
    if not free:
        return None
    best = max(_likeness(r, fields)[0] for r in free)
    tied = [r for r in free if _likeness(r, fields)[0] == best]
    if len(tied) > 1:
        current = [r for r in tied if not r.moved_out]
        if len(current) != 1:  # one still living there is the one a roster means
            raise _Undecided(tied)
        tied = current
    return tied[0].id


def _likeness(known: Resident, row: rf.ResidentInput) -> tuple[int, int]:
    """(facts both share, minus facts only the resident has): ranks namesakes for a row."""
    phones = (set(known.phones), set(row.phones or []))
    facts = [(known.birth, row.birth), (known.gender, row.gender), (known.alias, row.alias)]
    shared = bool(phones[0] & phones[1]) + sum(bool(a and b and a == b) for a, b in facts)
    only_known = bool(phones[0] and not phones[1]) + sum(bool(a and not b) for a, b in facts)
    return shared, -only_known


def _told_apart(known: str | None, given: str | None, *, prefix: bool = False) -> bool:
    """Both present and different (a birth year agrees with a full date in that year)."""
    if not known or not given:
        return False
    if prefix:
        return not (known.startswith(given) or given.startswith(known))
    return known != given
