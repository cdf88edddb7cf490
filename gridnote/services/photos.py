"""Photos of issues, kept beside the notebook so they survive the original being moved.

A photo is copied into ``<notebook>-files/photos/`` (folder 0700, file 0600)
under its content hash (the first 20 hex digits of its SHA-256, ``photos/
2ed6824ecc4a6cf1c96f.jpg``; the whole hash is in the notebook): the same
picture sent twice is stored once, and a name never clashes. The notebook records the relative path
and the original name.

Copying and writing the rows happen in the same command: :func:`photo_batch`
removes the files it created if anything after the copy fails (including the
commit), so a failure leaves neither a file nor a row behind.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gridnote.errors import FileError
from gridnote.output.files import atomic_write, os_reason
from gridnote.store.paths import files_dir

PHOTO_FOLDER = "photos"
NAME_DIGITS = 20  # 80 bits: no clash among one notebook's photos, short enough to read


@dataclass(frozen=True)
class StoredPhoto:
    path: str  # relative to the files folder
    name: str  # the original file name
    sha256: str
    size: int


def check_sources(paths: list[Path]) -> list[Path]:
    """Every photo must be a readable file; checked before anything is written."""
    checked: list[Path] = []
    for path in paths:
        path = Path(path).expanduser()
        if not path.exists():
            raise FileError("file.not_found", path=path)
        if path.is_dir():
            raise FileError("file.is_dir", path=path)
        if not os.access(path, os.R_OK):
            raise FileError("file.cannot_read", path=path, reason="permission denied")
        checked.append(path)
    return checked


@dataclass
class PhotoBatch:
    """Photos copied during one command; :meth:`discard` undoes the copies it made."""

    folder: Path
    created: list[Path] = field(default_factory=list)
    made_folders: list[Path] = field(default_factory=list)

    def add(self, source: Path) -> StoredPhoto:
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise FileError("file.cannot_read", path=source, reason=os_reason(exc)) from exc
        digest = hashlib.sha256(data).hexdigest()
        suffix = source.suffix.lower()[:10] if source.suffix.isascii() else ""
        relative = f"{PHOTO_FOLDER}/{digest[:NAME_DIGITS]}{suffix}"
        target = self.folder.parent / relative
        self._ensure_folder()
        if not target.exists():
            atomic_write(target, lambda handle: handle.write(data), force=True)  # named by its content
            self.created.append(target)
        return StoredPhoto(relative, source.name, digest, len(data))

    def _ensure_folder(self) -> None:
        for folder in (self.folder.parent, self.folder):
            if folder.exists():
                continue
            try:
                folder.mkdir(mode=0o700)
                os.chmod(folder, 0o700)
            except OSError as exc:
                raise FileError("file.cannot_write", path=folder, reason=os_reason(exc)) from exc
            self.made_folders.append(folder)

    def discard(self) -> None:
        for path in self.created:
            try:
                path.unlink()
            except OSError:
                pass
        for folder in reversed(self.made_folders):
            try:
                folder.rmdir()
            except OSError:
                pass


@contextmanager
def photo_batch(notebook_path: Path) -> Iterator[PhotoBatch]:
    """Copy photos inside; on any failure the copies made here are removed again."""
    batch = PhotoBatch(files_dir(Path(notebook_path)) / PHOTO_FOLDER)
    try:
        yield batch
    except BaseException:
        batch.discard()
        raise
