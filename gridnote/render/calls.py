"""``gridnote calls``: the afternoon call list (numbers in full), its JSON, and ``calls done``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import t
from gridnote.models import Call, CallDone, CallNumber
from gridnote.render.common import grid
from gridnote.render.labels import short_time

if TYPE_CHECKING:
    from rich.console import RenderableType

JSON_VERSION = 1


def who_label(call: Call) -> str:
    if call.partner:
        from gridnote.domain.issue_terms import PARTNERS

        return PARTNERS.label(call.who) if call.who in PARTNERS else call.who
    return f"{call.who} {call.address}" if call.address else call.who


def number_text(number: CallNumber) -> str:
    """``13800001111``, or ``女儿 王芳 13900001111`` for a relative."""
    return " ".join(filter(None, [number.relation, number.name, number.phone]))


def _when(stamp: str | None, today: date) -> str:
    if not stamp:
        return ""
    if len(stamp) == 10:
        from gridnote.render.dates import month_day

        return month_day(stamp, today)
    return short_time(stamp, today)


def why(call: Call, today: date) -> str:
    """What the call is for: ``#1 下水道堵了 · tell the outcome (resolved 14:00)``."""
    what = (
        f"#{call.issue_id} {call.text}"
        if call.issue_id is not None
        else t("calls.task", id=call.task_id, text=call.text)
    )
    return f"{what} · " + t(f"calls.reason.{call.reason}", when=_when(call.since, today))


def calls_view(calls: list[Call], today: date) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    if not calls:
        return Text(t("calls.none"))
    rows: list[tuple[Text | str, ...]] = []
    for call in calls:
        numbers = " · ".join(number_text(n) for n in call.numbers) or t("calls.no_number")
        line = Text(who_label(call), style="bold")
        line.append("  " + numbers, style="" if call.numbers else "yellow")
        line.append("\n" + why(call, today), style="dim")
        rows.append((Text(str(call.n), style="bold"), line))
    hint = Text(t("calls.hint"), style="dim")
    return Group(Text(t("calls.title", count=len(calls)), style="bold"), grid("rw", rows), Text(""), hint)


def call_json(call: Call) -> dict[str, Any]:
    return {
        "n": call.n,
        "reason": call.reason,
        "who": call.who,
        "partner": call.partner,
        "numbers": [{"phone": n.phone, "name": n.name, "relation": n.relation} for n in call.numbers],
        "text": call.text,
        "issue_id": call.issue_id,
        "task_id": call.task_id,
        "resident_id": call.resident_id,
        "address": call.address,
        "since": call.since,
    }


def calls_json(calls: list[Call], today: date) -> dict[str, Any]:
    return {"version": JSON_VERSION, "date": today.isoformat(), "calls": [call_json(c) for c in calls]}


def done_json(done: CallDone) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "call": call_json(done.call),
        "visit_id": done.visit_id,
        "step": done.step,
        "status": done.status,
    }


def done_view(done: CallDone, today: date) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    from gridnote.domain.issue_terms import STATUSES

    call = done.call
    lines = [Text(t("calls.done", n=call.n, who=who_label(call)), style="green")]
    if done.visit_id is not None:
        lines.append(Text("  " + t("calls.logged", id=done.visit_id), style="dim"))
    if call.issue_id is not None and done.status is not None:
        status = STATUSES.label(done.status)
        if done.step == "tell" and done.status == "reported":  # told: what is left is the rating
            status = t("calls.then_rate", id=call.issue_id)
        step = t(f"calls.step.{done.step}", id=call.issue_id, status=status)
        lines.append(Text("  " + step, style="dim"))
    else:
        lines.append(Text("  " + t("calls.step.done", id=call.task_id), style="dim"))
    return Group(*lines)
