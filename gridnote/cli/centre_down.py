"""``gridnote centre dispatch``, ``centre task add``, ``centre register import``, ``centre export``:
what the centre sends down to a grid. Registered on the ``centre`` group by :mod:`gridnote.cli.centre`."""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gridnote.cli._common import new_app, out

if TYPE_CHECKING:
    from gridnote.input.when import When
    from gridnote.services.down import Sent

CentreOpt = Annotated[
    str | None,
    typer.Option(
        "--centre",
        "-c",
        metavar="URL",
        help="The centre: a file (default: $GRIDNOTE_CENTRE, then street.db here) or postgresql://….",
    ),
]


def _url(given: str | None) -> str:
    return given or os.environ.get("GRIDNOTE_CENTRE") or "street.db"


GridOpt = Annotated[
    str, typer.Option("--grid", "-g", metavar="GRID", help="The grid: its code (冬梅轩-03) or notebook id.")
]
task_app = new_app("Tasks the centre sets for a grid.")
register_app = new_app("Register corrections from other departments, sent to a grid to confirm.")


def _sent(sent: "Sent") -> None:
    from gridnote.render.common import counted, ok

    numbers = ", ".join(str(n) for n in sent.numbers)
    out().print(ok("down.sent", grid=sent.grid, what=counted(f"down.n.{sent.kind}", sent.count), numbers=numbers))


def _due(text: str | None) -> "When | None":
    from gridnote.input.dates import parse_due_when

    return parse_due_when(text) if text else None


def centre_dispatch(
    grid: GridOpt,
    words: Annotated[
        list[str] | None, typer.Argument(metavar="[TEXT]", help="The issue, as the hotline took it.")
    ] = None,
    requests: Annotated[
        Path | None,
        typer.Option("--requests", metavar="FILE", help="Send requests of a GeoReport v2 file (the app's, 12345's)."),
    ] = None,
    ids: Annotated[
        list[str] | None, typer.Option("--id", metavar="ID", help="With --requests: only this request (repeatable).")
    ] = None,
    category: Annotated[
        str | None, typer.Option("--category", metavar="CODE", help="Its category's code or upward code.")
    ] = None,
    address: Annotated[str | None, typer.Option("--address", "-a", help="Where: 5号楼, 8-2-301.")] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", metavar="WHO", help="Who reported it: 王阿姨 13800001111.")
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", "-d", metavar="WHEN", help="The centre's deadline to resolve it: 12-05 18:00."),
    ] = None,
    order: Annotated[str | None, typer.Option("--order", metavar="ID", help="The order number (12345's).")] = None,
    channel: Annotated[
        str, typer.Option("--channel", metavar="CHANNEL", help="Where it came from: hotline (default) or app.")
    ] = "hotline",
    centre: CentreOpt = None,
) -> None:
    """Dispatch an issue (or requests of a GeoReport v2 file) to a grid: it reaches her inbox.

    She accepts it (it becomes an issue with the centre's deadline and order
    number) or declines it with a reason; the answer comes back with her sync.

    Example: gridnote centre dispatch --grid 冬梅轩-03 "5号楼门前装修垃圾" --due 12-05 --contact "王阿姨 13800001111"
    """
    from gridnote.errors import InputError
    from gridnote.services import down

    text = " ".join(words or [])
    if requests is not None:
        if text:
            raise InputError("down.text_and_file")
        raws = down.requests_from(requests, ids or [])
    else:
        when = _due(due)
        moment = None
        if when is not None:
            moment = when.to_datetime() if when.time is not None else when.to_datetime().replace(hour=23, minute=59)
        raws = [
            down.typed_request(
                text,
                category=category,
                address=address,
                contact=contact,
                due=moment,
                order=order,
            )
        ]
    _sent(down.dispatch(_url(centre), grid, raws, channel=channel, source=channel))


@task_app.command("add")
def centre_task_add(
    grid: GridOpt,
    words: Annotated[list[str], typer.Argument(metavar="TEXT", help="What to do (quotes are optional).")],
    due: Annotated[
        str | None, typer.Option("--due", "-d", metavar="WHEN", help="Day and time: fri, 12-05 18:00, 本周五.")
    ] = None,
    star: Annotated[bool, typer.Option("--star", "-s", help="Mark it important (shown first).")] = False,
    note: Annotated[str | None, typer.Option("--note", "-n", help="Free note.")] = None,
    centre: CentreOpt = None,
) -> None:
    """Set a task for a grid: once she accepts it, it is on her list with the centre's date.

    Example: gridnote centre task add "本周完成独居老人反诈宣传" --grid 冬梅轩-03 --due 周五
    """
    from gridnote.services import down

    _sent(down.send_task(_url(centre), grid, " ".join(words), due=_due(due), starred=star, note=note))


@register_app.command("import")
def centre_register_import(
    grid: GridOpt,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", readable=False, help="CSV or XLSX in the columns of `resident import`.")
    ],
    source: Annotated[
        str | None, typer.Option("--from", metavar="WHO", help="The department it came from: 派出所, 民政.")
    ] = None,
    centre: CentreOpt = None,
) -> None:
    """Send register corrections to a grid (a move, a birth, a death, a new certificate): she confirms each.

    The columns of `resident import`, and a change column (变更类型: 更正, 新增/出生,
    迁出, 死亡; default 更正). Every row is checked first: with a bad row nothing
    is sent. Nothing changes in her register until she accepts.

    Example: gridnote centre register import 派出所1202.xlsx --grid 冬梅轩-03 --from 派出所
    """
    from gridnote.services import down

    _sent(down.send_register(_url(centre), grid, file, source=source))


def centre_export(
    grid: GridOpt,
    output: Annotated[Path, typer.Argument(metavar="FILE", help="The bundle to write: down.gnsync.")],
    since: Annotated[
        int, typer.Option("--since", metavar="N", min=0, help="Only the grid's items after item N (default: all).")
    ] = 0,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    centre: CentreOpt = None,
) -> None:
    """Write what the centre has sent a grid as a bundle, for `gridnote sync --in FILE` on her side.

    Items she already has are skipped there, so a bundle of everything is safe.

    Example: gridnote centre export --grid 冬梅轩-03 down.gnsync
    """
    from gridnote.render.common import counted, ok
    from gridnote.services import down

    sent = down.export_down(_url(centre), grid, output, since=since, force=force)
    out().print(ok("down.exported", path=str(output), grid=sent.grid, what=counted("down.n.item", sent.count)))


def centre_sent(
    grid: Annotated[
        str | None, typer.Option("--grid", "-g", metavar="GRID", help="Only this grid: its code or notebook id.")
    ] = None,
    centre: CentreOpt = None,
) -> None:
    """List what the centre sent down and each worker's answer (accepted, declined and why), as her syncs bring them.

    Example: gridnote centre sent   ·   gridnote centre sent --grid 冬梅轩-03
    """
    from gridnote.render.centre import sent_table
    from gridnote.render.common import note
    from gridnote.services.down import sent

    found = sent(_url(centre), grid)
    out().print(sent_table(found) if found else note("centre.nothing_sent"))
