"""``gridnote resident points|redeem``: residents' points for verified reports.

Registered on the ``resident`` group by :func:`register`.
"""

from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, notebook, out, print_json, resolve_resident

Who = Annotated[str, typer.Argument(metavar="WHO", help="Number, name, alias, pinyin or address.")]


def register(app: typer.Typer) -> None:
    app.command("points")(resident_points)
    app.command("redeem")(resident_redeem)


def resident_points(who: Who, json_: JsonOption = False) -> None:
    """Show a resident's points: what earned them, what they were spent on, the balance.

    Example: gridnote resident points 王阿姨
    """
    from gridnote import clock
    from gridnote.render.points import ledger_json, ledger_view
    from gridnote.services.points import ledger

    nb = notebook()
    book = ledger(nb, resolve_resident(nb, who).id)
    if json_:
        print_json(ledger_json(book))
        return
    out().print(ledger_view(book, clock.today()))


def resident_redeem(
    who: Who,
    points: Annotated[str, typer.Argument(metavar="N", help="Points to spend.")],
    for_: Annotated[str, typer.Option("--for", metavar="TEXT", help="What they are exchanged for, e.g. 洗衣液一瓶.")],
    json_: JsonOption = False,
) -> None:
    """Spend a resident's points (never more than they have).

    Example: gridnote resident redeem 王阿姨 5 --for "洗衣液一瓶"
    """
    from gridnote.errors import InputError
    from gridnote.input.text import one_line, read_number
    from gridnote.render.points import redeemed_line
    from gridnote.services.points import redeem

    amount = read_number(points, allow_hash=False)
    if amount is None or amount > 1_000_000:
        raise InputError("points.bad_amount", amount=points)
    nb = notebook()
    resident = resolve_resident(nb, who, current=True)
    balance = redeem(nb, resident.id, amount, for_)
    if json_:
        from gridnote.render.points import ledger_json
        from gridnote.services.points import ledger

        print_json(ledger_json(ledger(nb, resident.id)))  # the ledger as it is now, the spending last
        return
    out().print(redeemed_line(resident.display_name, amount, one_line(for_), balance))
