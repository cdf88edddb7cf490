"""Long output on a terminal goes through a pager, as git's does; a closed pipe ends quietly.

A command that shows things (:data:`PAGED`) writes into a buffer while its
output is a terminal. When it is done, output taller than the screen goes to
the pager — ``$GRIDNOTE_PAGER``, else ``$PAGER``, else ``less -FRX``, run by
the shell as git runs it (an empty value: no pager) — and shorter output is
written as it is, with no pager started. ``--no-pager`` turns it off for one
command. Output to a pipe or a file is never paged. Questions ("which 李?")
and errors go to stderr meanwhile, so they are seen at once; a command that
writes to the notebook is never paged.

A reader that stops early (``gridnote today | head -1``) ends the command
quietly with :data:`PIPE_CLOSED`, the status a shell reports for a program
stopped by SIGPIPE.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

PIPE_CLOSED = 141  # 128 + SIGPIPE
# Who runs the pager when this process has no terminal of its own to give it: a command server's
# child (gridnote/server/child.py) hands the text to its client, which runs the pager on the
# terminal it owns. Called with the pager's command line and the bytes to page; returns the
# pager's exit status (127: no such program), or None if it could not be started; the pager's
# variables (``LESS``, ``LV``) as a third argument.
HAND_OVER: Any = None

PAGED = frozenset(
    {
        "today",
        "tomorrow",
        "plan",
        "visits",
        "report",
        "find",
        "task.list",
        "task.show",
        "resident.list",
        "resident.show",
        "resident.points",
        "household.list",
        "building.list",
        "issue.list",
        "issue.show",
        "issue.category.list",
        "event.list",
        "config.list",
        "help",
    }
)


def pager_command(environ: dict[str, str] | os._Environ[str]) -> str | None:
    """The pager to run, or None: ``$GRIDNOTE_PAGER``, ``$PAGER`` (set but empty: none), else ``less -FRX``."""
    for variable in ("GRIDNOTE_PAGER", "PAGER"):
        if variable in environ:
            return environ[variable].strip() or None
    return "less -FRX" if shutil.which("less", path=environ.get("PATH")) else None


class _Screen(io.StringIO):
    """Where a paged command writes: held until it is done, looking like the terminal it stands for."""

    def __init__(self, terminal: IO[str]) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:  # so colours and widths are chosen for the terminal
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.terminal, "encoding", None) or "utf-8"


@contextmanager
def paged(path: str, *, off: bool = False) -> Iterator[None]:
    """Run the command at ``path`` with its output paged when it is long and on a terminal."""
    command = None if off or path not in PAGED or not sys.stdout.isatty() else pager_command(os.environ)
    if command is None:
        yield
        return
    terminal = sys.stdout
    screen = _Screen(terminal)
    sys.stdout = screen
    done = False
    try:
        yield
        done = True
    finally:
        sys.stdout = terminal
        text = screen.getvalue()
        if done and text.count("\n") >= shutil.get_terminal_size().lines:
            show(command, text, terminal)
        else:
            terminal.write(text)
            terminal.flush()


def show(command: str, text: str, terminal: IO[str]) -> None:
    """``text`` through the pager ``command`` (a shell command line), waiting for her to leave it."""
    import signal
    import subprocess

    terminal.flush()
    env: dict[str, Any] = {**os.environ}
    env.setdefault("LESS", "FRX")  # as git: quit if one screen, keep colours, leave the screen as it was
    env.setdefault("LV", "-c")
    data = text.encode(getattr(terminal, "encoding", None) or "utf-8", errors="replace")
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the pager, not for gridnote
    try:
        if HAND_OVER is not None:
            status = HAND_OVER(command, data, env)
            started = status is not None and status != 127
        else:
            pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
            try:
                pager.communicate(data)
            except BrokenPipeError:  # she left the pager before reading it all
                pager.wait()
            started = pager.returncode != 127  # 127: the shell found no such program
    except OSError:
        started = False
    finally:
        signal.signal(signal.SIGINT, interrupt)
    if not started:  # the text as it is, rather than nothing
        terminal.write(text)
        terminal.flush()
