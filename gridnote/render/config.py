"""Settings as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gridnote.messages.i18n import lang
from gridnote.render.common import table

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gridnote.services.settings import SettingValue


def settings_table(values: list[SettingValue]) -> RenderableType:
    grid = table("col.setting", "col.value", "col.meaning")
    grid.columns[2].overflow = "fold"  # Chinese has no spaces to wrap at: fold rather than cut
    for v in values:
        shown = "" if v.value is None else str(v.value)
        if v.is_default:
            shown = f"[dim]{shown or '-'}[/dim]"
        grid.add_row(v.setting.key, shown, v.setting.zh if lang() == "zh" else v.setting.en)
    return grid
