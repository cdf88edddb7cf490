"""``gridnote sync``: send the notebook's changes to the grid centre, directly or as a bundle file."""

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, notebook, out, print_json
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
    in_: Annotated[
        Path | None,
        typer.Option(
            "--in", "-i", metavar="FILE", help="Bring in a bundle from the centre (gridnote centre export) instead."
        ),
    ] = None,
    since: Annotated[
        int | None,
        typer.Option("--since", metavar="N", min=0, help="With --out: the changes after change N (0: all of them)."),
    ] = None,
    force: ForceOpt = False,
    json_: JsonOption = False,
) -> None:
    """Send every change the grid centre does not have yet, bring down what it sent, and say what went.

    Directly with the centre (--centre, remembered): what the centre sent your
    grid (dispatched issues, tasks, register changes) goes into `gridnote inbox`,
    and your answers go up with the next sync. Without a network: --out writes
    a bundle for `gridnote centre import`, --in brings in one the centre wrote
    (`gridnote centre export`). Repeating a sync or a bundle, or one
    interrupted, neither loses nor duplicates anything.

    Example: gridnote sync --centre street.db   ·   gridnote sync --out 1202.gnsync   ·   gridnote sync --in down.gnsync
    """
    from gridnote.render.centre import rows_changed, sync_json
    from gridnote.render.common import ok
    from gridnote.render.inbox import received_line
    from gridnote.services import sync as service

    nb = notebook()
    if in_ is not None:
        brought = service.bring_in(nb, in_)
        if json_:
            print_json(sync_json(None, brought))
            return
        out().print(received_line(brought, always=True))
        return
    if out_ is not None:
        done = service.write_bundle(nb, out_, since=since, force=force)
        if json_:
            print_json(sync_json(done, None))
            return
        out().print(
            ok("sync.bundled", path=done.centre, changes=done.changes, rows=rows_changed(done.rows), last=done.last_seq)
        )
        return
    done = service.push(nb, centre)
    if json_:
        print_json(sync_json(done, done.down))
        return
    if done.down is not None and done.down.new:
        out().print(received_line(done.down))
    if done.changes:
        out().print(ok("sync.sent", centre=done.centre, rows=rows_changed(done.rows)))
    else:
        out().print(ok("sync.nothing", centre=done.centre))
