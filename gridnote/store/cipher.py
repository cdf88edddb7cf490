"""Encryption at rest (the optional ``gridnote[encrypt]`` extra): SQLCipher, opened transparently.

An encrypted notebook is a SQLCipher file: nothing in it, not even its header, is readable
without the key, and SQLite's own search (FTS5 trigram) works inside it as in a plain one.
Every file gridnote opens goes through :func:`connect`, which tells a plain file from an
encrypted one by its first 16 bytes (a plain SQLite file starts ``SQLite format 3``) and opens
an encrypted one with the key given for this command (:func:`use_key`). Its backups are taken
with the same key, so a backup of an encrypted notebook is encrypted too.

The key is a passphrase (SQLCipher derives the key from it: about half a second per open) or,
in a key file, 64 hex digits used as the raw key (no derivation: opening costs nothing more).
``sqlcipher3`` is imported only when an encrypted file is opened or one is made.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from gridnote.errors import FileError, NotebookError
from gridnote.output.files import remove_quietly, sync_folder

HEADER = b"SQLite format 3\x00"
PAGE = 4096  # SQLCipher's page: an encrypted file is a whole number of them
ENV_KEY = "GRIDNOTE_KEY"  # the passphrase, for scripts
ENV_KEY_FILE = "GRIDNOTE_KEY_FILE"  # a file holding it (or 64 hex digits: the raw key)
_RAW = re.compile(r"^[0-9a-fA-F]{64}$")

# Database errors of either driver: sqlcipher3's classes are its own, not sqlite3's subclasses,
# so every ``except`` that must catch both names these (widened when sqlcipher3 loads).
OPERATIONAL: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
DATABASE: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
ERROR: tuple[type[Exception], ...] = (sqlite3.Error,)

_key: str | None = None  # the key given for this command


def use_key(key: str | None) -> None:
    """The key every encrypted file opened from now on in this process is opened with."""
    global _key
    _key = key


def current_key() -> str | None:
    return _key


def key_from_env() -> str | None:
    """``GRIDNOTE_KEY_FILE`` (its first line) or ``GRIDNOTE_KEY``; None when neither is set."""
    key_file = os.environ.get(ENV_KEY_FILE)
    if key_file:
        try:
            text = Path(key_file).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FileError("cipher.key_file_unreadable", path=key_file, reason=_why(exc)) from exc
        key = text.splitlines()[0] if text.strip() else ""
        if not key:
            raise FileError("cipher.key_file_empty", path=key_file)
        return key
    return os.environ.get(ENV_KEY) or None


def is_encrypted(path: Path) -> bool:
    """A file that is not plain SQLite: encrypted (or no database at all, which opening then says)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    if len(head) < 16 or head == HEADER:
        return False
    try:
        size = os.path.getsize(path)
    except OSError:
        return False
    return size >= PAGE and size % PAGE == 0  # whole SQLCipher pages: anything else is no notebook at all


def driver(missing: str = "cipher.needs_extra") -> Any:
    """``sqlcipher3.dbapi2``; the one line ``missing`` names the extra when it is not installed."""
    global OPERATIONAL, DATABASE, ERROR
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped]
    except ImportError:
        raise NotebookError(missing, command="pip install 'gridnote[encrypt]'") from None
    if dbapi2.Error not in ERROR:
        OPERATIONAL = (sqlite3.OperationalError, dbapi2.OperationalError)
        DATABASE = (sqlite3.DatabaseError, dbapi2.DatabaseError)
        ERROR = (sqlite3.Error, dbapi2.Error)
    return dbapi2


def _key_text(key: str) -> str:
    """What SQLCipher is given: a passphrase as it is, a raw key of 64 hex digits as ``x'…'``."""
    return f"x'{key}'" if _RAW.match(key) else key


def key_pragma(key: str) -> str:
    """``PRAGMA key`` for a passphrase, or for a raw key of 64 hex digits."""
    return "PRAGMA key = '" + _key_text(key).replace("'", "''") + "'"


def connect(
    path: Path,
    mode: str = "mode=rw",
    *,
    timeout: float = 5.0,
    isolation_level: str | None = "",
    key: str | None = None,
    encrypted: bool | None = None,
) -> Any:
    """Open ``path`` with the driver its file needs: sqlite3 for a plain file, SQLCipher for an encrypted one.

    ``encrypted`` forces the choice (a new, empty file to be written encrypted); ``key``
    defaults to this command's. A wrong key raises ``cipher.wrong_key`` and touches nothing.
    """
    if encrypted is None:
        encrypted = is_encrypted(path)
    uri = "file:" + quote(str(Path(path).resolve())) + "?" + mode
    if not encrypted:
        return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=isolation_level)  # type: ignore[arg-type]
    key = key if key is not None else _key
    if key is None:
        raise NotebookError("cipher.no_key", path=path, variable=ENV_KEY_FILE)
    dbapi2 = driver()
    conn = dbapi2.connect(uri, uri=True, timeout=timeout, isolation_level=isolation_level)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # its own error lines on stderr: ours say it
        conn.execute(key_pragma(key))
        if Path(path).exists() and Path(path).stat().st_size:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc).lower():
            raise NotebookError("cipher.wrong_key", path=path) from exc
        raise
    return conn


