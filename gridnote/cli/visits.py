"""``gridnote log …`` (a visit, call or walk, right after it happened) and ``gridnote visits``."""

from typing import TYPE_CHECKING, Annotated

import typer

from gridnote.cli import _common
from gridnote.cli._common import JsonOption, new_app, notebook, out, print_json
from gridnote.cli._default_group import DefaultGroup
from gridnote.cli.params import (
    BpOpt,
    DateOpt,
    FromOpt,
    GlucoseOpt,
    MonthOpt,
    PulseOpt,
    TempOpt,
    ToOpt,
    WeekOpt,
    WeightOpt,
    reading_inputs,
    record_number,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from gridnote.models import Resident
    from gridnote.store.notebook import Notebook


class LogGroup(DefaultGroup):
    default_command = "add"


app = new_app(
    "Log a visit, call or building walk right after it happened; correct or undo an entry.\n\n"
    "WHO is a resident (name, alias, pinyin, initials, #number), a household address (8-2-301: "
    "the resident's visit when one person lives there, else a visit to the whole household) or a "
    "building (5号楼, or --building 5 for the daily walk). NOTE is the rest of the line. With no "
    "NOTE on a terminal, gridnote asks for it; piped or scripted, it never waits.\n\n"
    'Example: gridnote log 李奶奶 "血压正常，按时吃药" --bp 139/90 --pulse 63 --follow-up "后天: 复测血压"\n\n'
    'Example: gridnote log --building 5 "stairwell light broken"  ·  gridnote log edit 12 --note "..."  ·  '
    "gridnote log undo",
    cls=LogGroup,
)

KindOpt = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        help="visit|phone|wechat|walk|emergency|outreach (走访/电话/微信/巡查/应急/宣传). "
        "Default: visit, or walk for a building.",
    ),
]
AtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        help="When it happened (default: now): 6:30, 昨天下午3点, yesterday 20:00. "
        "A past day without a time is taken at noon.",
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="WHEN",
        help="When she got back (a call-out: --at 20:00 --until 21:40); a time alone is the first one after --at.",
    ),
]
FollowUpOpt = Annotated[
    str | None,
    typer.Option(
        "--follow-up",
        "-f",
        metavar="WHEN[: TEXT]",
        help='Add a task tied to the same resident: "后天: 复测血压", "in 2 days: re-check BP", "fri".',
    ),
]


def _resolver(nb: "Notebook") -> "Callable[[str], Resident]":
    """Find a current resident; on a terminal an ambiguous name offers a numbered choice."""
    return lambda query: _common.resolve_resident(nb, query, current=True)


def _ask(key: str) -> str:
    from gridnote.messages.i18n import t

    return str(typer.prompt(t(key), default="", show_default=False, err=True)).strip()


