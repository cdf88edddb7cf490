"""``gridnote find QUERY``: residents, issues, tasks and visit notes at once."""

from __future__ import annotations

from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, notebook, out, print_json


def register(app: typer.Typer) -> None:
    app.command("find")(find)


def find(
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...",
            help="Words to find: a name, pinyin or initials (lnn), an address, a phone number, any word of a note (下水道).",
        ),
    ],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="Only this kind: resident, issue, task, visit (居民, 问题, 任务, 走访); repeatable.",
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many of each kind.")] = 10,
    json_: JsonOption = False,
) -> None:
    """Find residents, issues, tasks and visit notes; best matches first, grouped by kind.

    Every word must match. Names match by pinyin and initials too (李奶奶, linainai,
    lnn); one or two Chinese characters are enough (李, 漏水).

    Example: gridnote find 下水道   ·   gridnote find 李 --kind resident   ·   gridnote find lnn
    """
    from gridnote import clock
    from gridnote.render.find import search_json, search_view
    from gridnote.services.find import parse_kinds, search

    nb = notebook()
    result = search(nb, " ".join(query), kinds=parse_kinds(kind or []), limit=limit)
    if json_:
        print_json(search_json(result, clock.now()))
        return
    cats = None
    if any(g.kind == "issue" for g in result.groups):
        from gridnote.services.categories import categories

        cats = categories(nb)
    out().print(search_view(result, clock.today(), cats))