def row_factory(conn: Any) -> Any:
    """The Row class of the connection's own driver."""
    if isinstance(conn, sqlite3.Connection):
        return sqlite3.Row
    return driver().Row


def _why(exc: BaseException) -> object:
    from gridnote.output.files import os_reason

    return os_reason(exc) if isinstance(exc, OSError) else str(exc)


# -- converting a file: encrypt, decrypt ----------------------------------------------------------
class Busy(Exception):
    """Another terminal wrote while the copy was made: nothing was changed."""


def convert(path: Path, *, key_from: str | None, key_to: str | None) -> None:
    """Rewrite ``path`` encrypted with ``key_to`` (None: plain), verified, then swapped in one rename.

    SQLCipher's ``sqlcipher_export`` writes a hidden part file beside it, with the
    notebook's header numbers (application id, version) and journal mode. The part is then
    opened on its own with ``key_to`` and must pass ``integrity_check`` and hold as many rows
    in every table as the original; only then does ``os.replace`` put it in place, under
    the write lock and after a checkpoint (no -wal of the old file is ever applied to the new
    one). Killed at any moment, ``path`` is the old file or the new one, whole.
    """
    dbapi2 = driver()
    _remove_stale_parts(path)
    part = path.with_name(f".{path.name}.{os.getpid()}.cipher.part")
    fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    source = connect(path, key=key_from, encrypted=True if key_from is not None else None, isolation_level=None)
    try:
        if isinstance(source, sqlite3.Connection):  # a plain file: SQLCipher opens it without a key
            source.close()
            source = dbapi2.connect(str(path), isolation_level=None)
            source.execute("PRAGMA cipher_log_level = NONE")
        source.execute("PRAGMA busy_timeout = 10000")
        journal = source.execute("PRAGMA journal_mode").fetchone()[0]
        header = [source.execute(f"PRAGMA {name}").fetchone()[0] for name in ("application_id", "user_version")]
        source.execute("ATTACH DATABASE ? AS target KEY ?", [str(part), _key_text(key_to) if key_to else ""])
        source.execute("BEGIN IMMEDIATE")
        version = source.execute("PRAGMA data_version").fetchone()[0]
        source.execute("SELECT sqlcipher_export('target')")
        source.execute(f"PRAGMA target.application_id = {int(header[0])}")
        source.execute(f"PRAGMA target.user_version = {int(header[1])}")
        counts = _counts(source, "main")
        source.execute("COMMIT")
        if journal == "wal":
            source.execute("PRAGMA target.journal_mode = WAL")
        source.execute("DETACH DATABASE target")
        _verify(part, key_to, counts)
        with open(part, "rb") as handle:
            os.fsync(handle.fileno())
        if journal == "wal":
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        source.execute("BEGIN IMMEDIATE")  # no one writes between the check and the swap
        wal = Path(f"{path}-wal")
        if source.execute("PRAGMA data_version").fetchone()[0] != version or (wal.exists() and wal.stat().st_size):
            raise Busy()
        os.replace(part, path)  # the one moment the notebook changes
        source.execute("ROLLBACK")
    except BaseException:
        if source.in_transaction:
            source.execute("ROLLBACK")
        remove_quietly(part)
        raise
    finally:
        source.close()
        for suffix in ("-wal", "-shm"):
            remove_quietly(Path(f"{part}{suffix}"))
    for suffix in ("-wal", "-shm"):  # the old file's (checkpointed, empty); never applied to the new one
        remove_quietly(Path(f"{path}{suffix}"))
    sync_folder(path.parent)


def _remove_stale_parts(path: Path) -> None:
    """Part files a killed conversion of ``path`` left (a whole copy of the notebook): their process is gone."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"(\d+)\.cipher\.part(?:-wal|-shm)?$")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        match = pattern.match(name)
        if match is None:
            continue
        try:
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            remove_quietly(path.parent / name)
        except (PermissionError, OverflowError):
            pass  # someone else's process: not ours to judge


def _counts(conn: Any, schema: str) -> dict[str, int]:
    """Rows in every ordinary table (virtual and shadow tables are counted through their sources)."""
    names = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0] for name in names}


def _verify(part: Path, key: str | None, counts: dict[str, int]) -> None:
    """The new file opens with its key alone, passes integrity_check, and holds every row."""
    conn = connect(part, "mode=ro", key=key, encrypted=key is not None)
    try:
        result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise NotebookError("cipher.copy_failed", what="; ".join(result[:3]))
        if _counts(conn, "main") != counts:
            raise NotebookError("cipher.copy_failed", what="row counts differ")
    finally:
        conn.close()
