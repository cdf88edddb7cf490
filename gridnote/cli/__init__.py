"""The ``gridnote`` command tree."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli import _common, building, config, demo, event, find, household, issue, log, points, resident, task, today
from gridnote.cli._common import STATE, RootGroup

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
        typer.Option("--db", metavar="PATH", help="Notebook file (default: $GRIDNOTE_DB, then the user data folder)."),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="zh|en", help="Interface language for this command.")
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """gridnote — the grid worker's notebook: residents, tomorrow's work, visits, issues, reports.

    Three moments: `gridnote today` each morning, `gridnote log` after a visit,
    `gridnote report` at the end of the shift. Try it with the example grid:
    `gridnote --db demo.db demo`.
    """
    STATE.db_option = db
    if lang:
        from gridnote import i18n

        if i18n.normalize_lang(lang) is None:
            raise typer.BadParameter("zh | en", param_hint="--lang")
        i18n.set_lang(lang)


app.add_typer(resident.app, name="resident")
app.add_typer(household.app, name="household")
app.add_typer(building.app, name="building")
app.add_typer(config.app, name="config")
demo.register(app)
app.add_typer(task.app, name="task")
today.register(app)
app.add_typer(log.app, name="log")
log.register(app)
app.add_typer(issue.app, name="issue")
app.add_typer(event.app, name="event")
points.register(resident.app)
find.register(app)

__all__ = ["app", "main", "_common"]


def main() -> None:
    """Console-script entry point."""
    app()
