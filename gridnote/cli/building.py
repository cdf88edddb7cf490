"""``gridnote building …``: the buildings of the grid."""

from gridnote.cli._common import JsonOption, new_app, notebook, out, print_json

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
        print_json([{"id": b.id, "code": b.code, "name": b.label, "households": b.households,
                     "residents": b.residents} for b in buildings])
        return
    out().print(building_table(buildings))
