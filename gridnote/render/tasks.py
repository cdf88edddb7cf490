"""Tasks as a table, a card, confirmation lines and JSON."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import t
from gridnote.models import Task
from gridnote.render.common import note, ok, on_screen, table, with_left_out
from gridnote.render.dates import due_label
from gridnote.render.labels import who

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from gridnote.services.task_changes import Completion, Reopening


CARD_TITLE_CELLS = 70  # a card's frame shows a title up to this wide at 80 columns


def source_label(source: str) -> str:
    """``task:5`` → "the next time of task 5", ``visit:1`` → "a follow-up of visit #1"."""
    kind, _, number = source.partition(":")
    key = {"task": "task.source.task", "visit": "task.source.visit", "recheck": "task.source.recheck"}.get(kind)
    return t(key, id=number) if key and number.isdigit() else source


def _repeat(task: Task) -> str:
    from gridnote.input.recurrence import Rule

    return Rule(task.every).label() if task.every else ""


def _due(task: Task, today: date) -> str:
    return due_label(task.due_date, task.due_time, today)


def _status_label(status: str) -> str:
    from gridnote.domain.vocab import TASK_STATUSES

    return TASK_STATUSES.label(status)


def _status(task: Task) -> str:
    return _status_label(task.state)


def _heading(task: Task) -> Text:
    from rich.text import Text

    text = Text()
    if task.starred:
        text.append("★ ", style="yellow")
    text.append(task.text, style="strike dim" if task.status != "open" else "")
    if task.every:
        text.append(" ↻ " + _repeat(task), style="dim")
    return text


def _none(status: str | None, overdue: bool, narrowed: bool) -> RenderableType:
    """The empty list, in words that fit the filter: "add one" only where adding one would help."""
    if overdue:
        return note("task.none_overdue_match" if narrowed else "task.none_overdue")
    if status in ("done", "dropped", "skipped"):
        return note("task.none_status", status=_status_label(status))
    return note("task.none")


def task_table(
    tasks: list[Task], now: datetime, *, status: str | None = "open", overdue: bool = False, narrowed: bool = False
) -> RenderableType:
    """The tasks as a table, late ones' due time in red (as of ``now``); the list's filter
    (``status``, ``overdue``, ``narrowed``: any other filter) chooses the empty-list line."""
    from rich.text import Text

    if not tasks:
        return _none(status, overdue, narrowed)
    caption = t("task.count_one") if len(tasks) == 1 else t("task.count", count=len(tasks))
    grid = table("col.id", "col.due", "col.task", "col.for", caption=caption, give_way=("col.for", "col.due"))
    grid.columns[0].justify = "right"
    grid.columns[1].no_wrap = True
    today = now.date()
    shown, left_out = on_screen(tasks)
    for task in shown:
        late = task.late_at(now)
        heading = _heading(task)
        if task.status != "open":
            heading.append(" " + t("task.status_mark", status=_status(task)), style="dim")
        grid.add_row(
            str(task.id),
            Text(_due(task, today), style="red" if late else ""),
            heading,
            who(task.resident, task.resident_address, task.building),
        )
    return with_left_out(grid, left_out)


def task_card(task: Task, today: date) -> RenderableType:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row(t("task.field.status"), _status(task))
    facts.add_row(t("task.field.due"), _due(task, today))
    facts.add_row(t("task.field.for"), who(task.resident, task.resident_address, task.building) or "-")
    if task.every:
        facts.add_row(t("task.field.repeat"), _repeat(task))
    if task.series_id:
        facts.add_row(t("task.field.series"), t("task.series_of", id=task.series_id))
    if task.note:
        facts.add_row(t("task.field.note"), task.note)
    if task.source:
        facts.add_row(t("task.field.source"), source_label(task.source))
    facts.add_row(t("task.field.created"), task.created_at[:16].replace("T", " "))
    if task.done_at:
        facts.add_row(t("task.field.done"), task.done_at[:16].replace("T", " "))
    if task.dropped_at:
        facts.add_row(
            t("task.field.skipped" if task.skipped else "task.field.dropped"), task.dropped_at[:16].replace("T", " ")
        )
    heading = _heading(task)
    if heading.cell_len <= CARD_TITLE_CELLS:
        return Panel(facts, title=Text(f"{task.id} ", style="bold") + heading, title_align="left", expand=False)
    from rich.console import Group

    heading.stylize("bold")  # too long for the frame, which would cut it: the first line inside
    heading.overflow = "fold"
    return Panel(Group(heading, facts), title=Text(str(task.id), style="bold"), title_align="left", expand=False)


def task_json(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "text": task.text,
        "status": task.status,
        "starred": task.starred,
        "due_date": task.due_date,
        "due_time": task.due_time,
        "due_at": task.due_at,
        "resident_id": task.resident_id,
        "resident": task.resident,
        "address": task.resident_address,
        "building": task.building,
        "every": task.every,
        "series_id": task.series_id,
        "note": task.note,
        "source": task.source,
        "created_at": task.created_at,
        "done_at": task.done_at,
        "dropped_at": task.dropped_at,
        "skipped": task.skipped,
    }


def written_json(tasks: list[Task], written: list[Task] | None = None) -> dict[str, Any]:
    """What a task write did, for scripts (docs/json.md): the tasks as they are now, and any it wrote besides.

    ``written``: the next occurrences a done or skipped repeating task wrote, or the ones a reopening withdrew.
    """
    return {"version": 1, "tasks": [task_json(t) for t in tasks], "written": [task_json(t) for t in written or []]}


# -- confirmations ------------------------------------------------------------------
def _with_details(line: Text, task: Task, today: date) -> Text:
    from rich.text import Text

    details = [_due(task, today), who(task.resident, task.resident_address, task.building)]
    if task.every:
        details.append(_repeat(task))
    if task.starred:
        details.append("★")
    return line + Text(" · " + " · ".join(filter(None, details)), style="dim")


def added_line(task: Task, today: date) -> RenderableType:
    return _with_details(ok("task.added", id=task.id, text=task.text), task, today)


def edited_line(task: Task, today: date) -> RenderableType:
    return _with_details(ok("task.edited", id=task.id, text=task.text), task, today)


def done_lines(done: list[Completion], today: date) -> RenderableType:
    from rich.console import Group

    lines = []
    for c in done:
        line = ok("task.done", id=c.number, text=c.task.text)
        if c.next is not None:
            line.append(" · " + t("task.next", due=_due(c.next, today)), style="dim")
        elif c.ended:
            from gridnote.input.dates import LAST_YEAR  # rare: only a series at the edge of the calendar

            line.append(" · " + t("task.series_ended", last=LAST_YEAR), style="dim")
        lines.append(line)
    return Group(*lines)


def _with_hint(line: Text, key: str, task: Task) -> Text:
    """A confirmation and, on its own dim line, how to undo it (so wrapping does not cut the command)."""
    return line + "\n  " + note(key, id=task.id)


def skipped_lines(skipped: list[Completion], today: date) -> RenderableType:
    from rich.console import Group

    lines = []
    for c in skipped:
        if c.next is not None:
            lines.append(
                _with_hint(
                    ok("task.skipped", id=c.number, text=c.task.text, due=_due(c.next, today)),
                    "task.skipped_hint",
                    c.next,
                )
            )
        else:  # the series reached the edge of the calendar: this was its last time
            from gridnote.input.dates import LAST_YEAR

            line = ok("task.skipped_last", id=c.task.id, text=c.task.text)
            line.append(" · " + t("task.series_ended", last=LAST_YEAR), style="dim")
            lines.append(_with_hint(line, "task.skipped_hint", c.task))
    return Group(*lines)


def dropped_lines(tasks: list[Task]) -> RenderableType:
    """Like :func:`changed_lines`; a repeating task says its whole series ends, and how to skip instead."""
    from rich.console import Group

    return Group(
        *(
            _with_hint(ok("task.dropped_series", id=task.id, text=task.text), "task.dropped_series_hint", task)
            if task.every
            else ok("task.dropped", id=task.id, text=task.text)
            for task in tasks
        )
    )


def reopened_lines(reopened: list[Reopening], today: date) -> RenderableType:
    from rich.console import Group

    lines = []
    for r in reopened:
        line = ok("task.reopened", id=r.task.id, text=r.task.text)
        if r.record is not None:
            line.append(" · " + t("task.taken_back", due=_due(r.task, today)), style="dim")
        elif r.withdrawn is not None:
            line.append(" · " + t("task.withdrawn", id=r.withdrawn.id), style="dim")
        lines.append(line)
    return Group(*lines)


def changed_lines(key: str, tasks: list[Task], today: date) -> RenderableType:
    """One line per task for star, unstar and move (``key`` is the message)."""
    from rich.console import Group

    return Group(*(ok(key, id=task.id, text=task.text, due=_due(task, today)) for task in tasks))
