"""The notebook's writers' lock: every write transaction holds it shared, a restore holds it alone.

SQLite's own write lock cannot be held across a restore: the backup API takes it
itself, and a restore that swaps the file leaves a writer waiting on the old
file. So gridnote's writers take a shared ``flock`` on ``<notebook>-backups/.lock``
around each transaction (:meth:`Notebook.transaction`), and ``restore`` takes it
exclusively: it waits for the writes under way to end, and no write starts until
the notebook is whole again. Never a lock on the notebook file itself (closing any
descriptor of it would drop SQLite's own locks in this process).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK = ".lock"


def lock_path(notebook: Path) -> Path:
    from gridnote.store.backup import folder

    return folder(notebook) / LOCK


@contextmanager
def writers(notebook: Path, *, exclusive: bool = False, timeout: float = 60.0) -> Iterator[bool]:
    """Hold the writers' lock (shared, or ``exclusive`` for a restore) while inside.

    Yields False when the lock file cannot be made (read-only storage: nothing
    writes there anyway) and runs the block unlocked; after ``timeout`` seconds of
    waiting, the notebook is busy.
    """
    import fcntl

    from gridnote.errors import NotebookError

    path = lock_path(notebook)
    try:
        if not path.parent.is_dir():
            from gridnote.store.backup import ensure_folder

            ensure_folder(notebook)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield False
        return
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + timeout
        pause = 0.001
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise NotebookError("notebook.locked", path=notebook) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.05)
        yield True
    finally:
        os.close(fd)  # releases the flock
