"""``gridnote restore``: put a backup back in place of the notebook."""

from pathlib import Path
from typing import Annotated

import typer

from gridnote.cli._common import STATE, JsonOption, ask_passphrase, key_for, out, print_json


def restore(
    backup: Annotated[
        str | None,
        typer.Argument(
            metavar="[BACKUP]", help="A backup file, or its name in the backups folder (newest if left out)."
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DAY", help="The newest backup of this day (12-01).")
    ] = None,
    identity: Annotated[
        Path | None,
        typer.Option(
            "--identity", metavar="FILE", help="For a copy encrypted to a key (backup --encrypt-to): its secret key."
        ),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Put a backup back in place of the notebook (photos too).

    The backup is checked first (integrity_check); the notebook it replaces is kept
    as a backup of its own (…-before.db in notebook.db-backups/), and the backup is
    written over it in one transaction while other writes wait: killed at any moment,
    the notebook is the old one or the restored one, never half of each. Only the
    backup's own photos come back. A damaged mark is cleared. gridnote backup list
    shows them.

    An encrypted copy written by backup --encrypt-to or --passphrase is opened with
    --identity FILE or its passphrase (asked, or GRIDNOTE_BACKUP_PASSPHRASE) into a private
    temporary folder, and restored from there.

    Example: gridnote restore   ·   gridnote restore --date 12-01   ·   gridnote restore 2026-12-01T063012.db
    ·   gridnote restore /media/usb/grid.age --identity ~/.config/age/key.txt
    """
    from gridnote.messages.i18n import t
    from gridnote.services.restore import restore as run
    from gridnote.store.paths import notebook_path

    path = notebook_path(STATE.db_option)
    key_for(path)  # an encrypted notebook's backups are read with its key

    def passphrase() -> str:
        return ask_passphrase(t("portable.ask_passphrase", path=backup), confirm=False)

    done = run(path, backup, date, identity=identity, passphrase=passphrase)
    if json_:
        print_json({"version": 1, "backup": str(done.backup), "kept": str(done.kept) if done.kept else None})
        return
    out().print(t("restore.done", backup=done.backup), soft_wrap=True)
    if done.kept is not None:
        out().print(t("restore.kept", path=done.kept), soft_wrap=True)
