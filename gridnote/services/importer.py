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

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gridnote.errors import NotFoundError
from gridnote.input.address import Address
from gridnote.models import ImportChange, ImportProblem, ImportResult, Resident
from gridnote.services import resident_fields as rf
from gridnote.services.import_rows import ImportRowsError, Row, check_rows
from gridnote.services.residents import check_known_building, get_resident
from gridnote.store.notebook import Notebook
from gridnote.store.residents import contact_facts
from gridnote.store.residents import namesakes as same_name


class _Undecided(Exception):
    """A row that fits several namesakes equally: which one it means is not for gridnote to guess."""

    def __init__(self, candidates: list[Resident]) -> None:
        super().__init__(candidates)
        self.candidates = candidates


def import_residents(
    nb: Notebook,
    path: Path,
    *,
    dry_run: bool = False,
    new_buildings: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import a file in one short transaction; a dry run does the same writes and rolls them back.

    Everything that can be done before writing is done outside the write lock, so
    other writers are not kept waiting while a long file is read: each row is
    parsed and checked, its pinyin worked out, and the resident it describes
    chosen (a row fitting several namesakes alike is a bad row). Only then does
    the transaction write the rows, all or none; if another command wrote in the
    meantime, the rows are matched again inside it, against what is there now.

    A row in a building the grid does not have is a bad row, as when typing one
    resident (a likely typo), unless ``new_buildings`` says the file brings them.
    """
    from gridnote.input.pinyin import pinyin_keys
    from gridnote.store.buildings import building_codes
    from gridnote.store.sql import data_version

    rows, problems, encoding = check_rows(path)
    for row in rows:  # the slow part of writing a name, done here (kept by pinyin_keys)
        assert row.fields.name is not None
        pinyin_keys(row.fields.name, row.fields.alias)
    if not new_buildings:
        problems = sorted([*problems, *_unknown_building_rows(nb, rows)], key=lambda p: p.row)
    if problems:
        raise ImportRowsError(problems)
    version = data_version(nb)
    plan = _plan(nb, rows)  # raises ImportRowsError: refused before any lock is taken
    steps = len(rows)

    class _DryRun(Exception):
        pass

    known: set[str] = set()
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    changes: list[ImportChange] = []
    try:
        with nb.transaction():
            if data_version(nb) != version:  # another command wrote since: match against what is there now
                plan = _plan(nb, rows)
            known = set(building_codes(nb))
            made: dict[int, int] = {}  # planned new resident -> the id it was given
            for done, (row, target) in enumerate(plan, start=1):
                outcome, changed = _write_row(nb, row, target, made)
                counts[outcome] += 1
                if dry_run and outcome != "unchanged":
                    changes.append(_change(row, outcome, changed))
                if progress:
                    progress(done, steps)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    added_buildings = tuple(
        sorted(
            {r.fields.address.building for r in rows if r.fields.address} - known, key=lambda code: (len(code), code)
        )
    )
    changes.sort(key=lambda c: c.row)
    return ImportResult(
        len(rows),
        counts["added"],
        counts["updated"],
        counts["unchanged"],
        dry_run,
        encoding,
        added_buildings,
        tuple(changes),
    )


@dataclass(frozen=True)
class _New:
    """A resident the import will add: the n-th new one, so two rows of one person add one."""

    n: int


def _plan(nb: Notebook, rows: list[Row]) -> list[tuple[Row, int | _New]]:
    """Which resident each row describes (an id, or one to add), in the order to write them; reads only.

    Rows that tell their namesake apart go first (the order of the file does not
    decide); a row still undecided once they have claimed theirs is a bad row,
    and any bad row refuses the whole file (ImportRowsError).
    """
    claimed: set[int] = set()  # residents a row of this file has already been matched with
    new: dict[tuple[str, str, str], _New] = {}  # (address, name, ID number) of the residents to add
    numbers = itertools.count()
    plan: list[tuple[Row, int | _New]] = []
    undecided: list[Row] = []
    problems: list[ImportProblem] = []
    for final, batch in ((False, rows), (True, undecided)):
        for row in batch:
            fields = row.fields
            assert fields.address is not None and fields.name is not None
            key = (fields.address.canonical(), fields.name, fields.id_number or "")
            if fields.id_number and key in new:  # the same person twice in the file, as when writing one by one
                plan.append((row, new[key]))
                continue
            try:
                found = _same_person(nb, _household(nb, fields.address), fields, claimed)
            except _Undecided as exc:
                if not final:
                    undecided.append(row)
                else:
                    problems.append(_undecided_problem(row, exc.candidates))
                continue
            if found is None:
                added = _New(next(numbers))
                if fields.id_number:
                    new[key] = added
                plan.append((row, added))
            else:
                claimed.add(found)
                plan.append((row, found))
    if problems:
        raise ImportRowsError(sorted(problems, key=lambda p: p.row))
    return plan


def _household(nb: Notebook, address: Address) -> int | None:
    from gridnote.store.buildings import household_at

    found = household_at(nb, address.canonical())
    return None if found is None else int(found[0])


def _change(row: Row, outcome: str, changed: tuple[str, ...]) -> ImportChange:
    assert row.fields.name is not None and row.fields.address is not None
    return ImportChange(row.number, outcome, row.fields.name, row.fields.address.canonical(), changed)


def _undecided_problem(row: Row, candidates: list[Resident]) -> ImportProblem:
    from gridnote.messages.i18n import t
    from gridnote.services.resolve import format_candidates

    address = row.fields.address.canonical() if row.fields.address else "-"
    return ImportProblem(
        row.number,
        t("import.undecided", name=row.fields.name, address=address, candidates=format_candidates(candidates)),
    )


def _unknown_building_rows(nb: Notebook, rows: list[Row]) -> list[ImportProblem]:
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


def _write_row(nb: Notebook, row: Row, target: int | _New, made: dict[int, int]) -> tuple[str, tuple[str, ...]]:
    """Add the resident, or merge the row into the one it describes (see :func:`_plan`): the outcome
    ("added", "updated", "unchanged") and, updated, which facts changed.

    A last-visit cell becomes her care round's starting date (``source`` import),
    never a visit in the log.
    """
    from gridnote.services.care_start import set_start
    from gridnote.services.residents import add_resident, edit_resident

    fields, last_visit = row.fields, row.last_visit
    assert fields.address is not None and fields.name is not None
    if isinstance(target, _New):
        if target.n not in made:
            made[target.n] = add_resident(nb, fields, same_name=True).id
            if last_visit is not None:
                set_start(nb, made[target.n], last_visit, "import")
            return "added", ()
        resident_id = made[target.n]
    else:
        resident_id = target
    before = (get_resident(nb, resident_id), contact_facts(nb, resident_id))
    edit_resident(nb, resident_id, fields, replace_phones=False)
    after = (get_resident(nb, resident_id), contact_facts(nb, resident_id))
    started = last_visit is not None and set_start(nb, resident_id, last_visit, "import")
    changed = tuple(f for f in _COMPARED if getattr(before[0], f) != getattr(after[0], f))
    changed += ("contacts",) * (before[1] != after[1]) + ("care_start",) * bool(started)
    return ("unchanged", ()) if before == after and not started else ("updated", changed)


def _same_person(nb: Notebook, household_id: int | None, fields: rf.ResidentInput, claimed: set[int]) -> int | None:
    """The resident of that name at that address whom the row describes, if any.

    Two people may share a name in one flat, so a name is not enough: the same
    ID number decides; a different ID number or birth date is another person;
    one already matched by another row of the file is another person too (an
    export lists both); shared facts (phone, birth, gender, alias) pick between
    the rest. Several left with the same facts shared raise :class:`_Undecided`:
    merging into the first would silently overwrite someone else's note.
    """
    assert fields.name is not None  # a row without a name is refused before
    if household_id is None:  # an address new to the notebook: no one lives there yet
        return None
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
