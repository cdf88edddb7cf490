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

from gridnote.errors import InputError
from gridnote.models import Resident
from gridnote.services.visits import Target, building_target, place_target, resident_target
from gridnote.store.notebook import Notebook

Resolver = Callable[[str], Resident]


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
