"""A full disk, told apart from other reasons a notebook cannot be opened or written.

SQLite says "disk I/O error" (it cannot grow its -shm file) or "database or disk is
full"; gridnote names the disk, and reads what the file already holds.
"""

from __future__ import annotations

import os
from pathlib import Path

NEARLY_FULL = 1024 * 1024  # less than this free and SQLite failed: the disk is the cause


def disk_full(path: Path) -> bool:
    """True when the disk holding ``path`` has (almost) no space left for ordinary users."""
    try:
        stat = os.statvfs(Path(path).parent)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < NEARLY_FULL


def readable_as_it_is(path: Path) -> bool:
    """The file holds every committed write itself (no -wal with writes in it), so it can be read without one."""
    try:
        return os.path.getsize(str(path) + "-wal") == 0
    except OSError:
        return True  # no -wal at all
