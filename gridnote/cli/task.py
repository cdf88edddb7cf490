"""``gridnote task …``: tasks, starred work and repeating rounds."""

from datetime import date
from typing import Annotated

import typer

from gridnote.cli._common import BuildingOption, JsonOption, new_app, notebook, out, print_json, resolve_resident
from gridnote.cli.params import record_number, record_numbers

app = new_app("Tasks: add, list, finish, skip, star, move, edit and drop; repeating tasks come back by themselves.")

Numbers = Annotated[list[str], typer.Argument(metavar="N...", help="Task numbers, e.g. 12 or 12 13.")]
Number = Annotated[str, typer.Argument(metavar="N", help="Task number, e.g. 12.")]
TextArg = Annotated[list[str], typer.Argument(metavar="TEXT", help="What to do (quotes are optional).")]
DueOpt = Annotated[
    str | None, typer.Option("--due", "-d", metavar="WHEN", help="Day and time: tomorrow 6:30, 明早6点半, fri, 12-01.")
]
AtOpt = Annotated[str | None, typer.Option("--at", metavar="TIME", help="Time of day: 6:30, 早上6点半, 3pm.")]
StarOpt = Annotated[bool, typer.Option("--star", "-s", help="Mark it important (shown first).")]
ResidentOpt = Annotated[
    str | None,
    typer.Option("--resident", "-r", metavar="WHO", help="The resident it is for: 李奶奶, lnn, 8-2-301, #12."),
]
EveryOpt = Annotated[
    str | None, typer.Option("--every", "-e", metavar="RULE", help="Repeat: day, weekday, week, month, 2d, 每天, 每周.")
]
NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="Free note.")]


def add(
    words: list[str],
    *,
    due: str | None,
    at: str | None,
    star: bool,
    resident: str | None,
    building: str | None,
    every: str | None,
    note: str | None,
    default_day: date | None,
    json_: bool = False,
) -> None:
    """Shared by ``task add`` and ``tomorrow add``: read everything, then write one task."""
    from gridnote import clock
    from gridnote.render.tasks import added_line
    from gridnote.services import tasks
    from gridnote.services.buildings import resolve_building

    nb = notebook()
    text = tasks.clean_text(" ".join(words))
    rule = tasks.parse_every(every)
    when = tasks.due_from(due, at, default=default_day or (clock.today() if rule else None))
    when = tasks.first_due(rule, when, explicit=due is not None)
    resident_id = resolve_resident(nb, resident, current=True).id if resident else None
    building_id = resolve_building(nb, building) if building else None
    if resident_id is None and building_id is None:
        resident_id, building_id = tasks.named_in(nb, text)
    task = tasks.add_task(
        nb, text, due=when, starred=star, resident_id=resident_id, building_id=building_id, every=rule, note=note
    )
    if json_:
        from gridnote.render.tasks import written_json

        print_json(written_json([task]))
        return
    out().print(added_line(task, clock.today()))


@app.command("add")
def task_add(
    text: TextArg,
    due: DueOpt = None,
    at: AtOpt = None,
    star: StarOpt = False,
    resident: ResidentOpt = None,
    building: BuildingOption = None,
    every: EveryOpt = None,
    note: NoteOpt = None,
    json_: JsonOption = False,
) -> None:
    """Add a task; a resident or building named in the text is linked to it.

    Without --due it has no date (a repeating task starts today).

    Example: gridnote task add "量血压 李奶奶" --due 明天早上6点半 --star
    · gridnote task add "walk building 5" --every day
    """
    add(
        text,
        due=due,
        at=at,
        star=star,
        resident=resident,
        building=building,
        every=every,
        note=note,
        default_day=None,
        json_=json_,
    )


def _numbers(texts: list[str]) -> list[int]:
    return record_numbers(texts, "task")


