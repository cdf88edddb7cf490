"""Her inbox on screen and as JSON: what the centre sent, and for a register change each field's two values."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import join_list, t

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from gridnote.models.inbox import Answered, FieldChange, InboxItem, Received


def _value(name: str, value: str | None) -> str:
    from gridnote.domain.down import REGISTER_OPS
    from gridnote.domain.vocab import CARE_TAGS, GENDERS

    if value is None or value == "":
        return t("inbox.empty_value")
    if name == "gender":
        return GENDERS.label(value)
    if name == "tags":
        return CARE_TAGS.label(value)
    if name == "moved_out":
        return REGISTER_OPS.label(value)
    if name == "phones":
        return join_list(value.split(","))
    return value


def _change(c: FieldChange, item: InboxItem, today: date) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    from gridnote.render.dates import short_time

    label = t(f"inbox.field.{c.name}")
    if c.name in ("tags", "moved_out") and c.mine is None:
        return Text(f"     {label}: + {_value(c.name, c.theirs)}")
    if not c.conflict:
        return Text(f"     {label}: {_value(c.name, c.mine)} → {_value(c.name, c.theirs)}")
    mine_at = short_time(item.mine_at, today) if item.mine_at else ""
    mine = t("inbox.conflict_mine", value=_value(c.name, c.mine), by=item.mine_by or t("inbox.you"), at=mine_at)
    theirs = t(
        "inbox.conflict_theirs",
        value=_value(c.name, c.theirs),
        source=item.source or t("inbox.centre"),
        at=short_time(item.sent_at, today),
    )
    head = Text(f"     {label}: ", style="bold")
    pad = " " * head.cell_len
    return Group(head + Text(mine, style="yellow"), Text(pad) + Text(theirs, style="yellow"))


def _head(item: InboxItem, today: date) -> Text:
    from rich.text import Text

    from gridnote.domain.down import DOWN_KINDS, REGISTER_OPS
    from gridnote.domain.issue_terms import CHANNELS
    from gridnote.render.dates import short_time

    source = item.source or ""
    if item.kind == "issue" and item.source and item.source in CHANNELS:
        source = CHANNELS.label(item.source)
    kind = DOWN_KINDS.label(item.kind)
    if item.kind == "register" and item.op:
        kind = t("inbox.kind_op", kind=kind, op=REGISTER_OPS.label(item.op))
    parts = [p for p in (kind, source or t("inbox.centre"), short_time(item.sent_at, today)) if p]
    line = Text(f"{item.id:>3}  ", style="bold")
    line.append(" · ".join(parts))
    if item.status != "pending":
        line.append(" · ")
        line.append(t(f"inbox.status.{item.status}"), style="dim")
    if item.conflict:
        line.append("  ")
        line.append(t("inbox.conflict"), style="bold yellow")
    return line


def _what(item: InboxItem, today: date) -> Text:
    from rich.text import Text

    from gridnote.render.dates import short_time

    bits = [item.text]
    if item.kind == "register" and item.address:
        bits = [f"{item.text} {item.address}"]
    if item.kind == "issue":
        if item.due:
            bits.append(t("inbox.resolve_by", time=short_time(item.due, today)))
        if item.order:
            bits.append(t("inbox.order", order=item.order))
    elif item.kind == "task" and item.due:
        bits.append(t("inbox.task_due", time=short_time(item.due.replace(" ", "T"), today)))
    line = Text("     " + " · ".join(bits))
    if item.why:
        line.append(" — " + t("inbox.why", why=item.why), style="dim")
    return line


def inbox_view(items: list[InboxItem], today: date, *, every: bool = False) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    if not items:
        return Text(t("inbox.empty_all" if every else "inbox.empty"), style="dim")
    parts: list[RenderableType] = [Text(t("inbox.title", count=len(items)), style="bold underline")]
    for item in items:
        parts += [_head(item, today), _what(item, today)]
        if item.status == "pending" and item.kind == "register":
            if not item.changes:
                parts.append(Text("    " + t("inbox.no_change"), style="dim"))
            parts += [_change(c, item, today) for c in item.changes]
    if any(i.status == "pending" for i in items):
        parts.append(Text(t("inbox.hint"), style="dim"))
    return Group(*parts)


def answered_lines(done: Answered) -> RenderableType:
    from rich.console import Group

    from gridnote.render.common import note, ok

    lines: list[RenderableType] = []
    if done.accepted:
        lines.append(ok("inbox.accepted", numbers=join_list(str(i.id) for i in done.accepted)))
    if done.declined:
        lines.append(ok("inbox.declined", numbers=join_list(str(i.id) for i in done.declined)))
    if done.left:
        lines.append(note("inbox.left", numbers=join_list(str(i.id) for i in done.left)))
    if not lines:
        lines.append(note("inbox.nothing_pending"))
    return Group(*lines)


def received_line(found: Received, *, always: bool = False) -> Text:
    """``✓ From the centre: 2 dispatched issues, 1 task (see gridnote inbox)``; with ``always``, also
    when nothing was new, and how many it already had."""
    from gridnote.render.common import counted, ok

    parts = [counted(f"down.n.{kind}", found.new[kind]) for kind in ("issue", "task", "register") if found.new[kind]]
    line = ok("inbox.received", what=join_list(parts)) if parts else ok("inbox.received_nothing")
    if always and found.known:
        line.append(t("inbox.received_known", count=found.known))
    return line


def answered_json(done: Answered, now: dict[int, InboxItem]) -> dict[str, Any]:
    """What ``inbox accept``/``decline`` did, for scripts: the items as they are now (``now``, by number)."""

    def items(answered: list[InboxItem]) -> list[dict[str, Any]]:
        return [item_json(now.get(i.id, i)) for i in answered]

    return {"version": 1, "accepted": items(done.accepted), "declined": items(done.declined), "left": items(done.left)}


def item_json(item: InboxItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "seq": item.seq,
        "gid": item.gid,
        "kind": item.kind,
        "source": item.source,
        "sent_at": item.sent_at,
        "status": item.status,
        "text": item.text,
        "why": item.why,
        "answered_at": item.answered_at,
        "made": item.made,
        "due": item.due,
        "order": item.order,
        "address": item.address,
        "op": item.op,
        "resident_id": item.resident_id,
        "conflict": item.conflict,
        "changes": [
            {"field": c.name, "mine": c.mine, "theirs": c.theirs, "conflict": c.conflict} for c in item.changes
        ],
        "mine_by": item.mine_by,
        "mine_at": item.mine_at,
    }
