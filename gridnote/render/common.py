"""Building blocks shared by renderers: tables, labels, empty-state lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from gridnote.messages.i18n import t

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

Row = TypeVar("Row")

# The most rows a list draws on screen. Rich lays out a table at about a millisecond a
# row: ten years of visits (100,000) took two minutes to draw and nobody reads them.
# The JSON output and the exports are never cut.
SCREEN_ROWS = 200


def on_screen(rows: list[Row], *, limit: int | None = SCREEN_ROWS, keep_last: bool = False) -> tuple[list[Row], int]:
    """The rows a list draws and how many it leaves out: the first ``limit`` (None: all), or the
    last (the newest of a list in time order) with ``keep_last``. Every capped list cuts here."""
    if limit is None or len(rows) <= limit:
        return rows, 0
    shown = rows[-limit:] if keep_last else rows[:limit]
    return shown, len(rows) - limit


def with_left_out(body: RenderableType, left_out: int, *, earlier: bool = False) -> RenderableType:
    """The table, then (when rows were left out) a dim line saying how many and how to see them."""
    if not left_out:
        return body
    from rich.console import Group

    line = note("list.earlier" if earlier else "list.more", count=left_out)
    return Group(line, body) if earlier else Group(body, line)


class Indent:
    """``body`` moved ``width`` columns to the right, as wide as it draws: Rich's ``Padding(body, (0, 0, 0,
    width), expand=False)`` without measuring ``body`` first (a table is then laid out once, not twice;
    the agenda's sections are tables).

    Every line is as wide as the widest (a note under a table is padded to the table's width), as
    with ``Padding``; nothing wider than the console.
    """

    def __init__(self, body: RenderableType, width: int = 2) -> None:
        self.body, self.width = body, width

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment

        inner = options.update_width(max(options.max_width - self.width, 1))
        lines = console.render_lines(self.body, inner, pad=False, new_lines=False)
        width = max((Segment.get_line_length(line) for line in lines), default=0)
        margin, new_line = Segment(" " * self.width), Segment.line()
        for line in lines:
            yield margin
            yield from line
            short = width - Segment.get_line_length(line)
            if short > 0:
                yield Segment(" " * short)
            yield new_line

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.measure import Measurement

        inner = options.update_width(max(options.max_width - self.width, 1))
        measured = Measurement.get(console, inner, self.body)
        return Measurement(measured.minimum + self.width, measured.maximum + self.width)


def table(*columns: str, title: str | None = None, whole: tuple[str, ...] = (), **kwargs: Any) -> Table:
    """A compact table whose headers come from the catalogue keys given.

    Columns fold what does not fit: Chinese text has no spaces to wrap at, and
    Rich's default (an ellipsis) would cut a note or a list of tags short.
    The columns in ``whole`` (a phone) never break: ``+86-138-0000-2`` over
    ``222`` reads as another number, so the other columns fold to make room.
    """
    from rich import box
    from rich.table import Table

    grid = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        title_justify="left",
        title_style="bold",
        header_style="bold",
        **kwargs,
    )
    for key in columns:
        if key in whole:
            grid.add_column(t(key), no_wrap=True)
        else:
            grid.add_column(t(key), overflow="fold")
    return grid


def grid(spec: str, rows: Sequence[tuple[Text | str, ...]], padding: int = 1) -> Table:
    """A borderless grid, one letter of ``spec`` per column: r(ight), l(eft), w(rapping).

    Columns empty on every row are left out: Rich measures such a column 0 wide
    but draws it 1 wide, so a card or grid came out one cell too narrow and a
    short row folded ("female" over "42y") with the whole terminal free.
    """
    from rich.table import Table

    keep = [i for i in range(len(spec)) if any(str(row[i]) for row in rows)]
    grid = Table.grid(padding=(0, padding))
    for i in keep:
        if spec[i] == "w":
            grid.add_column(overflow="fold")
        else:
            grid.add_column(justify="right" if spec[i] == "r" else "left", no_wrap=True)
    for row in rows:
        grid.add_row(*(row[i] for i in keep))
    return grid


def tag_labels(tags: tuple[str, ...] | list[str]) -> str:
    """``失能、高血压`` in Chinese, ``bedridden, hypertension`` in English."""
    from gridnote.domain.vocab import CARE_TAGS

    return join_list(CARE_TAGS.label(tag) for tag in tags)


def join_list(items: Any) -> str:
    """``李奶奶、张大爷`` in Chinese, ``李奶奶, 张大爷`` in English (:func:`gridnote.messages.i18n.join_list`)."""
    from gridnote.messages.i18n import join_list as join

    return join(items)


def counted(key: str, n: int) -> str:
    """A count in words: the message's ``singular|plural`` (English) picked by ``n``."""
    text = t(key, n=n)
    if "|" in text:
        one, many = text.split("|", 1)
        text = one if n == 1 else many
    return text


def note(key: str, /, **values: Any) -> Text:
    """A dim one-line hint (empty states, next steps)."""
    from rich.text import Text

    return Text(t(key, **values), style="dim")


def ok(key: str, /, **values: Any) -> Text:
    """A one-line confirmation of what was written."""
    from rich.text import Text

    return Text("✓ ", style="green") + Text(t(key, **values))
