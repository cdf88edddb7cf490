"""``gridnote today`` (the morning agenda) and ``gridnote tomorrow``/``plan`` (the evening list)."""

from typing import Annotated

import typer

from gridnote.cli import task as task_cli
from gridnote.cli._common import BuildingOption, Group, JsonOption, notebook, out, print_json

tomorrow_app = typer.Typer(
    cls=Group,
    help="Tomorrow's work (明日工作): see the list, add to it. The evening routine.",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


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


@tomorrow_app.callback()
def tomorrow(ctx: typer.Context, json_: JsonOption = False) -> None:
    """Tomorrow's work (明日工作): see the list, add to it. The evening routine.

    Example: gridnote tomorrow   ·   gridnote tomorrow add "量血压 李奶奶" --at 6:30 --star
    """
    if ctx.invoked_subcommand is not None:
        return
    from datetime import timedelta

    from gridnote import clock
    from gridnote.render.agenda import plan_json, plan_view
    from gridnote.services.agenda import day_plan

    plan = day_plan(notebook(), clock.today() + timedelta(days=1))
    if json_:
        print_json(plan_json(plan))
        return
    out().print(plan_view(plan))


@tomorrow_app.command("add")
def tomorrow_add(
    text: task_cli.TextArg,
    at: task_cli.AtOpt = None,
    star: task_cli.StarOpt = False,
    resident: task_cli.ResidentOpt = None,
    building: BuildingOption = None,
    every: task_cli.EveryOpt = None,
    note: task_cli.NoteOpt = None,
    json_: JsonOption = False,
) -> None:
    """Add to tomorrow's list (the same as `task add --due tomorrow`).

    Example: gridnote tomorrow add "量血压 李奶奶" --at 6:30 --star
    """
    from datetime import timedelta

    from gridnote import clock

    task_cli.add(
        text,
        due=None,
        at=at,
        star=star,
        resident=resident,
        building=building,
        every=every,
        note=note,
        default_day=clock.today() + timedelta(days=1),
        json_=json_,
    )
