"""Backups on demand and the list of them (the automatic daily one is in gridnote.store.backup)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridnote import clock
from gridnote.errors import FileError, InputError, NotebookError
from gridnote.store import backup as store
from gridnote.store import cipher, portable
from gridnote.store.notebook import Notebook
from gridnote.store.paths import files_dir


@dataclass(frozen=True)
class Listed:
    backup: store.Backup
    findings: list[str]  # [] when it passes integrity_check


def take_now(
    nb: Notebook,
    to: Path | None = None,
    *,
    force: bool = False,
    encrypt_to: list[str] | None = None,
    passphrase: str | None = None,
) -> tuple[Path, int]:
    """One backup now: into the backups folder (rotated), or to ``to`` with its photos beside it.

    ``encrypt_to`` (age recipients) or ``passphrase``: ``to`` becomes one portable age file
    holding the copy and its photos (:mod:`gridnote.store.portable`), for a USB stick.
    """
    portable_copy = bool(encrypt_to) or passphrase is not None
    if portable_copy and to is None:
        raise InputError("portable.needs_to")
    keys = portable.recipients(encrypt_to) if encrypt_to else None
    if to is None:
        where = store.ensure_folder(nb.path)
        dest = where / store.file_name(clock.now().replace(tzinfo=None))
        photos = where / store.PHOTOS
    else:
        dest = Path(to).expanduser()
        if dest.is_dir():
            raise FileError("file.is_dir", path=dest)
        if dest.exists() and not force:
            raise FileError("backup.exists", path=dest)
        if dest.resolve() == nb.path.resolve():
            raise FileError("backup.exists", path=dest)
        photos = files_dir(dest) / store.PHOTOS
    try:
        if portable_copy:
            _take_portable(nb, dest, keys, passphrase)
        else:
            store.take(nb.conn, nb.path, dest, photos=photos)
    except store.Damaged as exc:
        store.mark_damaged(nb.path, str(exc))
        raise NotebookError("backup.source_damaged", path=nb.path, what=str(exc)) from exc
    except cipher.ERROR + (OSError,) as exc:
        raise FileError("backup.failed", reason=str(exc)) from exc
    if to is None:
        store.mark_checked(nb.path, clock.today().isoformat())
        store.rotate(nb.path, *keep_counts(nb))
    return dest, dest.stat().st_size


def _take_portable(nb: Notebook, dest: Path, keys: list[Any] | None, passphrase: str | None) -> None:
    """The checked copy a backup makes, in a private temporary folder, then sealed into ``dest``."""
    import os
    import tempfile

    dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gridnote-") as folder:
        copy = Path(folder) / portable.INNER
        os.replace(store.checked_copy(nb.conn, copy), copy)
        portable.write(copy, nb.path, dest, to=keys, passphrase=passphrase)


def keep_counts(nb: Notebook) -> tuple[int, int, int]:
    from gridnote.services.settings import get

    return (int(get(nb, "backup.days")), int(get(nb, "backup.weeks")), int(get(nb, "backup.months")))


def list_backups(nb: Notebook) -> list[Listed]:
    """Every backup in the folder, newest first, each with what ``integrity_check`` says of it."""
    return [Listed(b, store.check_file(b.path)) for b in store.backups(nb.path)]


def backups_folder(nb: Notebook) -> Path:
    return store.folder(nb.path)
