"""``gridnote care …``: where care rounds start, and the walk that picks them up."""

from typing import Annotated

import typer

from gridnote.cli._common import BuildingOption, JsonOption, new_app, notebook, out, print_json

app = new_app("Care rounds: the day they count from, and the route of the visits due.")


@app.command("baseline")
def care_baseline(
    day: Annotated[str, typer.Argument(metavar="DAY", help="The day rounds count from: 11-20, 上周一, 2026-11-01.")],
    building: BuildingOption = None,
    json_: JsonOption = False,
) -> None:
    """Count care rounds from DAY for everyone (or one building): the first morning shows who is really due.

    A starting date is not a visit: the visit log, the visit figures and care
    coverage are unchanged, and `today` says "from 11-20 (starting date)". A
    later visit counts from the visit, as always. Run it again to change it.

    Example: gridnote care baseline 11-20   ·   gridnote care baseline 11-25 -b 8
    """
    from gridnote.input.address import require_building_code
    from gridnote.input.dates import parse_past_day
    from gridnote.render.care import baseline_json, baseline_view
    from gridnote.services.care_start import set_baseline

    code = require_building_code(building) if building is not None else None
    result = set_baseline(notebook(), parse_past_day(day), code)
    if json_:
        print_json(baseline_json(result))
        return
    out().print(baseline_view(result))
