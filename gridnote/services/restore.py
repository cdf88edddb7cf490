"""``gridnote restore``: which backup, then the swap (gridnote.store.restore does it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gridnote import clock
from gridnote.errors import FileError, InputError, NotebookError, NotFoundError
from gridnote.store import backup as store
from gridnote.store import cipher, portable
from gridnote.store import restore as swap


@dataclass(frozen=True)
class Restored:
    backup: Path
    kept: Path | None  # where the notebook it replaced was kept


def choose(notebook: Path, name: str | None, day_text: str | None) -> Path:
    """The backup named (a file, or a name in the backups folder), the newest of ``--date``'s day, or the newest."""
    if name and day_text:
        raise InputError("restore.both")
    found = [b for b in store.backups(notebook) if not b.path.name.endswith(f"-{swap.KEPT_TAG}{store.SUFFIX}")]
    if name:
        given = Path(name).expanduser()
        for candidate in (given, store.folder(notebook) / name):
            if candidate.is_file():
                return candidate
        raise NotFoundError("restore.no_such", name=name, folder=store.folder(notebook))
    if day_text:
        from gridnote.input.dates import parse_day

        day = parse_day(day_text, now=clock.now()).isoformat()
        of_day = [b for b in found if b.day == day]
        if not of_day:
            raise NotFoundError("restore.none_of_day", day=day, folder=store.folder(notebook))
        return of_day[0].path
    if not found:
        raise NotFoundError("restore.none", folder=store.folder(notebook))
    return found[0].path


def restore(
    notebook: Path,
    name: str | None = None,
    day_text: str | None = None,
    *,
    identity: Path | None = None,
    passphrase: Callable[[], str] | None = None,
) -> Restored:
    """Put a backup back; a portable (age) one is opened with ``identity`` or the ``passphrase`` asked for."""
    backup = choose(notebook, name, day_text)
    if backup.resolve() == notebook.resolve():
        raise InputError("restore.same", path=backup)
    if not portable.is_portable(backup):
        return Restored(backup, _restore(notebook, backup, backup))
    if portable.needs_passphrase(backup):
        if passphrase is None:
            raise InputError("portable.needs_passphrase", path=backup)
        with portable.opened(backup, keys=None, passphrase=passphrase()) as inner:
            return Restored(backup, _restore(notebook, inner, backup))
    if identity is None:
        raise InputError("portable.needs_identity", path=backup)
    with portable.opened(backup, keys=portable.identities(identity), passphrase=None) as inner:
        return Restored(backup, _restore(notebook, inner, backup))


def _restore(notebook: Path, source: Path, backup: Path) -> Path | None:
    """``source`` (the backup itself, or what a portable one holds) into ``notebook``; errors name ``backup``."""
    try:
        kept = swap.restore(notebook, source, clock.now().replace(tzinfo=None))
    except store.Damaged as exc:
        raise NotebookError("restore.backup_damaged", path=backup, what=str(exc)) from exc
    except cipher.OPERATIONAL as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise NotebookError("notebook.locked", path=notebook) from exc
        raise NotebookError("restore.not_a_backup", path=backup, what=str(exc)) from exc
    except cipher.DATABASE as exc:
        raise NotebookError("restore.not_a_backup", path=backup, what=str(exc)) from exc
    except OSError as exc:
        raise FileError("restore.failed", reason=exc.strerror or str(exc)) from exc
    return kept
