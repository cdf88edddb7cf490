"""Running the real gridnote on a terminal of its own (a pseudo-terminal), as she would."""

from __future__ import annotations

import fcntl
import os
import pty
import select
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
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execve(sys.executable, [sys.executable, "-m", "gridnote", *args], {**env, "TERM": "xterm"})
    seen = b""
    typed = b""  # the last keys typed, while the terminal has shown nothing since
    quiet = 0
    while True:
        ready, _, _ = select.select([fd], [], [], 2.0)
        if not ready:
            # Keys typed in the instant a line reader (readline) switches the terminal out of line
            # mode can be swallowed (a Ctrl-D is then an empty line the reader never sees), and a
            # loaded machine widens that instant: type them again, as she would, a few times.
            if typed and quiet < 5:
                quiet += 1
                os.write(fd, typed)
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child has closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        typed, quiet = b"", 0
        if answer is not None:
            keys = answer(seen)
            if keys:
                os.write(fd, keys)
                typed = keys
    os.close(fd)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), seen.decode(errors="replace").replace("\r\n", "\n")
