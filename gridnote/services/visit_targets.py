"""Who a log entry is about: a resident, a household or buildings, decided from what she typed.

``gridnote log WHO NOTE…`` and ``gridnote log --building 5 NOTE…`` share one
argument list, so the first word is either who the entry is for or the start of
the note. The rules:

* with ``--building``, the entry is the walk of those buildings, and the first
  word is part of the note, unless it names a resident exactly (``李奶奶
  --building 5``: which one did she mean? refused);
* otherwise WHO is a household address (``8-2-301``: the resident's own visit
  when one person lives there), a building written as one (``5号楼``), or a
  resident (name, alias, pinyin, initials, ``#12``) who still lives in the grid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gridnote.errors import InputError, NotFoundError
from gridnote.input.text import normalize
from gridnote.models import Resident
from gridnote.models.visits import Target
from gridnote.store import buildings as building_rows
from gridnote.store import residents as resident_rows
from gridnote.store.notebook import Notebook

Resolver = Callable[[str], Resident]


def resident_target(nb: Notebook, resident: Resident) -> Target:
    building_id = None
    if resident.household_id is not None:
        building_id = building_rows.building_of_household(nb, resident.household_id)
    return Target(resident.id, resident.household_id, building_id, resident.display_name)


def building_target(nb: Notebook, text: str) -> Target:
    from gridnote.input.address import require_building_code
    from gridnote.services.buildings import find_building

    code = require_building_code(text)
    from gridnote.messages.i18n import t

    return Target(building_id=find_building(nb, code), label=t("building.label", code=code))


def place_target(nb: Notebook, who: str) -> Target | None:
    """A household (``8-2-301``) or a building written as one (``5号楼``); None for a resident query."""
    from gridnote.input.address import looks_like_address, parse_address

    text = normalize(who)
    if text.startswith("#") or not looks_like_address(text):
        return None
    address = parse_address(text)
    assert address is not None
    if address.complete:
        row = building_rows.household_at(nb, address.canonical())
        if row is None:
            raise NotFoundError("visit.no_household", address=address.canonical())
        members = resident_rows.member_ids(nb, row["id"])
        if len(members) == 1:
            from gridnote.services.residents import get_resident

            return resident_target(nb, get_resident(nb, members[0]))
        return Target(None, row["id"], row["building_id"], address.canonical())
    if address.unit is None and not text.isdigit():  # 5号楼, 5栋 (a bare 5 is resident #5)
        return building_target(nb, text)
    return None


@dataclass(frozen=True)
class LogWho:
    """The targets of one log entry and the words of its note."""

    targets: list[Target]
    words: list[str] = field(default_factory=list)


def decide_who(
    nb: Notebook,
    who: str | None,
    buildings: list[str] | None = None,
    words: list[str] | None = None,
    *,
    resolve: Resolver | None = None,
) -> LogWho:
    """Resident or building? See the module's rules; ``resolve`` finds a resident (a terminal may ask)."""
    words = list(words or [])
    if buildings:
        if who is not None:
            from gridnote.services.resolve import find_residents

            if any(match.exact for match in find_residents(nb, who)):
                raise InputError("visit.who_and_building", who=who)
            words.insert(0, who)  # `log --building 5 巡查`: the first word is the note
        return LogWho([building_target(nb, b) for b in dict.fromkeys(buildings)], words)
    if not who:
        raise InputError("visit.who_missing")
    return LogWho([target_of(nb, who, resolve=resolve)], words)


def target_of(nb: Notebook, who: str, *, resolve: Resolver | None = None) -> Target:
    """One target from WHO: a household, a building written as one, or a current resident."""
    place = place_target(nb, who)
    if place is not None:
        return place
    if resolve is None:
        from gridnote.services.resolve import resolve_resident

        return resident_target(nb, resolve_resident(nb, who, current=True))
    return resident_target(nb, resolve(who))
