"""Building blocks shared by renderers: tables, labels, empty-state lines."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from gridnote.messages.i18n import t
from gridnote.render.wrap import install

install()  # every renderer's lines break by the rules of Chinese and English (gridnote.render.wrap)

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


def table(
    *columns: str,
    title: str | None = None,
    whole: tuple[str, ...] = (),
    give_way: tuple[str, ...] | None = None,
    **kwargs: Any,
) -> Table:
    """A compact table whose headers come from the catalogue keys given.

    Columns fold what does not fit: Chinese text has no spaces to wrap at, and
    Rich's default (an ellipsis) would cut a note or a list of tags short.
    The columns in ``whole`` (a phone) never break: ``+86-138-0000-2`` over
    ``222`` reads as another number, so the other columns fold to make room.
    ``give_way``: the columns that narrow first when the table is too wide, least
    important first (default: from the last column to the first).
    """
    from rich import box

    order = give_way if give_way is not None else tuple(reversed(columns))
    grid = give_way_table(
        [columns.index(key) for key in order if key not in whole],
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


def grid(
    spec: str, rows: Sequence[tuple[Text | str, ...]], padding: int = 1, give_way: Sequence[int] | None = None
) -> Table:
    """A borderless grid, one letter of ``spec`` per column: r(ight), l(eft), w(rapping).

    Columns empty on every row are left out: Rich measures such a column 0 wide
    but draws it 1 wide, so a card or grid came out one cell too narrow and a
    short row folded ("female" over "42y") with the whole terminal free.
    ``give_way``: the columns (by their place in ``spec``) that narrow first when the grid is
    too wide, least important first; a left (``l``) column kept on one line wraps then too.
    Default: the ``l`` columns from the last to the first.
    """
    keep = [i for i in range(len(spec)) if any(str(row[i]) for row in rows)]
    order = give_way if give_way is not None else [i for i in reversed(range(len(spec))) if spec[i] == "l"]
    grid = give_way_table(
        [keep.index(i) for i in order if i in keep],
        box=None,
        padding=(0, padding),
        collapse_padding=True,
        show_header=False,
        show_footer=False,
        show_edge=False,
        pad_edge=False,
    )
    for i in keep:
        if spec[i] == "w":
            grid.add_column(overflow="fold")
        else:
            grid.add_column(justify="right" if spec[i] == "r" else "left", no_wrap=True)
    for row in rows:
        grid.add_row(*(row[i] for i in keep))
    return grid


def give_way_table(order: Sequence[int], **kwargs: Any) -> Table:
    """A Rich table whose columns narrow in ``order`` (least important first) when it is too wide.

    Rich narrows the widest column first, so at 60 columns and below the words that matter (a
    task, a note) were squeezed to a few cells while a name kept its width. Here each column
    in ``order`` narrows, down to the widest piece of its text that should stay whole
    (:func:`gridnote.render.wrap.floor`: a word, a short Chinese run), before the next one
    does; one kept on a line wraps when it must. On a screen narrower than the words, they fold,
    the least important first, down to :data:`FOLDED` cells; only then does Rich's own even
    narrowing take over.
    """
    made = _give_way_class()(**kwargs)
    made.give_way = list(order)  # type: ignore[attr-defined]
    return made


@lru_cache(maxsize=1)
def _give_way_class() -> type[Table]:
    from rich.table import Table

    class GiveWayTable(Table):
        give_way: list[int]

        def _calculate_column_widths(self, console: Any, options: Any) -> list[int]:
            columns = self.columns
            widths = [(self._measure_column(console, options, c).maximum or 1) for c in columns]
            natural = list(widths)
            over = sum(widths) - options.max_width
            if over > 0:
                # down to their words: first the columns in give_way, then the others that wrap;
                # then (a screen narrower than the words) folded down to FOLDED, in the same order
                rest = [i for i in reversed(range(len(columns))) if i not in self.give_way and not columns[i].no_wrap]
                passes = ((_floor, self.give_way), (_floor, rest), (lambda column: FOLDED, [*self.give_way, *rest]))
                for least_of, order in passes:
                    for index in order:
                        column = columns[index]
                        least = least_of(column) + self._get_padding_width(index)
                        cut = min(over, widths[index] - least)
                        if cut > 0:
                            widths[index] -= cut
                            over -= cut
                            column.no_wrap, column.overflow = False, "fold"
                        if over <= 0:
                            return self._give_back(console, widths, natural, rest)
            return super()._calculate_column_widths(console, options)

        def _give_back(self, console: Any, widths: list[int], natural: list[int], rest: list[int]) -> list[int]:
            """What the columns that stayed need once wrapped goes back to those that gave way (last first)."""
            slack = 0
            for index in rest:
                used = self._wrapped(console, index, widths[index])
                slack += widths[index] - used
                widths[index] = used
            for index in reversed(self.give_way):
                back = min(slack, natural[index] - widths[index])
                if back > 0:
                    widths[index] += back
                    slack -= back
            return widths

        def _wrapped(self, console: Any, index: int, width: int) -> int:
            """How wide column ``index`` draws when its texts are wrapped at ``width`` (padding included)."""
            from rich.text import Text

            column = self.columns[index]
            padding = self._get_padding_width(index)
            widest = 1
            for cell in [column.header, *column._cells]:
                if isinstance(cell, str):
                    cell = Text(cell)
                if not isinstance(cell, Text):
                    return width  # a renderable of another kind: left as it is
                for line in cell.wrap(console, max(width - padding, 1), overflow="fold"):
                    widest = max(widest, line.cell_len)
            return min(width, widest + padding)

    return GiveWayTable


FOLDED = 4  # the narrowest a column gives way to when even its words do not fit: two Chinese characters


def _floor(column: Any) -> int:
    """The narrowest a column's texts can be drawn without breaking a word (its header too)."""
    from gridnote.render.wrap import floor

    texts = [column.header, *column._cells]
    widest = 1
    for cell in texts:
        plain = cell if isinstance(cell, str) else getattr(cell, "plain", None)
        if plain:
            widest = max(widest, max(floor(line) for line in plain.split("\n")))
    return widest


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
