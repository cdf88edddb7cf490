"""Start a server in the background, ask it how it is, stop it (``gridnote server status|stop``)."""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from gridnote.server import address, protocol


class Status(NamedTuple):
    pid: int
    started: float  # seconds since the epoch
    served: int
    idle: int  # seconds without a command before it exits
    running: int  # commands running now
    path: str


def start_in_background() -> bool:
    """Start a server for this install and interpreter, detached; False if that is not for here.

    Called after a command ran in-process because none was running. The server
    starts in its own session, in ``/``, with /dev/null as its streams, and
    exits at once if another one got there first. Nothing starts when the
    command's notebook says ``server off``.
    """
    ident = address.identity()
    if ident is None or not address.supported() or address.runtime_dir() is None or _setting_off():
        return False
    import subprocess  # only here: for the interpreter's own flags (-X, -W, -O …)

    code = f"import sys; sys.path[:] = {sys.path!r}; from gridnote.server.serve import main; main({ident!r})"
    argv = [sys.executable, *subprocess._args_from_interpreter_flags(), "-c", code]  # type: ignore[attr-defined]
    null = os.open(os.devnull, os.O_RDWR)
    try:
        os.posix_spawn(
            sys.executable,
            argv,
            os.environ,
            file_actions=[(os.POSIX_SPAWN_DUP2, null, fd) for fd in (0, 1, 2)],
            setsid=True,
        )
    except OSError:
        return False
    finally:
        os.close(null)
    return True


def _setting_off() -> bool:
    from gridnote.cli._common import _peek_option
    from gridnote.store.notebook import peek_setting
    from gridnote.store.paths import notebook_path

    return peek_setting(notebook_path(_peek_option(sys.argv[1:], "--db")), "server") == "off"


def _ask(kind: str) -> list[str] | None:
    """Send a control request to this install's server; its ``I`` reply's fields, or None if none answers."""
    ident = address.identity()
    folder = address.runtime_dir(create=False)
    if ident is None or folder is None:
        return None
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        try:
            sock.connect(address.socket_path(folder, ident))
            sock.sendall(protocol.encode(kind, ident))
            reply = b""
            while not reply.endswith(b"\n"):
                chunk = sock.recv(256)
                if not chunk:
                    break
                reply += chunk
        except OSError:
            return None
    tag, _, rest = reply.strip().partition(b" ")
    return rest.decode().split() if tag == b"I" else None


def status() -> Status | None:
    """This install's running server, or None."""
    fields = _ask("status")
    if not fields or len(fields) < 5:
        return None
    folder = address.runtime_dir(create=False) or ""
    pid, started, served, idle, running = (int(f) for f in fields[:5])
    return Status(pid, float(started), served, idle, running, address.socket_path(folder, address.identity() or ""))


def stop() -> int | None:
    """Stop this install's server (it finishes the commands it runs); its pid, or None if none ran."""
    fields = _ask("stop")
    return int(fields[0]) if fields else None


def off_reason(setting: str | None) -> str | None:
    """Why commands here run in-process ("env", "setting", "unsupported"), or None when a server is used."""
    if address.mode() == "off":
        return "env"
    if setting == "off":
        return "setting"
    if not address.supported():
        return "unsupported"
    return None
