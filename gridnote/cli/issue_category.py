"""``gridnote issue category …``: the categories issues are filed under, their deadlines and upward codes."""

from typing import TYPE_CHECKING, Annotated

import typer

from gridnote.cli._common import JsonOption, new_app, notebook, out, print_json

if TYPE_CHECKING:
    from gridnote.models import Category
    from gridnote.store.notebook import Notebook

app = new_app("Issue categories: list them, add your own, set upward codes and deadline groups.")

GroupOpt = Annotated[
    str | None,
    typer.Option(
        "--group", "-g", help="Deadline group: emergency, utility, general, complex (紧急, 公用设施, 一般, 复杂)."
    ),
]
UpwardOpt = Annotated[str | None, typer.Option("--upward", help="The code the grid centre files it under.")]
SynonymOpt = Annotated[list[str] | None, typer.Option("--synonym", "-s", help="Another word for it (repeatable).")]


def _hours(nb: object) -> dict[str, tuple[int, int]]:
    from gridnote.domain.issue_terms import DEADLINE_GROUPS
    from gridnote.services.categories import deadline_hours

    return {group: deadline_hours(nb, group) for group in DEADLINE_GROUPS.codes}  # type: ignore[arg-type]


def _print_category(nb: "Notebook", category: "Category") -> None:
    """What ``add`` and ``set`` wrote, as one element of ``issue category list --json``."""
    from gridnote.render.issue_categories import category_json
    from gridnote.services.categories import deadline_hours

    print_json(category_json(category, deadline_hours(nb, category.group)))


@app.command("list")
def category_list(
    json_: JsonOption = False,
    open311: Annotated[
        bool, typer.Option("--open311", help="Print them as the Open311 services list (GeoReport v2 GET services).")
    ] = False,
    xml: Annotated[bool, typer.Option("--xml", help="With --open311: XML instead of JSON.")] = False,
) -> None:
    """List the categories with their deadline group (response/resolution) and upward code.

    With --open311, the services list the city app reads: each category under
    its upward code as service_code (what `issue import` maps requests by).

    Example: gridnote issue category list   ·   gridnote issue category list --open311 > services.json
    """
    from gridnote.render.issue_categories import category_json, category_table
    from gridnote.services.categories import categories

    nb = notebook()
    if open311:
        from gridnote.render.open311 import services_text

        typer.echo(services_text(categories(nb), "xml" if xml else "json"), nl=False)
        return
    cats, hours = categories(nb), _hours(nb)
    if json_:
        print_json([category_json(c, hours[c.group]) for c in cats])
        return
    out().print(category_table(cats, hours))


@app.command("add")
def category_add(
    code: Annotated[
        str, typer.Argument(metavar="CODE", help="Short English code: letters, digits, dashes (e.g. bike-shed).")
    ],
    zh: Annotated[str, typer.Option("--zh", help="Chinese name, e.g. 车棚.")],
    en: Annotated[str | None, typer.Option("--en", help="English name (default: the code).")] = None,
    under: Annotated[str | None, typer.Option("--under", help="The top-level category it belongs to.")] = None,
    group: GroupOpt = None,
    upward: UpwardOpt = None,
    synonym: SynonymOpt = None,
    json_: JsonOption = False,
) -> None:
    """Add a category of your own (kept in this notebook).

    Example: gridnote issue category add bike-shed --zh 车棚 --under facilities -s 自行车棚
    """
    from gridnote.render.common import ok
    from gridnote.services.categories import add_category

    nb = notebook()
    category = add_category(nb, code, zh=zh, en=en, parent=under, group=group, upward=upward, synonyms=synonym)
    if json_:
        _print_category(nb, category)
        return
    out().print(ok("category.added", code=category.code, zh=category.zh))


@app.command("set")
def category_set(
    category: Annotated[str, typer.Argument(metavar="CATEGORY", help="Code or name: blocked-drain, 下水道 …")],
    zh: Annotated[str | None, typer.Option("--zh", help="New Chinese name.")] = None,
    en: Annotated[str | None, typer.Option("--en", help="New English name.")] = None,
    group: GroupOpt = None,
    upward: UpwardOpt = None,
    synonym: SynonymOpt = None,
    json_: JsonOption = False,
) -> None:
    """Change a category's upward code, deadline group, names, or add synonyms.

    Issues already received keep their deadlines.

    Example: gridnote issue category set 下水道 --upward 0101 -g general
    """
    from gridnote.domain.issue_terms import DEADLINE_GROUPS
    from gridnote.render.common import ok
    from gridnote.services.categories import set_category

    nb = notebook()
    changed = set_category(nb, category, zh=zh, en=en, group=group, upward=upward, synonyms=synonym)
    if json_:
        _print_category(nb, changed)
        return
    out().print(
        ok(
            "category.changed",
            code=changed.code,
            group=DEADLINE_GROUPS.label(changed.group),
            upward=changed.upward or "-",
        )
    )
