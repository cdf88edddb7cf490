"""``gridnote sync``: send the notebook's changes to the grid centre, directly or as a bundle file."""

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import notebook, out
from gridnote.cli.params import ForceOpt


def sync(
    centre: Annotated[
        str | None,
        typer.Option(
            "--centre",
            metavar="URL",
            help="The centre: a centre file (street.db) or postgresql://user@host/db; remembered (config centre.url).",
        ),
    ] = None,
    out_: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Write the changes to a bundle file (day.gnsync) instead."),
    ] = None,
    since: Annotated[
        int | None,
        typer.Option("--since", metavar="N", min=0, help="With --out: the changes after change N (0: all of them)."),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Send every change the grid centre does not have yet, and say what went.

    Directly to the centre (--centre, remembered), or with --out as a bundle file
    for `gridnote centre import` on the centre's side. Repeating a sync, or one
    interrupted, neither loses nor duplicates anything.

    Example: gridnote sync --centre street.db   ·   gridnote sync --out 1202.gnsync
    """
    from gridnote.render.centre import rows_changed
    from gridnote.render.common import ok
    from gridnote.services import sync as service

    nb = notebook()
    if out_ is not None:
        done = service.write_bundle(nb, out_, since=since, force=force)
        out().print(
            ok("sync.bundled", path=done.centre, changes=done.changes, rows=rows_changed(done.rows), last=done.last_seq)
        )
        return
    done = service.push(nb, centre)
    if done.changes:
        out().print(ok("sync.sent", centre=done.centre, rows=rows_changed(done.rows)))
    else:
        out().print(ok("sync.nothing", centre=done.centre))
