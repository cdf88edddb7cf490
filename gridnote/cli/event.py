"""``gridnote event …``: outreach sessions (anti-fraud talks, safety sessions …)."""

from typing import Annotated

import typer

from gridnote.cli._common import BuildingOption, JsonOption, new_app, notebook, out, print_json
from gridnote.cli.params import DateOpt, FromOpt, MonthOpt, UntilOpt, WeekOpt

app = new_app("Outreach events: anti-fraud talks and other sessions, with partners and attendees.")


@app.command("add")
def event_add(
    title: Annotated[str, typer.Argument(metavar="TITLE", help="What it was, e.g. 老年人防诈骗宣讲.")],
    at: Annotated[
        str | None, typer.Option("--at", metavar="WHEN", help="When: 14:30, 今天下午3点, fri 9:00 (default: now).")
    ] = None,
    with_: Annotated[
        list[str] | None,
        typer.Option("--with", metavar="WHO", help="Partners, comma-separated or repeated: 社区民警, 楼栋长."),
    ] = None,
    building: BuildingOption = None,
    attendees: Annotated[str | None, typer.Option("--attendees", metavar="N", help="How many residents came.")] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="Free note.")] = None,
    json_: JsonOption = False,
) -> None:
    """Record an outreach event; it appears in the day's timeline and in reports.

    Example: gridnote event add 老年人防诈骗宣讲 --at 15:00 --with "社区民警, 楼栋长" -b 8 --attendees 23
    """
    from gridnote import clock
    from gridnote.errors import InputError
    from gridnote.input.address import building_code
    from gridnote.input.dates import parse_when
    from gridnote.render.events import added_line
    from gridnote.services.events import add_event

    code = None
    if building is not None:
        code = building_code(building)
        if code is None:
            raise InputError("building.bad_code", text=building)
    from gridnote.input.text import read_number

    count = read_number(attendees, allow_hash=False) if attendees is not None else None
    if attendees is not None and (count is None or count > 100_000):
        raise InputError("event.bad_attendees", number=attendees)
    event = add_event(
        notebook(),
        title,
        when=parse_when(at) if at else None,
        partners=with_,
        building=code,
        attendees=count,
        note=note,
    )
    if json_:
        from gridnote.render.events import event_json

        print_json(event_json(event))
        return
    out().print(added_line(event, clock.today()))


@app.command("list")
def event_list(
    date_: DateOpt = None,
    since: FromOpt = None,
    until: UntilOpt = None,
    week: WeekOpt = False,
    month: MonthOpt = False,
    building: BuildingOption = None,
    json_: JsonOption = False,
) -> None:
    """List outreach events in time order.

    Example: gridnote event list --from 11-01
    """
    from gridnote import clock
    from gridnote.errors import InputError
    from gridnote.input.address import building_code
    from gridnote.input.periods import read_period
    from gridnote.render.events import event_json, event_table
    from gridnote.services.events import list_events

    code = None
    if building is not None:
        code = building_code(building)
        if code is None:
            raise InputError("building.bad_code", text=building)
    period = read_period(date_, since, until, week=week, month=month)
    events = list_events(notebook(), since=period.start, until=period.end, building=code)
    if json_:
        print_json([event_json(e) for e in events])
        return
    out().print(event_table(events, clock.today()))
