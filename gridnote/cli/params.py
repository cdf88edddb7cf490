"""Options shared by many commands, defined once: periods, record numbers, readings.

* **Periods**: ``--date | --from/--to | --week | --month``, read by the one
  period reader (:func:`gridnote.input.periods.read_period`), so every command
  refuses the same mixtures and a backwards range the same way.
* **Record numbers**: ``12``, ``#12``, full-width ``１２``; one reader, one error.
* **Readings**: ``--bp --pulse --glucose --temp --weight`` of ``log`` and ``log edit``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from gridnote.domain.readings import ReadingInput

# -- periods -------------------------------------------------------------------------------
DateOpt = Annotated[
    str | None, typer.Option("--date", "-d", metavar="DAY", help="One day: today, yesterday, 周五, 11-28.")
]
FromOpt = Annotated[
    str | None,
    typer.Option("--from", metavar="DAY", help="First day of a range (周五: the last Friday before --to)."),
]
ToOpt = Annotated[str | None, typer.Option("--to", metavar="DAY", help="Last day of a range (default: today).")]
UntilOpt = Annotated[str | None, typer.Option("--to", metavar="DAY", help="Last day of a range.")]
WeekOpt = Annotated[
    bool, typer.Option("--week", "-w", help="The calendar week (Mon–Sun); with --date, the week of that day.")
]
MonthOpt = Annotated[
    bool, typer.Option("--month", "-m", help="The calendar month; with --date, the month of that day.")
]


# -- files ---------------------------------------------------------------------------------
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the file given with -o if it exists.")]


# -- browsing (gridnote browse, gridnote centre browse) ------------------------------------
PortOpt = Annotated[int, typer.Option("--port", metavar="PORT", min=1, max=65535, help="Local port (default 8001).")]
FullOpt = Annotated[
    bool, typer.Option("--full", help="Show every table and phone and ID numbers as they are, and allow SQL.")
]


# -- record numbers ------------------------------------------------------------------------
def record_number(text: str, what: str) -> int:
    """A record number as typed (``12``, ``#12``, ``＃１２``); ``what`` is task, issue, visit or event."""
    from gridnote.errors import InputError
    from gridnote.input.text import read_number
    from gridnote.messages.i18n import t

    number = read_number(text)
    if number is None:
        raise InputError("number.bad", text=text, what=t(f"number.{what}"))
    return number


def record_numbers(texts: list[str], what: str) -> list[int]:
    return [record_number(text, what) for text in texts]


# -- readings ------------------------------------------------------------------------------
BpOpt = Annotated[str | None, typer.Option("--bp", help="Blood pressure systolic/diastolic in mmHg, e.g. 139/90.")]
PulseOpt = Annotated[str | None, typer.Option("--pulse", help="Pulse per minute, e.g. 63.")]
GlucoseOpt = Annotated[str | None, typer.Option("--glucose", help="Blood glucose in mmol/L, e.g. 6.1.")]
TempOpt = Annotated[str | None, typer.Option("--temp", help="Temperature in °C, e.g. 36.8.")]
WeightOpt = Annotated[str | None, typer.Option("--weight", help="Weight in kg (or 斤), e.g. 52.5 or 105斤.")]


def reading_inputs(
    bp: str | None, pulse: str | None, glucose: str | None, temp: str | None, weight: str | None
) -> list[ReadingInput]:
    """The readings given, read and checked (a value no measurement can have is refused)."""
    from gridnote.input.readings import parse_reading

    given = {"bp": bp, "pulse": pulse, "glucose": glucose, "temp": temp, "weight": weight}
    return [parse_reading(kind, text) for kind, text in given.items() if text is not None]
