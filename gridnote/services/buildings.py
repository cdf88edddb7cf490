"""Buildings as she types them (``5``, ``5号楼``): below residents, issues, events and care, which all name one."""

from __future__ import annotations

from gridnote.errors import NotFoundError
from gridnote.messages.i18n import join_list
from gridnote.store import buildings as building_rows
from gridnote.store.notebook import Notebook


def find_building(nb: Notebook, code: str) -> int:
    """The id of building ``code``; unknown buildings are an error listing the known ones."""
    found = building_rows.building_id(nb, code)
    if found is None:
        known = join_list(building_rows.building_codes(nb, by_number=False))
        raise NotFoundError("building.not_found", code=code, known=known or "-")
    return found


def resolve_building(nb: Notebook, text: str) -> int:
    """The id of the building she typed (``5``, ``5号楼``, ``5栋``)."""
    from gridnote.input.address import require_building_code

    return find_building(nb, require_building_code(text))
