"""Photos of issues, kept beside the notebook so they survive the original being moved.

A photo is copied into ``<notebook>-files/photos/`` (folder 0700, file 0600)
under its content hash (the first 20 hex digits of its SHA-256, ``photos/
2ed6824ecc4a6cf1c96f.jpg``; the whole hash is in the notebook): the same
picture sent twice is stored once, and a name never clashes. The notebook records the relative path
and the original name.

Only photos are taken: a regular file (not a link, a device such as ``/dev/zero``, a
pipe or a folder) whose first bytes say JPEG, PNG, HEIC/HEIF/AVIF, WebP, GIF or TIFF,
of at most :data:`MAX_PHOTO_BYTES`. Each is checked before anything is written, then
streamed into the folder while it is hashed (never read into memory whole), and
checked again while streamed (a file that changed or grew meanwhile is refused).

Copying and writing the rows happen in the same command: :func:`photo_batch`
removes the files it created if anything after the copy fails (including the
commit), so a failure leaves neither a file nor a row behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from gridnote.errors import FileError
from gridnote.output.files import os_reason, reason
from gridnote.store.paths import files_dir

PHOTO_FOLDER = "photos"
NAME_DIGITS = 20  # 80 bits: no clash among one notebook's photos, short enough to read
MAX_PHOTO_BYTES = 30 * 1024 * 1024  # a phone's photo is 2-12 MB; a 48-megapixel HEIC stays under 30
_HEAD = 16  # bytes enough to tell the formats below apart
_CHUNK = 1024 * 1024
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


@dataclass(frozen=True)
class StoredPhoto:
    path: str  # relative to the files folder
    name: str  # the original file name
    sha256: str
    size: int


def image_suffix(head: bytes) -> str | None:
    """The file name suffix of the image format these first bytes begin, or None when they begin none."""
    if head[:3] == b"\xff\xd8\xff":
        return ".jpg"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return ".png"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return ".heic"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return ".avif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return ".gif"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return ".tif"
    return None


def _open_photo(path: Path) -> int:
    """A descriptor on ``path`` if it is a regular file no larger than the limit; links are not followed."""
    try:
        if path.is_symlink():
            raise FileError("photo.link", path=path)
        if not path.exists():
            raise FileError("file.not_found", path=path)
        if path.is_dir():
            raise FileError("file.is_dir", path=path)
        # O_NONBLOCK: a pipe or a device given as a photo must not hang the command
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # made a link since it was looked at
            raise FileError("photo.link", path=path) from exc
        raise FileError("file.cannot_read", path=path, reason=os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileError("photo.not_a_photo", path=path, reason=reason("file.reason.not_a_file"))
        if info.st_size > MAX_PHOTO_BYTES:
            raise FileError("photo.too_large", path=path, size=_mb(info.st_size), limit=_mb(MAX_PHOTO_BYTES))
    except BaseException:
        os.close(fd)
        raise
    return fd


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _check_head(path: Path, head: bytes) -> str:
    suffix = image_suffix(head)
    if suffix is None:
        raise FileError("photo.not_a_photo", path=path, reason=reason("photo.reason.not_an_image"))
    return suffix


def check_sources(paths: list[Path]) -> list[Path]:
    """Every photo must be a readable regular image file within the limit; checked before anything is written."""
    checked: list[Path] = []
    for path in paths:
        path = Path(path).expanduser()
        fd = _open_photo(path)
        try:
            head = os.read(fd, _HEAD)
        except OSError as exc:
            raise FileError("file.cannot_read", path=path, reason=os_reason(exc)) from exc
        finally:
            os.close(fd)
        _check_head(path, head)
        checked.append(path)
    return checked


@dataclass
class PhotoBatch:
    """Photos copied during one command; :meth:`discard` undoes the copies it made."""

    folder: Path
    created: list[Path] = field(default_factory=list)
    made_folders: list[Path] = field(default_factory=list)

    def add(self, source: Path) -> StoredPhoto:
        """Stream ``source`` into the folder while hashing it; stored under its hash, once."""
        self._ensure_folder()
        fd = _open_photo(source)
        try:
            part, digest, size, suffix = self._stream(source, fd)
        finally:
            os.close(fd)
        relative = f"{PHOTO_FOLDER}/{digest[:NAME_DIGITS]}{suffix}"
        target = self.folder.parent / relative
        try:
            if target.exists():  # named by its content: the same picture is kept once
                os.unlink(part)
            else:
                os.replace(part, target)
                self.created.append(target)
        except OSError as exc:
            _unlink(part)
            raise FileError("file.cannot_write", path=target, reason=os_reason(exc)) from exc
        return StoredPhoto(relative, source.name, digest, size)

    def _stream(self, source: Path, fd: int) -> tuple[str, str, int, str]:
        """Copy into a private part file; its name, the SHA-256, the size and the format's suffix."""
        try:
            out, part = tempfile.mkstemp(dir=self.folder, prefix=".photo.", suffix=".part")
        except OSError as exc:
            raise FileError("file.cannot_write", path=self.folder, reason=os_reason(exc)) from exc
        try:
            os.fchmod(out, 0o600)
            digest, size, head = hashlib.sha256(), 0, b""
            with os.fdopen(out, "wb") as handle:
                while True:
                    try:
                        chunk = os.read(fd, _CHUNK)
                    except OSError as exc:
                        raise FileError("file.cannot_read", path=source, reason=os_reason(exc)) from exc
                    if not chunk:
                        break
                    if len(head) < _HEAD:
                        head += chunk[: _HEAD - len(head)]
                    size += len(chunk)
                    if size > MAX_PHOTO_BYTES:  # it grew since it was checked
                        raise FileError("photo.too_large", path=source, size=_mb(size), limit=_mb(MAX_PHOTO_BYTES))
                    digest.update(chunk)
                    try:
                        handle.write(chunk)
                    except OSError as exc:
                        raise FileError("file.cannot_write", path=self.folder, reason=os_reason(exc)) from exc
            return part, digest.hexdigest(), size, _check_head(source, head)
        except OSError as exc:  # closing the part file (the disk filled as it was flushed)
            _unlink(part)
            raise FileError("file.cannot_write", path=self.folder, reason=os_reason(exc)) from exc
        except BaseException:
            _unlink(part)
            raise

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
            _unlink(str(path))
        for folder in reversed(self.made_folders):
            try:
                folder.rmdir()
            except OSError:
                pass


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
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
