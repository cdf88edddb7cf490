"""The notebook's own settings (``config``): their SQL.

Settings are read once per command by :meth:`Notebook.settings`.
"""

from __future__ import annotations

from gridnote.store import write
from gridnote.store.notebook import Notebook


def put(nb: Notebook, key: str, value: str) -> None:
    """Set a setting (inside the caller's transaction)."""
    write.upsert(nb, "config", "key", {"key": key, "value": value})


def remove(nb: Notebook, key: str) -> None:
    """Unset a setting: back to its default."""
    write.delete(nb, "config", {"key": key}, revision=None)
