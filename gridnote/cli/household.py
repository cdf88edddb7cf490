"""``gridnote household …``: households by address."""

from gridnote.cli._common import BuildingOption, JsonOption, new_app, notebook, out, print_json

app = new_app("Households: who lives at each address.")


@app.command("list")
def household_list(building: BuildingOption = None, json_: JsonOption = False) -> None:
    """List households with their members.

    Example: gridnote household list -b 8
    """
    from gridnote.input.address import require_building_code
    from gridnote.render.residents import household_table
    from gridnote.services.residents import list_households

    households = list_households(notebook(), require_building_code(building) if building else None)
    if json_:
        print_json(
            [
                {
                    "id": h.id,
                    "address": h.address,
                    "building": h.building,
                    "unit": h.unit,
                    "room": h.room,
                    "members": list(h.members),
                }
                for h in households
            ]
        )
        return
    out().print(household_table(households))
