"""``gridnote today``: the morning agenda (tomorrow's list is gridnote.cli.tomorrow)."""

from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, notebook, out, print_json


def today(
    date_: Annotated[
        str | None, typer.Option("--date", "-d", metavar="DAY", help="Another day: tomorrow, 周一, 12-01.")
    ] = None,
    all_: Annotated[
        bool,
        typer.Option(
            "--all", "-a", help="Every overdue task and resident due a visit, not only the first ten of each."
        ),
    ] = False,
    route: Annotated[
        bool,
        typer.Option(
            "--route", "-r", help="The visits due as a walking route: building, unit, floor (every one shown)."
        ),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """The day on one screen: starred work, the timeline, overdue tasks, visits due, the daily walk.

    Issues waiting on you: a response or resolution deadline today or already
    missed (urgent first, with the time left or how late), a partner's date
    come, a resident to tell; and how many calls `gridnote calls` lists for the afternoon.

    A care visit is a home or emergency visit in the visit log; phone and WeChat
    contacts do not count towards the care round.

    With --route the visits due and the daily walk are one list, building by
    building in walking order (as `gridnote care route`).

    Example: gridnote today   ·   gridnote today --route   ·   gridnote today --date tomorrow --json
    """
    from gridnote.render.agenda import agenda_json, agenda_view
    from gridnote.services.agenda import build_agenda

    day = None
    if date_:
        from gridnote.input.dates import parse_day

        day = parse_day(date_)
    agenda = build_agenda(notebook(), day, route=route)
    if json_:
        print_json(agenda_json(agenda))
        return
    out().print(agenda_view(agenda, show_all=all_))
