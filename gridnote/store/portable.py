"""A backup to carry (a USB stick): the notebook's checked copy and its photos in one age file.

``gridnote backup --to FILE --encrypt-to RECIPIENT`` (an ``age1…`` key, an SSH public key, or a
file of them, one a line, as ``age -R``) or ``--passphrase`` writes one file in the age format
(https://age-encryption.org, through pyrage: ``pip install 'gridnote[portable]'``), which anyone
with the key can also open with the ``age`` tool. Inside is a tar archive: ``notebook.db``, the
same checked copy a backup makes (an encrypted notebook's stays encrypted with its own key), and
``photos/``. ``gridnote restore FILE`` recognises it by its first line, decrypts it into a private
temporary folder (an identity file, or the passphrase) and restores from there as from any backup.

Nothing but those names is read back from an archive: no other path, no link, no folder.
"""

from __future__ import annotations

import os
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gridnote.errors import FileError, InputError, NotebookError
from gridnote.output.files import remove_quietly, sync_folder
from gridnote.store.paths import files_dir

MAGIC = b"age-encryption.org/v1\n"
INNER = "notebook.db"
PHOTOS = "photos"


def _pyrage() -> Any:
    try:
        import pyrage  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise NotebookError("portable.needs_extra", command="pip install 'gridnote[portable]'") from None
    return pyrage


def is_portable(path: Path) -> bool:
    """An age file (its first line), whatever its name."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def needs_passphrase(path: Path) -> bool:
    """Encrypted with a passphrase (an scrypt stanza), not to a key."""
    with open(path, "rb") as handle:
        head = handle.read(200)
    return b"\n-> scrypt " in head


def recipients(texts: list[str]) -> list[Any]:
    """``age1…`` keys, SSH public keys, or files of them (one a line, ``#`` comments); each checked."""
    pyrage = _pyrage()
    found: list[Any] = []
    for text in texts:
        lines = [text]
        candidate = Path(text).expanduser()
        if not text.startswith(("age1", "ssh-")) and candidate.is_file():
            lines = [line.strip() for line in candidate.read_text(encoding="utf-8").splitlines()]
            lines = [line for line in lines if line and not line.startswith("#")]
        for line in lines:
            try:
                if line.startswith("ssh-"):
                    found.append(pyrage.ssh.Recipient.from_str(line))
                else:
                    found.append(pyrage.x25519.Recipient.from_str(line))
            except pyrage.RecipientError as exc:
                raise InputError("portable.bad_recipient", text=line[:60], reason=str(exc)) from exc
    if not found:
        raise InputError("portable.no_recipient", text=", ".join(texts))
    return found


def identities(path: Path) -> list[Any]:
    """The secret keys in an identity file (``AGE-SECRET-KEY-…`` lines, or an SSH private key)."""
    pyrage = _pyrage()
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except OSError as exc:
        raise FileError("file.cannot_read", path=path, reason=exc.strerror or str(exc)) from exc
    try:
        if "PRIVATE KEY" in text:
            return [pyrage.ssh.Identity.from_buffer(text.encode())]
        keys = [line.strip() for line in text.splitlines() if line.strip().startswith("AGE-SECRET-KEY-")]
        return [pyrage.x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError as exc:
        raise InputError("portable.bad_identity", path=path, reason=str(exc)) from exc


def write(copy: Path, notebook: Path, dest: Path, *, to: list[Any] | None, passphrase: str | None) -> None:
    """``copy`` (a checked backup of ``notebook``) and the notebook's photos, encrypted into ``dest`` whole.

    The archive is made in a private temporary folder and removed whatever happens; ``dest``
    appears only once it is complete (a part file renamed over it).
    """
    pyrage = _pyrage()
    part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    with tempfile.TemporaryDirectory(prefix="gridnote-") as folder:  # 0700: mkdtemp's own mode
        bundle = Path(folder) / "bundle.tar.gz"
        with tarfile.open(bundle, "w:gz") as tar:
            tar.add(copy, arcname=INNER, recursive=False)
            photos = files_dir(notebook) / PHOTOS
            if photos.is_dir():
                for photo in sorted(photos.iterdir()):
                    if photo.is_file() and not photo.is_symlink():
                        tar.add(photo, arcname=f"{PHOTOS}/{photo.name}", recursive=False)
        fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            if to:
                os.close(fd)
                pyrage.encrypt_file(str(bundle), str(part), to)
            else:
                assert passphrase
                with os.fdopen(fd, "wb") as handle:
                    handle.write(pyrage.passphrase.encrypt(bundle.read_bytes(), passphrase))
            with open(part, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(part, dest)
        except BaseException:
            remove_quietly(part)
            raise
    sync_folder(dest.parent)


@contextmanager
def opened(path: Path, *, keys: list[Any] | None, passphrase: str | None) -> Iterator[Path]:
    """The notebook copy inside ``path``, decrypted into a private temporary folder (its photos in
    ``notebook.db-files/photos`` beside it, where a restore looks), removed when done."""
    pyrage = _pyrage()
    with tempfile.TemporaryDirectory(prefix="gridnote-") as folder:
        bundle = Path(folder) / "bundle.tar.gz"
        try:
            if passphrase is not None:
                bundle.write_bytes(pyrage.passphrase.decrypt(path.read_bytes(), passphrase))
            else:
                pyrage.decrypt_file(str(path), str(bundle), keys or [])
        except pyrage.DecryptError as exc:
            raise NotebookError("portable.cannot_decrypt", path=path, reason=str(exc)) from exc
        inner = Path(folder) / INNER
        _extract(bundle, inner, path)
        bundle.unlink()
        yield inner


def _extract(bundle: Path, inner: Path, path: Path) -> None:
    """Only ``notebook.db`` and ``photos/NAME`` (regular files), each written privately; nothing else."""
    photos = files_dir(inner) / PHOTOS
    found = False
    try:
        with tarfile.open(bundle, "r:gz") as tar:
            for member in tar:
                name = member.name
                if not member.isfile():
                    continue
                if name == INNER:
                    target, found = inner, True
                elif (
                    name.startswith(f"{PHOTOS}/")
                    and "/" not in name[len(PHOTOS) + 1 :]
                    and name[len(PHOTOS) + 1 :] not in ("", ".", "..")
                ):
                    photos.mkdir(mode=0o700, parents=True, exist_ok=True)
                    target = photos / name[len(PHOTOS) + 1 :]
                else:
                    continue
                source = tar.extractfile(member)
                assert source is not None
                fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    while chunk := source.read(1 << 20):
                        handle.write(chunk)
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise NotebookError("portable.not_a_backup", path=path, reason=str(exc)) from exc
    if not found:
        raise NotebookError("portable.not_a_backup", path=path, reason=f"no {INNER} inside")
