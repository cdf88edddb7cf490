"""``gridnote report``: the shift-end report, on the screen or exported for the grid centre."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import notebook, out
from gridnote.cli.params import ForceOpt, FromOpt, MonthOpt, ToOpt, WeekOpt


def report(
    date_: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            metavar="DAY",
            help="The day to report (default today): yesterday, 周五, 11-28. "
            "With --week/--month: a day of that week or month.",
        ),
    ] = None,
    from_: FromOpt = None,
    to: ToOpt = None,
    week: WeekOpt = False,
    month: MonthOpt = False,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (default), markdown, html, json, csv (a zip, one file per section) or xlsx "
            "(one sheet per section). With -o, guessed from the file name.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to this file (whole or not at all).")
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Full phone and ID numbers (masked by default, e.g. 138****5678).")
    ] = False,
    readings: Annotated[
        str,
        typer.Option(
            "--readings", metavar="flagged|all", help="Health readings to list: flagged ones (default) or all."
        ),
    ] = "flagged",
    lang: Annotated[str | None, typer.Option("--lang", metavar="zh|en", help="Language of the report.")] = None,
    force: ForceOpt = False,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of --format json (version 1) and exit.")
    ] = False,
) -> None:
    """The shift-end report: the day in numbers, flagged readings, issues, tomorrow's work, the rates.

    Weeks, months and ranges of 7 days or more add the response, resolution and
    satisfaction rates and care-visit coverage, each with its numerator and
    denominator. Phone and ID numbers are masked unless --full.

    Example: gridnote report   ·   gridnote report --week -o 周报.xlsx   ·   gridnote report -f markdown
    """
    from gridnote import clock
    from gridnote.errors import InputError
    from gridnote.messages import i18n

    if lang is not None:
        if i18n.normalize_lang(lang) is None:
            raise InputError("report.bad_lang", text=lang)
        i18n.set_lang(lang)
    if schema:
        from gridnote.render.report_json import schema_text

        typer.echo(schema_text(), nl=False)
        return
    from gridnote.render.report_output import choose_format
    from gridnote.services.report import ReportOptions, build_report, parse_readings_scope, report_range

    fmt = choose_format(format_, output)
    if output is not None:
        from gridnote.output.files import check_target

        check_target(output, force=force)  # before the report is built
    scope = parse_readings_scope(readings)
    from gridnote.input.periods import read_period

    nb = notebook()  # first: the notebook's time zone decides what "today" is
    span = report_range(clock.today(), read_period(date_, from_, to, week=week, month=month))
    result = build_report(nb, span, ReportOptions(full=full, readings=scope))
    if output is not None:
        from gridnote.render.common import note, ok
        from gridnote.render.report_output import write_report

        console = out()
        count = write_report(
            result, fmt, output, width=80 if getattr(console, "unbounded", False) else console.width, force=force
        )  # as wide as the screen; 80 from a pipe
        console.print(
            ok("report.written_sections", path=str(output), format=fmt, count=count)
            if fmt in ("csv", "xlsx")
            else ok("report.written", path=str(output), format=fmt),
            soft_wrap=True,
        )
        console.print(note("report.full" if full else "report.masked"), soft_wrap=True)
        return
    if fmt == "text":
        from gridnote.render.report_text import report_view

        out().print(report_view(result))
        return
    from gridnote.render.report_output import render

    text = render(result, fmt).decode("utf-8")
    if fmt == "markdown" and sys.stdout.isatty():  # read on the screen: control characters shown, never sent
        from gridnote.render.visible import visible

        text = visible(text)
    typer.echo(text, nl=False)
