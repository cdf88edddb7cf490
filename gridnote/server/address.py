"""Where a server listens, and which install and interpreter it belongs to.

Imported by the client on every command: only ``os`` and ``sys``, nothing else.

* **Runtime folder**: ``$GRIDNOTE_RUNTIME_DIR``, else ``$XDG_RUNTIME_DIR/gridnote``,
  else ``$TMPDIR/gridnote-<uid>`` (``/tmp`` without ``TMPDIR``). It must be a real
  folder (not a link) owned by this user and closed to everyone else (0700); it
  is created so, and anything else means no server (the command runs in-process).
* **Identity**: the gridnote version, the folder its code is loaded from, the
  interpreter, ``sys.prefix``, ``sys.path`` and the interpreter's flags. A server
  serves exactly one identity, and its socket is named after it, so a server
  started from another checkout, venv, version or Python is never asked.
"""

import os
import sys

PROTOCOL = "gridnote-server-1"


def text_encoding() -> str:
    """The encoding ``open()`` uses without one: what a child must share with its client."""
    import _locale

    return "utf-8" if sys.flags.utf8_mode else _locale.getencoding()


MODES = {"": "auto", "1": "auto", "on": "auto", "auto": "auto", "yes": "auto", "true": "auto", "require": "require"}
DEFAULT_IDLE = 1800  # seconds without a command before the server exits


def mode() -> str:
    """``auto`` (the default), ``off`` or ``require``, from ``GRIDNOTE_SERVER``.

    ``0``, ``off`` or any value not known turn the server off; ``require``
    (for tests) makes a command fail rather than run in-process.
    """
    return MODES.get(os.environ.get("GRIDNOTE_SERVER", "").strip().lower(), "off")


def supported() -> bool:
    """Fork, descriptor passing and the peer's uid exist here (not on Windows, not without SO_PEERCRED)."""
    import _socket

    return hasattr(os, "fork") and hasattr(_socket, "SO_PEERCRED") and hasattr(_socket, "SCM_RIGHTS")


def idle_seconds() -> float:
    try:
        return max(float(os.environ.get("GRIDNOTE_SERVER_IDLE", DEFAULT_IDLE)), 0.1)
    except ValueError:
        return DEFAULT_IDLE


def runtime_dir(create: bool = True) -> str | None:
    """The per-user folder for the socket, checked (or made) private; None if it cannot be trusted."""
    folder = os.environ.get("GRIDNOTE_RUNTIME_DIR")
    if not folder:
        xdg = os.environ.get("XDG_RUNTIME_DIR")
        if xdg and os.path.isabs(xdg) and _private(xdg):
            folder = os.path.join(xdg, "gridnote")
        else:
            folder = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"gridnote-{os.getuid()}")
    if not os.path.isabs(folder):
        return None
    if create:
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    return folder if _private(folder) else None


def _private(folder: str) -> bool:
    import stat

    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def identity() -> str | None:
    """What a server must share with the client; None when in doubt (a path that depends on the folder)."""
    import gridnote

    for entry in sys.path:
        if not os.path.isabs(entry) and os.path.exists(entry):  # '' or 'lib': relative to the working folder
            return None
    parts = [
        PROTOCOL,
        gridnote.__version__,
        os.path.dirname(os.path.abspath(gridnote.__file__)),
        sys.executable,
        sys.prefix,
        sys.version,
        # UTF-8 mode is left out: Python turns it on by itself where the locale (zh_CN.UTF-8 not
        # installed) falls back to C; what it changes, the encodings, travel with each request.
        repr(sys.flags).replace(f"utf8_mode={sys.flags.utf8_mode}", ""),
        repr(sys.warnoptions),
        repr(sorted(sys._xoptions.items())),
        sys.getfilesystemencoding(),
        sys.getfilesystemencodeerrors(),
        *sys.path,
    ]
    return "\n".join(parts)


def key(ident: str) -> str:
    """A short stable name for an identity (64-bit FNV-1a; the server compares the whole identity anyway)."""
    value = 0xCBF29CE484222325
    for byte in ident.encode("utf-8", "surrogateescape"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def socket_path(folder: str, ident: str) -> str:
    return os.path.join(folder, f"s-{key(ident)}")
