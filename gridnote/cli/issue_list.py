"""``gridnote issue list``: issues by deadline, or filtered. Registered on the ``issue`` group by :mod:`gridnote.cli.issue`."""

from typing import Annotated

import typer

from gridnote.cli._common import BuildingOption, JsonOption, notebook, out, print_json, resolve_resident
from gridnote.cli.params import DateOpt, FromOpt, MonthOpt, UntilOpt, WeekOpt

CategoryOpt = Annotated[
    str | None,
    typer.Option("--category", "-k", help="Category: 下水道, 装修垃圾, power … (see `issue category list`)."),
]


def issue_list(
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="Only this state: received, verified, referred, resolved, reported, closed, rejected (已核实 …).",
        ),
    ] = None,
    category: CategoryOpt = None,
    building: BuildingOption = None,
    reporter: Annotated[
        str | None, typer.Option("--reporter", "-r", metavar="WHO", help="Only issues this resident reported.")
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only issues past a deadline.")] = False,
    date_: DateOpt = None,
    since: FromOpt = None,
    until: UntilOpt = None,
    week: WeekOpt = False,
    month: MonthOpt = False,
    open_: Annotated[
        bool, typer.Option("--open/--all", help="Open issues (the default, by deadline) or all of them (newest first).")
    ] = True,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, max=100_000, help="Show at most this many.")
    ] = None,
    json_: JsonOption = False,
) -> None:
    """List issues: open ones by deadline, or filtered by state, category, building, reporter, dates.

    Example: gridnote issue list --overdue   ·   gridnote issue list --all -k 下水道 --from 11-01
    """
    from gridnote import clock
    from gridnote.domain.issue_terms import STATUSES
    from gridnote.errors import InputError
    from gridnote.input.address import building_code
    from gridnote.input.periods import read_period
    from gridnote.render.issues import issue_table
    from gridnote.render.issues_json import issue_json
    from gridnote.services import categories as cat
    from gridnote.services.issues import IssueFilter, code_of, list_issues

    period = read_period(date_, since, until, week=week, month=month)
    nb = notebook()
    where = IssueFilter(open_only=open_, overdue=overdue, limit=limit)
    if status is not None:
        where.statuses = [code_of(STATUSES, status)]
    if category is not None:
        where.categories = cat.subtree(cat.categories(nb), cat.resolve(nb, category).code)
    if building is not None:
        where.building = building_code(building)
        if where.building is None:
            raise InputError("building.bad_code", text=building)
    if reporter is not None:
        where.reporter_id = resolve_resident(nb, reporter).id
    where.since, where.until = period.start, period.end
    issues = list_issues(nb, where)
    now = clock.now()
    if json_:
        print_json([issue_json(i, now) for i in issues])
        return
    filtered = any(v is not None for v in (status, category, building, reporter, period.start, period.end)) or overdue
    out().print(issue_table(issues, now, open_only=open_ and not filtered, cats=cat.categories(nb)))