@app.command("list")
def task_list(
    status: Annotated[
        str,
        typer.Option(
            "--status", metavar="STATUS", help="open, done, dropped, skipped or all (未完成/已完成/已放弃/已跳过/全部)."
        ),
    ] = "open",
    starred: Annotated[bool, typer.Option("--starred", "-s", help="Only starred tasks.")] = False,
    resident: ResidentOpt = None,
    building: BuildingOption = None,
    from_: Annotated[
        str | None, typer.Option("--from", metavar="DAY", help="Due on or after: today, 12-01, 下周一.")
    ] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="DAY", help="Due on or before.")] = None,
    undated: Annotated[bool, typer.Option("--undated", help="Only tasks without a date.")] = False,
    overdue: Annotated[
        bool,
        typer.Option("--overdue", help="Only late open tasks: due before today, or at a time already gone today."),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """List tasks: open ones by default, by due day; filter by status, star, person, building, dates.

    Example: gridnote task list --from today --to 周五 -r 李奶奶
    """
    from gridnote import clock
    from gridnote.input.periods import read_period
    from gridnote.render.tasks import task_json, task_table
    from gridnote.services import tasks
    from gridnote.services.buildings import resolve_building

    period = read_period(None, from_, to, past=False)
    start, end = period.start, period.end
    nb = notebook()
    status_code = tasks.parse_status(status)
    picked = tasks.TaskFilter(
        status=status_code,
        starred=starred,
        resident_id=resolve_resident(nb, resident).id if resident else None,
        building_id=resolve_building(nb, building) if building else None,
        start=start,
        end=end,
        undated=undated,
        late_at=clock.now() if overdue else None,
    )
    found = tasks.list_tasks(nb, picked)
    if json_:
        print_json([task_json(task) for task in found])
        return
    out().print(task_table(found, clock.now(), status=status_code, overdue=overdue, narrowed=picked.narrowed))


@app.command("show")
def task_show(number: Number, json_: JsonOption = False) -> None:
    """Show one task with everything about it.

    Example: gridnote task show 12
    """
    from gridnote import clock
    from gridnote.render.tasks import task_card, task_json
    from gridnote.services.tasks import get_task

    task = get_task(notebook(), record_number(number, "task"))
    if json_:
        print_json(task_json(task))
        return
    out().print(task_card(task, clock.today()))


@app.command("done")
def task_done(numbers: Numbers, json_: JsonOption = False) -> None:
    """Mark tasks done; a repeating task schedules its next time.

    Example: gridnote task done 12 13
    """
    from gridnote import clock
    from gridnote.render.tasks import done_lines, written_json
    from gridnote.services.task_changes import complete

    done = complete(notebook(), _numbers(numbers))
    if json_:
        print_json(written_json([c.task for c in done], [c.next for c in done if c.next is not None]))
        return
    out().print(done_lines(done, clock.today()))


@app.command("reopen")
def task_reopen(numbers: Numbers, json_: JsonOption = False) -> None:
    """Open a done or dropped task again; a repeating task takes back its last time.

    Example: gridnote task reopen 12
    """
    from gridnote import clock
    from gridnote.render.tasks import reopened_lines, written_json
    from gridnote.services.task_changes import reopen

    opened = reopen(notebook(), _numbers(numbers))
    if json_:
        print_json(written_json([r.task for r in opened], [w for r in opened for w in (r.withdrawn, r.record) if w]))
        return
    out().print(reopened_lines(opened, clock.today()))


@app.command("star")
def task_star(numbers: Numbers, json_: JsonOption = False) -> None:
    """Star tasks: important, shown first.

    Example: gridnote task star 12
    """
    from gridnote import clock
    from gridnote.render.tasks import changed_lines, written_json
    from gridnote.services.task_changes import star

    changed = star(notebook(), _numbers(numbers))
    if json_:
        print_json(written_json(changed))
        return
    out().print(changed_lines("task.starred", changed, clock.today()))


@app.command("unstar")
def task_unstar(numbers: Numbers, json_: JsonOption = False) -> None:
    """Take the star off tasks.

    Example: gridnote task unstar 12
    """
    from gridnote import clock
    from gridnote.render.tasks import changed_lines, written_json
    from gridnote.services.task_changes import star

    changed = star(notebook(), _numbers(numbers), False)
    if json_:
        print_json(written_json(changed))
        return
    out().print(changed_lines("task.unstarred", changed, clock.today()))


@app.command("move")
def task_move(
    numbers: Numbers,
    when: Annotated[
        str, typer.Argument(metavar="WHEN", help="New day (and time): tomorrow, 周五, 12-01, 'tomorrow 9:00'.")
    ],
    json_: JsonOption = False,
) -> None:
    """Move open tasks to another day; a day without a time keeps their time.

    Example: gridnote task move 12 13 tomorrow
    """
    from gridnote import clock
    from gridnote.input.dates import parse_due_when
    from gridnote.render.tasks import changed_lines, written_json
    from gridnote.services.task_changes import move

    ids = _numbers(numbers)
    target = parse_due_when(when)
    moved = move(notebook(), ids, target)
    if json_:
        print_json(written_json(moved))
        return
    out().print(changed_lines("task.moved", moved, clock.today()))


@app.command("skip")
def task_skip(numbers: Numbers, json_: JsonOption = False) -> None:
    """Skip this time of a repeating task: not done, and the series moves on to its next time.

    Example: gridnote task skip 12
    """
    from gridnote import clock
    from gridnote.render.tasks import skipped_lines, written_json
    from gridnote.services.task_changes import skip

    skipped = skip(notebook(), _numbers(numbers))
    if json_:
        print_json(written_json([c.task for c in skipped], [c.next for c in skipped if c.next is not None]))
        return
    out().print(skipped_lines(skipped, clock.today()))


@app.command("drop")
def task_drop(numbers: Numbers, json_: JsonOption = False) -> None:
    """Drop tasks that will not be done (kept in the notebook); a repeating one ends its whole series.

    To miss only one time of a repeating task, use `task skip`.

    Example: gridnote task drop 12
    """
    from gridnote.render.tasks import dropped_lines, written_json
    from gridnote.services.task_changes import drop

    dropped = drop(notebook(), _numbers(numbers))
    if json_:
        print_json(written_json(dropped))
        return
    out().print(dropped_lines(dropped))


@app.command("edit")
def task_edit(
    number: Number,
    text: Annotated[str | None, typer.Option("--text", "-t", help="New text.")] = None,
    due: DueOpt = None,
    at: AtOpt = None,
    no_due: Annotated[bool, typer.Option("--no-due", help="Remove the date.")] = False,
    resident: ResidentOpt = None,
    no_resident: Annotated[bool, typer.Option("--no-resident", help="Untie it from its resident.")] = False,
    building: BuildingOption = None,
    no_building: Annotated[bool, typer.Option("--no-building", help="Untie it from its building.")] = False,
    every: EveryOpt = None,
    no_repeat: Annotated[bool, typer.Option("--no-repeat", help="Stop repeating.")] = False,
    note: Annotated[str | None, typer.Option("--note", "-n", help="Replace the note ('' clears it).")] = None,
    json_: JsonOption = False,
) -> None:
    """Change a task (the old version is kept in the notebook's history).

    Example: gridnote task edit 12 --at 7:00 --note "带血压计"
    """
    from gridnote import clock
    from gridnote.render.tasks import edited_line
    from gridnote.services import task_changes, tasks
    from gridnote.services.buildings import resolve_building

    nb = notebook()
    task_id = record_number(number, "task")
    current = tasks.get_task(nb, task_id)
    when = None
    if due is not None or at is not None:
        default = date.fromisoformat(current.due_date) if current.due_date else None
        when = tasks.due_from(due, at, default=default)
    changes = task_changes.TaskEdit(
        text=text,
        due=when,
        clear_due=no_due,
        resident_id=resolve_resident(nb, resident, current=True).id if resident else None,
        clear_resident=no_resident,
        building_id=resolve_building(nb, building) if building else None,
        clear_building=no_building,
        every=tasks.parse_every(every),
        clear_every=no_repeat,
        note=note,
    )
    edited = task_changes.edit(nb, task_id, changes)
    if json_:
        from gridnote.render.tasks import written_json

        print_json(written_json([edited]))
        return
    out().print(edited_line(edited, clock.today()))
