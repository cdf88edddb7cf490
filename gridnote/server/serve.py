"""The server's loop: one per user and install; accept, check, fork a child per command, reap.

Started in the background by the client (``python -c`` … :func:`main`, see
:mod:`gridnote.server.control`), in its own session with /dev/null as its
streams and ``/`` as its folder. In order:

1. Take ``<socket>.lock`` (``flock``): a second server for the same install
   exits at once. Bind the socket (0600 in the 0700 runtime folder), listen.
2. Import gridnote, Typer, Click, Rich and sqlite3 (:func:`warm`), freeze the
   garbage collector's view of them (children then share those pages), and
   take the stamp of every file loaded (:mod:`gridnote.server.stamp`).
3. For each connection: the peer's uid (``SO_PEERCRED``) must be ours, the
   request's identity ours, the stamp unchanged; then fork. A stale stamp
   closes the socket, releases the lock, refuses (``R stale``) and exits.
4. Exit after ``GRIDNOTE_SERVER_IDLE`` seconds (1800) without a command, on
   ``gridnote server stop``, on SIGTERM, or when its socket file is no longer
   its own. It never opens a notebook: each child opens its own.
"""

from __future__ import annotations

import os
import signal
import socket
import struct
import sys
import time

from gridnote.server import address, protocol, stamp

MAX_REQUEST = 4 << 20  # a request is a command line and an environment: a few KiB


class Server:
    def __init__(self, ident: str, folder: str) -> None:
        self.ident = ident
        self.path = address.socket_path(folder, ident)
        self.started = time.time()
        self.served = 0
        self.children: dict[int, socket.socket] = {}
        self.stopping = False
        self.stamp: stamp.Stamp = {}
        self.listener: socket.socket | None = None
        self.lock_fd = -1
        self.inode = 0

    # -- life ------------------------------------------------------------------------------
    def open(self) -> bool:
        """Lock and bind; False if another server for this install holds the lock."""
        import fcntl

        self.lock_fd = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(self.lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.lock_fd)
            return False
        try:
            os.unlink(self.path)  # a dead server's socket
        except FileNotFoundError:
            pass
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            listener.bind(self.path)
        finally:
            os.umask(old)
        listener.listen(64)
        self.listener = listener
        self.inode = os.stat(self.path).st_ino
        return True

    def close(self) -> None:
        """Stop taking commands: the socket goes (if still ours), then the lock."""
        if self.listener is not None:
            if self._still_ours():
                try:
                    os.unlink(self.path)
                except OSError:
                    pass
            self.listener.close()
            self.listener = None
        if self.lock_fd >= 0:
            os.close(self.lock_fd)
            self.lock_fd = -1

    def _still_ours(self) -> bool:
        try:
            return os.stat(self.path).st_ino == self.inode
        except OSError:
            return False

    # -- the loop --------------------------------------------------------------------------------
    def loop(self) -> None:
        import select

        wake_r, wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        signal.signal(signal.SIGTERM, self._stop_signal)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        idle = address.idle_seconds()
        last = time.monotonic()
        while not (self.stopping and not self.children):
            watched = [wake_r] + ([self.listener] if self.listener is not None else [])
            timeout = None if self.children or self.stopping else max(last + idle - time.monotonic(), 0)
            ready, _, _ = select.select(watched, [], [], min(timeout, 60) if timeout is not None else None)
            if wake_r in ready:
                try:
                    while os.read(wake_r, 512):
                        pass
                except BlockingIOError:
                    pass
            self._reap()
            if self.listener is not None and self.listener in ready:
                self._accept()
                last = time.monotonic()
            elif not self.children and not self.stopping and time.monotonic() - last >= idle:
                self.stopping = True
            if not self.stopping and not self._still_ours():  # replaced or removed: nobody can reach us
                self.stopping = True
            if self.stopping:
                self.close()

    def _stop_signal(self, *_: object) -> None:
        self.stopping = True

    def _reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            conn = self.children.pop(pid, None)
            if conn is None:
                continue
            if os.WIFSIGNALED(status):
                _send(conn, b"K %d\n" % os.WTERMSIG(status))
            conn.close()

    def _accept(self) -> None:
        assert self.listener is not None
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        fds: list[int] = []
        try:
            peer, uid, _ = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
            if uid != os.getuid():
                return  # not ours: close without a word
            conn.settimeout(5)
            request, fds = _receive(conn)
            conn.settimeout(None)
            self._serve(conn, request, fds, peer)
        except (OSError, ValueError):
            _send(conn, b"R bad\n")
        finally:
            for fd in fds:
                os.close(fd)
            if conn.fileno() >= 0 and all(c is not conn for c in self.children.values()):
                conn.close()

    def _serve(self, conn: socket.socket, request: protocol.Request, fds: list[int], peer: int) -> None:
        if request.identity != self.ident:
            _send(conn, b"R identity\n")
            return
        if request.kind == "status":
            _send(
                conn,
                b"I %d %d %d %d %d\n"
                % (
                    os.getpid(),
                    self.started,
                    self.served,
                    address.idle_seconds(),
                    sum(pid != peer for pid in self.children),  # not the child asking
                ),
            )
            return
        if request.kind == "stop":
            self.stopping = True
            self.close()
            _send(conn, b"I %d\n" % os.getpid())
            return
        if request.kind != "run" or len(fds) != 3:
            _send(conn, b"R bad\n")
            return
        if self.stopping:
            _send(conn, b"R stopping\n")
            return
        if stamp.changed(self.stamp):
            self.stopping = True
            self.close()
            _send(conn, b"R stale\n")
            return
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                self._in_child()
                from gridnote.server import child

                code = child.run(conn, request, fds)
            finally:
                os._exit(code)
        self.served += 1
        self.children[pid] = conn

    def _in_child(self) -> None:
        """Leave the server's own descriptors to it."""
        if self.listener is not None:
            self.listener.close()
        if self.lock_fd >= 0:
            os.close(self.lock_fd)
        for other in self.children.values():
            other.close()


