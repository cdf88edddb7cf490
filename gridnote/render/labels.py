"""Labels several renderers show alike: times, categories, places, who a task is for.

Pure functions of models and codes, in the interface language; the one home
of each, so an issue list, the report and ``find`` cannot word them apart.
"""

from __future__ import annotations

from datetime import date

from gridnote.messages.i18n import pick, t
from gridnote.models import Category


def short_time(stamp: str | None, today: date) -> str:
    """``11-29 09:40`` this year, ``2025-11-29 09:40`` otherwise; a bare day as ``12-01``; none: ``-``."""
    from gridnote.render import dates as when

    return when.short_time(stamp, today) if stamp else "-"


def category_label(code: str, cats: list[Category] | None = None) -> str:
    """The category's name in the interface language (``cats``: the notebook's list, defaults if None)."""
    if cats is None:
        from gridnote.domain.categories import DEFAULT_CATEGORIES

        cats = list(DEFAULT_CATEGORIES)
    for c in cats:
        if c.code == code:
            return pick(c.en, c.zh)
    return code


def place_text(place: str) -> str:
    """``8-2-301`` as it is; a bare building code as ``Building 5`` / ``5号楼``."""
    return place if "-" in place else t("building.label", code=place)


def who(resident: str | None, address: str | None, building: str | None) -> str:
    """``李秀英（李奶奶） 8-2-301``, or the building (``5号楼``) for a building's task."""
    if resident:
        return f"{resident} {address}" if address else resident
    return t("building.label", code=building) if building else ""
