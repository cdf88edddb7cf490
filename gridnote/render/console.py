"""The console every command prints through: control characters in user text are shown, never sent.

Before Rich lays anything out, the texts inside what is printed (tables' cells and
titles, groups, panels, paddings, columns, indents) are made visible
(:func:`gridnote.render.visible.visible`, one character for one, so styles and
widths stay right and tables stay aligned); plain strings are made visible as
Rich turns them into text. Anything left in a renderable of another kind is made
visible as its lines are drawn. Only Rich's own control codes (colours, cursor
moves) reach the terminal.

Written to a pipe or a file (stdout not a terminal), output is plain lines: no spaces
padding a line's end, no blank lines before the first line of text, and no wrapping
at a width the pipe does not have: lines are as long as their content (up to
:data:`PIPE_WIDTH`), unless ``COLUMNS`` says how wide to draw.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from gridnote.render.visible import CONTROL, visible
from gridnote.render.wrap import install

install()  # lines break by the rules of Chinese and English (gridnote.render.wrap)


def _inner(renderable: Any) -> Iterable[Any]:
    """The renderables a container holds (Rich's, and :class:`gridnote.render.common.Indent`)."""
    for name in ("renderables", "_renderables"):  # Group, Columns
        held = getattr(renderable, name, None)
        if isinstance(held, list):
            yield from held
            break
    for name in ("renderable", "body", "title", "subtitle", "caption"):  # Panel, Padding, Indent, Table
        held = getattr(renderable, name, None)
        if held is not None and not isinstance(held, str | int | float):
            yield held
    for column in getattr(renderable, "columns", None) or ():  # Table
        if hasattr(column, "_cells"):
            yield column.header
            yield from column._cells


def make_visible(renderable: Any, depth: int = 0) -> None:
    """Every :class:`Text` reachable from ``renderable`` drawn without control characters, in place."""
    if isinstance(renderable, Text):
        if CONTROL.search(renderable.plain):
            renderable.plain = visible(renderable.plain)
        return
    if depth < 20 and not isinstance(renderable, str):
        for held in _inner(renderable):
            make_visible(held, depth + 1)


PIPE_WIDTH = 1000
"""How wide a pipe without ``COLUMNS`` is drawn: wider than any line gridnote writes, so none wraps."""

_LINE_END = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)(?=\n|\Z)")


class VisibleConsole(Console):
    """A Rich console that never writes a control character it did not make itself.

    On a pipe or a file it writes plain lines (see the module's docstring); ``unbounded``
    says it has no width of its own (no terminal, no ``COLUMNS``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.piped = not self.is_terminal
        self.unbounded = self.piped and "width" not in kwargs and not os.environ.get("COLUMNS", "").isdigit()
        if self.unbounded:
            self.width = PIPE_WIDTH
        self._started = not self.piped  # a terminal keeps its blank lines; a pipe starts at the first text

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        text = super()._render_buffer(buffer)
        if not self.piped:
            return text
        text = _LINE_END.sub(r"\1", text)
        if not self._started:
            stripped = text.lstrip("\n")
            self._started = bool(stripped)
            text = stripped
        return text

    def render_str(self, text: str, **kwargs: Any) -> Any:
        return super().render_str(visible(text), **kwargs)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        make_visible(renderable)
        for segment in super().render(renderable, options):
            if not segment.control and CONTROL.search(segment.text):
                yield Segment(visible(segment.text), segment.style)
            else:
                yield segment
