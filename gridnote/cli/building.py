"""``gridnote building …``: the buildings of the grid."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from gridnote.cli._common import JsonOption, new_app, notebook, out, print_json

if TYPE_CHECKING:
    from gridnote.models import Building

app = new_app("Buildings: households and residents per building.")


@app.command("list")
def building_list(json_: JsonOption = False) -> None:
    """List buildings with their household and resident counts.

    Example: gridnote building list
    """
    from gridnote.render.residents import building_table
    from gridnote.services.residents import list_buildings

    buildings = list_buildings(notebook())
    if json_:
        print_json([_building_json(b) for b in buildings])
        return
    out().print(building_table(buildings))


@app.command("add")
def building_add(
    code: Annotated[str, typer.Argument(metavar="BUILDING", help="Building number, e.g. 9 or 9号楼.")],
    name: Annotated[str | None, typer.Option("--name", help="What it is called, if not its number.")] = None,
    json_: JsonOption = False,
) -> None:
    """Add a building to the grid (a resident's address may then use it).

    Example: gridnote building add 9
    """
    from gridnote.input.address import require_building_code
    from gridnote.messages.i18n import t
    from gridnote.render.common import ok
    from gridnote.services.residents import add_building

    building = add_building(notebook(), require_building_code(code), name)
    if json_:
        print_json(_building_json(building))
        return
    out().print(ok("building.added", label=building.name or t("building.label", code=building.code)))


def _building_json(b: "Building") -> dict[str, Any]:
    return {"id": b.id, "code": b.code, "name": b.name, "households": b.households, "residents": b.residents}
