"""The parts every report table is made of: sections, cells, percentages, and the steps' names."""

from __future__ import annotations

from dataclasses import dataclass

SCREEN_ROWS = 10  # long lists (care visits overdue) show this many rows on the screen and in Markdown
# Readings and issues: every row of a day, a week or a month; a report over years would list
# thousands (32,000 lines, 9 s for ten years) that the exports hold anyway.
LIST_ROWS = 50


@dataclass(frozen=True)
class Percent:
    """A rate's value in percent (None: nothing to count)."""

    value: float | None

    def __str__(self) -> str:
        return "–" if self.value is None else f"{self.value:.1f}%"


class Echo(str):
    """A text that only repeats what its row already says (the state an issue's last step led to).

    Tables keep it in its column; the two-line screen view leaves it out.
    """


class Moment(str):
    """A time as the report shows it (``08:30``, ``11-29 08:30``), with the moment it is (``at``, ISO):
    every format shows the text, a spreadsheet stores the date and time.

    ``label``: a word the text puts before the time (a deadline's kind, ``response 10:00``); a
    spreadsheet shows it in the cell's number format, so the cell stays a date."""

    at: str
    label: str

    def __new__(cls, text: str, at: str, label: str = "") -> Moment:
        made = super().__new__(cls, text)
        made.at, made.label = at, label
        return made


class Count(str):
    """A number with its unit as the report shows it (``3 d``, ``45 min``): a spreadsheet stores the number,
    shown with the unit."""

    value: int

    def __new__(cls, text: str, value: int) -> Count:
        made = super().__new__(cls, text)
        made.value = value
        return made


Cell = str | int | float | Percent | None


@dataclass(frozen=True)
class Section:
    code: str  # stable: the CSV file name in the zip, the HTML id
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    notes: tuple[str, ...] = ()  # lines under the table
    screen_notes: tuple[str, ...] | None = None  # instead of ``notes`` on the screen: with the option to type
    screen_rows: int | None = None  # text and Markdown show at most this many rows
    wrap: tuple[int, ...] | None = None  # on the screen only these columns wrap (long texts); None: any
    lines: tuple[int, int] | None = None  # on the screen: two lines an item, (number, text) then the rest


def cell_text(value: Cell) -> str:
    return "" if value is None else str(value)


_STEP_OF = {
    "received": "receive",
    "verified": "verify",
    "rejected": "reject",
    "referred": "refer",
    "resolved": "resolve",
    "reported": "tell",
    "rated": "rate",
    "closed": "close",
    "reopened": "reopen",
}
