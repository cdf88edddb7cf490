"""``gridnote config …``: the notebook's settings (care intervals, language, time zone …)."""

from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, new_app, notebook, out, print_json

app = new_app("Settings kept in the notebook: language, time zone, care-visit intervals, thresholds.")


@app.command("list")
def config_list(json_: JsonOption = False) -> None:
    """Show every setting, its value and whether it is the default.

    Example: gridnote config list
    """
    from gridnote.render.config import settings_table
    from gridnote.services.settings import all_values

    values = all_values(notebook())
    if json_:
        print_json({v.setting.key: v.value for v in values})
        return
    out().print(settings_table(values))


@app.command("get")
def config_get(key: Annotated[str, typer.Argument(metavar="KEY", help="Setting name, e.g. care.bedridden.")]) -> None:
    """Print one setting's value.

    Example: gridnote config get care.living-alone
    """
    from gridnote.services.settings import get

    value = get(notebook(), key)
    typer.echo("" if value is None else value)


@app.command("set")
def config_set(
    key: Annotated[str, typer.Argument(metavar="KEY", help="Setting name (see `config list`).")],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="New value.")],
    json_: JsonOption = False,
) -> None:
    """Change a setting.

    Example: gridnote config set care.bedridden 2   ·   gridnote config set lang zh
    """
    from gridnote.messages.i18n import t
    from gridnote.services.settings import set_value

    stored = set_value(notebook(), key, value)
    if json_:
        print_json({key: stored})
        return
    out().print(t("config.set", key=key, value=stored))


@app.command("unset")
def config_unset(
    key: Annotated[str, typer.Argument(metavar="KEY", help="Setting name.")], json_: JsonOption = False
) -> None:
    """Return a setting to its default.

    Example: gridnote config unset care.bedridden
    """
    from gridnote.messages.i18n import t
    from gridnote.services.settings import unset

    nb = notebook()
    unset(nb, key)
    if json_:
        from gridnote.services.settings import get

        print_json({key: get(nb, key)})
        return
    out().print(t("config.unset", key=key))
