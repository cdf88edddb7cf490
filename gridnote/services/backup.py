"""Backups on demand and the list of them (the automatic daily one is in gridnote.store.backup)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridnote import clock
from gridnote.errors import FileError, NotebookError
from gridnote.store import backup as store
from gridnote.store import cipher
from gridnote.store.notebook import Notebook
from gridnote.store.paths import files_dir


@dataclass(frozen=True)
class Listed:
    backup: store.Backup
    findings: list[str]  # [] when it passes integrity_check


def take_now(nb: Notebook, to: Path | None = None, *, force: bool = False) -> tuple[Path, int]:
    """One backup now: into the backups folder (rotated), or to ``to`` with its photos beside it."""
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


def keep_counts(nb: Notebook) -> tuple[int, int, int]:
    from gridnote.services.settings import get

    return (int(get(nb, "backup.days")), int(get(nb, "backup.weeks")), int(get(nb, "backup.months")))


def list_backups(nb: Notebook) -> list[Listed]:
    """Every backup in the folder, newest first, each with what ``integrity_check`` says of it."""
    return [Listed(b, store.check_file(b.path)) for b in store.backups(nb.path)]


def backups_folder(nb: Notebook) -> Path:
    return store.folder(nb.path)
