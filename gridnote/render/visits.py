"""Visits and readings: the confirmation after ``gridnote log``, the visits table, reading trends.

Flagged readings are marked (``⚠ diastolic 90 ≥ 90``): the value and the
threshold it reached, never a diagnosis.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gridnote.domain.readings import READING_KINDS, format_number, measure_label, reading_text, unit_label
from gridnote.messages.i18n import t
from gridnote.models import LogResult, NextCareVisit, Reading, ReadingFlag, ResidentCard, Task, Trend, UndoResult, Visit
from gridnote.render.common import join_list, note, ok, on_screen, table, with_left_out
from gridnote.render.dates import month_day, month_day_weekday

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

FLAG_STYLE = "bold red"
_OPS = {">=": "≥", ">": ">", "<": "<"}
SPARKS = "▁▂▃▄▅▆▇█"
# The smallest span a sparkline stretches over, so 138 → 139 does not look like a leap.
_MIN_SPAN = {"systolic": 20.0, "diastolic": 15.0, "pulse": 20.0, "glucose": 2.0, "temp": 1.0, "weight": 4.0}


# -- small pieces ----------------------------------------------------------------------
def kind_label(kind: str) -> str:
    from gridnote.domain.vocab import VISIT_KINDS

    return VISIT_KINDS.label(kind)


def flag_text(flag: ReadingFlag) -> str:
    return t(
        "reading.flag",
        measure=measure_label(flag.measure),
        value=format_number(flag.value),
        op=_OPS.get(flag.op, flag.op),
        threshold=format_number(flag.threshold),
    )


def who_label(visit: Visit) -> str:
    if visit.resident:
        return visit.resident
    if visit.address:
        return t("visit.household_label", address=visit.address)
    if visit.building:
        return t("visit.building_label", code=visit.building)
    return "-"


def _place(visit: Visit) -> str:
    """The address under a resident's name (a household or building label already says it)."""
    return (visit.address or "") if visit.resident else ""


def reading_line(reading: Reading) -> Text:
    """``Blood pressure 139/90 mmHg  ⚠ diastolic 90 ≥ 90``."""
    from rich.text import Text

    label = READING_KINDS.label(reading.kind)
    line = Text(
        f"{label[:1].upper()}{label[1:]} {reading_text(reading.kind, reading.value, reading.value2)}"
        f" {unit_label(reading.unit)}"
    )
    for flag in reading.flags:
        line.append("  ")
        line.append(flag_text(flag), style=FLAG_STYLE)
    return line


def reading_short(reading: Reading) -> Text:
    """``BP 139/90⚠``: a reading inside a table cell."""
    from rich.text import Text

    text = Text(f"{t('reading.short.' + reading.kind)} {reading_text(reading.kind, reading.value, reading.value2)}")
    if reading.flagged:
        text.stylize(FLAG_STYLE)
        text.append("⚠", style=FLAG_STYLE)
    return text


def _due(task: Task, today: date) -> str:
    due = month_day_weekday(task.due_date, today) if task.due_date else "-"
    return f"{due} {task.due_time}" if task.due_time else due


def _task_line(task: Task, today: date) -> Text:
    from rich.text import Text

    return Text("  → " + t("visit.follow_up_added", id=task.id, due=_due(task, today), text=task.text))


def _moved_line(task: Task, today: date) -> Text:
    """A re-check written again for the later flagged visit it now belongs to (``recheck:N``)."""
    from rich.text import Text

    visit = (task.source or "").partition(":")[2]
    return Text("  → " + t("visit.recheck_moved", visit=visit, id=task.id, due=_due(task, today), text=task.text))


def _care_line(care: NextCareVisit, today: date) -> Text:
    from gridnote.domain.vocab import CARE_TAGS

    return note(
        "visit.care_due", day=month_day_weekday(care.day, today), every=care.every, tag=CARE_TAGS.label(care.tag)
    )


def time_span(visit: Visit, today: date) -> str:
    """``20:00–21:40``: when she left and got back (the day too when she got back on another)."""
    if not visit.back_at:
        return visit.time
    back = visit.back_at[11:16]
    if visit.back_at[:10] != visit.day:
        back = f"{month_day(visit.back_at[:10], today)} {back}"
    return f"{visit.time}–{back}"


# -- after `gridnote log` ---------------------------------------------------------------------
def _headline(visit: Visit, key: str, today: date) -> Text:
    span = time_span(visit, today)
    when = span if visit.day == today.isoformat() else f"{month_day_weekday(visit.day, today)} {span}"
    who = who_label(visit)
    if _place(visit):
        who += f" {_place(visit)}"
    return ok(key, id=visit.id, kind=kind_label(visit.kind), who=who, when=when)


def _is_walk(visit: Visit) -> bool:
    return visit.kind == "walk" and visit.building is not None and visit.household_id is None