@app.command("add", hidden=True)
def log_add(
    who: Annotated[
        str | None,
        typer.Argument(
            metavar="[WHO]",
            show_default=False,
            help="Resident (李奶奶, lnn, #1), household (8-2-301) or building (5号楼). Not needed with --building.",
        ),
    ] = None,
    words: Annotated[
        list[str] | None,
        typer.Argument(metavar="[NOTE]...", show_default=False, help="What was seen, said or promised."),
    ] = None,
    building: Annotated[
        list[str] | None,
        typer.Option("--building", "-b", help="A building for the daily walk (repeatable: -b 5 -b 6)."),
    ] = None,
    kind: KindOpt = None,
    at: AtOpt = None,
    until: UntilOpt = None,
    bp: BpOpt = None,
    pulse: PulseOpt = None,
    glucose: GlucoseOpt = None,
    temp: TempOpt = None,
    weight: WeightOpt = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="The note, instead of (or after) NOTE.")] = None,
    follow_up: FollowUpOpt = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again", help="Log it even if the same entry (who, kind, note, readings) was written minutes ago."
        ),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Log a visit, call or building walk (what `gridnote log WHO …` runs).

    An emergency call-out (-k 应急) asks for nothing more than who: a note, --at (when she left)
    and --until (when she got back) only if she gives them.

    The same entry typed twice (↑ Enter) within 5 minutes is refused with the earlier entry's number;
    --again logs it all the same.

    Example: gridnote log 李奶奶 "血压正常，按时吃药" --bp 139/90 --pulse 63 --follow-up "后天: 复测血压"
    """
    from gridnote.services.visit_input import parse_follow_up, parse_kind, visit_moment, visit_until
    from gridnote.services.visit_targets import decide_who
    from gridnote.services.visits import log_visit

    nb = notebook()
    kind_code = parse_kind(kind) if kind else None
    moment = visit_moment(at)
    back = visit_until(until, moment) if until is not None else None
    readings = reading_inputs(bp, pulse, glucose, temp, weight)
    follow = parse_follow_up(follow_up) if follow_up else None
    if not building and who is None and _common.interactive():
        who = _ask("visit.ask_who")
    decided = decide_who(nb, who, building, words, resolve=_resolver(nb))
    targets = decided.targets
    text = " ".join([*decided.words, note or ""]).strip()
    if not text and note is None and kind_code != "emergency" and _common.interactive():
        text = _ask("visit.ask_note")  # a call-out is logged as it is, on the way home
    kind_code = kind_code or ("walk" if targets[0].is_building else "visit")
    result = log_visit(
        nb,
        targets,
        kind=kind_code,
        at=moment,
        note=text or None,
        readings=readings,
        follow_up=follow,
        again=again,
        back=back,
    )
    if json_:
        from gridnote.render.visits import visit_json

        print_json([visit_json(v) for v in result.visits])
        return
    from gridnote import clock
    from gridnote.render.visits import logged_view

    out().print(logged_view(result, clock.today()))


@app.command("edit")
def log_edit(
    number: Annotated[
        str | None,
        typer.Argument(
            metavar="[N]", show_default=False, help="Visit number (see `gridnote visits`); default: the last entry."
        ),
    ] = None,
    who: Annotated[
        str | None, typer.Option("--who", help="Move the entry to another resident, household or building.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="visit|phone|wechat|walk|emergency|outreach.")
    ] = None,
    at: AtOpt = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="WHEN", help="When she got back (21:40); '' clears it."),
    ] = None,
    bp: BpOpt = None,
    pulse: PulseOpt = None,
    glucose: GlucoseOpt = None,
    temp: TempOpt = None,
    weight: WeightOpt = None,
    drop: Annotated[
        list[str] | None,
        typer.Option(
            "--drop-reading", metavar="KIND", help="Remove a reading: bp, pulse, glucose, temp, weight (血压…)."
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="Replace the note ('' clears it).")] = None,
    follow_up: FollowUpOpt = None,
    json_: JsonOption = False,
) -> None:
    """Correct a logged entry; the previous version is kept in the notebook's history.

    Example: gridnote log edit 12 --bp 138/88 --note "复测后血压正常"
    """
    from gridnote import clock
    from gridnote.domain.readings import READING_KINDS
    from gridnote.errors import InputError
    from gridnote.render.visits import logged_view
    from gridnote.services.visit_input import parse_follow_up, parse_kind, visit_moment
    from gridnote.services.visits import VisitChanges, edit_visit, last_entry

    drop_kinds = []
    for text in drop or []:
        code = READING_KINDS.lookup(text)
        if code is None:
            raise InputError("reading.bad_kind", text=text, choices=READING_KINDS.choices())
        drop_kinds.append(code)
    changes = VisitChanges(
        kind=parse_kind(kind) if kind else None,
        at=visit_moment(at) if at else None,
        until=until,
        note=note,
        readings=reading_inputs(bp, pulse, glucose, temp, weight),
        drop=drop_kinds,
        follow_up=parse_follow_up(follow_up) if follow_up else None,
    )
    nb = notebook()
    if who is not None:
        from gridnote.services.visit_targets import target_of

        changes.target = target_of(nb, who, resolve=_resolver(nb))
    visit_id = record_number(number, "visit") if number is not None else last_entry(nb)
    result = edit_visit(nb, visit_id, changes)
    if json_:
        from gridnote.render.visits import visit_json

        print_json([visit_json(v) for v in result.visits])
        return
    out().print(logged_view(result, clock.today(), edited=True))


@app.command("undo")
def log_undo(
    number: Annotated[
        str | None, typer.Argument(metavar="[N]", show_default=False, help="Visit number; default: the last entry.")
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Undo the last entry (or entry N): it is marked undone and kept, never erased.

    Its open follow-up tasks are dropped with it. `gridnote visits --all` still shows it.

    Example: gridnote log undo
    """
    from gridnote import clock
    from gridnote.render.visits import undone_view
    from gridnote.services.visits import undo_visit

    visit_id = record_number(number, "visit") if number is not None else None
    result = undo_visit(notebook(), visit_id)
    if json_:
        from gridnote.render.tasks import task_json
        from gridnote.render.visits import visit_json

        print_json(
            {
                "version": 1,
                "visits": [visit_json(v) for v in [result.visit, *result.others]],
                "dropped_tasks": [task_json(task) for task in result.dropped_tasks],
                "reopened_tasks": [task_json(task) for task in result.reopened_tasks],
                "rechecks": [task_json(task) for task in result.moved_rechecks],
            }
        )
        return
    out().print(undone_view(result, clock.today()))


# -- gridnote visits ---------------------------------------------------------------------------
def visits(
    date_: DateOpt = None,
    from_: FromOpt = None,
    to: ToOpt = None,
    week: WeekOpt = False,
    month: MonthOpt = False,
    resident: Annotated[
        str | None, typer.Option("--resident", "-r", help="Only visits to this resident (and to their household).")
    ] = None,
    building: Annotated[
        str | None, typer.Option("--building", "-b", help="Only visits in this building, e.g. 5 or 5号楼.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="Only this kind: visit, phone, walk, 走访, 电话 …")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include undone entries (marked).")] = False,
    json_: JsonOption = False,
) -> None:
    """List logged visits, calls and walks (today by default; all of a resident's with --resident).

    Example: gridnote visits --from 周一 -k 走访  ·  gridnote visits -r 李奶奶  ·  gridnote visits -d yesterday
    """
    from gridnote import clock
    from gridnote.input.periods import read_period
    from gridnote.render.visits import visit_json, visits_table
    from gridnote.services.visit_input import parse_kind
    from gridnote.services.visit_targets import building_target
    from gridnote.services.visits import list_visits

    period = read_period(date_, from_, to, week=week, month=month, default_last=clock.today())
    kind_code = parse_kind(kind) if kind else None
    start, end = period.start, period.end
    if period.kind == "none" and resident is None:
        start = end = clock.today()
    nb = notebook()
    who = _common.resolve_resident(nb, resident) if resident is not None else None
    building_id = building_target(nb, building).building_id if building is not None else None
    found = list_visits(
        nb, start=start, end=end, resident=who, building_id=building_id, kind=kind_code, include_undone=all_
    )
    if json_:
        print_json([visit_json(v) for v in found])
        return
    out().print(visits_table(found, start, end, clock.today()))
