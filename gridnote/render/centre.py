"""The grid centre's report and grid list: one table of cells, drawn on screen or as an XLSX workbook."""

from __future__ import annotations

import io
from typing import Any

from rich.console import RenderableType

from gridnote.messages.i18n import t
from gridnote.models.centre import CentreReport, GridFigures, GridInfo
from gridnote.models.report import ReportRate


def _screen(cell: Any) -> str:
    if isinstance(cell, ReportRate):
        return f"{cell.numerator}/{cell.denominator}"
    return "" if cell is None else str(cell)


def _rate(rate: ReportRate) -> str:
    percent = "—" if rate.percent is None else f"{rate.percent:g}%"
    return f"{rate.numerator}/{rate.denominator} {percent}"


def rows_text(report: CentreReport) -> tuple[list[str], list[list[Any]]]:
    """(headers, one row per grid then the street's total); rates as "numerator/denominator percent"."""
    from gridnote.domain.vocab import CARE_TAGS

    headers = [t(f"centre.h.{k}") for k in COLUMNS] + [
        t("centre.h.coverage", group=CARE_TAGS.label(g)) for g in report.care_groups
    ]
    body = [_cells(line, report.care_groups, text=True) for line in [*report.lines, report.total]]
    return headers, body


COLUMNS = (
    "grid",
    "worker",
    "street",
    "contacts",
    "reached",
    "walks",
    "readings",
    "flagged",
    "received",
    "resolved",
    "overdue",
    "response",
    "resolution",
    "satisfaction",
    "events",
    "attendees",
)


def _cells(line: GridFigures, groups: list[str], *, text: bool) -> list[Any]:
    f, r = line.figures, line.rates
    coverage = {c.code: c for c in r.coverage}
    grid = line.grid

    def rate(x: ReportRate | None) -> Any:
        if x is None:
            return "" if text else None
        return _rate(x) if text else x

    return [
        t("centre.street") if grid is None else (grid.grid_code or grid.notebook_id[:8]),
        "" if grid is None else (grid.worker_name or ""),
        "" if grid is None else (grid.street or ""),
        f.contacts,
        f.residents_reached,
        f.walks,
        f.readings,
        f.readings_flagged,
        f.issues["received"],
        f.issues["resolved"],
        f.overdue,
        rate(r.response),
        rate(r.resolution),
        rate(r.satisfaction),
        f.events,
        f.attendees,
        *[rate(coverage.get(g)) for g in groups],
    ]


SCREEN = (
    "grid",
    "contacts",
    "reached",
    "flagged",
    "received",
    "resolved",
    "overdue",
    "response",
    "resolution",
    "satisfaction",
)


def report_table(report: CentreReport) -> RenderableType:
    """On screen: the main columns (rates as numerator/denominator); the workbook has every column."""
    from rich import box
    from rich.table import Table

    keep = [COLUMNS.index(k) for k in SCREEN]
    headers = [t(f"centre.h.{k}") for k in SCREEN]
    body = [
        [_screen(c) for c in (row[i] for i in keep)]
        for row in (_cells(line, report.care_groups, text=False) for line in [*report.lines, report.total])
    ]
    title = t("centre.report.title", start=report.range.start.isoformat(), end=report.range.end.isoformat())
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left", header_style="bold")
    for i, h in enumerate(headers):
        table.add_column(h, justify="left" if i < 2 else "right", overflow="fold")
    for n, row in enumerate(body):
        table.add_row(*(str(c) for c in row), end_section=n == len(body) - 2)
    return table


