"""``gridnote encrypt`` / ``decrypt``: the notebook and its backups rewritten with or without a key.

The notebook is opened first (it must be a gridnote notebook, and is upgraded), then
closed, and rewritten by :func:`gridnote.store.cipher.convert`: verified before one
rename puts it in place. Its backups follow, so no plain copy of an encrypted notebook
is left in its backups folder; one that cannot be converted is named, never lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gridnote.errors import FileError, NotebookError, StateError
from gridnote.store import backup as store
from gridnote.store import cipher


@dataclass(frozen=True)
class Converted:
    path: Path
    backups: int  # backups converted with it
    left: list[Path] = field(default_factory=list)  # backups that could not be


def encrypt(path: Path, key: str) -> Converted:
    """Encrypt the plain notebook at ``path`` with ``key``, and its plain backups."""
    if cipher.is_encrypted(path):
        raise StateError("cipher.already", path=path)
    _check(path)
    _convert(path, None, key)
    return _backups(path, lambda p: not cipher.is_encrypted(p), None, key)


def decrypt(path: Path) -> Converted:
    """Decrypt the notebook at ``path`` (this command's key opens it), and its encrypted backups."""
    if not cipher.is_encrypted(path):
        raise StateError("cipher.not_encrypted", path=path)
    key = cipher.current_key()
    _check(path)
    _convert(path, key, None)
    return _backups(path, cipher.is_encrypted, key, None)


def _check(path: Path) -> None:
    """Opened as a notebook (so it is one, and current), then closed before the rewrite."""
    from gridnote.store.notebook import open_notebook

    nb = open_notebook(path, create=False, make_folder=False)
    try:
        if nb.read_only:
            raise NotebookError("notebook.read_only", path=path)
    finally:
        nb.close()


def _convert(path: Path, key_from: str | None, key_to: str | None) -> None:
    try:
        cipher.convert(path, key_from=key_from, key_to=key_to)
    except cipher.Busy:
        raise NotebookError("cipher.busy", path=path) from None
    except OSError as exc:
        raise FileError("backup.failed", reason=exc.strerror or str(exc)) from exc
    except cipher.ERROR as exc:
        raise NotebookError("notebook.sqlite_error", reason=str(exc)) from exc


def _backups(path: Path, wanted: object, key_from: str | None, key_to: str | None) -> Converted:
    done, left = 0, []
    for backup in store.backups(path):
        if not wanted(backup.path):  # type: ignore[operator]
            continue
        try:
            cipher.convert(backup.path, key_from=key_from, key_to=key_to)
            done += 1
        except cipher.ERROR + (cipher.Busy, NotebookError, OSError):
            left.append(backup.path)
    return Converted(path, done, left)
