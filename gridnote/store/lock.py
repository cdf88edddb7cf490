"""The notebook's writers' lock: one write transaction (or a restore) at a time, the others queued.

SQLite's own write lock cannot be held across a restore: the backup API takes it
itself, and a restore that swaps the file leaves a writer waiting on the old
file. So gridnote's writers take an ``flock`` on ``<notebook>-backups/.lock``
around each transaction (:meth:`Notebook.transaction`), and so does ``restore``:
it waits for the write under way to end, and no write starts until the notebook
is whole again. One writer at a time is what SQLite allows anyway; queued here,
a hundred writers at once wait their turn instead of each polling SQLite's lock
until its busy timeout gives up on the unlucky ones. Never a lock on the notebook file itself (closing any
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
def writers(notebook: Path, *, timeout: float = 60.0) -> Iterator[bool]:
    """Hold the writers' lock while inside.

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
        mode = fcntl.LOCK_EX
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
                pause = min(pause * 2, 0.01)
        yield True
    finally:
        os.close(fd)  # releases the flock