def report_xlsx(report: CentreReport) -> bytes:
    """Sheet 1: one row per grid and the street; rates as numerator, denominator and percent columns.
    Sheet 2: issues received, resolved and overdue per grid and category."""
    from openpyxl import Workbook

    from gridnote.domain.vocab import CARE_TAGS
    from gridnote.output.spreadsheet import xlsx_append

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("centre.sheet.grids")
    headers: list[str] = []
    for k in COLUMNS:
        if k in ("response", "resolution", "satisfaction"):
            headers += [t(f"centre.h.{k}") + " " + t(f"centre.h.{part}") for part in ("num", "den", "pct")]
        else:
            headers.append(t(f"centre.h.{k}"))
    for g in report.care_groups:
        label = t("centre.h.coverage", group=CARE_TAGS.label(g))
        headers += [label + " " + t(f"centre.h.{part}") for part in ("num", "den", "pct")]
    xlsx_append(sheet, headers)
    for line in [*report.lines, report.total]:
        row: list[Any] = []
        for cell in _cells(line, report.care_groups, text=False):
            if isinstance(cell, ReportRate):
                row += [cell.numerator, cell.denominator, None if cell.percent is None else cell.percent / 100]
            else:
                row.append(cell)
        xlsx_append(sheet, row)
    cats = book.create_sheet(t("centre.sheet.categories"))
    xlsx_append(
        cats,
        [
            t("centre.h.grid"),
            t("centre.h.category"),
            t("centre.h.received"),
            t("centre.h.resolved"),
            t("centre.h.overdue"),
        ],
    )
    for line in [*report.lines, report.total]:
        f = line.figures
        name = t("centre.street") if line.grid is None else (line.grid.grid_code or line.grid.notebook_id[:8])
        codes = sorted(set(f.received_by_category) | set(f.resolved_by_category) | set(f.overdue_by_category))
        for code in codes:
            xlsx_append(
                cats,
                [
                    name,
                    code,
                    f.received_by_category.get(code, 0),
                    f.resolved_by_category.get(code, 0),
                    f.overdue_by_category.get(code, 0),
                ],
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def grids_table(found: list[GridInfo]) -> RenderableType:
    from gridnote.render.common import table

    grid = table(
        "centre.col.grid",
        "centre.col.worker",
        "centre.col.street",
        "centre.col.residents",
        "centre.col.changes",
        "centre.col.last_sync",
    )
    for g in found:
        grid.add_row(
            g.grid_code or g.notebook_id[:8],
            g.worker_name or "",
            g.street or "",
            str(g.residents),
            str(g.last_seq),
            g.last_sync_at or "",
        )
    return grid


def sync_json(sent: Any, down: Any) -> dict[str, Any]:
    """What ``sync --json`` did (docs/json.md): what went up or into the bundle (``sent``: a SyncResult,
    or None for ``--in``), what came down (``down``: a Received, or None for ``--out``)."""
    return {
        "version": 1,
        "sent": None
        if sent is None
        else {
            "to": sent.centre,
            "changes": sent.changes,
            "rows": dict(sorted(sent.rows.items())),
            "last_seq": sent.last_seq,
        },
        "down": None
        if down is None
        else {"new": {kind: down.new[kind] for kind in ("issue", "task", "register")}, "known": down.known},
    }


def rows_changed(rows: dict[str, int]) -> str:
    """``12 visits, 3 issues, 1 resident`` (the notebook's table order)."""
    from gridnote.messages.i18n import join_list, lang
    from gridnote.render.common import counted
    from gridnote.store.changes import TABLES

    parts = []
    for table in TABLES:
        n = rows.get(table, 0)
        if not n:
            continue
        parts.append(counted(f"sync.rows.{table}", n))
    if not parts:
        return t("sync.none")
    return join_list(parts) if lang() == "zh" else ", ".join(parts)


def sent_table(items: list[Any]) -> RenderableType:
    """What the centre sent and her answers: one row per item (``centre sent``)."""
    from gridnote import clock
    from gridnote.domain.down import DOWN_KINDS
    from gridnote.render.common import table as make_table
    from gridnote.render.dates import short_time

    today = clock.today()
    table = make_table(
        "centre.col.grid", "centre.col.no", "centre.col.kind", "centre.col.what", "centre.col.sent", "centre.col.answer"
    )
    for i in items:
        answer = t(f"centre.answer.{i.status or 'none'}")
        if i.answered_at:
            answer = t("centre.answer.at", answer=answer, at=short_time(i.answered_at, today))
        if i.why:
            answer = t("centre.answer.why", answer=answer, why=i.why)
        table.add_row(i.grid, str(i.seq), DOWN_KINDS.label(i.kind), i.text, short_time(i.sent_at, today), answer)
    return table
