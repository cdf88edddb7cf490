"""What a forked child does: become the client's process in all that a command can see, then run the CLI.

It takes the client's descriptors as 0, 1 and 2, its working folder, umask,
environment (so ``GRIDNOTE_*``, ``TZ``, locale, ``COLUMNS``, ``NO_COLOR`` act as
in-process), its arguments and Python's set-up of its three streams; resets
the signals the server changed; says ``A``; and runs :func:`gridnote.cli.run`
only after the client's ``G``. When the notebook says ``server off``, it stops
the server once the client has its answer. A thread reads the socket: ``S n`` raises
signal ``n`` in the main thread (Ctrl-C becomes KeyboardInterrupt, as
in-process), and the end of the connection (the client died) ends the child
as a hang-up would.
"""

from __future__ import annotations

import io
import locale
import os
import queue
import signal
import socket
import sys
import threading
import time

from gridnote.server.protocol import Request


def run(conn: socket.socket, request: Request, fds: list[int]) -> int:
    """Run one command as the client would have; returns the exit code.

    Anything that goes wrong before ``A`` is a refusal (the client runs the
    command in-process); after ``G`` an unexpected error prints its traceback
    on the client's stderr and ends with 1, as an in-process run would.
    """
    try:
        _reset_signals()
        _adopt(request, fds)
        if not _same_encoding(request.encoding):
            _send(conn, b"R encoding\n")
            return 0
    except Exception as error:  # the client runs the command itself, and under require names why
        _send(conn, b"R error %s\n" % _why(error))
        return 0
    _send(conn, b"A %d\n" % os.getpid())
    if conn.recv(16) != b"G\n":  # the client gave up (timed out, interrupted): nothing runs
        return 0
    threading.Thread(target=_watch, args=(conn, threading.main_thread().ident), daemon=True).start()
    from gridnote.cli import pager
    from gridnote.cli import run as run_cli

    pager.HAND_OVER = lambda command, data, env: _page_through_client(conn, command, data, env)

    try:
        code = run_cli([os.fsdecode(arg) for arg in request.argv[1:]])
    except BaseException:
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
        code = 1
    ANSWERED.set()  # from here the client may go: that ends nothing
    _send(conn, b"X %d\n" % code)
    if _disabled():  # after the answer, so the client does not wait for it: the server stops
        os.kill(os.getppid(), signal.SIGTERM)
    return code


ANSWERED = threading.Event()
PAGER_DONE: queue.SimpleQueue[int | None] = queue.SimpleQueue()  # the client's word that its pager ended


def _reset_signals() -> None:
    signal.set_wakeup_fd(-1)
    for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _adopt(request: Request, fds: list[int]) -> None:
    for target, fd in enumerate(fds[:3]):
        os.dup2(fd, target)
    for fd in fds:
        if fd > 2:
            os.close(fd)
    os.environb.clear()
    os.environb.update(request.env)
    time.tzset()
    try:
        locale.setlocale(locale.LC_CTYPE, "")  # as Python does at start-up, from the client's variables
    except locale.Error:
        pass
    os.chdir(request.cwd)
    os.umask(request.umask)
    sys.argv = [os.fsdecode(arg) for arg in request.argv]
    if len(request.stdio) != 3:  # a stream that is not text: nothing to copy
        raise ValueError("stdio")
    specs = request.stdio
    sys.stdin = sys.__stdin__ = _stream(0, "r", specs[0])  # type: ignore[misc]
    sys.stdout = sys.__stdout__ = _stream(1, "w", specs[1])  # type: ignore[misc]
    sys.stderr = sys.__stderr__ = _stream(2, "w", specs[2])  # type: ignore[misc]


def _same_encoding(client: str) -> bool:
    """Whether ``open()`` without an encoding reads and writes here as in the client."""
    import codecs

    from gridnote.server.address import text_encoding

    try:
        return codecs.lookup(client).name == codecs.lookup(text_encoding()).name
    except LookupError:
        return False


def _stream(fd: int, mode: str, spec: tuple[str, str, bool, bool]) -> io.TextIOWrapper:
    """A text stream over ``fd`` set up as Python set up the client's (encoding, errors, buffering)."""
    encoding, errors, line_buffering, write_through = spec
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    return io.TextIOWrapper(
        buffered, encoding, errors, newline="\n", line_buffering=line_buffering, write_through=write_through
    )


def _disabled() -> bool:
    """The command's notebook has ``server`` set to ``off`` (``config set server off``): from the next
    command on, commands on it run in-process and start no server (:mod:`gridnote.server.control`)."""
    from gridnote.cli._common import _peek_option
    from gridnote.store.notebook import peek_setting
    from gridnote.store.paths import notebook_path

    return peek_setting(notebook_path(_peek_option(sys.argv[1:], "--db")), "server") == "off"


def _watch(conn: socket.socket, main: int | None) -> None:
    buffer = b""
    while True:
        try:
            data = conn.recv(64)
        except OSError:
            data = b""
        if not data:  # the client is gone: end as a command whose terminal hung up
            if ANSWERED.is_set():
                return
            signal.pthread_kill(main or threading.get_ident(), signal.SIGHUP)
            return
        buffer += data
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            tag, _, value = line.partition(b" ")
            if tag == b"Q":
                PAGER_DONE.put(int(value) if value.lstrip(b"-").isdigit() else None)
            elif tag == b"S" and value.isdigit():
                signum = int(value)
                if signum in (signal.SIGSTOP, signal.SIGCONT):
                    os.kill(os.getpid(), signum)  # the whole process stops and goes on
                else:
                    signal.pthread_kill(main or threading.get_ident(), signum)


def _page_through_client(conn: socket.socket, command: str, data: bytes, env: dict[str, str]) -> int | None:
    """Long output for a pager: the client runs it on its terminal (a pager needs one; this child has
    none of its own) with the pager's variables, and says how it ended."""
    extra = [f"{key}={value}" for key, value in env.items() if os.environ.get(key) != value]
    header = "\0".join([command, *extra]).encode("utf-8", "surrogateescape")
    conn.sendall(b"P %d %d\n" % (len(header), len(data)) + header + data)
    return PAGER_DONE.get()


def _send(conn: socket.socket, data: bytes) -> None:
    try:
        conn.sendall(data)
    except OSError:
        pass


def _why(error: Exception) -> bytes:
    """``OSError [Errno 2] No such file or directory``: one ASCII line, as a refusal carries it."""
    text = " ".join(f"{type(error).__name__} {error}".split())
    return text.encode("ascii", "replace")[:200]
