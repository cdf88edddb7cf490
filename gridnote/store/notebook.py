"""Open the notebook: create it privately, check it is ours, upgrade it, set pragmas.

The fast path (a current notebook) uses only :mod:`sqlite3`; sqlite-utils and
the migrations load only when a notebook is created or upgraded.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from gridnote.errors import NotebookError
from gridnote.output.files import os_reason, reason
from gridnote.store import cipher
from gridnote.store.space import disk_full, readable_as_it_is

APPLICATION_ID = 0x47524E54  # "GRNT": marks a SQLite file as a gridnote notebook
BUSY_TIMEOUT_MS = 60_000  # writers at once wait for each other (queued by gridnote.store.lock first)


class Notebook:
    """One open notebook: a connection plus the helpers every service uses."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, created: bool = False, read_only: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.created = created  # this command made a new, empty notebook
        self.read_only = read_only  # opened from read-only storage: reading works, writing is refused
        self._settings: dict[str, str] | None = None
        self._write_checked = False  # the damage check before this command's first write
        self.inode = _inode(path)  # a restore that swaps the file changes it

    # -- reading -------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except cipher.OPERATIONAL as exc:
            if is_corrupt(exc):
                raise self._damage(exc) from exc
            raise _translate(exc, self.path) from exc
        except cipher.DATABASE as exc:
            if is_corrupt(exc):
                raise self._damage(exc) from exc
            raise
        except OverflowError as exc:  # a number typed larger than SQLite can store
            from gridnote.errors import InputError

            raise InputError("core.number_too_large") from exc

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        cursor = self.execute(sql, params)
        try:
            return cursor.fetchall()
        except cipher.DATABASE as exc:
            if is_corrupt(exc):
                raise self._damage(exc) from exc
            raise

    def each(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Generator[sqlite3.Row, None, None]:
        """The rows one at a time, for results too long to hold twice (a decade's visits, a register)."""
        cursor = self.execute(sql, params)
        try:
            yield from cursor
        except cipher.DATABASE as exc:
            if is_corrupt(exc):
                raise self._damage(exc) from exc
            raise
        finally:
            cursor.close()

    def one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        cursor = self.execute(sql, params)
        try:
            return cursor.fetchone()
        except cipher.DATABASE as exc:
            if is_corrupt(exc):
                raise self._damage(exc) from exc
            raise

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    # -- damage: a corrupt page refuses every write and names the newest good backup ----
    def _damage(self, exc: Exception) -> NotebookError:
        from gridnote.store import backup

        backup.mark_damaged(self.path, str(exc))
        return damaged_error(self.path, reading=not self.conn.in_transaction)

    def check_before_writing(self) -> None:
        """Refuse to write into a notebook marked damaged; ``quick_check`` it once a day.

        One small file read on most days (``<notebook>-backups/.checked``); the
        check itself runs on the first write of a day the daily backup has not
        already checked.
        """
        if self._write_checked or self.read_only:
            return
        from gridnote import clock
        from gridnote.store import backup

        if backup.damaged(self.path) is not None:
            raise damaged_error(self.path)
        day = clock.today().isoformat()
        if backup.checked_on(self.path) != day:
            findings = backup.check(self.conn, quick=True)
            if findings:
                backup.mark_damaged(self.path, findings[0])
                raise damaged_error(self.path)
            backup.mark_checked(self.path, day)
        self._write_checked = True

    def back_up_if_due(self) -> None:
        """After a command: start today's backup in a detached process, if none was taken today.

        Costs one directory listing; skipped for read-only, new and damaged notebooks,
        and when ``backup.auto`` is off (or ``GRIDNOTE_BACKUP=off``).
        """
        if self.read_only or self.created or os.environ.get("GRIDNOTE_BACKUP", "").lower() in ("off", "0", "no"):
            return
        from gridnote import clock
        from gridnote.store import backup

        try:
            settings = self.settings()
        except Exception:  # the command already failed on the notebook; no backup of it
            return
        if settings.get("backup.auto", "on") == "off":
            return
        now = clock.now()
        if backup.has_backup_of(self.path, now.date().isoformat()) or backup.damaged(self.path) is not None:
            return
        keep = tuple(int(settings.get(f"backup.{k}", d)) for k, d in (("days", 7), ("weeks", 4), ("months", 12)))
        backup.start_daily(self.path, backup.file_name(now.replace(tzinfo=None)), keep)  # type: ignore[arg-type]

    # -- writing -------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Notebook]:
        """All or nothing: every command that writes runs inside one of these.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so a second
        terminal waits (up to the busy timeout) instead of failing halfway.
        Nested use becomes a savepoint.
        """
        conn = self.conn
        if conn.in_transaction:
            name = f"sp{id(object())}"
            self.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.execute(f"RELEASE SAVEPOINT {name}")
            return
        if self.read_only:
            raise NotebookError("notebook.disk_full" if disk_full(self.path) else "notebook.read_only", path=self.path)
        self.check_before_writing()
        from gridnote.store.lock import writers

        with writers(self.path):  # a restore under way finishes first (gridnote.store.lock)
            self.execute("BEGIN IMMEDIATE")
            try:
                self._same_file()
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            else:
                try:
                    self.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise

    def _same_file(self) -> None:
        """Refuse to write when the notebook was swapped for a restored file since this command opened it."""
        if self.inode is not None and _inode(self.path) != self.inode:
            raise NotebookError("notebook.replaced", path=self.path)

    # -- settings ------------------------------------------------------------
    def settings(self) -> dict[str, str]:
        """Raw ``config`` rows (cached for the life of the command)."""
        if self._settings is None:
            self._settings = {r[0]: r[1] for r in self.rows("SELECT key, value FROM config")}
        return self._settings

    def forget_settings(self) -> None:
        self._settings = None

    def close(self) -> None:
        self.conn.close()


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def contains(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with % and _ taken literally (use ``ESCAPE '\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _translate(exc: Exception, path: Path) -> Exception:
    text = str(exc).lower()
    if "disk is full" in text or (("readonly" in text or "disk i/o" in text) and disk_full(path)):
        return NotebookError("notebook.disk_full", path=path)
    if "readonly" in text or "read-only" in text:
        return NotebookError("notebook.read_only", path=path)
    if "locked" in text or "busy" in text:
        return NotebookError("notebook.locked", path=path)
    if "unable to open" in text or "disk i/o" in text:
        return NotebookError("notebook.cannot_open", path=path, reason=_open_reason(path))
    return exc


def is_corrupt(exc: BaseException) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB: a damaged page, not a mistake in a query."""
    if not isinstance(exc, cipher.DATABASE):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def damaged_error(path: Path, *, reading: bool = False) -> NotebookError:
    """The one line a damaged notebook gets (nothing written; ``reading``: what was asked cannot be read) and
    the newest good backup to restore."""
    from gridnote.store import backup

    good = backup.newest_good(path)
    key = "notebook.damaged_read" if reading else "notebook.damaged"
    if good is None:
        return NotebookError(key + "_no_backup", path=path)
    return NotebookError(key, path=path, backup=good)


def _open_reason(path: Path) -> object:
    """SQLite says only "unable to open database file" or "disk I/O error", in English;
    name the usual cause in the user's language, else say it in the catalogue's words."""
    if not path.exists():
        code = errno.ENOENT
    elif not path.is_file():
        return reason("file.reason.not_a_file")
    elif not os.access(path, os.R_OK | os.W_OK):
        code = errno.EACCES
    else:
        return reason("notebook.reason.cannot_open")
    return os_reason(OSError(code, os.strerror(code)))


def _create_file(path: Path, *, make_folder: bool) -> bool:
    """Create an empty notebook file readable by its owner only. False if it appeared meanwhile."""
    parent = path.parent
    try:
        if not parent.exists():
            if not make_folder:
                raise NotebookError("notebook.no_folder", path=path, folder=parent)
            parent.mkdir(mode=0o700, parents=True)
            os.chmod(parent, 0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    except OSError as exc:
        raise NotebookError("notebook.cannot_create", path=path, reason=os_reason(exc)) from exc
    os.close(fd)
    os.chmod(path, 0o600)
    return True


def _connect(path: Path, mode: str = "mode=rw") -> sqlite3.Connection:
    """A plain notebook through sqlite3, an encrypted one through SQLCipher (:mod:`gridnote.store.cipher`)."""
    try:
        conn = cipher.connect(path, mode, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except cipher.OPERATIONAL as exc:
        raise NotebookError("notebook.cannot_open", path=path, reason=_open_reason(path)) from exc
    conn.row_factory = cipher.row_factory(conn)
    return conn


def _read_only(path: Path) -> sqlite3.Connection:
    """The notebook where nothing can be written (read-only storage, a full disk), with its latest changes.

    Changes not yet checkpointed live in its ``-wal``; reading the file alone ("immutable")
    would show the notebook as it was before them, without a word. With the ``-wal`` and its
    ``-shm`` there, SQLite reads both read-only; a ``-wal`` it cannot read is refused in one line.
    Without a ``-wal`` the file is whole and is read as it is.
    """
    wal = path.with_name(path.name + "-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    if not pending:
        return _connect(path, "mode=ro&immutable=1")
    conn = _connect(path, "mode=ro")
    try:
        _read_header(conn)
    except cipher.DATABASE as exc:
        conn.close()
        raise NotebookError("notebook.wal_unreadable", path=path, wal=wal.name) from exc
    return conn


def _read_header(conn: Any) -> tuple[int, int, int]:
    return (
        conn.execute("PRAGMA application_id").fetchone()[0],
        conn.execute("PRAGMA user_version").fetchone()[0],
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0],
    )


def open_notebook(path: Path, *, create: bool = True, make_folder: bool = True) -> Notebook:
    """Open the notebook at ``path``, upgraded to this version; ``create`` makes a new one if needed.

    ``create=False`` refuses a missing or empty (0-byte) file with how to create
    one, so a mistyped ``--db`` is an error rather than a new, empty notebook;
    ``make_folder=False`` refuses to create missing folders.
    """
    from gridnote.store.migrations import LATEST

    path = Path(path)
    if path.is_dir():
        raise NotebookError("notebook.is_dir", path=path)
    if path.exists() and not path.is_file():  # /dev/null, a pipe: SQLite would say "disk I/O error"
        raise NotebookError("notebook.cannot_open", path=path, reason=reason("file.reason.not_a_file"))
    if not create and (not path.exists() or path.stat().st_size == 0):
        import shlex

        key = "notebook.missing" if not path.exists() else "notebook.empty"
        raise NotebookError(key, path=path, command=f"gridnote init {shlex.quote(str(path))}")
    created = False
    if not path.exists():
        created = _create_file(path, make_folder=make_folder)
    elif path.stat().st_size == 0:
        try:
            os.chmod(path, 0o600)  # an empty file about to become a notebook: make it private first
        except OSError as exc:  # not ours to change (e.g. under /proc)
            raise NotebookError("notebook.cannot_open", path=path, reason=os_reason(exc)) from exc
    conn = _connect(path)
    read_only = False
    try:
        try:
            app_id, version, has_tables = _read_header(conn)
        except cipher.DATABASE as exc:
            text = str(exc).lower()
            full = "disk i/o" in text and disk_full(path) and readable_as_it_is(path)
            if "unable to open" in text or "readonly" in text or full:
                # read-only storage (a read-only file or folder) or a full disk: WAL cannot make or
                # write its -shm file; read the file as it is
                conn.close()
                conn = _read_only(path)
                read_only = True
                try:
                    app_id, version, has_tables = _read_header(conn)
                except cipher.DATABASE as again:
                    raise NotebookError("notebook.not_a_notebook", path=path) from again
            elif isinstance(exc, cipher.OPERATIONAL):
                raise _translate(exc, path) from exc
            else:
                raise NotebookError("notebook.not_a_notebook", path=path) from exc
        if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
            raise NotebookError("notebook.not_a_notebook", path=path)
        if version > LATEST:
            raise NotebookError("notebook.newer", path=path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if app_id != APPLICATION_ID or version < LATEST:
            if read_only:
                raise NotebookError("notebook.read_only", path=path)
            _upgrade(conn, path, fresh=not has_tables)
    except BaseException:
        conn.close()
        if created:
            _remove_quietly(path)
        raise
    return Notebook(conn, path, created=created, read_only=read_only)


def _upgrade(conn: Any, path: Path, *, fresh: bool) -> None:
    """Apply pending migrations in one transaction, then stamp the file as ours."""
    import sqlite_utils

    from gridnote.store.migrations import NAMES, migrations

    try:
        if fresh:
            conn.execute("PRAGMA journal_mode = WAL")
        db = sqlite_utils.Database(conn, execute_plugins=False, recursive_triggers=False)
        conn.execute("BEGIN IMMEDIATE")
        try:
            steps = migrations()
            applied = {m.name for m in steps.applied(db)}
            if applied - set(NAMES):
                raise NotebookError("notebook.newer", path=path)
            if not fresh:  # the browse views: a migration rebuilding a table would trip on one naming it
                from gridnote.store.browse import drop_views

                drop_views(conn)
            steps.apply(db)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {len(NAMES)}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except cipher.OPERATIONAL as exc:
        raise _translate(exc, path) from exc


def peek_setting(path: Path, key: str) -> str | None:
    """One ``config`` value, read without creating, upgrading or locking the notebook (None if unreadable).

    For what must be decided before a command runs (the language of a help page).
    """
    if not path.is_file() or cipher.is_encrypted(path):  # no key asked for a help page
        return None
    try:
        conn = sqlite3.connect("file:" + quote(str(path.resolve())) + "?mode=ro", uri=True, timeout=0.5)
        try:
            row = conn.execute("SELECT value FROM config WHERE key = ?", [key]).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def _remove_quietly(path: Path) -> None:
    """A notebook just made and refused: the file and what SQLite put beside it."""
    from gridnote.output.files import remove_quietly

    for suffix in ("", "-wal", "-shm"):
        remove_quietly(str(path) + suffix)
