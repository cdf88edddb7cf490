"""``gridnote calls``: who to ring this afternoon, numbers in full; ``calls done N "…"`` after each call."""

from typing import Annotated

import typer

from gridnote.cli._common import Group, JsonOption, notebook, out, print_json

app = typer.Typer(
    cls=Group,
    help="The afternoon call list: who to ring today and what for, numbers in full.",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback()
def calls(ctx: typer.Context, json_: JsonOption = False) -> None:
    """The afternoon call list: who to ring today and what for, numbers in full.

    First contacts on issues nobody has answered yet, partners whose promised date has
    come (物业 promised by 11-30), reporters to tell the outcome, and tasks of today or
    earlier that are a call (回电话, 打电话给家属 …: her family's numbers first). After each
    call, `gridnote calls done N "what was said"` logs it and moves the issue on.

    Example: gridnote calls   ·   gridnote calls --json   ·   gridnote calls done 2 "已告知，很满意"
    """
    if ctx.invoked_subcommand is not None:
        return
    from gridnote import clock
    from gridnote.render.calls import calls_json, calls_view
    from gridnote.services.calls import call_list

    found = call_list(notebook())
    if json_:
        print_json(calls_json(found, clock.today()))
        return
    out().print(calls_view(found, clock.today()))


@app.command("done")
def calls_done(
    number: Annotated[int, typer.Argument(metavar="N", help="The call's number on today's list (gridnote calls).")],
    outcome: Annotated[list[str], typer.Argument(metavar="WHAT...", help="What was said or agreed.")],
    resolved: Annotated[
        bool, typer.Option("--resolved", help="A partner's call: the partner has done it; resolve the issue.")
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Record call N: log it as a phone call and move its issue (or task) on, in one step.

    A first contact becomes the issue's response, a report-back its "told" step, a
    partner's call a note by the partner (--resolved: the issue is resolved); a call task
    is done.

    Example: gridnote calls done 1 "物业说明天上午来"   ·   gridnote calls done 2 "已告知结果"
    """
    from gridnote import clock
    from gridnote.render.calls import done_json, done_view
    from gridnote.services.calls import call_done

    done = call_done(notebook(), number, " ".join(outcome), resolved=resolved)
    if json_:
        print_json(done_json(done))
        return
    out().print(done_view(done, clock.today()))