def _receive(conn: socket.socket) -> tuple[protocol.Request, list[int]]:
    size = 4
    data, ancillary, _, _ = conn.recvmsg(65536, socket.CMSG_SPACE(3 * 4))
    fds: list[int] = []
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds += protocol.unpack_fds(payload)
    if len(data) < size:
        data += _exactly(conn, size - len(data))
    length = int.from_bytes(data[:size], "big")
    if length > MAX_REQUEST:
        raise ValueError("request too large")
    body = data[size:]
    if len(body) < length:
        body += _exactly(conn, length - len(body))
    try:
        return protocol.decode(body), fds
    except ValueError:
        for fd in fds:
            os.close(fd)
        raise


def _exactly(conn: socket.socket, count: int) -> bytes:
    chunks = []
    while count:
        chunk = conn.recv(min(count, 65536))
        if not chunk:
            raise ValueError("short request")
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def _send(conn: socket.socket, data: bytes) -> None:
    try:
        conn.sendall(data)
    except OSError:
        pass


# -- start-up -----------------------------------------------------------------------------------------
WARM = (  # what everyday commands import, beyond gridnote's own modules
    "sqlite3",
    "json",
    "csv",
    "rich.console",
    "rich.table",
    "rich.text",
    "rich.padding",
    "rich.panel",
    "rich.rule",
    "rich.markup",
    "rich.progress",
    "rich.columns",
    "rich.box",
    "rich.cells",
    "rich.style",
)
COLD = ("gridnote.__main__",)  # never imported: it runs the command line when imported


def warm() -> None:
    """Import every gridnote module and the libraries everyday commands use (not the heavy ones:
    pypinyin, openpyxl, sqlite-utils, dateutil's parser load in the child that needs them)."""
    import importlib
    import pkgutil

    import gridnote

    for info in pkgutil.walk_packages(gridnote.__path__, "gridnote."):
        if info.name not in COLD:
            importlib.import_module(info.name)
    for name in WARM:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


# Everyday commands run once on a scratch notebook before the first request: the code paths they
# take (regular expressions compiled, Click commands built, Rich's caches filled, modules imported
# inside functions) are then warm in every child. It is what a test suite does a thousand times in
# one process; each run ends by resetting the command's state (gridnote.cli.run). No resident is
# added: writing a name loads pypinyin, which an everyday command does not need.
WARM_RUNS = (
    ("building", "add", "5"),  # after `gridnote init` made the scratch notebook
    ("today",),
    ("today", "--json"),
    ("task", "add", "回访高阿姨", "--due", "明天"),
    ("task", "done", "1"),
    ("log", "--building", "5", "巡查"),
    ("issue", "add", "5号楼门前有装修垃圾", "-b", "5"),
    ("issue", "list", "--open"),
    ("find", "李"),
    ("--help",),
)


def rehearse(folder: str) -> None:
    """Run :data:`WARM_RUNS` on a notebook of its own (``--db``) in a private temporary folder, then remove it."""
    import shutil
    import tempfile

    from gridnote.cli import run

    saved, streams = dict(os.environ), (sys.stdin, sys.stdout, sys.stderr)
    scratch = tempfile.mkdtemp(prefix="warm-", dir=folder)
    try:
        os.environ.pop("GRIDNOTE_DB", None)
        db = os.path.join(scratch, "warm.db")
        with open(os.devnull, "r+", encoding="utf-8") as null:
            sys.stdin = sys.stdout = sys.stderr = null
            run(["init", db])
            for args in WARM_RUNS:
                run(["--db", db, *args])
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        os.environ.clear()
        os.environ.update(saved)
        time.tzset()
        shutil.rmtree(scratch, ignore_errors=True)


def main(expected: str) -> None:
    """Serve the install whose identity is ``expected`` (the client's), or exit at once."""
    ident = address.identity()
    folder = address.runtime_dir()
    if ident is None or ident != expected or folder is None:
        return
    server = Server(ident, folder)
    if not server.open():
        return
    try:
        warm()
        from gridnote.cli import _tree

        _tree.prebuild()
        rehearse(folder)
        import gc

        gc.collect()
        gc.freeze()
        server.stamp = stamp.take()
        server.loop()
    finally:
        server.close()
