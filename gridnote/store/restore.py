"""Restoring the notebook from a backup: checked first, the current one kept, swapped atomically.

The backup is copied (SQLite's online backup API) into a hidden part file beside
the notebook, checked, synced, and renamed over the notebook in one
``os.replace``: killed at any moment, the notebook is either the old file or the
restored one, never half of each. Before the swap the current notebook is kept as
a backup of its own (``…-before.db``), even when it is damaged (then its bytes
are copied as they are).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from gridnote.store import backup as store
from gridnote.store import cipher
from gridnote.store.paths import files_dir

KEPT_TAG = "before"


def open_backup(path: Path) -> Any:
    """Open a backup file for reading: the one place a restore reads a backup.

    A plain SQLite file, or an encrypted one (SQLCipher, opened with this command's key:
    ``cipher.wrong_key`` when it does not open it, nothing touched).
    """
    return cipher.connect(path, "mode=ro")


def photos_of(backup: Path) -> Path:
    """The photos folder that goes with a backup file: the backups folder's, or ``FILE-files/photos``."""
    if backup.parent.name.endswith("-backups"):
        return backup.parent / store.PHOTOS
    return files_dir(backup) / store.PHOTOS


def restore(notebook: Path, backup: Path, moment: datetime) -> Path | None:
    """Replace ``notebook`` with ``backup``; returns where the current notebook was kept (None: there was none).

    Raises :class:`store.Damaged` (nothing touched) when the backup fails its check.
    """
    source = open_backup(backup)
    try:
        findings = store.check(source, quick=False)
        if findings:
            raise store.Damaged("; ".join(findings))
        part = notebook.with_name(f".{notebook.name}.{os.getpid()}.restore.part")
        fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        try:
            target = cipher.connect(part, encrypted=not isinstance(source, sqlite3.Connection))
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
                result = target.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                target.close()
            if result != "ok":
                raise store.Damaged(str(result))
            with open(part, "rb") as handle:
                os.fsync(handle.fileno())
            kept = keep_current(notebook, moment) if notebook.exists() else None
            os.replace(part, notebook)  # the one moment the notebook changes
        except BaseException:
            _remove(part)
            raise
    finally:
        source.close()
    for stale in (notebook.with_name(notebook.name + "-wal"), notebook.with_name(notebook.name + "-shm")):
        _remove(stale)  # the old file's (checkpointed, empty); never applied to the restored one
    store._sync_dir(notebook.parent)
    store.link_photos(photos_of(backup), files_dir(notebook) / store.PHOTOS)
    store.clear_damaged(notebook)
    store.mark_checked(notebook, moment.date().isoformat())
    return kept


def keep_current(notebook: Path, moment: datetime) -> Path:
    """The current notebook as a backup of its own, with everything in its -wal folded in."""
    where = store.ensure_folder(notebook)
    dest = where / store.file_name(moment, KEPT_TAG)
    try:
        conn = cipher.connect(notebook, timeout=30)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            store.take(conn, notebook, dest)
        finally:
            conn.close()
        return dest
    except cipher.ERROR + (store.Damaged,):
        pass  # damaged: kept as its bytes are, its -wal beside it
    for suffix in ("", "-wal"):
        here = notebook.with_name(notebook.name + suffix)
        if not here.exists():
            continue
        there = dest.with_name(dest.name + suffix)
        part = dest.with_name(f".{dest.name}{suffix}.part")
        shutil.copyfile(here, part)
        os.chmod(part, 0o600)
        with open(part, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(part, there)
    store._sync_dir(where)
    return dest


def _remove(path: Path) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
