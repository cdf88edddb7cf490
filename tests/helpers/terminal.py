"""Running the real gridnote on a terminal of its own (a pseudo-terminal), as she would."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import sys
import termios
from collections.abc import Callable


def on_terminal(
    args: list[str],
    env: dict[str, str],
    *,
    rows: int = 24,
    columns: int = 80,
    answer: Callable[[bytes], bytes | None] | None = None,
) -> tuple[int, str]:
    """(exit status, everything the terminal showed) for ``gridnote ARGS`` on a ``rows`` × ``columns`` terminal.

    ``answer`` sees what the terminal has shown so far and may return keys to type.
    """
    pid, fd = pty.fork()
    if pid == 0:  # the child: gridnote, its stdin, stdout and stderr on the terminal
        # as a terminal's shell starts it: Ctrl-C interrupts, even when the tests run where SIGINT is
        # ignored (a job a non-interactive shell put in the background)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execve(sys.executable, [sys.executable, "-m", "gridnote", *args], {**env, "TERM": "xterm"})
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child has closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if answer is not None:
            keys = answer(seen)
            if keys:
                os.write(fd, keys)
    os.close(fd)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), seen.decode(errors="replace").replace("\r\n", "\n")
