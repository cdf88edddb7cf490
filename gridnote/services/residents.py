"""The residents registry: buildings, households, residents, tags and contacts."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from gridnote import clock
from gridnote.errors import InputError, NotFoundError, StateError
from gridnote.input.address import Address
from gridnote.messages.i18n import join_list
from gridnote.models import Building, Household, Resident, ResidentCard
from gridnote.services.buildings import find_building
from gridnote.store import buildings as building_rows
from gridnote.store import residents as rows
from gridnote.store import write
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:  # what she typed: needed by the writes only
    from gridnote.services.resident_fields import ResidentInput


# -- buildings and households ---------------------------------------------------
def ensure_building(nb: Notebook, code: str) -> int:
    found = building_rows.building_id(nb, code)
    if found is not None:
        return found
    return write.insert(nb, "buildings", {"code": code, "created_at": clock.iso(clock.now())})


def ensure_household(nb: Notebook, address: Address, *, known_building: bool = False) -> int:
    """The household at ``address``, created if new.

    ``known_building=True`` (typing one resident's address) refuses a building
    the grid does not have yet, so a typo (9-1-101) does not add a building
    that the daily walk would then list for ever; the first address of an
    empty notebook, an import and ``gridnote building add`` create buildings.
    """
    canonical = address.canonical()
    row = building_rows.household_at(nb, canonical)
    if row:
        return int(row[0])
    if known_building:
        check_known_building(nb, address)
    building_id = ensure_building(nb, address.building)
    return write.insert(
        nb,
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
    if building_rows.building_id(nb, address.building) is not None:
        return
    known = building_rows.building_codes(nb)
    if known:
        raise NotFoundError(key, address=address.canonical(), code=address.building, known=join_list(known))


def add_building(nb: Notebook, code: str, name: str | None = None) -> Building:
    """Add a building to the grid (or name an existing one)."""
    with nb.transaction():
        found = building_rows.building_id(nb, code)
        if found is None:
            write.insert(nb, "buildings", {"code": code, "name": name, "created_at": clock.iso(clock.now())})
        elif name is not None:
            write.update(nb, "buildings", found, {"name": name})
    return next(b for b in list_buildings(nb) if b.code == code)


def list_buildings(nb: Notebook) -> list[Building]:
    return building_rows.list_buildings(nb)


def list_households(nb: Notebook, building: str | None = None) -> list[Household]:
    return building_rows.list_households(nb, find_building(nb, building) if building is not None else None)


# -- residents -----------------------------------------------------------------
def get_resident(nb: Notebook, resident_id: int) -> Resident:
    found = rows.resident(nb, resident_id)
    if found is None:
        raise NotFoundError("resident.no_id", id=resident_id)
    return found


def list_residents(
    nb: Notebook,
    *,
    building: str | None = None,
    tag: str | None = None,
    text: str | None = None,
    include_moved: bool = False,
) -> list[Resident]:
    """Residents filtered by building, care tag and a piece of text (name, alias, pinyin, phone, note)."""
    like, phones = None, None
    if text:
        from gridnote.input.text import fold
        from gridnote.services.resident_fields import phone_spellings
        from gridnote.store.notebook import contains

        like = contains(fold(text))
        phones = [contains(spelling) for spelling in phone_spellings(fold(text))]  # old +86-138-… too
    return rows.filter_residents(
        nb,
        building_id=find_building(nb, building) if building is not None else None,
        tag=tag,
        like=like,
        phone_likes=phones,
        include_moved=include_moved,
    )


def stream_residents(
    nb: Notebook, *, building: str | None = None, tag: str | None = None
) -> tuple[int, Generator[Resident, None, None]]:
    """The current residents of a building or tag for an export: about how many, then one at a time."""
    return rows.stream_residents(nb, building_id=find_building(nb, building) if building is not None else None, tag=tag)


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
        resident_id = write.insert(
            nb,
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
    found = rows.namesake_here(nb, household_id, name)
    if found is not None:
        there = get_resident(nb, int(found))
        raise StateError("resident.same_name_here", id=there.id, name=there.display_name, address=there.address)


def _unique_id_number(nb: Notebook, id_number: str, resident_id: int | None) -> None:
    row = rows.id_number_holder(nb, id_number, resident_id)
    if row is not None:
        raise InputError("resident.duplicate_id", name=row["name"], id=row["id"])


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
            if "name" in changes or "alias" in changes:
                changes.update(_pinyin_columns(changes.get("name", current.name), changes.get("alias", current.alias)))
            changes["updated_at"] = clock.iso(clock.now())
            write.update(nb, "residents", resident_id, changes, revision="edit")
        _add_tags(nb, resident_id, new_tags)
        for contact in fields.contacts:
            add_contact(nb, resident_id, contact.name, contact.relation, contact.phone, contact.nearby)
    return get_resident(nb, resident_id)


def _add_tags(nb: Notebook, resident_id: int, tags: list[str]) -> None:
    for tag in tags:
        write.insert_missing(nb, "resident_tags", {"resident_id": resident_id, "tag": tag})


def tag_resident(nb: Notebook, resident_id: int, tags: list[str]) -> Resident:
    current = get_resident(nb, resident_id)
    with nb.transaction():
        write.keep_revision(nb, "resident_tags", resident_id, "tag", {"tags": list(current.tags)})
        _add_tags(nb, resident_id, tags)
        write.update(nb, "residents", resident_id, {"updated_at": clock.iso(clock.now())})
    return get_resident(nb, resident_id)


def untag_resident(nb: Notebook, resident_id: int, tags: list[str]) -> Resident:
    current = get_resident(nb, resident_id)
    missing = [t for t in tags if t not in current.tags]
    if missing:
        raise InputError("resident.tag_missing", tag=join_list(missing), name=current.name)
    with nb.transaction():
        write.keep_revision(nb, "resident_tags", resident_id, "untag", {"tags": list(current.tags)})
        for tag in tags:
            write.delete(nb, "resident_tags", {"resident_id": resident_id, "tag": tag}, revision=None)
        write.update(nb, "residents", resident_id, {"updated_at": clock.iso(clock.now())})
    return get_resident(nb, resident_id)


def move_out(
    nb: Notebook, resident_id: int, *, note: str | None = None, undo: bool = False, deceased: bool = False
) -> Resident:
    """Mark a resident as moved out (kept, hidden from lists), or as deceased (``deceased``: the
    same, said as 已故); ``undo`` brings them back. One who moved out may still be marked deceased."""
    current = get_resident(nb, resident_id)
    if undo and not current.moved_out:
        raise StateError("resident.not_moved_out", name=current.name)
    if not undo and current.deceased:
        raise StateError("resident.already_deceased", name=current.name, date=(current.moved_out_at or "")[:10])
    if not undo and current.moved_out and not deceased:
        raise StateError("resident.already_moved_out", name=current.name, date=current.moved_out_at[:10])
    with nb.transaction():
        now = clock.iso(clock.now())
        values: dict[str, Any] = {
            "moved_out_at": None if undo else (current.moved_out_at or now),
            "moved_out_note": None
            if undo
            else (note if note is not None or not current.moved_out else current.moved_out_note),
            "deceased": int(deceased and not undo),
            "updated_at": now,
        }
        revision = "move-back" if undo else "death" if deceased else "move-out"
        write.update(nb, "residents", resident_id, values, revision=revision)
    return get_resident(nb, resident_id)


def add_contact(
    nb: Notebook, resident_id: int, name: str, relation: str | None, phone: str | None, nearby: bool
) -> int:
    existing = rows.contact_named(nb, resident_id, name, phone)
    if existing is not None:
        write.update(nb, "contacts", existing, {"relation": relation, "nearby": int(nearby)})
        return int(existing)
    return write.insert(
        nb,
        "contacts",
        {"resident_id": resident_id, "name": name, "relation": relation, "phone": phone, "nearby": int(nearby)},
    )


def remove_contact(nb: Notebook, resident_id: int, contact_id: int) -> None:
    if not rows.has_contact(nb, resident_id, contact_id):
        raise NotFoundError("resident.no_contact", id=contact_id)
    with nb.transaction():
        write.delete(nb, "contacts", contact_id)


def resident_card(nb: Notebook, resident_id: int) -> ResidentCard:
    from gridnote.services.visit_history import recent_visits, trends

    resident = get_resident(nb, resident_id)
    household = (
        rows.household_members(nb, resident.household_id, but=resident_id) if resident.household_id is not None else []
    )
    contacts = rows.contacts_of(nb, resident_id)
    from gridnote.services.care_start import care_start

    return ResidentCard(
        resident, household, contacts, recent_visits(nb, resident), trends(nb, resident_id), care_start(nb, resident_id)
    )
