"""Restoring the notebook from a backup: checked first, the current one kept, swapped atomically.

The backup is written over the notebook with SQLite's online backup API, in one
transaction, while the writers' lock keeps every other gridnote write out; a
notebook SQLite cannot open (a damaged header) is replaced instead by a checked,
synced copy renamed over it in one ``os.replace``. Killed at any moment, the
notebook is either the old one or the restored one, never half of each. First the
current notebook is kept as a backup of its own (``…-before.db``), even when it is
damaged (then its bytes are copied as they are).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from gridnote.output.files import remove_quietly, remove_stale_parts, sync_folder
from gridnote.store import backup as store
from gridnote.store import cipher
from gridnote.store.paths import PHOTO_TABLES, files_dir

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
    Holds the writers' lock throughout (:mod:`gridnote.store.lock`): a write under way
    ends first and is in the kept copy, and none starts until the restore is done.
    The backup is copied into the notebook by SQLite's backup API (one transaction: a
    command with the notebook open sees the restored one at its next read); a file
    SQLite cannot open as it is (a damaged header) is swapped for a copy instead.
    Only the photos the backup refers to come back.
    """
    from gridnote.store.lock import writers

    source = open_backup(backup)
    try:
        findings = store.check(source, quick=False)
        if findings:
            raise store.Damaged("; ".join(findings))
        own = _photo_names(source)
        with writers(notebook):
            remove_stale_parts(notebook.parent, notebook.name)  # a restore killed midway: a whole copy of her notebook
            kept = keep_current(notebook, moment) if notebook.exists() else None
            if not (notebook.exists() and _copy_into(source, notebook)):
                _swap(source, notebook)
    finally:
        source.close()
    store.link_photos(photos_of(backup), files_dir(notebook) / store.PHOTOS, only=own)
    store.clear_damaged(notebook)
    store.mark_checked(notebook, moment.date().isoformat())
    return kept


def _photo_names(source: Any) -> set[str]:
    """The file names of the photos the backup's issues and events refer to."""
    names: set[str] = set()
    for table in PHOTO_TABLES:
        try:
            names |= {Path(str(r[0])).name for r in source.execute(f"SELECT path FROM {table}")}
        except cipher.OPERATIONAL:  # a notebook from before photos, or before events had them
            pass
    return names


def _copy_into(source: Any, notebook: Path) -> bool:
    """The backup's pages written over the notebook's in one transaction; False if SQLite cannot (nothing changed).

    Only between two plain files or two encrypted with the same key: a plain backup over an
    encrypted notebook (or the other way) is swapped in whole.
    """
    from gridnote.store.notebook import BUSY_TIMEOUT_MS, is_corrupt

    if cipher.is_encrypted(notebook) == isinstance(source, sqlite3.Connection):
        return False
    try:
        target = cipher.connect(notebook, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except cipher.ERROR:
        return False
    try:
        try:
            size = target.execute("PRAGMA page_size").fetchone()[0]
            target.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except cipher.DATABASE as exc:
            if isinstance(exc, cipher.OPERATIONAL) and not is_corrupt(exc):
                raise  # busy, locked: not a reason to swap the file under a writer
            return False  # not a database any more: nothing can have it open to write
        if size != source.execute("PRAGMA page_size").fetchone()[0]:
            return False  # WAL cannot take another page size; the swap can
        source.backup(target)
        try:
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except cipher.ERROR:
            pass  # folded in by the next command that closes it
        return True
    finally:
        target.close()


def _swap(source: Any, notebook: Path) -> None:
    """A checked, synced copy of the backup renamed over the notebook: the old file or the new one, never half."""
    part = store.checked_copy(source, notebook, wal=True)
    try:
        for stale in (notebook.with_name(notebook.name + "-wal"), notebook.with_name(notebook.name + "-shm")):
            remove_quietly(stale)  # the old file's; never to be applied to the restored one
        os.replace(part, notebook)  # the one moment the notebook changes
    except BaseException:
        remove_quietly(part)
        raise
    sync_folder(notebook.parent)


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
    sync_folder(where)
    return dest
