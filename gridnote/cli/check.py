"""``gridnote check``: is the notebook sound? One line per finding, saying what to do."""

from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, notebook, out, print_json


def check(
    repair: Annotated[
        bool,
        typer.Option("--repair", help="Rebuild the search index and bring missing photos back from the backups."),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Check the notebook: the file, its links, the search index and the photos.

    Runs SQLite's integrity_check and foreign_key_check, compares the search index
    with the rows it is made from, and the photos with the files beside the
    notebook (missing, changed, or belonging to no issue or event). Each finding is one
    line saying what to do; the exit code is 5 when something was found.
    --repair rebuilds the search index and links missing photos back from the
    backups; a damaged file is never written into (gridnote restore).

    Example: gridnote check   ·   gridnote check --repair
    """
    from gridnote.render.check import check_json, check_lines
    from gridnote.services.check import run_check

    report = run_check(notebook(), repair=repair)
    if json_:
        print_json(check_json(report))
    else:
        console = out()
        for line in check_lines(report):
            console.print(line, soft_wrap=True)
    if not report.sound:
        raise typer.Exit(5)