def logged_view(result: LogResult, today: date, *, edited: bool = False) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    lines: list[Any] = []
    for visit in result.visits:
        key = "visit.edited" if edited else "visit.walked" if _is_walk(visit) else "visit.logged"
        lines.append(_headline(visit, key, today))
        if visit.note:
            lines.append(Text("  " + visit.note))
        for reading in visit.readings:
            lines.append(Text("  ") + reading_line(reading))
    for task in result.tasks:
        lines.append(_task_line(task, today))
    for task in result.dropped_tasks:
        lines.append(Text("  ") + note("visit.recheck_dropped", id=task.id, text=task.text))
    lines += [_moved_line(task, today) for task in result.moved_rechecks]
    if result.recheck_open is not None:
        lines.append(
            Text("  ")
            + note(
                "visit.recheck_open",
                id=result.recheck_open.id,
                text=result.recheck_open.text,
                due=_due(result.recheck_open, today),
            )
        )
    if result.recheck_suggested and result.visits:
        first = result.visits[0]
        what = join_list(dict.fromkeys(READING_KINDS.label(r.kind) for r in first.readings if r.flagged))
        lines.append(Text("  " + t("visit.recheck_suggested", id=first.id, what=what), style="yellow"))
    if result.care_due is not None:
        lines.append(Text("  ") + _care_line(result.care_due, today))
    for task, following in result.walk_done:
        number = following.id if following is not None else task.id  # a series keeps its number
        line = Text("  ") + ok("visit.walk_task_done", id=number, text=task.text)
        if following is not None:
            line.append(" · " + t("task.next", due=_due(following, today)), style="dim")
        lines.append(line)
    return Group(*lines)


def undone_view(result: UndoResult, today: date) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    lines: list[Any] = [_headline(result.visit, "visit.undone", today)]
    lines += [_headline(other, "visit.undone", today) for other in result.others]
    for task in result.dropped_tasks:
        lines.append(Text("  ") + note("visit.task_dropped", id=task.id, text=task.text))
    lines += [_moved_line(task, today) for task in result.moved_rechecks]
    for task in result.reopened_tasks:
        lines.append(Text("  ") + note("visit.walk_task_reopened", id=task.id, text=task.text, due=_due(task, today)))
    lines.append(Text("  ") + note("visit.undone_hint", day=result.visit.day))
    return Group(*lines)


# -- gridnote visits ------------------------------------------------------------------------
def visits_table(visits: list[Visit], start: date | None, end: date | None, today: date) -> RenderableType:
    from rich.text import Text

    if not visits:
        return note("visit.none")
    one_day = start is not None and start == end
    grid = table(
        "col.id",
        "visit.col.when",
        "visit.col.kind",
        "visit.col.who",
        "visit.col.note",
        title=_title(start, end, today),
        caption=_caption(visits),
        give_way=("visit.col.who", "visit.col.kind"),  # what she noted matters most
    )
    grid.columns[0].justify = "right"
    grid.columns[1].no_wrap = True
    shown, left_out = on_screen(visits, keep_last=True)  # in time order: the newest matter
    for visit in shown:
        span = time_span(visit, today)
        when = span if one_day else f"{month_day(visit.day, today)} {span}"
        who = Text(who_label(visit))
        if _place(visit):
            who.append("\n" + _place(visit), style="dim")
        detail = Text(visit.note or "", overflow="fold")
        if visit.readings:
            if visit.note:
                detail.append("\n")
            for i, reading in enumerate(visit.readings):
                detail.append(" " if i else "")
                detail.append(reading_short(reading))
        kind = Text(kind_label(visit.kind))
        if visit.undone_at:
            kind.append("\n" + t("visit.undone_mark"), style="dim")
        style = "dim strike" if visit.undone_at else None
        grid.add_row(str(visit.id), when, kind, who, detail, style=style)
    return with_left_out(grid, left_out, earlier=True)


def _title(start: date | None, end: date | None, today: date) -> str | None:
    if end is None:
        return None
    if start == end:
        return t("visit.title_day", day=month_day_weekday(end, today))
    if start is None:
        return t("visit.title_until", end=month_day_weekday(end, today))
    return t("visit.title_range", start=month_day_weekday(start, today), end=month_day_weekday(end, today))


def _caption(visits: list[Visit]) -> str:
    kept = [v for v in visits if not v.undone_at]
    flagged = sum(1 for v in kept for r in v.readings if r.flagged)
    text = t("visit.count", count=len(kept))
    if flagged:
        text += t("visit.flagged_count", count=flagged)
    return text


