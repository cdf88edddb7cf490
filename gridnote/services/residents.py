"""The residents registry: buildings, households, residents, tags and contacts."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from gridnote import clock
from gridnote.errors import InputError, NotFoundError, StateError
from gridnote.input.address import Address
from gridnote.messages.i18n import join_list
from gridnote.models import Building, Contact, Household, Resident, ResidentCard
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:  # what she typed: needed by the writes only
    from gridnote.services.resident_fields import ResidentInput

RESIDENT_SELECT = """
    SELECT r.*, h.address AS address,
           (SELECT group_concat(tag, ',') FROM
               (SELECT tag FROM resident_tags t WHERE t.resident_id = r.id ORDER BY tag)) AS tag_list
    FROM residents r LEFT JOIN households h ON h.id = r.household_id
"""


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
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


# -- buildings and households ---------------------------------------------------
def ensure_building(nb: Notebook, code: str) -> int:
    row = nb.one("SELECT id FROM buildings WHERE code = ?", [code])
    if row:
        return int(row[0])
    return nb.insert("buildings", {"code": code, "created_at": clock.iso(clock.now())})


def ensure_household(nb: Notebook, address: Address, *, known_building: bool = False) -> int:
    """The household at ``address``, created if new.

    ``known_building=True`` (typing one resident's address) refuses a building
    the grid does not have yet, so a typo (9-1-101) does not add a building
    that the daily walk would then list for ever; the first address of an
    empty notebook, an import and ``gridnote building add`` create buildings.
    """
    canonical = address.canonical()
    row = nb.one("SELECT id FROM households WHERE address = ?", [canonical])
    if row:
        return int(row[0])
    if known_building:
        check_known_building(nb, address)
    building_id = ensure_building(nb, address.building)
    return nb.insert(
        "households",
        {
            "building_id": building_id,
            "unit": address.unit or "",
            "room": address.room or "",
            "address": canonical,
            "created_at": clock.iso(clock.now()),
        },
    )


def check_known_building(nb: Notebook, address: Address, key: str = "building.unknown_in_address") -> None:
    """Refuse an address in a building the grid does not have: a likely typo (99-1-101).

    The one rule for typing a resident and importing a roster. A grid with no
    building yet takes its first ones from the first addresses it is given;
    after that, a new building is added on purpose (``gridnote building add``).
    """
    if nb.one("SELECT 1 FROM buildings WHERE code = ?", [address.building]):
        return
    known = [r[0] for r in nb.rows("SELECT code FROM buildings ORDER BY CAST(code AS INTEGER), code")]
    if known:
        raise NotFoundError(key, address=address.canonical(), code=address.building, known=join_list(known))


def find_building(nb: Notebook, code: str) -> int:
    """The id of building ``code``; unknown buildings are an error listing the known ones."""
    row = nb.one("SELECT id FROM buildings WHERE code = ?", [code])
    if row is None:
        known = join_list(r[0] for r in nb.rows("SELECT code FROM buildings ORDER BY code"))
        raise NotFoundError("building.not_found", code=code, known=known or "-")
    return int(row[0])


def resolve_building(nb: Notebook, text: str) -> int:
    """The id of the building she typed (``5``, ``5号楼``, ``5栋``)."""
    from gridnote.input.address import require_building_code

    return find_building(nb, require_building_code(text))


def add_building(nb: Notebook, code: str, name: str | None = None) -> Building:
    """Add a building to the grid (or name an existing one)."""
    with nb.transaction():
        row = nb.one("SELECT id FROM buildings WHERE code = ?", [code])
        if row is None:
            nb.insert("buildings", {"code": code, "name": name, "created_at": clock.iso(clock.now())})
        elif name is not None:
            nb.execute("UPDATE buildings SET name = ? WHERE id = ?", [name, row[0]])
    return next(b for b in list_buildings(nb) if b.code == code)


def list_buildings(nb: Notebook) -> list[Building]:
    rows = nb.rows(
        """
        SELECT b.id, b.code, b.name,
               (SELECT count(*) FROM households h WHERE h.building_id = b.id) AS households,
               (SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id
                 WHERE h.building_id = b.id AND r.moved_out_at IS NULL) AS residents
        FROM buildings b
        ORDER BY CAST(b.code AS INTEGER), b.code
        """
    )
    return [Building(r["id"], r["code"], r["name"], r["households"], r["residents"]) for r in rows]


def list_households(nb: Notebook, building: str | None = None) -> list[Household]:
    where, params = "", []
    if building is not None:
        where = "WHERE h.building_id = ?"
        params.append(find_building(nb, building))
    rows = nb.rows(
        f"""
        SELECT h.id, h.address, b.code AS building, h.unit, h.room,
               (SELECT group_concat(coalesce(r.alias, r.name), '、') FROM residents r
                 WHERE r.household_id = h.id AND r.moved_out_at IS NULL) AS members
        FROM households h JOIN buildings b ON b.id = h.building_id
        {where}
        ORDER BY CAST(b.code AS INTEGER), b.code, CAST(h.unit AS INTEGER), CAST(h.room AS INTEGER)
        """,
        params,
    )
    return [
        Household(
            r["id"],
            r["address"],
            r["building"],
            r["unit"],
            r["room"],
            tuple((r["members"] or "").split("、")) if r["members"] else (),
        )
        for r in rows
    ]


# -- residents -----------------------------------------------------------------
def get_resident(nb: Notebook, resident_id: int) -> Resident:
    row = nb.one(RESIDENT_SELECT + " WHERE r.id = ?", [resident_id])
    if row is None:
        raise NotFoundError("resident.no_id", id=resident_id)
    return resident_from_row(row)


def list_residents(
    nb: Notebook,
    *,
    building: str | None = None,
    tag: str | None = None,
    text: str | None = None,
    include_moved: bool = False,
) -> list[Resident]:
    """Residents filtered by building, care tag and a piece of text (name, alias, pinyin, phone, note)."""
    clauses: list[str] = []
    params: list[Any] = []
    if not include_moved:
        clauses.append("r.moved_out_at IS NULL")
    if building is not None:
        clauses.append("h.building_id = ?")
        params.append(find_building(nb, building))
    if tag is not None:
        clauses.append("EXISTS (SELECT 1 FROM resident_tags t WHERE t.resident_id = r.id AND t.tag = ?)")
        params.append(tag)
    if text:
        from gridnote.input.text import fold
        from gridnote.services.resident_fields import phone_spellings
        from gridnote.store.notebook import contains

        like = contains(fold(text))
        columns = ("r.name", "r.alias", "r.pinyin", "r.initials", "r.note", "h.address")
        phones = [contains(spelling) for spelling in phone_spellings(fold(text))]  # old +86-138-… too
        clauses.append(
            "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in (*columns, *["r.phones"] * len(phones))) + ")"
        )
        params += [like] * len(columns) + phones
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = nb.rows(
        RESIDENT_SELECT + f" {where} ORDER BY h.address IS NULL, "
        "CAST(substr(h.address, 1, instr(h.address, '-') - 1) AS INTEGER), h.address, r.id",
        params,
    )
    return [resident_from_row(r) for r in rows]


def _pinyin_columns(name: str, alias: str | None) -> dict[str, str]:
    from gridnote.input.pinyin import pinyin_keys

    full, initials = pinyin_keys(name, alias)
    return {"pinyin": full, "initials": initials}


def add_resident(
    nb: Notebook, fields: ResidentInput, *, known_building: bool = False, same_name: bool = False
) -> Resident:
    """Register a resident (and their household, and building unless ``known_building``).

    A second resident of the same name at the same address is refused unless
    ``same_name`` says it is another person: most often she was typed twice.
    """
    if not fields.name:
        raise InputError("resident.name_empty")
    if fields.id_number:
        from gridnote.services.resident_fields import check_id_number

        check_id_number(fields.id_number, fields.birth, fields.gender)
    with nb.transaction():
        if fields.id_number:
            _unique_id_number(nb, fields.id_number, None)
        household_id = ensure_household(nb, fields.address, known_building=known_building) if fields.address else None
        if household_id is not None and not same_name:
            _no_namesake(nb, household_id, fields.name)
        now = clock.iso(clock.now())
        from gridnote.services.resident_fields import birth_from_id

        birth = fields.birth or (birth_from_id(fields.id_number) if fields.id_number else None)
        resident_id = nb.insert(
            "residents",
            {
                "household_id": household_id,
                "name": fields.name,
                "alias": fields.alias,
                "gender": fields.gender,
                "birth": birth,
                "phones": ",".join(fields.phones or []),
                "id_number": fields.id_number,
                "note": fields.note,
                "created_at": now,
                "updated_at": now,
                **_pinyin_columns(fields.name, fields.alias),
            },
        )
        _add_tags(nb, resident_id, fields.tags)
        for contact in fields.contacts:
            add_contact(nb, resident_id, contact.name, contact.relation, contact.phone, contact.nearby)
    return get_resident(nb, resident_id)


def _no_namesake(nb: Notebook, household_id: int, name: str) -> None:
    row = nb.one(
        "SELECT id FROM residents WHERE household_id = ? AND name = ? AND moved_out_at IS NULL ORDER BY id",
        [household_id, name],
    )
    if row is not None:
        there = get_resident(nb, int(row[0]))
        raise StateError("resident.same_name_here", id=there.id, name=there.display_name, address=there.address)


def _unique_id_number(nb: Notebook, id_number: str, resident_id: int | None) -> None:
    row = nb.one("SELECT id, name FROM residents WHERE id_number = ? AND id IS NOT ?", [id_number, resident_id])
    if row is not None:
        raise InputError("resident.duplicate_id", name=row["name"], id=row["id"])


def record_revision(nb: Notebook, table: str, row_id: int, action: str, before: dict[str, Any] | None = None) -> None:
    """Keep the row as it was before a change, so nothing is lost without trace.

    ``before`` records state that is not one row (a resident's tags).
    """
    if before is None:
        row = nb.one(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        if row is None:
            return
        before = dict(row)
    nb.insert(
        "revisions",
        {
            "table_name": table,
            "row_id": row_id,
            "action": action,
            "before": json.dumps(before, ensure_ascii=False),
            "at": clock.iso(clock.now()),
        },
    )


def edit_resident(
    nb: Notebook, resident_id: int, fields: ResidentInput, *, replace_phones: bool = True, known_building: bool = False
) -> Resident:
    """Change the given fields; the previous row is kept in ``revisions``."""
    current = get_resident(nb, resident_id)
    changes: dict[str, Any] = {}
    if fields.name is not None and fields.name != current.name:
        changes["name"] = fields.name
    if fields.alias is not None and (fields.alias or None) != current.alias:
        changes["alias"] = fields.alias or None
    if fields.gender is not None and fields.gender != current.gender:
        changes["gender"] = fields.gender
    if fields.birth is not None and fields.birth != current.birth:
        changes["birth"] = fields.birth
    if fields.id_number is not None and fields.id_number != current.id_number:
        from gridnote.services.resident_fields import check_id_number

        check_id_number(fields.id_number, fields.birth or current.birth, fields.gender or current.gender)
        _unique_id_number(nb, fields.id_number, resident_id)
        changes["id_number"] = fields.id_number
        if not current.birth and fields.birth is None:
            from gridnote.services.resident_fields import birth_from_id

            changes["birth"] = birth_from_id(fields.id_number)
    if fields.note is not None and (fields.note or None) != current.note:
        changes["note"] = fields.note or None
    if fields.phones is not None:
        phones = (
            fields.phones
            if replace_phones
            else [*current.phones, *[p for p in fields.phones if p not in current.phones]]
        )
        if tuple(phones) != current.phones:
            changes["phones"] = ",".join(phones)
    with nb.transaction():
        if fields.address is not None and fields.address.canonical() != current.address:
            changes["household_id"] = ensure_household(nb, fields.address, known_building=known_building)
        new_tags = [t for t in fields.tags if t not in current.tags]
        if changes:
            record_revision(nb, "residents", resident_id, "edit")
            if "name" in changes or "alias" in changes:
                changes.update(_pinyin_columns(changes.get("name", current.name), changes.get("alias", current.alias)))
            changes["updated_at"] = clock.iso(clock.now())
            nb.update("residents", resident_id, changes)
        _add_tags(nb, resident_id, new_tags)
        for contact in fields.contacts:
            add_contact(nb, resident_id, contact.name, contact.relation, contact.phone, contact.nearby)
    return get_resident(nb, resident_id)


def _add_tags(nb: Notebook, resident_id: int, tags: list[str]) -> None:
    for tag in tags:
        nb.execute("INSERT OR IGNORE INTO resident_tags (resident_id, tag) VALUES (?, ?)", [resident_id, tag])


def tag_resident(nb: Notebook, resident_id: int, tags: list[str]) -> Resident:
    current = get_resident(nb, resident_id)
    with nb.transaction():
        record_revision(nb, "resident_tags", resident_id, "tag", {"tags": list(current.tags)})
        _add_tags(nb, resident_id, tags)
        nb.execute("UPDATE residents SET updated_at = ? WHERE id = ?", [clock.iso(clock.now()), resident_id])
    return get_resident(nb, resident_id)


def untag_resident(nb: Notebook, resident_id: int, tags: list[str]) -> Resident:
    current = get_resident(nb, resident_id)
    missing = [t for t in tags if t not in current.tags]
    if missing:
        raise InputError("resident.tag_missing", tag=join_list(missing), name=current.name)
    with nb.transaction():
        record_revision(nb, "resident_tags", resident_id, "untag", {"tags": list(current.tags)})
        for tag in tags:
            nb.execute("DELETE FROM resident_tags WHERE resident_id = ? AND tag = ?", [resident_id, tag])
        nb.execute("UPDATE residents SET updated_at = ? WHERE id = ?", [clock.iso(clock.now()), resident_id])
    return get_resident(nb, resident_id)


def move_out(nb: Notebook, resident_id: int, *, note: str | None = None, undo: bool = False) -> Resident:
    """Mark a resident as moved out (kept, hidden from lists); ``undo`` brings them back."""
    current = get_resident(nb, resident_id)
    if undo and not current.moved_out:
        raise StateError("resident.not_moved_out", name=current.name)
    if not undo and current.moved_out:
        raise StateError("resident.already_moved_out", name=current.name, date=current.moved_out_at[:10])
    with nb.transaction():
        record_revision(nb, "residents", resident_id, "move-back" if undo else "move-out")
        now = clock.iso(clock.now())
        nb.update(
            "residents",
            resident_id,
            {
                "moved_out_at": None if undo else now,
                "moved_out_note": None if undo else note,
                "updated_at": now,
            },
        )
    return get_resident(nb, resident_id)


def add_contact(
    nb: Notebook, resident_id: int, name: str, relation: str | None, phone: str | None, nearby: bool
) -> int:
    existing = nb.one(
        "SELECT id FROM contacts WHERE resident_id = ? AND name = ? AND coalesce(phone, '') = ?",
        [resident_id, name, phone or ""],
    )
    if existing:
        nb.update("contacts", existing[0], {"relation": relation, "nearby": int(nearby)})
        return int(existing[0])
    return nb.insert(
        "contacts",
        {"resident_id": resident_id, "name": name, "relation": relation, "phone": phone, "nearby": int(nearby)},
    )


def remove_contact(nb: Notebook, resident_id: int, contact_id: int) -> None:
    row = nb.one("SELECT id FROM contacts WHERE id = ? AND resident_id = ?", [contact_id, resident_id])
    if row is None:
        raise NotFoundError("resident.no_contact", id=contact_id)
    with nb.transaction():
        record_revision(nb, "contacts", contact_id, "delete")
        nb.execute("DELETE FROM contacts WHERE id = ?", [contact_id])


def resident_card(nb: Notebook, resident_id: int) -> ResidentCard:
    resident = get_resident(nb, resident_id)
    household: list[Resident] = []
    if resident.household_id is not None:
        rows = nb.rows(
            RESIDENT_SELECT + " WHERE r.household_id = ? AND r.id != ? AND r.moved_out_at IS NULL"
            " ORDER BY r.birth, r.id",
            [resident.household_id, resident_id],
        )
        household = [resident_from_row(r) for r in rows]
    contacts = [
        Contact(r["id"], r["name"], r["relation"], r["phone"], bool(r["nearby"]))
        for r in nb.rows("SELECT * FROM contacts WHERE resident_id = ? ORDER BY nearby DESC, id", [resident_id])
    ]
    from gridnote.services.visit_history import recent_visits, trends

    return ResidentCard(resident, household, contacts, recent_visits(nb, resident), trends(nb, resident_id))
