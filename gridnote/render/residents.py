"""Residents, households and buildings as tables and cards."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridnote.messages.i18n import lang, t
from gridnote.models import Building, Household, ImportResult, Resident, ResidentCard
from gridnote.render.common import grid, join_list, note, ok, table, tag_labels

if TYPE_CHECKING:
    from rich.console import RenderableType


def _gender_age(resident: Resident, today: date) -> str:
    from gridnote.domain.vocab import GENDERS

    parts = []
    if resident.gender:
        parts.append(GENDERS.label(resident.gender))
    age = resident.age(today)
    if age is not None:
        parts.append(t("resident.age", age=age))
    return " ".join(parts)


def added_line(resident: Resident) -> RenderableType:
    return ok("resident.added", id=resident.id, name=resident.display_name, address=resident.address or "-")


def free_tags_note(tags: list[str]) -> RenderableType | None:
    """A hint when typed tags are not care groups (they are kept, but start no care round)."""
    from gridnote.domain.vocab import CARE_TAGS, free_tags

    free = free_tags(tags)
    if not free:
        return None
    known = join_list(t.zh if lang() == "zh" else t.code for t in CARE_TAGS)
    return note("resident.free_tags", tags=join_list(free), known=known)


def updated_line(resident: Resident) -> RenderableType:
    return ok("resident.updated", id=resident.id, name=resident.display_name, tags=tag_labels(resident.tags) or "-")


def moved_line(resident: Resident) -> RenderableType:
    key = (
        "resident.deceased"
        if resident.deceased
        else "resident.moved_out"
        if resident.moved_out
        else "resident.moved_back"
    )
    return ok(key, id=resident.id, name=resident.display_name)


def _left_mark(r: Resident) -> str:
    return "resident.deceased_mark" if r.deceased else "resident.moved_mark"


def resident_table(residents: list[Resident], today: date) -> RenderableType:
    if not residents:
        return note("resident.none")
    grid = table(
        "col.id",
        "col.name",
        "col.gender_age",
        "col.address",
        "col.tags",
        "col.phone",
        caption=t("resident.count", count=len(residents)),
        whole=("col.phone",),
        give_way=("col.tags", "col.gender_age", "col.address", "col.name"),
    )
    for r in residents:
        name = r.display_name + (" " + t(_left_mark(r)) if r.moved_out else "")
        grid.add_row(
            str(r.id),
            name,
            _gender_age(r, today),
            r.address or "-",
            tag_labels(r.tags),
            r.phones[0] if r.phones else "",
        )
    return grid


def resident_card_view(card: ResidentCard, today: date) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    r = card.resident
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")  # a long Chinese note folds rather than being cut
    facts.add_row(t("card.address"), r.address or "-")
    facts.add_row(t("card.gender_age"), _gender_age(r, today) or "-")
    if r.birth:
        facts.add_row(t("card.birth"), r.birth)
    facts.add_row(t("card.phone"), "  ".join(r.phones) or "-")
    if r.id_number:
        from gridnote.output.privacy import mask_id

        facts.add_row(t("card.id_number"), mask_id(r.id_number))
    facts.add_row(t("card.tags"), tag_labels(r.tags) or "-")
    if card.care_start is not None:
        from gridnote.render.dates import month_day

        start = card.care_start
        source = t(f"care.start.{start.source}")
        facts.add_row(t("card.care"), t("care.start_line", date=month_day(start.day, today), source=source))
    if r.note:
        facts.add_row(t("card.note"), r.note)
    if r.moved_out:
        label = t("card.deceased" if r.deceased else "card.moved_out")
        facts.add_row(label, f"{r.moved_out_at[:10]} {r.moved_out_note or ''}".strip())
    parts: list[Any] = [facts]
    if card.household:
        parts.append(Text(t("card.household"), style="bold"))
        members = [(f"#{m.id}", m.display_name, _gender_age(m, today), tag_labels(m.tags)) for m in card.household]
        parts.append(grid("lwww", members, padding=2))
    if card.contacts:
        parts.append(Text(t("card.contacts"), style="bold"))
        contacts = [
            (f"[{c.id}]", c.name, c.relation or "", c.phone or "", t("card.nearby") if c.nearby else t("card.far"))
            for c in card.contacts
        ]
        parts.append(grid("lwwlw", contacts, padding=2))  # the phone stays on one line
    from gridnote.render.visits import history_parts

    parts.extend(history_parts(card, today))
    title = Text(f"#{r.id} {r.display_name}", style="bold")
    return Panel(Group(*parts), title=title, title_align="left", expand=False)


def resident_json(r: Resident) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "alias": r.alias,
        "gender": r.gender,
        "birth": r.birth,
        "address": r.address,
        "phones": list(r.phones),
        "tags": list(r.tags),
        "note": r.note,
        "moved_out_at": r.moved_out_at,
        "deceased": r.deceased,
    }


def card_json(card: ResidentCard) -> dict[str, Any]:
    data = resident_json(card.resident)
    data["household"] = [resident_json(m) for m in card.household]
    data["contacts"] = [
        {"id": c.id, "name": c.name, "relation": c.relation, "phone": c.phone, "nearby": c.nearby}
        for c in card.contacts
    ]
    from gridnote.render.visits import trend_json, visit_json

    data["visits"] = [visit_json(v) for v in card.visits]
    data["readings"] = [trend_json(tr) for tr in card.trends]
    start = card.care_start
    data["care_start"] = None if start is None else {"day": start.day, "source": start.source}
    return data


def household_table(households: list[Household]) -> RenderableType:
    if not households:
        return note("household.none")
    grid = table("col.address", "col.members", caption=t("household.count", count=len(households)))
    for h in households:
        grid.add_row(h.address, join_list(h.members) or "-")
    return grid


def building_table(buildings: list[Building]) -> RenderableType:
    if not buildings:
        return note("building.none")
    grid = table("col.building", "col.households", "col.residents", show_footer=True)
    grid.columns[0].footer = t("building.total", count=len(buildings))
    grid.columns[1].footer = str(sum(b.households for b in buildings))
    grid.columns[2].footer = str(sum(b.residents for b in buildings))
    for column in grid.columns[1:]:
        column.justify = "right"
    for b in buildings:
        grid.add_row(b.name or t("building.label", code=b.code), str(b.households), str(b.residents))
    return grid


def import_summary(result: ImportResult) -> RenderableType:
    """The counts, then the buildings the import adds to the grid (so a typo would show)."""
    from rich.console import Group

    key = "import.dry_run_summary" if result.dry_run else "import.summary"
    summary = ok(
        key,
        rows=result.rows,
        added=result.added,
        updated=result.updated,
        unchanged=result.unchanged,
        encoding=result.encoding or "xlsx",
    )
    parts: list[RenderableType] = [summary]
    if result.new_buildings:
        key = "import.dry_run_new_buildings" if result.dry_run else "import.new_buildings"
        parts.append(note(key, codes=join_list(result.new_buildings)))
    if result.changes:
        parts.append(_changes_table(result))
    return Group(*parts) if len(parts) > 1 else summary


def import_json(result: ImportResult) -> dict[str, Any]:
    """What ``resident import`` did (or, with --dry-run, would do): the counts, the buildings it adds,
    and a dry run's rows that would be added or changed."""
    return {
        "version": 1,
        "dry_run": result.dry_run,
        "rows": result.rows,
        "added": result.added,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "encoding": result.encoding,
        "new_buildings": list(result.new_buildings),
        "changes": [
            {"row": c.row, "outcome": c.outcome, "name": c.name, "address": c.address, "changed": list(c.changed)}
            for c in result.changes
        ],
    }


