"""``gridnote remind``: one plain line per item (a status bar reads the first), its JSON, and what
``--install``/``--uninstall`` did."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from gridnote.messages.i18n import join_list, t
from gridnote.models import Reminder, Reminders
from gridnote.render.labels import who
from gridnote.render.shared_json import item_json

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gridnote.output.reminders import Installed

JSON_VERSION = 1


@overload
def reminder_line(reminder: Reminder, *, split: Literal[False] = False) -> str: ...
@overload
def reminder_line(reminder: Reminder, *, split: Literal[True]) -> tuple[str, str]: ...
def reminder_line(reminder: Reminder, *, split: bool = False) -> str | tuple[str, str]:
    """``06:30 ★ 量血压 · 李秀英（李奶奶） 8-2-301``; ``split``: (title, body) for a notification."""
    item = reminder.item
    where = who(item.resident, item.address, item.building)
    if item.partners:
        where = " ".join(filter(None, [where, t("today.event_with", partners=join_list(item.partners))]))
    head = reminder.at[11:16] + (" ★" if item.starred else "")
    number = f"E{item.id}" if item.kind == "event" else f"#{item.id}"
    body = item.text + (f" · {where}" if where else "")
    if split:
        return t("remind.title", time=head), f"{body} ({number})"
    return f"{head} {body} ({number})"


def reminders_json(found: Reminders) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "from": found.start,
        "to": found.end,
        "items": [{**item_json(r.item), "at": r.at} for r in found.items],
    }


def installed_json(done: Installed, *, install: bool) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "action": "install" if install else "uninstall",
        "via": done.via,
        "changed": done.changed,
        "paths": list(done.paths),
        "line": done.line,
    }


def installed_view(done: Installed, *, install: bool) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    action = "install" if install else "uninstall"
    state = "done" if done.changed else "already"
    lines = [Text(t(f"remind.{action}.{done.via}.{state}"))]
    lines += [Text("  " + path, style="dim") for path in done.paths]
    if done.line and install:
        lines.append(Text("  " + done.line, style="dim"))
    return Group(*lines)
