"""``gridnote inbox``: what the grid centre sent down; ``inbox accept N|all``, ``inbox decline N --why …``."""

from typing import Annotated, Any

import typer

from gridnote.cli._common import Group, JsonOption, notebook, out, print_json

app = typer.Typer(
    cls=Group,
    help="What the grid centre sent down: dispatched issues, tasks, register changes to confirm.",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
Numbers = Annotated[list[str], typer.Argument(metavar="N...", help="Item numbers (gridnote inbox), e.g. 3 or 3 4.")]


def _numbers(texts: list[str]) -> list[int]:
    from gridnote.cli.params import record_numbers

    return record_numbers(texts, "inbox")


@app.callback()
def inbox(
    ctx: typer.Context,
    every: Annotated[bool, typer.Option("--all", "-a", help="Answered items too.")] = False,
    json_: JsonOption = False,
) -> None:
    """What the grid centre sent down and waits for your answer; a register change shows each field.

    A change to a field you also changed since is a conflict: both values are
    shown with who wrote each, and nothing changes until you answer. Items
    arrive with `gridnote sync` (or `gridnote sync --in FILE`); your answers go
    back up with the next sync.

    Example: gridnote inbox   ·   gridnote inbox accept 1 2   ·   gridnote inbox decline 3 --why "不在本网格"
    """
    if ctx.invoked_subcommand is not None:
        return
    from gridnote import clock
    from gridnote.render.inbox import inbox_view, item_json
    from gridnote.services.inbox import inbox as items

    found = items(notebook(), every=every)
    if json_:
        print_json({"version": 1, "items": [item_json(i) for i in found]})
        return
    out().print(inbox_view(found, clock.today(), every=every))


@app.command("accept")
def inbox_accept(
    numbers: Numbers,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            metavar="FIELDS",
            help="Of a register change, take only these fields (phones,address or 电话、住址); yours stay for the rest.",
        ),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Accept items (or `all`): an issue or a task goes on your lists, a register change into the register.

    `all` leaves register changes that conflict with your own edits: accept (the
    centre's values) or decline (yours stay) each of those by its number. --only
    takes some fields of a change and keeps yours for the others; the centre is told which.

    Example: gridnote inbox accept 1 2   ·   gridnote inbox accept all   ·   gridnote inbox accept 3 --only phones
    """
    from gridnote.services.inbox import accept, only_fields

    every = [n.lower() for n in numbers] in (["all"], ["全部"])
    fields = only_fields(only) if only is not None else None
    nb = notebook()
    _show(nb, accept(nb, None if every else _numbers(numbers), only=fields), json_)


def _show(nb: Any, done: Any, json_: bool) -> None:
    from gridnote.render.inbox import answered_json, answered_lines

    if json_:
        from gridnote.services.inbox import inbox as listing

        print_json(answered_json(done, {item.id: item for item in listing(nb, every=True)}))
        return
    out().print(answered_lines(done))


@app.command("decline")
def inbox_decline(
    numbers: Numbers,
    why: Annotated[str, typer.Option("--why", "-w", metavar="TEXT", help="Why (the centre reads it).")],
    json_: JsonOption = False,
) -> None:
    """Decline items with a reason: nothing changes here; the reason reaches the centre with your next sync.

    Example: gridnote inbox decline 3 --why "此户已于11月迁出，不在本网格"
    """
    from gridnote.services.inbox import decline

    nb = notebook()
    _show(nb, decline(nb, _numbers(numbers), why), json_)
