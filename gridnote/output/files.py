"""Write files whole or not at all: a temporary file beside the target, then a rename.

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


def atomic_write(path: Path, write: Callable[[BinaryIO], object], *, mode: int = 0o600) -> None:
    """Call ``write`` on a temporary file and move it into place; on failure leave nothing behind.

    Files gridnote writes hold personal data, so they are private (0600) by default.
    """
    path = Path(path)
    refuse_folder(path)  # before mkstemp, whose error would be about the folder around it
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise FileError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        _unlink(tmp)
        raise FileError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
