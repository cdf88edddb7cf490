"""``gridnote demo``: load the example grid into an empty notebook."""

from typing import Annotated

import typer

from gridnote.cli._common import notebook, out, progress_bar


def demo(
    day: Annotated[
        bool,
        typer.Option("--day", help="Also write one day of work on today: visits, issues, tasks, an outreach event."),
    ] = False,
) -> None:
    """Load the example grid (4 buildings, 317 households, 752 residents) into an empty notebook.

    Use a separate notebook to try gridnote without touching your own:
    gridnote --db demo.db demo && gridnote --db demo.db resident show 李奶奶

    With --day, one day of the grid worker's work is written too, so today, report and find
    have something to show: gridnote --db demo.db demo --day && gridnote --db demo.db today
    """
    from gridnote.render.residents import demo_summary
    from gridnote.services.demo import load_demo

    nb = notebook()
    with progress_bar() as tick:
        summary = load_demo(nb, progress=tick, day=day)
    out().print(demo_summary(summary, nb.path))
