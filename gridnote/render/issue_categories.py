"""Issue categories: the table and JSON of ``gridnote issue category list``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import pick, t
from gridnote.models import Category
from gridnote.render.common import table

if TYPE_CHECKING:
    from rich.console import RenderableType


def category_table(cats: list[Category], hours: dict[str, tuple[int, int]]) -> RenderableType:
    from gridnote.domain.issue_terms import DEADLINE_GROUPS

    grid = table("category.col.code", "category.col.name", "category.col.deadlines", "category.col.upward")
    for c in cats:
        response, resolve_ = hours[c.group]
        label = pick(c.en, c.zh) + (" *" if c.custom else "")
        grid.add_row(
            ("  " if c.parent else "") + c.code,
            ("  " if c.parent else "") + label,
            f"{DEADLINE_GROUPS.label(c.group)} {_hours(response)}/{_hours(resolve_)}",
            c.upward or "",
        )
    grid.caption = t("category.caption")
    return grid


def _hours(hours: int) -> str:
    """``2h``, ``24h``, ``3d``: hours up to two days, whole days beyond."""
    if hours % 24 == 0 and hours >= 48:
        return t("issue.days", n=hours // 24)
    return t("issue.hours", n=hours)


def category_json(c: Category, hours: tuple[int, int]) -> dict[str, Any]:
    return {
        "code": c.code,
        "en": c.en,
        "zh": c.zh,
        "parent": c.parent,
        "group": c.group,
        "response_hours": hours[0],
        "resolve_hours": hours[1],
        "upward": c.upward,
        "synonyms": list(c.synonyms),
        "custom": c.custom,
    }
