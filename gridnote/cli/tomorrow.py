"""``gridnote tomorrow``/``plan``: the evening list, seen and added to.

Apart from ``today`` so the morning's command does not import the task commands this one adds with.
"""

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
