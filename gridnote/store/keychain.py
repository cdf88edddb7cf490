"""An encrypted notebook's key kept in the system's keyring, where there is one.

Through the ``keyring`` package (in the ``encrypt`` extra): the Secret Service on a Linux desktop,
the macOS Keychain, the Windows Credential Locker. ``gridnote encrypt --remember`` keeps the key
there under the notebook's path; every command then finds it after ``GRIDNOTE_KEY_FILE`` and
``GRIDNOTE_KEY`` and before asking; ``gridnote decrypt`` forgets it. Without the package, without
a usable backend (a server, a container) or on any keyring error, nothing is stored or found, and
the key comes from the file, the variable or the prompt as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SERVICE = "gridnote"


def _keyring() -> Any | None:
    """The keyring in use, or None where there is none to use."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: as no keyring
        return None
    if type(backend).__module__.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return None
    return keyring


def _name(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


_FAILED = object()


def _call(method: str, *args: str) -> Any:
    """One keyring call; ``_FAILED`` where there is no keyring or it fails.

    Any exception counts: backends raise their own (D-Bus, Keychain, locked collections) besides
    keyring's, and a keyring that fails must leave the key to the file, the variable or the prompt,
    never stop the command.
    """
    keyring = _keyring()
    if keyring is None:
        return _FAILED
    try:
        return getattr(keyring, method)(SERVICE, *args)
    except Exception:
        return _FAILED


def stored_key(path: Path) -> str | None:
    found = _call("get_password", _name(path))
    return str(found) if found and found is not _FAILED else None


def remember(path: Path, key: str) -> bool:
    """Keep ``key`` for the notebook at ``path``; False where there is no keyring to keep it in."""
    return _call("set_password", _name(path), key) is not _FAILED


def forget(path: Path) -> None:
    """Nothing stored, or a keyring that refuses: nothing to forget."""
    _call("delete_password", _name(path))
