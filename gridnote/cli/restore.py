"""``gridnote restore``: put a backup back in place of the notebook."""

from typing import Annotated

import typer

from gridnote.cli._common import STATE, key_for, out


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
) -> None:
    """Put a backup back in place of the notebook (photos too).

    The backup is checked first (integrity_check); the notebook it replaces is kept
    as a backup of its own (…-before.db in notebook.db-backups/), and the backup is
    written over it in one transaction while other writes wait: killed at any moment,
    the notebook is the old one or the restored one, never half of each. Only the
    backup's own photos come back. A damaged mark is cleared. gridnote backup list
    shows them.

    Example: gridnote restore   ·   gridnote restore --date 12-01   ·   gridnote restore 2026-12-01T063012.db
    """
    from gridnote.messages.i18n import t
    from gridnote.services.restore import restore as run
    from gridnote.store.paths import notebook_path

    path = notebook_path(STATE.db_option)
    key_for(path)  # an encrypted notebook's backups are read with its key
    done = run(path, backup, date)
    out().print(t("restore.done", backup=done.backup), soft_wrap=True)
    if done.kept is not None:
        out().print(t("restore.kept", path=done.kept), soft_wrap=True)