# -- resident card: recent visits and reading trends -----------------------------------------
def sparkline(values: list[float], min_span: float = 0.0) -> str:
    """``▃▄▆█``: one block per value, scaled over at least ``min_span`` so small wobbles stay small."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high - low < min_span:
        middle = (high + low) / 2
        low, high = middle - min_span / 2, middle + min_span / 2
    top = len(SPARKS) - 1
    if high == low:  # a flat series sits in the middle, as it does over a minimum span
        return SPARKS[round(top / 2)] * len(values)
    return "".join(SPARKS[max(0, min(top, round((v - low) / (high - low) * top)))] for v in values)


def _series(trend: Trend) -> list[tuple[str, list[float], list[bool]]]:
    """Rows of a trend: (measure, values, flagged) — two rows for blood pressure."""

    def flagged(reading: Reading, measure: str) -> bool:
        return any(f.measure == measure for f in reading.flags)

    if trend.kind == "bp":
        return [
            ("systolic", [r.value for r in trend.points], [flagged(r, "systolic") for r in trend.points]),
            ("diastolic", [r.value2 or 0.0 for r in trend.points], [flagged(r, "diastolic") for r in trend.points]),
        ]
    return [(trend.kind, [r.value for r in trend.points], [r.flagged for r in trend.points])]


def trends_view(trends: list[Trend], today: date) -> RenderableType:
    """One row per measure: label, sparkline, the values (flagged ones marked), unit and dates."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    # one width for every value of every row, so the values stand in columns under each other
    width = max(len(format_number(v)) for trend in trends for _, values, _ in _series(trend) for v in values)
    for trend in trends:
        first, last = trend.points[0].day, trend.points[-1].day
        span = month_day(first, today) if first == last else f"{month_day(first, today)}…{month_day(last, today)}"
        for measure, values, flags in _series(trend):
            label = measure_label(measure) if trend.kind == "bp" else READING_KINDS.label(trend.kind)
            numbers = Text()
            for i, (value, hit) in enumerate(zip(values, flags, strict=False)):
                numbers.append(" " if i else "")
                numbers.append(format_number(value).rjust(width), style=FLAG_STYLE if hit else None)
                numbers.append("⚠" if hit else " ", style=FLAG_STYLE)
            numbers.append(f" {unit_label(trend.unit)}", style="dim")
            if measure != "diastolic":
                numbers.append(f"  {span}", style="dim")
            grid.add_row(label, sparkline(values, _MIN_SPAN.get(measure, 0.0)), numbers)
    return grid


def history_parts(card: ResidentCard, today: date) -> list[Any]:
    """The visits and readings sections of ``resident show``."""
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = []
    if card.visits:
        parts.append(Text(t("card.visits"), style="bold"))
        rows = Table.grid(padding=(0, 2))
        rows.add_column(no_wrap=True)
        rows.add_column(no_wrap=True)
        rows.add_column()
        for visit in card.visits:
            detail = Text(visit.note or "", overflow="fold")
            for reading in visit.readings:
                detail.append(" " if detail else "")
                detail.append(reading_short(reading))
            rows.add_row(f"{month_day(visit.day, today)} {visit.time}", kind_label(visit.kind), detail)
        parts.append(rows)
    if card.trends:
        parts.append(Text(t("card.readings"), style="bold"))
        parts.append(trends_view(card.trends, today))
    return parts


# -- JSON (documented in docs/json.md) ------------------------------------------------------
def _number(kind: str, value: float | None) -> float | int | None:
    from gridnote.domain.readings import INTEGER_KINDS

    if value is None:
        return None
    return int(value) if kind in INTEGER_KINDS and value == int(value) else value


def reading_json(reading: Reading) -> dict[str, Any]:
    return {
        "id": reading.id,
        "kind": reading.kind,
        "value": _number(reading.kind, reading.value),
        "value2": _number(reading.kind, reading.value2),
        "unit": reading.unit,
        "text": reading_text(reading.kind, reading.value, reading.value2),
        "at": reading.at,
        "flagged": reading.flagged,
        "flags": [
            {
                "measure": f.measure,
                "value": _number(reading.kind, f.value),
                "op": f.op,
                "threshold": _number(reading.kind, f.threshold),
            }
            for f in reading.flags
        ],
    }


def visit_json(visit: Visit) -> dict[str, Any]:
    return {
        "id": visit.id,
        "kind": visit.kind,
        "at": visit.at,
        "day": visit.day,
        "resident_id": visit.resident_id,
        "resident": visit.resident,
        "household_id": visit.household_id,
        "address": visit.address,
        "building": visit.building,
        "note": visit.note,
        "readings": [reading_json(r) for r in visit.readings],
        "created_at": visit.created_at,
        "updated_at": visit.updated_at,
        "undone_at": visit.undone_at,
        "back_at": visit.back_at,
    }


def trend_json(trend: Trend) -> dict[str, Any]:
    return {"kind": trend.kind, "unit": trend.unit, "points": [reading_json(p) for p in trend.points]}
