"""Backups of the notebook: consistent snapshots in a private folder beside it, rotated, checked.

A backup is a whole notebook taken with SQLite's online backup API (a consistent
copy even while another terminal writes), written to a temporary name and renamed,
so a backup file is either complete or absent. They live in
``<notebook>-backups/`` (folder 0700, files 0600), named by the local time they
were taken (``2026-12-02T063012.db``); photos, which never change once stored
(they are named by their content), are kept once in its ``photos/`` folder.

The first command of each day takes one after its output, in a detached process
(:func:`start_daily`), so no command waits for it. That process also runs
``PRAGMA quick_check`` on the copy: a damaged notebook is marked (``.damaged``)
and every write is then refused (:mod:`gridnote.store.notebook`).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gridnote.output.files import remove_quietly, remove_stale_parts, sync_folder
from gridnote.store import cipher

SUFFIX = ".db"
DAMAGED = ".damaged"  # present: the notebook failed a check; holds what SQLite said
CHECKED = ".checked"  # holds the day the notebook last passed quick_check
PHOTOS = "photos"
_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{6})(?:-[a-z]+)?\.db$")
ENV_VAR = "GRIDNOTE_BACKUP"  # "off": no automatic backups (the notebook's backup.auto does the same)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # local time, naive, from the file name
    size: int

    @property
    def day(self) -> str:
        return self.taken.date().isoformat()


def folder(notebook: Path) -> Path:
    """``notebook.db-backups/`` beside the notebook."""
    return notebook.with_name(notebook.name + "-backups")


def ensure_folder(notebook: Path) -> Path:
    where = folder(notebook)
    where.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(where, 0o700)
    return where


def file_name(moment: datetime, tag: str = "") -> str:
    return moment.strftime("%Y-%m-%dT%H%M%S") + (f"-{tag}" if tag else "") + SUFFIX


def backups(notebook: Path) -> list[Backup]:
    """Every backup of this notebook, newest first."""
    where = folder(notebook)
    try:
        names = os.listdir(where)
    except OSError:
        return []
    found = []
    for name in names:
        match = _NAME.match(name)
        if not match:
            continue
        try:
            taken = datetime.strptime(match.group(1) + match.group(2), "%Y-%m-%d%H%M%S")
            size = (where / name).stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(where / name, taken, size))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def has_backup_of(notebook: Path, day: str) -> bool:
    """Cheap: one directory listing of a folder of a few dozen names."""
    try:
        return any(name.startswith(day) and name.endswith(SUFFIX) for name in os.listdir(folder(notebook)))
    except OSError:
        return False


# -- taking one -------------------------------------------------------------------
def take(source: Any, notebook: Path, dest: Path, *, photos: Path | None = None) -> Path:
    """Copy the open notebook into ``dest`` (a file path) whole, privately; photos beside it.

    An encrypted notebook's copy is encrypted with the same key. A damaged copy raises
    :class:`Damaged` and leaves nothing behind.
    """
    dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    part = checked_copy(source, dest)
    try:
        os.replace(part, dest)
    except BaseException:
        remove_quietly(part)
        raise
    sync_folder(dest.parent)
    keep_photos(notebook, photos or dest.parent / PHOTOS)
    return dest


def checked_copy(source: Any, dest: Path, *, wal: bool = False) -> Path:
    """The open database ``source`` copied to a private part file beside ``dest``: checked and synced, to be renamed.

    The one copy a backup and a restore both make: ``quick_check`` passes or :class:`Damaged` is
    raised, and on any failure the part file is gone. An encrypted source gives an encrypted copy
    with its key. ``wal`` leaves the copy in WAL mode, as a notebook runs; otherwise it is one
    self-contained file. Part files of copies that were killed (an hour old) are swept first,
    as every file gridnote writes sweeps them.
    """
    remove_stale_parts(dest.parent, dest.name)
    part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        target = cipher.connect(part, encrypted=not isinstance(source, sqlite3.Connection))
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            result = target.execute("PRAGMA quick_check").fetchone()[0]
            if wal:
                target.execute("PRAGMA journal_mode = WAL")  # readers never hold up a writer
        finally:
            target.close()
        if result != "ok":
            raise Damaged(str(result))
        with open(part, "rb") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        remove_quietly(part)
        raise
    return part


class Damaged(Exception):
    """A check of the notebook failed: what SQLite said."""


def keep_photos(notebook: Path, photos: Path) -> None:
    """Photos not yet in the backups' photo folder are linked (or copied) there."""
    from gridnote.store.paths import files_dir

    link_photos(files_dir(notebook) / PHOTOS, photos)


def link_photos(source: Path, photos: Path, *, only: set[str] | None = None) -> None:
    """Photos in ``source`` that ``photos`` lacks, hard-linked (or copied whole) there.

    Photos never change once stored (named by content), so a link is a safe copy; hidden
    files are unfinished copies (``.name.part``), not photos. ``only``: just these names.
    """
    if not source.is_dir():
        return
    photos.mkdir(mode=0o700, parents=True, exist_ok=True)
    for entry in os.scandir(source):
        if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
            continue
        if only is not None and entry.name not in only:
            continue
        if (photos / entry.name).exists():
            continue
        try:
            os.link(entry.path, photos / entry.name)
        except OSError:
            part = photos / f".{entry.name}.part"
            shutil.copyfile(entry.path, part)
            os.chmod(part, 0o600)
            os.replace(part, photos / entry.name)


