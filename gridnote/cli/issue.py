"""``gridnote issue …``: a resident's problem from report to rating."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gridnote.cli import issue_category
from gridnote.cli._common import BuildingOption, JsonOption, new_app, notebook, out, print_json, resolve_resident
from gridnote.cli.params import record_number

if TYPE_CHECKING:
    from datetime import datetime

    from gridnote.models import IssueChange

from gridnote.cli.issue_list import CategoryOpt, issue_list

app = new_app("Issues: receive, verify, refer, follow up, resolve, report back, rate.")

Number = Annotated[str, typer.Argument(metavar="N", help="Issue number, e.g. 12 or #12.")]
AtOpt = Annotated[
    str | None,
    typer.Option("--at", metavar="WHEN", help="When it happened, if earlier: 10:20, 今天上午10点, yesterday 18:00."),
]
NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="What was said or done.")]
PhotoOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--photo", metavar="FILE", readable=False, help="Photo to keep with it (repeatable; copied into the notebook)."
    ),
]


def _number(text: str) -> int:
    return record_number(text, "issue")


def _at(text: str | None) -> "datetime | None":
    if text is None:
        return None
    from gridnote import clock
    from gridnote.errors import InputError
    from gridnote.input.dates import parse_past_when

    when = parse_past_when(text)  # a step that already happened: 周五 10:00 is last Friday
    if when.time is None:
        if when.day > clock.today():  # --at 明天: not yet, before it lacks a time
            raise InputError("issue.at_future", at=when.day.isoformat())
        raise InputError("issue.at_needs_time", text=text)
    return when.to_datetime()


def _show(change: "IssueChange", json_: bool = False) -> None:
    """What the command did: the steps on the screen, or (``--json``) the issue as ``issue show --json`` has it."""
    from gridnote import clock

    if json_:
        from gridnote.render.issues_json import change_json
        from gridnote.services.issues import issue_detail

        print_json(change_json(change, issue_detail(notebook(), change.issue.id), clock.now()))
        return
    from gridnote.render.issues import change_lines
    from gridnote.services.categories import categories

    out().print(change_lines(change, clock.today(), categories(notebook())))


@app.command("add")
def issue_add(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The problem in her words, e.g. 5号楼门前有装修垃圾.")],
    reporter: Annotated[
        str | None,
        typer.Option(
            "--reporter", "-r", metavar="WHO", help="Who reported it (a resident: name, alias, pinyin, address)."
        ),
    ] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", help="A reporter not in the register: name and phone.")
    ] = None,
    building: BuildingOption = None,
    address: Annotated[
        str | None, typer.Option("--address", "-a", help="Where: a household 8-2-301 or part of one (8-2).")
    ] = None,
    channel: Annotated[
        str,
        typer.Option(
            "--channel",
            "-c",
            help="in-person, phone, wechat, app, hotline, walk (当面, 电话, 微信, 一网通, 12345, 巡查).",
        ),
    ] = "in-person",
    category: CategoryOpt = None,
    photo: PhotoOpt = None,
    affects: Annotated[
        list[str] | None,
        typer.Option("--affects", metavar="WHO", help="Other residents affected (repeatable, or comma-separated)."),
    ] = None,
    priority: Annotated[str, typer.Option("--priority", "-p", help="urgent or normal (紧急/一般).")] = "normal",
    enquiry: Annotated[
        bool,
        typer.Option(
            "--enquiry",
            "-e",
            help="An enquiry or suggestion (咨询/建议), not a complaint: answered and told; no deadlines,"
            " no point, not in the rates.",
        ),
    ] = False,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            metavar="GROUP",
            help="Give an enquiry deadlines: emergency, utility, general, complex (default: none).",
        ),
    ] = None,
    at: AtOpt = None,
    json_: JsonOption = False,
) -> None:
    """Receive an issue: who reported it, where, how, what kind; deadlines start now.

    Without --category the category is guessed from the text (装修垃圾 → renovation
    waste), else "other". Received in person, by phone or on patrol counts as the
    first response; app, hotline and WeChat reports still need one. An enquiry
    (-e: 咨询/建议) is answered (issue resolve) and the asker told (issue tell): it has no
    deadlines unless --group gives it some, earns no point and stays out of the rates.

    Example: gridnote issue add "5号楼门前有装修垃圾" -c 一网通 -b 5 --photo waste.jpg
    Example: gridnote issue add "院里的山楂熟了怎么分" -e -r 王阿姨
    """
    from gridnote.domain.vocab import split_list
    from gridnote.errors import InputError
    from gridnote.input.address import building_code, parse_address
    from gridnote.input.text import one_line
    from gridnote.services.issues import IssueInput, add_issue

    nb = notebook()
    entry = IssueInput(
        text=text,
        category=category,
        channel=channel,
        priority=priority,
        kind="enquiry" if enquiry else "complaint",
        group=group,
        reporter_contact=(one_line(contact) or None) if contact else None,
        photos=list(photo or []),
        at=_at(at),
    )
    if building is not None:
        entry.building = building_code(building)
        if entry.building is None:
            raise InputError("building.bad_code", text=building)
    if address is not None:
        entry.address = parse_address(address)
        if entry.address is None:
            raise InputError("resident.bad_address", text=address)
    if reporter is not None:
        entry.reporter_id = resolve_resident(nb, reporter, current=True).id
    entry.affects = [
        resolve_resident(nb, name, current=True).id for value in affects or [] for name in split_list(value)
    ]
    _show(add_issue(nb, entry), json_=json_)


app.command("list")(issue_list)


@app.command("show")
def issue_show(number: Number, json_: JsonOption = False) -> None:
    """Show an issue with its full timeline: every step and note, referral, deadlines, rating.

    Example: gridnote issue show 12
    """
    from gridnote import clock
    from gridnote.render.issues import issue_view
    from gridnote.render.issues_json import detail_json
    from gridnote.services.categories import categories
    from gridnote.services.issues import issue_detail

    nb = notebook()
    detail = issue_detail(nb, _number(number))
    if json_:
        print_json(detail_json(detail, clock.now()))
        return
    out().print(issue_view(detail, clock.now(), categories(nb)))


@app.command("verify")
def issue_verify(number: Number, note: NoteOpt = None, at: AtOpt = None, json_: JsonOption = False) -> None:
    """Mark an issue as checked and real; the reporter earns their point.

    Verifying (or rejecting) counts as the first response to the reporter, as
    does a note with --with-reporter, the report-back and the rating.

    Example: gridnote issue verify 12 --note "到现场看过，确有装修垃圾"
    """
    from gridnote.services.issue_flow import verify

    _show(verify(notebook(), _number(number), note=note, at=_at(at)), json_=json_)


@app.command("reject")
def issue_reject(
    number: Number,
    reason: Annotated[
        str, typer.Argument(metavar="REASON", help="duplicate, not-ours or not-real (重复, 非职责范围, 不属实).")
    ],
    of: Annotated[str | None, typer.Option("--of", metavar="N", help="The issue this one duplicates.")] = None,
    note: NoteOpt = None,
    at: AtOpt = None,
    json_: JsonOption = False,
) -> None:
    """Do not take an issue on: a duplicate, not ours, or not real (no point is earned).

    Also after verifying or referring it, until it is resolved: a point the report earned is taken back.

    Example: gridnote issue reject 13 重复 --of 12
    """
    from gridnote.services.issue_flow import reject

    _show(
        reject(notebook(), _number(number), reason, of=_number(of) if of else None, note=note, at=_at(at)), json_=json_
    )


@app.command("refer")
def issue_refer(
    number: Number,
    to: Annotated[
        str,
        typer.Option(
            "--to",
            "-t",
            help="property, police, street-office, utility, city-management, committee, other (物业, 派出所, 街道 …).",
        ),
    ],
    contact: Annotated[str | None, typer.Option("--contact", help="The person there and their phone.")] = None,
    due: Annotated[
        str | None, typer.Option("--due", "-d", metavar="WHEN", help="The date they promised: 3d, 明天, 12-01 18:00.")
    ] = None,
    note: NoteOpt = None,
    at: AtOpt = None,
    json_: JsonOption = False,
) -> None:
    """Hand an issue to whoever must act, with a contact and their promised date.

    A received issue is verified on the way.

    Example: gridnote issue refer 12 --to 物业 --contact "王经理 13800001111" --due 3d
    """
    from gridnote.input.dates import parse_due_when
    from gridnote.services.issue_flow import refer

    _show(
        refer(
            notebook(),
            _number(number),
            to,
            contact=contact,
            due=parse_due_when(due) if due else None,
            note=note,
            at=_at(at),
        ),
        json_=json_,
    )


@app.command("note")
def issue_note(
    number: Number,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What happened: a call, a visit, any progress.")],
    kind: Annotated[
        str, typer.Option("--kind", help="progress, call, visit, message (进展, 电话, 上门, 消息).")
    ] = "progress",
    with_reporter: Annotated[
        bool,
        typer.Option(
            "--with-reporter", "-R", help="This was contact with the reporter (counts as the first response)."
        ),
    ] = False,
    by: Annotated[str | None, typer.Option("--by", metavar="WHO", help="Who acted, if not you (物业, a name).")] = None,
    photo: PhotoOpt = None,
    at: AtOpt = None,
    json_: JsonOption = False,
) -> None:
    """Add a note to an issue's timeline: a call, a visit, any progress.

    Example: gridnote issue note 12 "物业说明天上午清运" --kind call --by 物业
    """
    from gridnote.services.issue_flow import add_note

    _show(
        add_note(
            notebook(),
            _number(number),
            text,
            kind=kind,
            with_reporter=with_reporter,
            by=by,
            photos=list(photo or []),
            at=_at(at),
        ),
        json_=json_,
    )


@app.command("resolve")
def issue_resolve(
    number: Number,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What was done.")],
    by: Annotated[
        str | None, typer.Option("--by", metavar="WHO", help="Who did it (default: whom it was referred to).")
    ] = None,
    photo: PhotoOpt = None,
    at: AtOpt = None,
    json_: JsonOption = False,
) -> None:
    """Record what was done; next, tell the resident.

    Example: gridnote issue resolve 12 "物业已清运装修垃圾" --photo cleared.jpg
    """
    from gridnote.services.issue_flow import resolve

    _show(resolve(notebook(), _number(number), text, by=by, photos=list(photo or []), at=_at(at)), json_=json_)


@app.command("tell")
def issue_tell(number: Number, note: NoteOpt = None, at: AtOpt = None, json_: JsonOption = False) -> None:
    """Record that the resident was told what happened (the report-back).

    Example: gridnote issue tell 12 --note "电话告知王阿姨"
    """
    from gridnote.services.issue_flow import tell

    _show(tell(notebook(), _number(number), note=note, at=_at(at)), json_=json_)


@app.command("rate")
def issue_rate(
    number: Number,
    rating: Annotated[
        str,
        typer.Argument(metavar="RATING", help="satisfied, basically-satisfied, dissatisfied (满意, 基本满意, 不满意)."),
    ],
    note: NoteOpt = None,
    at: AtOpt = None,
    json_: JsonOption = False,
) -> None:
    """Record the reporter's rating: satisfied closes the issue, dissatisfied reopens it.

    Only an issue with a reporter (-r, or --contact) can be rated; close the others with `issue close`.

    Example: gridnote issue rate 12 满意
    """
    from gridnote.services.issue_flow import rate

    _show(rate(notebook(), _number(number), rating, note=note, at=_at(at)), json_=json_)


@app.command("close")
def issue_close(number: Number, note: NoteOpt = None, at: AtOpt = None, json_: JsonOption = False) -> None:
    """Close a reported-back issue the resident did not rate, or one nobody reported.

    Example: gridnote issue close 12 --note "多次联系未评价"
    """
    from gridnote.services.issue_flow import close

    _show(close(notebook(), _number(number), note=note, at=_at(at)), json_=json_)


@app.command("reopen")
def issue_reopen(
    number: Number,
    reason: Annotated[str | None, typer.Argument(metavar="[REASON]", help="Why: 没修好, still blocked …")] = None,
    due: Annotated[str | None, typer.Option("--due", "-d", metavar="WHEN", help="A new resolution deadline.")] = None,
    at: AtOpt = None,
    json_: JsonOption = False,
) -> None:
    """Reopen an issue that was not actually fixed (or was rejected by mistake).

    Example: gridnote issue reopen 12 "下水道又堵了" --due 2d
    """
    from gridnote.input.dates import parse_due_when
    from gridnote.services.issue_flow import reopen

    _show(
        reopen(notebook(), _number(number), reason=reason, due=parse_due_when(due) if due else None, at=_at(at)),
        json_=json_,
    )


@app.command("edit")
def issue_edit(
    number: Number,
    text: Annotated[str | None, typer.Option("--text", help="New wording.")] = None,
    category: CategoryOpt = None,
    priority: Annotated[str | None, typer.Option("--priority", "-p", help="urgent or normal.")] = None,
    enquiry: Annotated[
        bool | None,
        typer.Option(
            "--enquiry/--complaint",
            "-e/-C",
            help="Make it an enquiry or suggestion (咨询/建议), or a complaint (诉求) again.",
            show_default=False,
        ),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group", "-g", metavar="GROUP", help="Give an enquiry deadlines: emergency, utility, general, complex."
        ),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Correct an issue's text, category, priority or kind (its deadlines follow).

    --enquiry turns a complaint that was a question (山楂怎么分) into an enquiry: no
    deadlines unless --group gives it some, and a verified report's point is taken back;
    --complaint turns it back, with its category's deadlines and the point. Deadlines
    already met or missed stay as they were.

    Example: gridnote issue edit 12 -k 装修垃圾   ·   gridnote issue edit 14 --enquiry
    """
    from gridnote.services.issue_flow import edit

    kind = None if enquiry is None else ("enquiry" if enquiry else "complaint")
    change = edit(notebook(), _number(number), text=text, category=category, priority=priority, kind=kind, group=group)
    _show(change, json_=json_)


from gridnote.cli.issue_requests import issue_export, issue_import  # noqa: E402 (registered in this order)

app.command("import")(issue_import)
app.command("export")(issue_export)
app.add_typer(issue_category.app, name="category")
