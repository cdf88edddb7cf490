"""``gridnote resident …``: the residents registry."""

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import (
    BuildingOption,
    JsonOption,
    new_app,
    notebook,
    out,
    print_json,
    progress_bar,
    resolve_resident,
)
from gridnote.cli.params import ForceOpt

app = new_app("Residents: add, find, show, edit, tag, move out, import and export.")

Who = Annotated[
    str,
    typer.Argument(
        metavar="WHO", help="Number, name, alias, pinyin, initials or address (李奶奶, lnn, 8-2-301, '李 8-2')."
    ),
]
AliasOpt = Annotated[str | None, typer.Option("--alias", help="What neighbours call them, e.g. 李奶奶.")]
AddressOpt = Annotated[str | None, typer.Option("--address", "-a", help="Household: 8-2-301 or 8号楼2单元301.")]
GenderOpt = Annotated[str | None, typer.Option("--gender", "-g", help="f/m, 女/男.")]
BornOpt = Annotated[str | None, typer.Option("--born", help="Birth year or date: 1948, 1948-03-02, 1948年3月2日.")]
IdOpt = Annotated[str | None, typer.Option("--id-number", help="ID card number (masked in exports).")]
NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="Free note.")]
ContactOpt = Annotated[
    list[str] | None, typer.Option("--contact", help="Emergency contact 'name,relation,phone[,nearby]' (repeatable).")
]


def _as_json(json_: bool, resident_id: int) -> bool:
    """Under ``--json`` a write prints the resident's card as ``resident show --json`` has it (True: printed)."""
    if json_:
        from gridnote.render.residents import card_json
        from gridnote.services.residents import resident_card

        print_json(card_json(resident_card(notebook(), resident_id)))
    return json_


