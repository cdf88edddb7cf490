"""Write files whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from gridnote.errors import FileError


def atomic_write(path: Path, write: Callable[[BinaryIO], None], *, mode: int = 0o600) -> None:
    """Call ``write`` on a temporary file and move it into place; on failure leave nothing behind.

    Files gridnote writes hold personal data, so they are private (0600) by default.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise FileError("file.cannot_write", path=path, reason=exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        _unlink(tmp)
        raise FileError("file.cannot_write", path=path, reason=exc.strerror or str(exc)) from exc
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
