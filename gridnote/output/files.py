"""Write files whole or not at all: a temporary file beside the target, then a rename.

A file that exists is never replaced unless asked (``force``, the ``--force`` of every
command that writes files): :func:`check_target` refuses it before any work is done,
and :func:`atomic_write` refuses it again at the moment of writing (a hard link that
fails if the name was taken meanwhile), so a file she made is never silently lost.

Also the one translation of what the system says when a file cannot be read or
written (:func:`os_reason`), so no English ``strerror`` reaches a Chinese user.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from gridnote.errors import FileError

_REASONS = {
    errno.ENOENT: "file.reason.not_found",
    errno.ENOTDIR: "file.reason.not_a_folder",
    errno.EISDIR: "file.reason.is_a_folder",
    errno.EACCES: "file.reason.denied",
    errno.EPERM: "file.reason.denied",
    errno.ENOSPC: "file.reason.disk_full",
    errno.EDQUOT: "file.reason.disk_full",
    errno.EROFS: "file.reason.read_only",
}


class _Reason:
    """Why a file operation failed, in the catalogue's words; translated when the message is shown."""

    def __init__(self, exc: OSError | None = None, *, key: str | None = None) -> None:
        self.key = key or (_REASONS.get(exc.errno or 0) if exc is not None else None)
        self.fallback = (exc.strerror or str(exc)) if exc is not None else ""

    def __str__(self) -> str:
        from gridnote.messages.i18n import t

        return t(self.key) if self.key else self.fallback


def os_reason(exc: OSError) -> _Reason:
    """The ``reason`` of ``file.cannot_read``/``file.cannot_write``.

    The common errors in the user's language; rare ones as the system says them.
    """
    return _Reason(exc)


def reason(key: str) -> _Reason:
    """A ``reason`` of gridnote's own (a catalogue key), for causes the system has no errno for."""
    return _Reason(key=key)


def refuse_folder(path: Path) -> None:
    """Refuse an existing folder as the file to write, saying it is a folder.

    Callers that look at the name first (a format from the extension) call this
    before, so ``-o /tmp/`` is not "cannot tell the format from tmp".
    """
    if Path(path).is_dir():
        reason = os_reason(IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
        raise FileError("file.cannot_write", path=path, reason=reason)


def check_target(path: Path, *, force: bool = False) -> None:
    """Refuse a folder, or an existing file unless ``force``: before the work of making the file."""
    path = Path(path)
    refuse_folder(path)
    if not force and (path.exists() or path.is_symlink()):
        raise FileError("file.exists", path=path)


def atomic_write(path: Path, write: Callable[[BinaryIO], object], *, mode: int = 0o600, force: bool = False) -> None:
    """Call ``write`` on a temporary file, sync it and move it into place; on failure leave nothing behind.

    ``write`` may stream (a workbook row by row): only a whole file ever gets the name. An existing file is replaced only with ``force``. Files gridnote writes hold
    personal data, so they are private (0600) by default.
    """
    path = Path(path)
    check_target(path, force=force)  # before mkstemp, whose error would be about the folder around it
    directory = path.parent if str(path.parent) else Path(".")
    remove_stale_parts(directory, path.name)
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise FileError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())  # on the disk before its name is: a power cut leaves the old file or the new
        os.chmod(tmp, mode)
        if force:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
        sync_folder(directory)
    except FileExistsError:
        remove_quietly(tmp)
        raise FileError("file.exists", path=path) from None
    except OSError as exc:
        remove_quietly(tmp)
        raise FileError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
    except BaseException:
        remove_quietly(tmp)
        raise


STALE_PART_SECONDS = 3600  # a part file this old belongs to no write still running


def remove_stale_parts(directory: Path, name: str) -> list[Path]:
    """Remove ``.<name>.XXXX.part`` files (and scratch folders) left by a write that was killed (they hold
    personal data).

    Only those older than :data:`STALE_PART_SECONDS`, so a write of the same file
    running now in another terminal keeps its own. Returns what was removed.
    """
    import time

    removed: list[Path] = []
    cutoff = time.time() - STALE_PART_SECONDS
    try:
        candidates = list(Path(directory).glob(f".{glob_escape(name)}.*.part"))
    except OSError:
        return removed
    for part in candidates:
        try:
            if part.is_symlink() or part.stat().st_mtime >= cutoff:
                continue
            if part.is_file():
                part.unlink()
                removed.append(part)
            elif part.is_dir():  # a streamed workbook's scratch folder (output.spreadsheet.XlsxStream)
                import shutil

                shutil.rmtree(part)
                removed.append(part)
        except OSError:
            pass
    return removed


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _place_new(tmp: str, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if no file has that name: ``FileExistsError`` otherwise."""
    try:
        os.link(tmp, path)  # atomic: fails if the name exists
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(tmp, path)
        return
    remove_quietly(tmp)


def sync_folder(directory: Path) -> None:
    """Make the new name durable too (best effort: not every system can open a folder)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_quietly(path: str | Path) -> None:
    """Remove a file if it is there: cleaning up after a failure must not raise a second error."""
    try:
        os.unlink(path)
    except OSError:
        pass