@app.command("add")
def resident_add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Full name, e.g. 李秀英.")],
    alias: AliasOpt = None,
    address: AddressOpt = None,
    gender: GenderOpt = None,
    born: BornOpt = None,
    phone: Annotated[list[str] | None, typer.Option("--phone", "-p", help="Phone number (repeatable).")] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", "-t", help="Care tag: 独居, 失能, 高血压, 低保 … or any word (repeatable)."),
    ] = None,
    id_number: IdOpt = None,
    note: NoteOpt = None,
    contact: ContactOpt = None,
    same_name: Annotated[
        bool, typer.Option("--same-name", help="Another person with the same name as someone already at this address.")
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Register a resident.

    Example: gridnote resident add 李秀英 --alias 李奶奶 -a 8-2-301 -g 女 --born 1944 -t 失能 -t 高血压
    --contact "张明,儿子,13905712345"
    """
    from gridnote.render.residents import added_line
    from gridnote.services import resident_fields as rf
    from gridnote.services.residents import add_resident

    fields = rf.ResidentInput(
        name=rf.clean_name(name),
        alias=rf.clean_alias(alias) if alias else None,
        address=rf.clean_address(address) if address else None,
        gender=rf.clean_gender(gender) if gender else None,
        birth=rf.clean_birth(born) if born else None,
        phones=rf.clean_phones(phone or []),
        id_number=rf.clean_id_number(id_number) if id_number else None,
        note=note,
        tags=rf.clean_tags(tag or []),
        contacts=[rf.parse_contact(c) for c in contact or []],
    )
    added = add_resident(notebook(), fields, known_building=True, same_name=same_name)
    if _as_json(json_, added.id):
        return
    console = out()
    console.print(added_line(added))
    _note_free_tags(console, fields.tags)


@app.command("list")
def resident_list(
    text: Annotated[
        str | None, typer.Argument(metavar="[TEXT]", help="Part of a name, alias, pinyin, phone or note.")
    ] = None,
    building: BuildingOption = None,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only residents with this tag (独居, bedridden …).")
    ] = None,
    moved_out: Annotated[bool, typer.Option("--all", help="Include residents who moved out.")] = False,
    json_: JsonOption = False,
) -> None:
    """List residents, filtered by building, tag and text.

    Example: gridnote resident list -b 8 -t 独居
    """
    from gridnote import clock
    from gridnote.domain.vocab import normalize_tags
    from gridnote.input.address import require_building_code
    from gridnote.render.residents import resident_json, resident_table
    from gridnote.services.residents import list_residents

    tag_code = normalize_tags([tag])[0] if tag else None
    residents = list_residents(
        notebook(),
        building=require_building_code(building) if building else None,
        tag=tag_code,
        text=text,
        include_moved=moved_out,
    )
    if json_:
        print_json([resident_json(r) for r in residents])
        return
    out().print(resident_table(residents, clock.today()))


@app.command("show")
def resident_show(who: Who, json_: JsonOption = False) -> None:
    """Show a resident's card: person, household, contacts, tags, notes.

    Example: gridnote resident show lnn
    """
    from gridnote import clock
    from gridnote.render.residents import card_json, resident_card_view
    from gridnote.services.residents import resident_card

    nb = notebook()
    card = resident_card(nb, resolve_resident(nb, who).id)
    if json_:
        print_json(card_json(card))
        return
    out().print(resident_card_view(card, clock.today()))


@app.command("edit")
def resident_edit(
    who: Who,
    name: Annotated[str | None, typer.Option("--name", help="New full name.")] = None,
    alias: Annotated[str | None, typer.Option("--alias", help="New alias ('' removes it).")] = None,
    address: AddressOpt = None,
    gender: GenderOpt = None,
    born: BornOpt = None,
    phone: Annotated[
        list[str] | None, typer.Option("--phone", "-p", help="Replace the phone numbers (repeatable).")
    ] = None,
    add_phone: Annotated[list[str] | None, typer.Option("--add-phone", help="Add a phone number.")] = None,
    id_number: IdOpt = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="Replace the note ('' clears it).")] = None,
    add_contact: ContactOpt = None,
    remove_contact_id: Annotated[
        int | None,
        typer.Option(
            "--remove-contact", metavar="ID", help="Remove emergency contact number ID (see `resident show`)."
        ),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Change a resident's details (the old values are kept in the notebook's history).

    Example: gridnote resident edit 李奶奶 --add-phone 13857112399
    """
    from gridnote.render.residents import updated_line
    from gridnote.services import resident_fields as rf
    from gridnote.services.residents import edit_resident, get_resident, remove_contact

    nb = notebook()
    resident = resolve_resident(nb, who)
    fields = rf.ResidentInput(
        name=rf.clean_name(name) if name is not None else None,
        alias=(rf.clean_alias(alias) or "") if alias is not None else None,
        address=rf.clean_address(address) if address else None,
        gender=rf.clean_gender(gender) if gender else None,
        birth=rf.clean_birth(born) if born else None,
        id_number=rf.clean_id_number(id_number) if id_number else None,
        note=note,
        contacts=[rf.parse_contact(c) for c in add_contact or []],
    )
    replace = phone is not None
    if not any(
        v is not None
        for v in (name, alias, address, gender, born, phone, add_phone, id_number, note, add_contact, remove_contact_id)
    ):
        from gridnote.errors import InputError

        raise InputError("resident.nothing_to_change")
    if phone is not None or add_phone:
        fields.phones = rf.clean_phones((phone if replace else add_phone) or [])
    with nb.transaction():
        updated = edit_resident(nb, resident.id, fields, replace_phones=replace, known_building=True)
        if remove_contact_id is not None:
            remove_contact(nb, resident.id, remove_contact_id)
            updated = get_resident(nb, resident.id)
    if _as_json(json_, updated.id):
        return
    out().print(updated_line(updated))


@app.command("tag")
def resident_tag(
    who: Who,
    tags: Annotated[
        list[str], typer.Argument(metavar="TAG...", help="Tags to add: 独居, 失能, 高血压, 低保, 楼栋长, or any word.")
    ],
    json_: JsonOption = False,
) -> None:
    """Add care tags to a resident.

    Example: gridnote resident tag 高阿姨 独居 高血压
    """
    from gridnote.render.residents import updated_line
    from gridnote.services import resident_fields as rf
    from gridnote.services.residents import tag_resident

    nb = notebook()
    codes = rf.clean_tags(tags)
    tagged = tag_resident(nb, resolve_resident(nb, who).id, codes)
    if _as_json(json_, tagged.id):
        return
    console = out()
    console.print(updated_line(tagged))
    _note_free_tags(console, codes)


def _note_free_tags(console: object, tags: list[str]) -> None:
    from gridnote.render.residents import free_tags_note

    hint = free_tags_note(tags)
    if hint is not None:
        console.print(hint)  # type: ignore[attr-defined]


@app.command("untag")
def resident_untag(
    who: Who,
    tags: Annotated[list[str], typer.Argument(metavar="TAG...", help="Tags to remove.")],
    json_: JsonOption = False,
) -> None:
    """Remove care tags from a resident.

    Example: gridnote resident untag 高阿姨 高血压
    """
    from gridnote.render.residents import updated_line
    from gridnote.services import resident_fields as rf
    from gridnote.services.residents import untag_resident

    nb = notebook()
    untagged = untag_resident(nb, resolve_resident(nb, who).id, rf.clean_tags(tags))
    if _as_json(json_, untagged.id):
        return
    out().print(updated_line(untagged))


@app.command("move-out")
def resident_move_out(
    who: Who,
    note: NoteOpt = None,
    undo: Annotated[
        bool, typer.Option("--undo", help="They are back: undo a move-out (or a death recorded by mistake).")
    ] = False,
    deceased: Annotated[
        bool,
        typer.Option("--deceased", help="They died: mark as deceased (also off lists and rounds, kept in history)."),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Mark a resident as moved out, or deceased (kept in the notebook, hidden from lists).

    Example: gridnote resident move-out 王强 --note "搬去女儿家"   ·   gridnote resident move-out 李秀英 --deceased
    """
    from gridnote.render.residents import moved_line
    from gridnote.services.residents import move_out

    nb = notebook()
    moved = move_out(nb, resolve_resident(nb, who).id, note=note, undo=undo, deceased=deceased)
    if _as_json(json_, moved.id):
        return
    out().print(moved_line(moved))


@app.command("import")
def resident_import(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            readable=False,
            help="CSV (UTF-8, UTF-8 BOM, GB18030/GBK) or XLSX with Chinese or English headers.",
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file and show what would change; write nothing.")
    ] = False,
    new_buildings: Annotated[
        bool,
        typer.Option(
            "--new-buildings",
            help="Add the buildings the grid does not have yet (otherwise their rows are refused as typos).",
        ),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Import residents from a spreadsheet: all rows or none.

    Headers such as 姓名, 性别, 楼栋, 单元, 房号, 联系电话, 出生日期, 人员类别, 备注 (or
    name, gender, building, unit, room, phone, birth, tags, note). A resident
    already at that address under the same name is updated, not duplicated
    (unless an ID number or birth date shows another person of that name).
    A row in a building the grid does not have is refused as a likely typo:
    add the building first (gridnote building add 9), or pass --new-buildings.
    A last-visit column (上次走访, 最近入户, last visit) starts each care round
    from that day: a starting date, not a visit (see gridnote care baseline).

    Example: gridnote resident import 居民花名册.csv --dry-run
    """
    from gridnote.render.residents import import_summary
    from gridnote.services.importer import import_residents

    nb = notebook()
    with progress_bar() as tick:
        result = import_residents(nb, file, dry_run=dry_run, new_buildings=new_buildings, progress=tick)
    if json_:
        from gridnote.render.residents import import_json

        print_json(import_json(result))
        return
    out().print(import_summary(result))


@app.command("export")
def resident_export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (.csv or .xlsx).")],
    format_: Annotated[
        str | None, typer.Option("--format", "-f", help="csv or xlsx (default: from the file name).")
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Include full phone and ID numbers (masked by default).")
    ] = False,
    building: BuildingOption = None,
    tag: Annotated[str | None, typer.Option("--tag", "-t", help="Only residents with this tag.")] = None,
    force: ForceOpt = False,
) -> None:
    """Export residents to CSV (UTF-8 with BOM, opens in Excel) or XLSX; phones and IDs masked.

    Example: gridnote resident export -o 居民.xlsx -t 独居
    """
    from contextlib import closing

    from gridnote.domain.vocab import normalize_tags
    from gridnote.input.address import require_building_code
    from gridnote.output.files import check_target
    from gridnote.render.export import export_residents
    from gridnote.render.residents import exported_line
    from gridnote.services.residents import stream_residents

    check_target(output, force=force)  # before reading the register: a file she made is not replaced
    tag_code = normalize_tags([tag])[0] if tag else None
    total, residents = stream_residents(
        notebook(), building=require_building_code(building) if building else None, tag=tag_code
    )
    with closing(residents), progress_bar() as tick:  # a failed write closes the stream's cursor at once
        fmt, written = export_residents(residents, output, format_, full=full, force=force, total=total, progress=tick)
    out().print(exported_line(written, output, fmt, full))


# `resident points` and `resident redeem` (gridnote/cli/points.py) belong to this group.
from gridnote.cli import points  # noqa: E402

points.register(app)
