"""``gridnote backup``: a backup now (``--to PATH`` for a USB stick), and ``backup list``."""

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import Group, JsonOption, ask_passphrase, notebook, out, print_json

app = typer.Typer(
    cls=Group,
    help="Back the notebook up now (photos too), or list the backups.",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback()
def backup(
    ctx: typer.Context,
    to: Annotated[
        Path | None,
        typer.Option("--to", metavar="PATH", help="Write the copy to this file instead (its photos beside it)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the --to file if it exists.")] = False,
    encrypt_to: Annotated[
        list[str] | None,
        typer.Option(
            "--encrypt-to",
            metavar="RECIPIENT",
            help="Write --to as one age-encrypted file (copy and photos) for this key: age1…, an SSH public key,"
            " or a file of them. Repeatable.",
        ),
    ] = None,
    passphrase: Annotated[
        bool,
        typer.Option(
            "--passphrase",
            help="Write --to as one age-encrypted file, with a passphrase (asked, or GRIDNOTE_BACKUP_PASSPHRASE).",
        ),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Back the notebook up now (photos too), or list the backups.

    A consistent copy, checked before it is kept, into the private folder beside the
    notebook (notebook.db-backups/, 0700). gridnote also takes one by itself after the
    first command of each day and keeps the last 7 days, 4 weeks and 12 months
    (config backup.days, backup.weeks, backup.months; backup.auto off stops it).

    With --encrypt-to or --passphrase, --to is one file in the age format (the copy and its
    photos; pip install 'gridnote[portable]'): safe on a USB stick, put back with gridnote restore.

    Example: gridnote backup   ·   gridnote backup --to /media/usb/grid.db   ·   gridnote backup list
    ·   gridnote backup --to /media/usb/grid.age --encrypt-to age1…
    """
    if ctx.invoked_subcommand is not None:
        return
    from gridnote import clock
    from gridnote.messages.i18n import t
    from gridnote.render.backup import size_text, taken_json
    from gridnote.services.backup import take_now

    phrase = ask_passphrase(t("portable.ask_new_passphrase"), confirm=True) if passphrase else None
    path, size = take_now(notebook(), to, force=force, encrypt_to=encrypt_to or None, passphrase=phrase)
    if json_:
        print_json(taken_json(path, size, clock.now()))
        return
    key = "portable.taken" if encrypt_to or passphrase else "backup.taken"
    out().print(t(key, path=path, size=size_text(size)), soft_wrap=True)


@app.command("list")
def backup_list(json_: JsonOption = False) -> None:
    """List the backups, newest first: when, how big, and whether each passes an integrity check.

    Example: gridnote backup list   ·   gridnote backup list --json
    """
    from gridnote.messages.i18n import t
    from gridnote.render.backup import backups_json, backups_table
    from gridnote.services.backup import backups_folder, list_backups

    nb = notebook()
    listed = list_backups(nb)
    if json_:
        print_json(backups_json(listed))
        return
    if not listed:
        out().print(t("backup.none", folder=backups_folder(nb)))
        return
    out().print(t("backup.folder", folder=backups_folder(nb)))
    out().print(backups_table(listed))
