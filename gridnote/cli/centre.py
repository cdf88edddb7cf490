"""``gridnote centre …``: the street's grid centre: make it, import bundles, list grids, report, browse."""

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, new_app, out, print_json
from gridnote.cli.centre_down import CentreOpt, _url
from gridnote.cli.params import DateOpt, ForceOpt, FromOpt, FullOpt, MonthOpt, PortOpt, ToOpt, WeekOpt

app = new_app("The grid centre: every grid's notebook in one store (a centre file, or PostgreSQL).")


@app.command("init")
def centre_init(
    url: Annotated[str, typer.Argument(metavar="CENTRE", help="street.db, or postgresql://owner@host/db.")],
    full_readings: Annotated[
        bool, typer.Option("--full-readings", help="Keep readings' values (default: only whether each was flagged).")
    ] = False,
    postgres: Annotated[
        bool, typer.Option("--postgres", help="On PostgreSQL: also apply the row-level security of worker roles.")
    ] = False,
    print_sql: Annotated[
        bool, typer.Option("--print-sql", help="Print the row-level security SQL and exit, applying nothing.")
    ] = False,
) -> None:
    """Make a grid centre (or bring one up to date): a centre file, or a PostgreSQL database.

    Example: gridnote centre init street.db   ·   gridnote centre init postgresql://centre@db/street --postgres
    """
    from gridnote.render.common import ok

    if print_sql:
        from gridnote.services.sync import policy_sql

        typer.echo(policy_sql(), nl=False)
        return
    from gridnote.services.sync import init_centre

    shown = init_centre(url, full_readings=full_readings)
    out().print(ok("centre.created", url=shown))
    if postgres:
        from gridnote.services.sync import apply_policies

        staff = apply_policies(url)
        out().print(ok("centre.policies_applied", staff=staff))


@app.command("import")
def centre_import(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Bundles written by `gridnote sync --out`.")],
    centre: CentreOpt = None,
    json_: JsonOption = False,
) -> None:
    """Merge bundle files into the centre: each checked whole first; repeats change nothing.

    Example: gridnote centre import /media/usb/*.gnsync
    """
    from gridnote.render.centre import rows_changed
    from gridnote.render.centre_json import imported_json
    from gridnote.render.common import ok
    from gridnote.services.sync import import_bundles

    found = import_bundles(_url(centre), files)
    if json_:
        print_json(imported_json(found))
        return
    for r in found:
        out().print(
            ok(
                "centre.imported",
                path=str(r.path),
                grid=r.grid,
                changes=r.changes,
                rows=rows_changed(r.rows),
                skipped=r.skipped,
            )
        )


@app.command("grids")
def centre_grids(centre: CentreOpt = None) -> None:
    """List the grids the centre keeps, with their worker and last sync.

    Example: gridnote centre grids
    """
    from gridnote.render.centre import grids_table
    from gridnote.render.common import note
    from gridnote.services.centre import grids

    found = grids(_url(centre))
    out().print(grids_table(found) if found else note("centre.no_grids"))


@app.command("report")
def centre_report(
    centre: CentreOpt = None,
    date_: DateOpt = None,
    from_: FromOpt = None,
    to: ToOpt = None,
    week: WeekOpt = False,
    month: MonthOpt = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write an Excel workbook (.xlsx).")
    ] = None,
    force: ForceOpt = False,
    json_: JsonOption = False,
) -> None:
    """One row per grid and the street's total: visits, reach, readings, issues, the three rates, coverage.

    Rates are computed by the same code as each worker's `gridnote report`, with
    numerator and denominator. Default: this week. --json prints the structure of
    docs/json.md ("centre report") instead of the table or the workbook.

    Example: gridnote centre report --week   ·   gridnote centre report --month -o 街道月报.xlsx
    """
    from gridnote import clock
    from gridnote.input.periods import read_period
    from gridnote.render.centre import report_table
    from gridnote.services.centre import centre_report as build
    from gridnote.services.report import report_range

    if output is not None and not json_:
        from gridnote.output.files import check_target

        check_target(output, force=force)
    if not (date_ or from_ or to or month):
        week = True
    span = report_range(clock.today(), read_period(date_, from_, to, week=week, month=month))
    report = build(_url(centre), span)
    if json_:
        from gridnote.render.centre_json import centre_report_json

        print_json(centre_report_json(report))
        return
    if output is not None:
        from gridnote.output.files import atomic_write
        from gridnote.render.centre import report_xlsx
        from gridnote.render.common import ok

        data = report_xlsx(report)
        atomic_write(output, lambda f: f.write(data), force=force)
        out().print(ok("centre.report.written", path=str(output)))
        return
    out().print(report_table(report))


@app.command("browse")
def centre_browse(
    centre: CentreOpt = None,
    port: PortOpt = 8001,
    full: FullOpt = False,
) -> None:
    """Open the centre file in Datasette on 127.0.0.1: Chinese labels, code names, numbers masked.

    Example: gridnote centre browse   ·   gridnote centre browse --centre street.db --port 8002
    """
    from gridnote.centre.browse import prepare
    from gridnote.errors import FileError
    from gridnote.messages.i18n import t
    from gridnote.output.datasette import run
    from gridnote.render.common import note

    command = prepare(_url(centre), port=port, full=full)
    if command is None:
        raise FileError("centre.no_datasette")
    out().print(note("centre.browsing", port=port, masked="" if full else t("centre.browsing_masked")))
    run(command)


from gridnote.cli.centre_down import (  # noqa: E402 (registered after the centre's own commands)
    centre_dispatch,
    centre_export,
    centre_sent,
    register_app,
    task_app,
)

app.command("dispatch")(centre_dispatch)
app.add_typer(task_app, name="task")
app.add_typer(register_app, name="register")
app.command("export")(centre_export)
app.command("sent")(centre_sent)
