"""Man pages written into a man folder (``DIR/man1``, ``DIR/man7``): all of them or none.

Nothing is replaced without ``force``: if any page is there already, none is
written. Each page is written whole (:func:`~gridnote.output.files.atomic_write`);
if one cannot be, the pages written before it are taken away again. Man
pages hold no personal data: they are readable by all (0644), as ``man`` expects.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import BinaryIO

from gridnote.errors import FileError
from gridnote.output.files import atomic_write, os_reason


def write_pages(folder: Path, pages: dict[str, str], *, force: bool = False) -> int:
    """Write ``pages`` (relative file name → text) under ``folder``; the number written."""
    folder = Path(folder).expanduser()
    targets = {folder / name: text for name, text in pages.items()}
    if not force:
        there = next((path for path in targets if path.exists()), None)
        if there is not None:
            raise FileError("topic.man_exists", path=there)
    written: list[Path] = []
    try:
        for path, text in targets.items():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise FileError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
            atomic_write(path, partial(_write, text.encode("utf-8")), mode=0o644, force=force)
            written.append(path)
    except BaseException:
        if not force:
            for path in written:
                path.unlink(missing_ok=True)
        raise
    return len(written)


def _write(data: bytes, handle: BinaryIO) -> None:
    handle.write(data)
