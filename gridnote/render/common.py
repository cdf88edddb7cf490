"""Building blocks shared by renderers: tables, labels, empty-state lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gridnote.i18n import lang, t

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text


def table(*columns: str, title: str | None = None, **kwargs: Any) -> Table:
    """A compact table whose headers come from the catalogue keys given.

    Columns fold what does not fit: Chinese text has no spaces to wrap at, and
    Rich's default (an ellipsis) would cut a note or a list of tags short.
    """
    from rich import box
    from rich.table import Table

    grid = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left",
                 title_style="bold", header_style="bold", **kwargs)
    for key in columns:
        grid.add_column(t(key), overflow="fold")
    return grid


def grid(spec: str, rows: list[tuple[Text | str, ...]], padding: int = 1) -> Table:
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
    from gridnote.vocab import CARE_TAGS

    return join_list(CARE_TAGS.label(tag) for tag in tags)


def join_list(items: Any) -> str:
    """``李奶奶、张大爷`` in Chinese, ``李奶奶, 张大爷`` in English: names and labels in a row."""
    return ("、" if lang() == "zh" else ", ").join(items)


def note(key: str, /, **values: Any) -> Text:
    """A dim one-line hint (empty states, next steps)."""
    from rich.text import Text

    return Text(t(key, **values), style="dim")


def ok(key: str, /, **values: Any) -> Text:
    """A one-line confirmation of what was written."""
    from rich.text import Text

    return Text("✓ ", style="green") + Text(t(key, **values))
