"""Never stale: the server remembers every file it has loaded code from, and checks them before each command.

A reinstall (``pip install`` rewrites the package's files and its
``dist-info/RECORD``), an upgrade of Typer or Rich, an edit in an editable
install's source folder, a new Python in the same venv: each changes the size
or modification time of a file the server loaded (or removes it). Then the
server refuses the command (the client runs it in-process) and exits, so the
next command starts a server on the new code. Modules loaded later by a child
come from disk anyway.
"""

from __future__ import annotations

import os
import sys

Stamp = dict[str, tuple[int, int]]


def _files() -> list[str]:
    files = {sys.executable}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and os.path.isabs(path):
            files.add(path)
    files.update(_records())
    return sorted(files)


def _records() -> list[str]:
    """The ``RECORD`` of every installed distribution beside gridnote and its dependencies (pip rewrites it)."""
    found = []
    for name in ("gridnote", "typer", "rich", "click"):
        module = sys.modules.get(name)
        path = getattr(module, "__file__", None)
        if not path:
            continue
        site = os.path.dirname(os.path.dirname(path))
        try:
            entries = os.listdir(site)
        except OSError:
            continue
        prefix = name.lower() + "-"
        found += [
            os.path.join(site, e, "RECORD")
            for e in entries
            if e.lower().startswith(prefix) and e.endswith(".dist-info")
        ]
    return found


def _stat(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return (info.st_mtime_ns, info.st_size)


def take() -> Stamp:
    """The files loaded so far, with their modification times and sizes."""
    return {path: _stat(path) for path in _files()}


def changed(stamp: Stamp) -> str | None:
    """The first file that is no longer what the server loaded, or None."""
    for path, seen in stamp.items():
        if _stat(path) != seen:
            return path
    return None
