"""The daily agenda (``gridnote today``) and tomorrow's list, for the screen and as JSON.

The screen reads top to bottom in order of importance; each section is one
function returning its lines, or None when it has nothing to show (empty
sections are left out). Adding a section is adding a function to the list
in :func:`agenda_view` and its key to :func:`agenda_json`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from gridnote.messages.i18n import t
from gridnote.models import Agenda, CareDue, DayPlan, Followup, OverdueTask, TimelineItem
from gridnote.render.care import care_status
from gridnote.render.common import Indent, join_list, on_screen, tag_labels
from gridnote.render.common import grid as _grid
from gridnote.render.dates import day_label, long_date, month_day, relative_word, short_date, short_time, span_text
from gridnote.render.labels import who
from gridnote.render.shared_json import care_json, item_json
from gridnote.render.tasks import task_json

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

T = TypeVar("T")
JSON_VERSION = 1
SECTION_ROWS = 10  # lines of a long section (overdue, care round) on the screen; --all shows every one
INDENT = 2  # columns each section's lines are moved right


# -- shared pieces ------------------------------------------------------------------
def _title(text: str) -> Text:
    from rich.text import Text

    return Text(text, style="bold")


def _section(title: str, body: RenderableType | None = None) -> RenderableType:
    from rich.console import Group

    return Group(_title(title), Indent(body, INDENT)) if body is not None else _title(title)


def _capped(
    items: list[T], show_all: bool, grid: Callable[[list[T]], Table], more_key: str, command: str
) -> RenderableType:
    """The first SECTION_ROWS ``items`` (all with ``show_all``) and a dim line saying how many more, and where.

    The lists come most urgent first, so the cut keeps what matters; the JSON
    output is never cut.
    """
    from rich.console import Group
    from rich.text import Text

    shown, left_out = on_screen(items, limit=None if show_all else SECTION_ROWS)
    if not left_out:
        return grid(shown)
    return Group(grid(shown), Text(t(more_key, count=left_out, command=command), style="dim"))


def _mark(starred: bool, done: bool) -> Text:
    from rich.text import Text

    if done:
        return Text("✓", style="green")
    return Text("★", style="yellow") if starred else Text(" ")


def timeline_grid(items: list[TimelineItem]) -> Table:
    """Number, mark (★ starred, ✓ done), time or "all day" (red when late), text (and how
    late), who and where."""
    from rich.text import Text

    rows: list[tuple[Text | str, ...]] = []
    for item in items:
        text = Text(item.text, style="strike dim" if item.done else "")
        if item.every:
            text.append(" ↻", style="dim")
        if item.minutes_late is not None:
            text.append("  " + t("today.time_late", span=span_text(item.minutes_late)), style="red")
        where = who(item.resident, item.address, item.building)
        if item.partners:
            where = " ".join(filter(None, [where, t("today.event_with", partners=join_list(item.partners))]))
        number = f"E{item.id}" if item.kind == "event" else str(item.id)
        time_style = "dim" if item.done else ("bold red" if item.late else ("bold" if item.time else ""))
        rows.append(
            (
                Text(number, style="dim"),
                _mark(item.starred, item.done),
                Text(item.time or t("when.all_day"), style=time_style),
                text,
                Text(where, style="dim"),
            )
        )
    return _grid("rllwl", rows, give_way=[4])  # who and where give way to what is to be done


# -- the agenda sections --------------------------------------------------------------
def _dated(day: date, today: date, shown: str) -> str:
    """``Tomorrow · Monday 30 November 2026``; other days: the date alone."""
    word = relative_word(day, today)
    return t("today.header", word=word[:1].upper() + word[1:], date=shown) if word else shown


def _header(agenda: Agenda) -> Text:
    from rich.text import Text

    return Text(_dated(agenda.day, agenda.today, long_date(agenda.day)), style="bold underline")


def _schedule(agenda: Agenda) -> RenderableType | None:
    if not agenda.timeline:
        return None
    return _section(t("today.schedule"), timeline_grid(agenda.timeline))


def _late(days: int) -> str:
    return t("today.day_late") if days == 1 else t("today.days_late", n=days)


def _overdue_grid(overdue: list[OverdueTask]) -> Table:
    from rich.text import Text

    rows: list[tuple[Text | str, ...]] = []
    for late in overdue:
        task = late.task
        rows.append(
            (
                Text(str(task.id), style="dim"),
                _mark(task.starred, False),
                Text(_late(late.days_late), style="red"),
                task.text,
                Text(who(task.resident, task.resident_address, task.building), style="dim"),
            )
        )
    return _grid("rllwl", rows, give_way=[4])


def _overdue(agenda: Agenda, show_all: bool) -> RenderableType | None:
    """Starred first, then the oldest (the service's order); the rest are one command away."""
    from datetime import timedelta

    if not agenda.overdue:
        return None
    if agenda.day == agenda.today:
        command = "gridnote task list --overdue"
    else:  # overdue as of another day: open tasks due up to the day before it
        command = f"gridnote task list --to {(agenda.day - timedelta(days=1)).isoformat()}"
    body = _capped(agenda.overdue, show_all, _overdue_grid, "today.overdue_more", command)
    return _section(t("today.overdue", count=len(agenda.overdue)), body)


def _moment(iso: str, day: date) -> str:
    """``14:00`` on the agenda's day, ``11-28 14:00`` on another."""
    return iso[11:16] if iso[:10] == day.isoformat() else short_time(iso, day)


def followup_status(f: Followup, day: date) -> Text:
    from rich.text import Text

    from gridnote.domain.issue_terms import FOLLOWUP_REASONS

    late = f.reason.endswith("-overdue")
    status = Text(FOLLOWUP_REASONS.label(f.reason), style="red" if late else "yellow")
    if f.deadline and len(f.deadline) > 10:
        key = "today.followup_late" if late else "today.followup_due"
        status.append(" · " + t(key, time=_moment(f.deadline, day)), style="dim")
        if f.minutes_left is not None:
            left = t("today.time_left" if f.minutes_left >= 0 else "today.time_late", span=span_text(f.minutes_left))
            status.append(" · " + left, style="red" if f.minutes_left < 0 else "bold")
    elif f.since:
        key = "today.followup_asked" if f.reason == "to-answer" else "today.followup_resolved"
        status.append(" · " + t(key, time=_moment(f.since, day)), style="dim")
    return status


def _followups(agenda: Agenda) -> RenderableType | None:
    """Two lines an issue: what and who, then why it waits and by when."""
    from rich.text import Text

    from gridnote.render.labels import place_text

    if not agenda.followups:
        return None
    rows: list[tuple[Text | str, ...]] = []
    for f in agenda.followups:
        mark = Text("!", style="bold red") if f.priority == "urgent" else Text(" ")
        where = " ".join(filter(None, [f.reporter, f.address and place_text(f.address)]))
        body = Text(f.text)
        if where:
            body.append("  " + where, style="dim")
        body.append("\n")
        body.append_text(followup_status(f, agenda.day))
        rows.append((Text(f"#{f.id}", style="dim"), mark, body))
    return _section(t("today.followups", count=len(agenda.followups)), _grid("rlw", rows))


def _callouts(agenda: Agenda) -> RenderableType | None:
    """Emergency call-outs of the last 24 hours: when she left and got back, who, what."""
    from rich.text import Text

    from gridnote.render.visits import time_span, who_label

    if not agenda.callouts:
        return None
    rows: list[tuple[Text | str, ...]] = []
    for v in agenda.callouts:
        when = time_span(v, agenda.today)
        if v.day != agenda.day.isoformat():
            when = f"{month_day(v.day, agenda.today)} {when}"
        where = " ".join(filter(None, [who_label(v), v.address if v.resident else None]))
        rows.append(
            (Text(str(v.id), style="dim"), Text(when, style="bold"), Text(where), Text(v.note or "", style="dim"))
        )
    return _section(t("today.callouts", count=len(agenda.callouts)), _grid("rllw", rows))


def _care_grid(care: list[CareDue], today: date) -> Table:
    from rich.text import Text

    return _grid(
        "llwl",
        [
            (c.display_name, Text(c.address or "-", style="dim"), tag_labels(c.tags), care_status(c, today))
            for c in care
        ],
        give_way=[2, 1, 0, 3],  # tags, address, name; how long since the last visit last of all
    )


def _care(agenda: Agenda, show_all: bool) -> RenderableType | None:
    if not agenda.care:
        return None
    command = "gridnote today --all"
    if agenda.day != agenda.today:
        command = f"gridnote today --date {agenda.day.isoformat()} --all"
    body = _capped(agenda.care, show_all, lambda shown: _care_grid(shown, agenda.today), "today.care_more", command)
    return _section(t("today.care", count=len(agenda.care)), body)


def _building(code: str, name: str | None) -> str:
    return name or t("building.label", code=code)


def _walk(agenda: Agenda) -> RenderableType | None:
    from rich.columns import Columns
    from rich.text import Text

    if not agenda.walk:
        return None
    walked = sum(w.walked for w in agenda.walk)
    if walked == len(agenda.walk):
        return _section(t("today.walk_all", total=walked))
    entries = []
    for w in agenda.walk:
        entry = Text(_building(w.code, w.name) + " ")
        if w.walked_at:
            entry.append("✓ " + w.walked_at[11:16], style="green")
        else:
            entry.append(t("today.not_walked"), style="yellow")
        entries.append(entry)
    line = Columns(entries, padding=(0, 3))
    return _section(t("today.walk", walked=walked, total=len(agenda.walk)), line)


def _route(agenda: Agenda) -> RenderableType | None:
    """``--route``: the visits due and the daily walk as one list, building by building (never cut)."""
    from gridnote.render.route import route_body, route_title

    assert agenda.route is not None
    return _section(route_title(agenda.route), route_body(agenda.route, agenda.today))


def _centre(agenda: Agenda) -> RenderableType | None:
    """``From the centre: 2 dispatched issues, 1 task, 3 register changes to confirm``: first of all."""
    from rich.text import Text

    from gridnote.messages.i18n import join_list
    from gridnote.render.common import counted

    kinds = ("issue", "task", "register")
    parts = [counted(f"down.n.{k}", agenda.centre[k]) for k in kinds if agenda.centre.get(k)]
    return Text(t("today.centre", what=join_list(parts)), style="bold") if parts else None


def _calls(agenda: Agenda) -> RenderableType | None:
    """``Calls to make: 1 first contact, 2 report-backs (gridnote calls)``: the afternoon's list, announced."""
    from rich.text import Text

    from gridnote.messages.i18n import join_list
    from gridnote.render.common import counted

    parts = [counted(f"calls.n.{reason}", n) for reason, n in agenda.calls.items()]
    return Text(t("today.calls", what=join_list(parts))) if parts else None


def _summary(agenda: Agenda) -> Text:
    from rich.text import Text

    return Text(" · ".join(t(f"today.figure.{f.code}", n=f.count) for f in agenda.summary), style="dim")


def agenda_view(agenda: Agenda, *, show_all: bool = False) -> RenderableType:
    """The agenda, most important first; an empty day is one friendly line."""
    from rich.console import Group
    from rich.text import Text

    if agenda.empty:
        return Text(t("today.empty", date=day_label(agenda.day, agenda.today)))
    sections: list[RenderableType | None] = [
        _centre(agenda),
        _schedule(agenda),
        _overdue(agenda, show_all),
        _followups(agenda),
        _calls(agenda),
        _callouts(agenda),
        *((_route(agenda),) if agenda.route is not None else (_care(agenda, show_all), _walk(agenda))),
    ]
    parts: list[RenderableType] = [_header(agenda)]
    for section in sections:
        if section is not None:
            parts += [Text(""), section]
    parts += [Text(""), _summary(agenda)]
    return Group(*parts)


# -- tomorrow's list ----------------------------------------------------------------
def plan_view(plan: DayPlan) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    header = _dated(plan.day, plan.today, short_date(plan.day, plan.today))
    parts: list[RenderableType] = []
    if plan.timeline:
        parts += [_title(header), timeline_grid(plan.timeline)]
    else:
        parts.append(Text(t("tomorrow.empty", date=day_label(plan.day, plan.today))))
    if plan.carry_over:
        parts.append(Text(t("tomorrow.carry_over", count=plan.carry_over), style="dim"))
    return Group(*parts)


# -- JSON (documented in docs/json.md; keys are only ever added) ----------------------
def followup_json(f: Followup) -> dict[str, Any]:
    return {
        "id": f.id,
        "text": f.text,
        "status": f.status,
        "reason": f.reason,
        "reasons": list(f.reasons),
        "deadline": f.deadline,
        "since": f.since,
        "minutes_left": f.minutes_left,
        "priority": f.priority,
        "category": f.category,
        "reporter": f.reporter,
        "address": f.address,
    }


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    from gridnote.render.route import route_json
    from gridnote.render.visits import visit_json

    return {
        "version": JSON_VERSION,
        "date": agenda.day.isoformat(),
        "today": agenda.today.isoformat(),
        "timeline": [{**item_json(i), "late": i.late, "minutes_late": i.minutes_late} for i in agenda.timeline],
        "overdue": [{**task_json(o.task), "days_late": o.days_late} for o in agenda.overdue],
        "followups": [followup_json(f) for f in agenda.followups],
        "care": [care_json(c) for c in agenda.care],
        "walk": [
            {"building": w.code, "name": w.name, "walked": w.walked, "walked_at": w.walked_at} for w in agenda.walk
        ],
        "summary": {f.code: f.count for f in agenda.summary},
        **({"route": route_json(agenda.route)} if agenda.route is not None else {}),
        "callouts": [visit_json(v) for v in agenda.callouts],
        "centre": {k: agenda.centre.get(k, 0) for k in ("issue", "task", "register")},
        "calls": {k: agenda.calls.get(k, 0) for k in ("first-contact", "partner", "report-back", "task")},
    }


def plan_json(plan: DayPlan) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "date": plan.day.isoformat(),
        "timeline": [item_json(i) for i in plan.timeline],
        "carry_over": plan.carry_over,
    }