def rotate(notebook: Path, days: int, weeks: int, months: int) -> list[Path]:
    """Keep the newest backup of each of the last ``days`` days, ``weeks`` weeks, ``months`` months.

    Removes the others and returns them. Hidden part files older than a day (a
    backup killed halfway) go too.
    """
    found = backups(notebook)
    keep: set[Path] = set()
    for count, bucket in ((days, _day), (weeks, _week), (months, _month)):
        seen: list[object] = []
        for backup in found:  # newest first: the first of each bucket is its newest
            key = bucket(backup.taken.date())
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(backup.path)
    removed = [b.path for b in found if b.path not in keep]
    for path in removed:
        remove_quietly(path)
    return removed


def _day(day: date) -> object:
    return day


def _week(day: date) -> object:
    return day.isocalendar()[:2]


def _month(day: date) -> object:
    return (day.year, day.month)


# -- checks ------------------------------------------------------------------------
def check(conn: Any, *, quick: bool = True) -> list[str]:
    """What ``quick_check`` (or ``integrity_check``) says: [] when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [line for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall() for line in str(r[0]).splitlines()]
        rows = [r for r in rows if not r.startswith("*** ")] or rows  # "*** in database main ***"
    except cipher.DATABASE as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def check_file(path: Path, *, quick: bool = False) -> list[str]:
    """Check a notebook file (a backup) read-only; an encrypted one with this command's key."""
    from gridnote.errors import NotebookError

    try:
        conn = cipher.connect(path, "mode=ro")
    except cipher.ERROR as exc:
        return [str(exc)]
    except NotebookError as exc:  # the key does not open it, or the extra is missing
        return [exc.message]
    try:
        return check(conn, quick=quick)
    finally:
        conn.close()


def damaged(notebook: Path) -> str | None:
    """What the last failed check said, if the notebook is marked damaged."""
    try:
        return (folder(notebook) / DAMAGED).read_text(encoding="utf-8").strip() or "malformed"
    except OSError:
        return None


def mark_damaged(notebook: Path, what: str) -> None:
    try:
        where = ensure_folder(notebook)
        (where / DAMAGED).write_text(what + "\n", encoding="utf-8")
        os.chmod(where / DAMAGED, 0o600)
    except OSError:
        pass  # the refusal is said anyway; the mark only makes the next command say it sooner


def clear_damaged(notebook: Path) -> None:
    remove_quietly(folder(notebook) / DAMAGED)


def checked_on(notebook: Path) -> str | None:
    try:
        return (folder(notebook) / CHECKED).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def mark_checked(notebook: Path, day: str) -> None:
    try:
        where = ensure_folder(notebook)
        path = where / CHECKED
        path.write_text(day + "\n", encoding="ascii")
        os.chmod(path, 0o600)
    except OSError:
        pass


def newest_good(notebook: Path) -> Path | None:
    """The newest backup that passes ``quick_check``."""
    for backup in backups(notebook):
        if not check_file(backup.path, quick=True):
            return backup.path
    return None


# -- the daily backup, in a detached process --------------------------------------
def start_daily(notebook: Path, name: str, keep: tuple[int, int, int]) -> None:
    """Start ``python -m gridnote.store.backup`` for today's backup, detached: nobody waits for it."""
    import subprocess

    args = [sys.executable, "-m", "gridnote.store.backup", str(notebook), name, *map(str, keep)]
    key = cipher.current_key()
    try:
        child = subprocess.Popen(
            args,
            stdin=subprocess.PIPE if key is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            start_new_session=True,
        )
        if key is not None and child.stdin is not None:  # an encrypted notebook's key: on a pipe, never in argv or env
            child.stdin.write(key.encode("utf-8"))
            child.stdin.close()
    except OSError:
        pass  # no backup today; the next command tries again


def daily(notebook: Path, name: str, keep: tuple[int, int, int]) -> int:
    """The detached process: take today's backup unless one exists, check it, rotate."""
    from gridnote.errors import NotebookError

    day = name[:10]
    if has_backup_of(notebook, day):
        return 0
    where = ensure_folder(notebook)
    try:
        source = cipher.connect(notebook, "mode=ro", timeout=30)
    except cipher.ERROR + (NotebookError,):
        return 1
    try:
        take(source, notebook, where / name)
    except Damaged as exc:
        mark_damaged(notebook, str(exc))
        return 1
    except cipher.ERROR + (OSError,):
        return 1
    finally:
        source.close()
    mark_checked(notebook, day)
    rotate(notebook, *keep)
    return 0


if __name__ == "__main__":  # the detached daily backup (start_daily); an encrypted notebook's key on stdin
    if not sys.stdin.isatty():
        cipher.use_key(sys.stdin.read() or None)
    sys.exit(daily(Path(sys.argv[1]), sys.argv[2], (int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))))
