"""The ``gridnote`` command tree.

Command modules (``gridnote/cli/<noun>.py``) do not use ``from __future__ import
annotations``: Typer reads every command's annotations when it builds the
command, and annotations kept as strings must each be compiled and evaluated
on every run (issue 14 ms → 5 ms to build; see benchmarks/README.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli import _common
from gridnote.cli._common import STATE, RootGroup
from gridnote.cli._tree import lazy

app = typer.Typer(
    cls=RootGroup,
    name="gridnote",
    help="gridnote — the grid worker's notebook: residents, tomorrow's work, visits, issues, reports.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from gridnote import __version__

        typer.echo(f"gridnote {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="PATH",
            readable=False,
            help="Notebook file (default: $GRIDNOTE_DB, then the user data folder).",
        ),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="zh|en", help="Interface language for this command.")
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option("--no-pager", help="Print long output straight to the terminal (default: a pager, as git)."),
    ] = False,
) -> None:
    """gridnote — the grid worker's notebook: residents, tomorrow's work, visits, issues, reports.

    Three moments: `gridnote today` each morning, `gridnote log` after a visit,
    `gridnote report` at the end of the shift. Try it with the example grid:
    `gridnote --db demo.db demo`.
    """
    STATE.db_option = db
    if lang:
        from gridnote.messages import i18n

        if i18n.normalize_lang(lang) is None:
            raise typer.BadParameter("zh | en", param_hint="--lang")
        i18n.set_lang(lang)


# The command tree, in the order `gridnote --help` lists it. Each command's module is
# imported only when the command runs (gridnote/cli/_tree.py): add a command with one line.
lazy("today", "gridnote.cli.today:today")
lazy("tomorrow", "gridnote.cli.tomorrow:tomorrow_app")
lazy("plan", "gridnote.cli.tomorrow:tomorrow_app", help="Same as `tomorrow`: tomorrow's work, seen and added to.")
lazy("log", "gridnote.cli.visits:app")
lazy("visits", "gridnote.cli.visits:visits")
lazy("task", "gridnote.cli.task:app")
lazy("resident", "gridnote.cli.resident:app")
lazy("household", "gridnote.cli.household:app")
lazy("building", "gridnote.cli.building:app")
lazy("issue", "gridnote.cli.issue:app")
lazy("event", "gridnote.cli.event:app")
lazy("care", "gridnote.cli.care:app")
lazy("remind", "gridnote.cli.remind:remind")
lazy("calls", "gridnote.cli.calls:app")
lazy("config", "gridnote.cli.config:app")
lazy("demo", "gridnote.cli.demo:demo")
lazy("init", "gridnote.cli.demo:init")
lazy("report", "gridnote.cli.report:report")
lazy("find", "gridnote.cli.find:find")
lazy("help", "gridnote.cli.help:help_")
lazy("server", "gridnote.cli.server:app")
lazy("sync", "gridnote.cli.sync:sync")
lazy("inbox", "gridnote.cli.inbox:app")
lazy("backup", "gridnote.cli.backup:app")
lazy("restore", "gridnote.cli.restore:restore")
lazy("check", "gridnote.cli.check:check")
lazy("encrypt", "gridnote.cli.encrypt:encrypt")
lazy("decrypt", "gridnote.cli.encrypt:decrypt")
lazy("browse", "gridnote.cli.browse:browse")
lazy("centre", "gridnote.cli.centre:app")

__all__ = ["app", "main", "run", "_common"]


def run(args: list[str] | None = None) -> int:
    """Run one command in this process and return its exit code: the one truth of every command.

    The console script (:mod:`gridnote.client`) calls it when no command server
    takes the command, and the server's children call it with the client's
    arguments and streams. A console that cannot show a character (✓ on a GBK
    terminal) gets a replacement mark instead of a crash after the notebook was
    written. The notebook is closed (and checkpointed) and the output flushed
    before it returns.
    """
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        app(args)
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    finally:
        _common.STATE.reset()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BrokenPipeError:  # what was left for a reader that stopped early (`| head -1`)
                if stream is sys.stdout and code == 0:
                    from gridnote.cli.pager import PIPE_CLOSED

                    code = PIPE_CLOSED
            except (OSError, ValueError):
                pass
    return code


def main() -> None:
    """``python -m gridnote``, in-process: :func:`run`, then ``os._exit``.

    Tearing down every imported module costs a command typed dozens of times a
    day 10-20 ms and does nothing for it (benchmarks/README.md). Tests call
    ``app`` directly and are unaffected.
    """
    import os

    os._exit(run())
