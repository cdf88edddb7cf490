"""``gridnote demo``: load the example grid into an empty notebook."""

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, notebook, out, print_json, progress_bar


def demo(
    day: Annotated[
        bool,
        typer.Option("--day", help="Also write one day of work on today: visits, issues, tasks, an outreach event."),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Load the example grid (4 buildings, 317 households, 752 residents) into an empty notebook.

    Use a separate notebook to try gridnote without touching your own:
    gridnote --db demo.db demo && gridnote --db demo.db resident show 李奶奶

    With --day, one day of the grid worker's work is written too, so today, report and find
    have something to show: gridnote --db demo.db demo --day && gridnote --db demo.db today
    """
    from gridnote.render.residents import demo_json, demo_summary
    from gridnote.services.demo import load_demo

    nb = notebook(create=True)
    with progress_bar() as tick:
        summary = load_demo(nb, progress=tick, day=day)
    if json_:
        print_json(demo_json(summary, nb.path))
        return
    out().print(demo_summary(summary, nb.path))


def init(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            show_default=False,
            help="The notebook file to create (default: --db, $GRIDNOTE_DB, then the user data folder).",
        ),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Create a new, empty notebook (mode 0600 in a 0700 folder); an existing notebook is left as it is.

    gridnote opens only notebooks that exist: a --db file that is missing or empty is
    refused, so a typo in its name never looks like an empty notebook. The default
    notebook is created on first use; any other is made here, or by `gridnote demo`.

    Example: gridnote init ~/grid/2026.db && gridnote --db ~/grid/2026.db today
    """
    from gridnote.cli import _common
    from gridnote.messages.i18n import t
    from gridnote.store.notebook import open_notebook
    from gridnote.store.paths import notebook_path

    target = notebook_path(path or _common.STATE.db_option)
    fresh = not target.exists() or (target.is_file() and target.stat().st_size == 0)
    _common.STATE.notebook = open_notebook(target, create=True)  # closed when the command ends
    if json_:
        print_json({"version": 1, "path": str(target), "created": fresh})
        return
    out().print(t("notebook.initialised" if fresh else "notebook.already", path=target), soft_wrap=True, markup=False)
