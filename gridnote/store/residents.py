"""Residents, their tags and contacts: the SQL of the register."""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from typing import Any

from gridnote.models import Contact, Resident
from gridnote.store.notebook import Notebook

RESIDENT_SELECT = """
    SELECT r.*, h.address AS address,
           (SELECT group_concat(tag, ',') FROM
               (SELECT tag FROM resident_tags t WHERE t.resident_id = r.id ORDER BY tag)) AS tag_list
    FROM residents r LEFT JOIN households h ON h.id = r.household_id
"""
_ADDRESS_ORDER = (
    " ORDER BY h.address IS NULL, CAST(substr(h.address, 1, instr(h.address, '-') - 1) AS INTEGER), h.address, r.id"
)


def resident_from_row(row: sqlite3.Row) -> Resident:
    return Resident(
        id=row["id"],
        name=row["name"],
        alias=row["alias"],
        gender=row["gender"],
        birth=row["birth"],
        phones=tuple(p for p in (row["phones"] or "").split(",") if p),
        id_number=row["id_number"],
        note=row["note"],
        address=row["address"],
        household_id=row["household_id"],
        tags=tuple(t for t in (row["tag_list"] or "").split(",") if t),
        moved_out_at=row["moved_out_at"],
        moved_out_note=row["moved_out_note"],
        deceased=bool(row["deceased"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def resident(nb: Notebook, resident_id: int) -> Resident | None:
    row = nb.one(RESIDENT_SELECT + " WHERE r.id = ?", [resident_id])
    return None if row is None else resident_from_row(row)


def resident_rows(nb: Notebook, ids: list[int]) -> list[sqlite3.Row]:
    """The residents' rows (every column, with address and tags), in no particular order."""
    import json

    return nb.rows(RESIDENT_SELECT + " WHERE r.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])


def count_residents(nb: Notebook) -> int:
    return int(nb.scalar("SELECT count(*) FROM residents"))


def _filter(
    *,
    building_id: int | None,
    tag: str | None,
    like: str | None,
    phone_likes: list[str] | None,
    include_moved: bool,
) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``r`` and ``h``) that :func:`filter_residents` and its stream share."""
    clauses: list[str] = []
    params: list[Any] = []
    if not include_moved:
        clauses.append("r.moved_out_at IS NULL")
    if building_id is not None:
        clauses.append("h.building_id = ?")
        params.append(building_id)
    if tag is not None:
        clauses.append("EXISTS (SELECT 1 FROM resident_tags t WHERE t.resident_id = r.id AND t.tag = ?)")
        params.append(tag)
    if like is not None:
        columns = ("r.name", "r.alias", "r.pinyin", "r.initials", "r.note", "h.address")
        phones = phone_likes or []
        clauses.append(
            "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in (*columns, *["r.phones"] * len(phones))) + ")"
        )
        params += [like] * len(columns) + phones
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def filter_residents(
    nb: Notebook,
    *,
    building_id: int | None = None,
    tag: str | None = None,
    like: str | None = None,
    phone_likes: list[str] | None = None,
    include_moved: bool = False,
) -> list[Resident]:
    """Residents by building, care tag and a LIKE pattern over name, alias, pinyin, note, address and phones."""
    where, params = _filter(
        building_id=building_id, tag=tag, like=like, phone_likes=phone_likes, include_moved=include_moved
    )
    return [resident_from_row(r) for r in nb.rows(RESIDENT_SELECT + f" {where}" + _ADDRESS_ORDER, params)]


def stream_residents(
    nb: Notebook, *, building_id: int | None = None, tag: str | None = None
) -> tuple[int, Generator[Resident, None, None]]:
    """About how many current residents match, and the residents one at a time, in address order.

    For exports of any size: one resident is in memory at a time, not the register. The rows come
    from one statement, which reads one snapshot of the notebook however long the export takes;
    the count (for a progress bar) is read just before it, so a write in between may change it.
    """
    where, params = _filter(building_id=building_id, tag=tag, like=None, phone_likes=None, include_moved=False)
    count = int(
        nb.scalar(f"SELECT count(*) FROM residents r LEFT JOIN households h ON h.id = r.household_id {where}", params)
    )
    return count, _each_resident(nb.each(RESIDENT_SELECT + f" {where}" + _ADDRESS_ORDER, params))


def _each_resident(rows: Generator[sqlite3.Row, None, None]) -> Generator[Resident, None, None]:
    # closing the stream (an export that stops half-way) closes its cursor now, while the notebook is open
    try:
        for row in rows:
            yield resident_from_row(row)
    finally:
        rows.close()


def matching_rows(
    nb: Notebook, address_prefixes: list[str], word_likes: list[tuple[str, list[str]]], *, include_moved: bool
) -> list[sqlite3.Row]:
    """Residents at every address prefix (``8-2`` is 8-2 and 8-2-…) whose name, alias, pinyin,
    initials or phones match every word (each word: its LIKE pattern and its phone patterns)."""
    clauses: list[str] = []
    params: list[Any] = []
    for prefix in address_prefixes:
        clauses.append("(h.address = ? OR h.address LIKE ?)")
        params += [prefix, prefix + "-%"]
    for like, phones in word_likes:
        columns = ("r.name", "r.alias", "r.pinyin", "r.initials", *["r.phones"] * len(phones))
        clauses.append("(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in columns) + ")")
        params += [like] * 4 + phones
    if not include_moved:
        clauses.append("r.moved_out_at IS NULL")
    return nb.rows(RESIDENT_SELECT + " WHERE " + " AND ".join(clauses), params)


def current_names(nb: Notebook) -> list[sqlite3.Row]:
    """(id, name, alias, pinyin, initials) of everyone living here."""
    return nb.rows("SELECT id, name, alias, pinyin, initials FROM residents WHERE moved_out_at IS NULL")


def household_members(nb: Notebook, household_id: int, *, but: int | None = None) -> list[Resident]:
    """Who lives in a household now, oldest first (``but``: leave that resident out)."""
    rows = nb.rows(
        RESIDENT_SELECT
        + " WHERE r.household_id = ? AND r.id IS NOT ? AND r.moved_out_at IS NULL ORDER BY r.birth, r.id",
        [household_id, but],
    )
    return [resident_from_row(r) for r in rows]


def member_ids(nb: Notebook, household_id: int) -> list[int]:
    """Ids of the residents living in a household now, in the order registered."""
    return [
        r[0]
        for r in nb.rows(
            "SELECT id FROM residents WHERE household_id = ? AND moved_out_at IS NULL ORDER BY id", [household_id]
        )
    ]


def member_names(nb: Notebook, household_id: int) -> list[str]:
    """Alias (else name) of each resident living in a household now, in the order registered."""
    return [
        r[0]
        for r in nb.rows(
            "SELECT coalesce(alias, name) FROM residents WHERE household_id = ? AND moved_out_at IS NULL ORDER BY id",
            [household_id],
        )
    ]


def namesake_here(nb: Notebook, household_id: int, name: str) -> int | None:
    """The first current resident of that name in the household."""
    return nb.scalar(
        "SELECT id FROM residents WHERE household_id = ? AND name = ? AND moved_out_at IS NULL ORDER BY id",
        [household_id, name],
    )


def namesakes(nb: Notebook, household_id: int, name: str) -> list[int]:
    """Every resident of that name ever registered in the household, current ones first."""
    return [
        int(r[0])
        for r in nb.rows(
            "SELECT id FROM residents WHERE household_id = ? AND name = ? ORDER BY moved_out_at IS NOT NULL, id",
            [household_id, name],
        )
    ]


def id_number_holder(nb: Notebook, id_number: str, but: int | None) -> sqlite3.Row | None:
    """(id, name) of another resident with this ID number."""
    return nb.one("SELECT id, name FROM residents WHERE id_number = ? AND id IS NOT ?", [id_number, but])


def building_of(nb: Notebook, resident_id: int) -> int | None:
    """The building a resident lives in (None: no address)."""
    return nb.scalar(
        "SELECT h.building_id FROM residents r JOIN households h ON h.id = r.household_id WHERE r.id = ?",
        [resident_id],
    )


def tags_of(nb: Notebook, resident_id: int) -> list[str]:
    return [r[0] for r in nb.rows("SELECT tag FROM resident_tags WHERE resident_id = ?", [resident_id])]


def first_phones(nb: Notebook, ids: list[int]) -> dict[int, str]:
    """``{resident id: stored phones}`` of these residents."""
    import json

    rows = nb.rows("SELECT id, phones FROM residents WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])
    return {r[0]: r[1] for r in rows}


# -- contacts -------------------------------------------------------------------------
def contacts_of(nb: Notebook, resident_id: int) -> list[Contact]:
    """Family and neighbours to call, those nearby first."""
    return [
        Contact(r["id"], r["name"], r["relation"], r["phone"], bool(r["nearby"]))
        for r in nb.rows("SELECT * FROM contacts WHERE resident_id = ? ORDER BY nearby DESC, id", [resident_id])
    ]


def contact_facts(nb: Notebook, resident_id: int) -> list[tuple[Any, ...]]:
    """(name, relation, phone, nearby) of each contact, in the order added: to tell whether an import changed them."""
    rows = nb.rows(
        "SELECT name, relation, phone, nearby FROM contacts WHERE resident_id = ? ORDER BY id", [resident_id]
    )
    return [tuple(r) for r in rows]


def contact_named(nb: Notebook, resident_id: int, name: str, phone: str | None) -> int | None:
    """The resident's contact of that name and phone."""
    return nb.scalar(
        "SELECT id FROM contacts WHERE resident_id = ? AND name = ? AND coalesce(phone, '') = ?",
        [resident_id, name, phone or ""],
    )


def has_contact(nb: Notebook, resident_id: int, contact_id: int) -> bool:
    return nb.one("SELECT 1 FROM contacts WHERE id = ? AND resident_id = ?", [contact_id, resident_id]) is not None


def affected_by(nb: Notebook, issue_id: int) -> list[Resident]:
    """The residents an issue affects, by address."""
    rows = nb.rows(
        RESIDENT_SELECT
        + " JOIN issue_residents ir ON ir.resident_id = r.id WHERE ir.issue_id = ? ORDER BY h.address, r.id",
        [issue_id],
    )
    return [resident_from_row(r) for r in rows]
