"""``gridnote issue import`` and ``issue export``: requests from the city app and the 12345 hotline, in and back out.

Registered on the ``issue`` group by :mod:`gridnote.cli.issue`.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gridnote.cli._common import JsonOption, notebook, out, print_json
from gridnote.cli.params import ForceOpt

if TYPE_CHECKING:
    from gridnote.models import OutRequest

# -- requests from the city app and the 12345 hotline, in and back out (Open311 GeoReport v2) --
XmlOpt = Annotated[bool, typer.Option("--xml", help="XML instead of JSON (the spec's two formats).")]


def issue_import(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", readable=False, help="GeoReport v2 requests: requests.json or requests.xml."),
    ],
    channel: Annotated[
        str, typer.Option("--channel", "-c", help="Where they came from: app or hotline (一网通, 12345).")
    ] = "app",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file and show what would change; write nothing.")
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Import service requests from the city app or the 12345 hotline (Open311 GeoReport v2): all or none.

    Each request becomes an issue: its category from service_code (the upward
    codes of `issue category list`) or from the text, its address matched to a
    household or building, its reporter to the resident with that phone. The
    request id is kept: importing the file again updates the issues (status,
    status_notes, the city's deadline) and adds none twice.

    Example: gridnote issue import requests.json -c 12345
    """
    from gridnote.cli._common import progress_bar
    from gridnote.render.issue_open311 import import_lines
    from gridnote.services.open311 import import_requests

    nb = notebook()
    with progress_bar() as tick:
        result = import_requests(nb, file, channel=channel, dry_run=dry_run, progress=tick)
    if json_:
        from gridnote.render.issue_open311 import import_json

        print_json(import_json(result))
        return
    out().print(import_lines(result))


def issue_export(
    open311: Annotated[
        bool, typer.Option("--open311", help="Open311 GeoReport v2 (the format the city app reads; the default).")
    ] = True,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: print, and nothing is marked sent).")
    ] = None,
    xml: XmlOpt = False,
    every: Annotated[bool, typer.Option("--all", help="Every issue, not only those that came from a request.")] = False,
    force: ForceOpt = False,
) -> None:
    """Export the requests with their status and status_notes, so the app shows residents the outcome.

    Written to a file (-o), the changes of state waiting for the way back are
    recorded as sent (`issue tell` then says the app has them).

    Example: gridnote issue export --open311 -o back.json
    """
    from gridnote.output.files import atomic_write, check_target
    from gridnote.render.issue_open311 import exported_line
    from gridnote.render.open311 import requests_text
    from gridnote.services.open311 import out_requests, send_back

    fmt = "xml" if xml or (output is not None and output.suffix.lower() == ".xml") else "json"
    nb = notebook()
    if output is None:
        typer.echo(requests_text(out_requests(nb, every=every), fmt), nl=False)
        return
    check_target(output, force=force)

    def write(items: list["OutRequest"]) -> None:
        data = requests_text(items, fmt).encode("utf-8")
        atomic_write(output, lambda handle: handle.write(data), force=force)

    count = send_back(nb, write, every=every)
    out().print(exported_line(count, output, fmt))
