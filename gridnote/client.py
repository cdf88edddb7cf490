"""The ``gridnote`` command: hand the command to a running server, else run it in-process.

This is the console script. It imports only what it needs from the standard
library (``_socket`` and ``_signal``, not the heavier ``socket`` and ``signal``
wrappers) and gridnote's own :mod:`gridnote.server.address` and
:mod:`gridnote.server.protocol`, so reaching a warm server costs little more
than starting Python. The steps:

1. ``GRIDNOTE_SERVER=0`` (or off), no fork or ``SO_PEERCRED`` here, a
   ``sys.path`` that depends on the working folder, or no server for this
   exact install → step 4.
2. Connect to the socket named after this install's identity, send the request
   with descriptors 0, 1 and 2, and wait (3 s at most) for the child's ``A``
   (accepted) or the server's ``R`` (refused: stale, disabled …) → step 4.
3. Say ``G`` (go): from here the command belongs to the child and is never run
   a second time. Forward SIGINT, SIGTERM, SIGHUP and Ctrl-Z while it runs;
   end with its exit code, or by the signal that killed it.
4. Run the ordinary CLI in-process (:func:`gridnote.cli.run`); if no server was
   running (or it was stale), start one in the background for the next command.
"""

import os
import sys

EXIT_SERVER = 7  # the command server was lost while it ran a command (gridnote.errors.ServerError)
HANDSHAKE_SECONDS = 3.0


def main() -> None:
    from gridnote.server import address

    mode = address.mode()
    reason = "off"
    if mode != "off":
        reason = "unsupported"
        if address.supported():
            code, reason = _through_server()
            if code is not None:
                os._exit(code)
        if mode == "require":
            _say("server.required", reason=reason)
            os._exit(EXIT_SERVER)
    from gridnote.cli import run

    code = run()
    if mode == "auto" and reason in ("absent", "stale"):
        from gridnote.server.control import start_in_background

        start_in_background()
    os._exit(code)


def _through_server() -> tuple[int | None, str]:
    """(exit code, '') once the server ran the command; (None, why not) when nothing ran."""
    import _socket

    from gridnote.server import address, protocol

    ident = address.identity()
    folder = address.runtime_dir(create=False)
    if ident is None:
        return None, "doubt"
    if folder is None:
        return None, "absent"
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(HANDSHAKE_SECONDS)
        try:
            sock.connect(address.socket_path(folder, ident))
        except OSError:
            return None, "absent"
        return _hand_over(sock, protocol.encode("run", ident), protocol.pack_fds([0, 1, 2]))
    finally:
        sock.close()


def _hand_over(sock: object, request: bytes, fds: bytes) -> tuple[int | None, str]:
    import _signal  # type: ignore[import-not-found]
    import _socket

    pending: list[int] = []
    child: list[bool] = []  # [True] once the child runs the command

    def forward(signum: int, frame: object) -> None:
        if not child:
            pending.append(signum)
            return
        if signum == _signal.SIGTSTP:  # stop the child, then ourselves; carry on together
            _send(sock, b"S %d\n" % _signal.SIGSTOP)
            _signal.signal(_signal.SIGTSTP, _signal.SIG_DFL)
            os.kill(os.getpid(), _signal.SIGTSTP)
            _signal.signal(_signal.SIGTSTP, forward)
            _send(sock, b"S %d\n" % _signal.SIGCONT)
        else:
            _send(sock, b"S %d\n" % signum)

    for signum in (_signal.SIGINT, _signal.SIGTERM, _signal.SIGHUP, _signal.SIGTSTP):
        _signal.signal(signum, forward)
    try:
        sent = sock.sendmsg([request], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])  # type: ignore[attr-defined]
    except OSError:  # a closed standard stream (EBADF), a server gone
        return None, "absent"
    if sent < len(request):
        try:
            sock.sendall(request[sent:])  # type: ignore[attr-defined]
        except OSError:  # it stopped listening: its reason (R …) may be waiting below
            pass
    buffer = b""
    while True:
        try:
            data = sock.recv(4096)  # type: ignore[attr-defined]
        except OSError:  # the handshake timed out: say nothing, the child runs nothing without G
            data = b""
        if not data:
            if not child:
                return None, "absent"
            _say("server.lost")
            return EXIT_SERVER, ""
        buffer += data
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            tag, _, value = line.partition(b" ")
            if tag == b"R":
                if pending:
                    _die(pending[0])
                return None, value.decode("ascii", "replace")
            if tag == b"A" and not child:
                if pending:  # Ctrl-C before it started: nothing ran, end as that signal would
                    _die(pending[0])
                sock.settimeout(None)  # type: ignore[attr-defined]
                _send(sock, b"G\n")
                child.append(True)
            elif tag == b"P" and child:  # the child's long output, for a pager on this terminal
                sizes = value.split()
                payload, buffer = _exactly(sock, buffer, int(sizes[0]) + int(sizes[1]))
                _page(sock, payload[: int(sizes[0])], payload[int(sizes[0]) :])
            elif tag == b"X":
                return int(value), ""
            elif tag == b"K":
                _die(int(value))


def _exactly(sock: object, buffer: bytes, count: int) -> tuple[bytes, bytes]:
    """``count`` bytes from what was received and the socket, and what came after them."""
    while len(buffer) < count:
        data = sock.recv(65536)  # type: ignore[attr-defined]
        if not data:
            break
        buffer += data
    return buffer[:count], buffer[count:]


def _page(sock: object, header: bytes, data: bytes) -> None:
    """Run the pager the child asked for, on this process's terminal (the child has none), and say how it ended."""
    import _signal
    import subprocess

    command, *extra = header.decode("utf-8", "surrogateescape").split("\0")
    env = {**os.environ, **dict(item.split("=", 1) for item in extra)}
    interrupt = _signal.signal(_signal.SIGINT, _signal.SIG_IGN)  # Ctrl-C is for the pager
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
        try:
            pager.communicate(data)
        except BrokenPipeError:  # she left the pager before reading it all
            pager.wait()
        status = b"%d" % pager.returncode
    except OSError:
        status = b"-"
    finally:
        _signal.signal(_signal.SIGINT, interrupt)
    _send(sock, b"Q " + status + b"\n")


def _send(sock: object, data: bytes) -> None:
    try:
        sock.sendall(data)  # type: ignore[attr-defined]
    except OSError:
        pass


def _die(signum: int) -> None:
    """End the way the child ended: killed by ``signum`` (the shell sees the same status)."""
    import _signal

    _signal.signal(signum, _signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    os._exit(128 + signum)


def _say(key: str, **values: str) -> None:
    """One line on stderr in the user's language (chosen from the environment: no notebook is open here)."""
    from gridnote.messages.server import MESSAGES

    lang = os.environ.get("GRIDNOTE_LANG") or ""
    if not lang:
        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            lang = os.environ.get(var) or ""
            if lang:
                break
    en, zh = MESSAGES[key]
    text = (zh if lang.lower().startswith(("zh", "中文")) else en).format(**values)
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
