"""The report on the screen (Rich), and as plain text for a file: the sections of ``report_tables``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gridnote.messages.i18n import t
from gridnote.models import Report
from gridnote.render.common import on_screen
from gridnote.render.report_parts import Cell, Echo, Percent, Section, cell_text
from gridnote.render.report_tables import heading_lines, sections, summary_lines, title

if TYPE_CHECKING:
    from rich.console import RenderableType

FILE_WIDTH = 80  # columns of a text report when no terminal width is known


def report_view(report: Report) -> RenderableType:
    """Title, privacy line, the numbers in a few lines, then every other section as a table."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [Text(title(report), style="bold underline")]
    for i, line in enumerate(heading_lines(report, hints=True)):
        parts.append(Text(line, style="bold red" if report.full and i == 1 else "dim"))
    numbers_title, lines = summary_lines(report)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for label, text in lines:
        grid.add_row(label, text)
    parts += [Text(""), Text(numbers_title, style="bold"), Padding(grid, (0, 0, 0, 2), expand=False)]
    for section in sections(report)[1:]:  # the numbers are the lines above
        parts += [Text(""), *_section(section)]
    return Group(*parts)


def _section(section: Section) -> list[RenderableType]:
    from rich.text import Text

    shown, left_out = on_screen(section.rows, limit=section.screen_rows)
    found: list[RenderableType] = [
        Text(section.title, style="bold"),
        _items(section, shown) if section.lines else _table(section, shown),
    ]
    if left_out:
        found.append(Text(t("report.more", count=left_out), style="dim"))
    notes = section.notes if section.screen_notes is None else section.screen_notes
    found += [Text(line, style="dim") for line in notes]
    return found


def _items(section: Section, shown: list[tuple[Cell, ...]]) -> RenderableType:
    """``#1 text`` (or ``06:40 李秀英``) then, indented, the other cells joined by dots: readable at 80 columns."""
    from rich.table import Table
    from rich.text import Text

    assert section.lines is not None
    number, main = section.lines
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for row in shown:
        rest = " · ".join(
            cell_text(c)
            for i, c in enumerate(row)
            if i not in (number, main) and cell_text(c) and not isinstance(c, Echo)
        )
        lead = row[number]
        text = Text(cell_text(row[main]))
        if rest:
            text.append("\n" + rest, style="dim")
        grid.add_row(Text(f"#{lead}" if isinstance(lead, int) else cell_text(lead), style="dim"), text)
    return grid


def _table(section: Section, shown: list[tuple[Cell, ...]]) -> RenderableType:
    from rich import box
    from rich.table import Table

    numeric = [
        all(isinstance(row[i], (int, float, Percent)) or row[i] is None for row in shown)
        for i in range(len(section.columns))
    ]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold", show_edge=False)
    for i, (column, right) in enumerate(zip(section.columns, numeric, strict=False)):
        wraps = section.wrap is None or i in section.wrap
        table.add_column(column, justify="right" if right else "left", overflow="fold", no_wrap=not wraps)
    for row in shown:
        table.add_row(*(cell_text(cell) for cell in row))
    return table


def report_text(report: Report, width: int = FILE_WIDTH) -> str:
    """The screen view as plain text (no colour), for ``-o report.txt``.

    Drawn at ``width`` (the command passes the terminal's, so the file wraps as
    the screen does), without the spaces Rich pads lines with.
    """
    import io

    from rich.console import Console

    console = Console(
        file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False, emoji=False
    )
    console.print(report_view(report))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "".join(line.rstrip() + "\n" for line in text.splitlines())