_CHANGED_LABEL = {"phones": "export.col.phone", "contacts": "import.changed.contacts"}
_CHANGED_LABEL["care_start"] = "import.changed.care_start"


def _changes_table(result: ImportResult) -> RenderableType:
    """A dry run's rows that would be added or changed: the file's row, who, and what would change."""
    from gridnote.render.common import on_screen, with_left_out

    shown, left_out = on_screen(list(result.changes))
    rows = table("import.h.row", "import.h.would", "import.h.name", "import.h.address", "import.h.changes")
    for c in shown:
        changed = join_list(t(_CHANGED_LABEL.get(f, "export.col." + f)) for f in c.changed)
        rows.add_row(str(c.row), t("import.would." + c.outcome), c.name, c.address, changed)
    return with_left_out(rows, left_out)


def exported_line(count: int, path: Path, fmt: str, full: bool) -> RenderableType:
    key = "export.done_full" if full else "export.done_masked"
    return ok(key, count=count, path=path, format=fmt)


def demo_json(summary: Any, path: Path) -> dict[str, Any]:
    """What ``demo --json`` loaded (docs/json.md); ``day`` only with ``--day``."""
    written = summary.day
    day = None
    if written is not None:
        day = {
            "date": written.day,
            "visits": written.visits,
            "issues": written.issues,
            "tasks": written.tasks,
            "events": written.events,
        }
    counts = {"buildings": summary.buildings, "households": summary.households, "residents": summary.residents}
    return {"version": 1, "path": str(path), **counts, "day": day}


def demo_summary(summary: Any, path: Path) -> RenderableType:
    from rich.console import Group

    return Group(
        ok(
            "demo.loaded",
            buildings=summary.buildings,
            households=summary.households,
            residents=summary.residents,
            path=path,
        ),
        note("demo.next", people=join_list(summary.people)),
        *_demo_day(summary.day),
    )


def _demo_day(day: Any) -> list[RenderableType]:
    """The closing lines of ``demo --day``: what the day wrote and where to look at it."""
    if day is None:
        return []
    return [
        ok("demo.day_written", day=day.day, visits=day.visits, issues=day.issues, tasks=day.tasks, events=day.events),
        note("demo.day_next"),
    ]
