"""``gridnote event …``: outreach sessions (anti-fraud talks, safety sessions …)."""

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import BuildingOption, JsonOption, new_app, notebook, out, print_json, resolve_resident
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
        typer.Option(
            "--with",
            metavar="WHO",
            help="Partners, comma-separated or repeated, each maybe with a contact: 社区民警（王警官 13800001111）, 楼栋长.",
        ),
    ] = None,
    building: BuildingOption = None,
    attendees: Annotated[
        str | None,
        typer.Option("--attendees", metavar="N", help="How many residents came (default: how many are named)."),
    ] = None,
    residents: Annotated[
        list[str] | None,
        typer.Option(
            "--residents",
            "-r",
            metavar="WHO",
            help="Residents who came: name, alias, pinyin or address (repeatable, or comma-separated).",
        ),
    ] = None,
    from_list: Annotated[
        Path | None,
        typer.Option("--list", metavar="FILE", help="A file naming the residents who came, one a line."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="anti-fraud, safety, health, policy, culture, other (反诈宣传, 安全宣传 …; default: read from the title).",
        ),
    ] = None,
    photo: Annotated[
        list[Path] | None,
        typer.Option("--photo", metavar="FILE", help="A photo of it (repeatable; copied into the notebook)."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="Free note.")] = None,
    json_: JsonOption = False,
) -> None:
    """Record an outreach event; it appears in the day's timeline and in reports.

    Residents named with -r or --list are resolved as everywhere (an ambiguous name lists who it
    could be); the report counts those living alone or over 60 each kind of event reached.

    Example: gridnote event add 老年人防诈骗宣讲 --at 15:00 --with "社区民警（王警官 13800001111）, 楼栋长" -b 8 -r "李奶奶, 张大爷" --attendees 23
    """
    from gridnote import clock
    from gridnote.domain.vocab import split_list
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
    nb = notebook()
    names = [name for value in residents or [] for name in split_list(value)]
    if from_list is not None:
        from gridnote.input.roster import read_names

        listed = read_names(from_list)
        if not listed:
            raise InputError("event.list_empty", path=from_list)
        names += listed
    people = [resolve_resident(nb, name, current=True).id for name in names]
    event = add_event(
        nb,
        title,
        when=parse_when(at) if at else None,
        partners=with_,
        building=code,
        attendees=count,
        note=note,
        kind=kind,
        residents=people,
        photos=list(photo or []),
    )
    if json_:
        from gridnote.render.events import event_json

        print_json(event_json(event))
        return
    out().print(added_line(event, clock.today()))


@app.command("show")
def event_show(
    number: Annotated[str, typer.Argument(metavar="N", help="The event number, e.g. 3 or #3.")],
    json_: JsonOption = False,
) -> None:
    """Show an event: when, what kind, with whom (and their contacts), who came, its photos.

    Example: gridnote event show 3
    """
    from gridnote import clock
    from gridnote.cli.params import record_number
    from gridnote.render.events import event_json, event_view
    from gridnote.services.events import get_event

    event = get_event(notebook(), record_number(number, "event"))
    if json_:
        print_json(event_json(event))
        return
    out().print(event_view(event, clock.today()))


@app.command("list")
def event_list(
    date_: DateOpt = None,
    since: FromOpt = None,
    until: UntilOpt = None,
    week: WeekOpt = False,
    month: MonthOpt = False,
    building: BuildingOption = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", metavar="KIND", help="Only events of this kind: 反诈宣传, safety …")
    ] = None,
    json_: JsonOption = False,
) -> None:
    """List outreach events in time order, with the residents named at each.

    Example: gridnote event list --from 11-01   ·   gridnote event list --month -k 反诈
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
    events = list_events(notebook(), since=period.start, until=period.end, building=code, kind=kind)
    if json_:
        print_json([event_json(e) for e in events])
        return
    out().print(event_table(events, clock.today()))
