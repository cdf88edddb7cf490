"""Errors that reach the user as one line on stderr and an exit code.

Each error carries a message key from the catalogue (``gridnote.messages``)
and the values to fill in, so the text is rendered in the user's language
only when it is shown.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any


class GridnoteError(Exception):
    """Base class: an expected failure with its own exit code."""

    exit_code = 1

    def __init__(self, key: str, /, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    @property
    def message(self) -> str:
        """The catalogue text, filled in; a line break typed in a value shows as ``\\n`` so the message stays one line.

        Other control characters are left to :func:`gridnote.render.visible.visible`, which every
        error line goes through (``\\x1b`` drawn as ``␛``, as on the screen).
        """
        from gridnote.messages.i18n import t

        return t(self.key, **{name: _shown(value) for name, value in self.values.items()})

    @property
    def details(self) -> list[str]:
        """Further lines shown under the message (e.g. one per bad import row)."""
        return []

    def __str__(self) -> str:
        return self.message


class InputError(GridnoteError):
    """A value the user typed cannot be used (bad date, reading, option)."""

    exit_code = 2


class AmbiguousError(InputError):
    """Several records match what was typed; ``candidates`` holds them for a numbered choice."""

    exit_code = 2

    def __init__(self, key: str, /, candidates: list[Any] | None = None, **values: Any) -> None:
        super().__init__(key, **values)
        self.candidates: list[Any] = candidates or []


class NotFoundError(GridnoteError):
    """Nothing matches what was typed."""

    exit_code = 3


class SoundsLikeError(NotFoundError):
    """Nobody by that name, but one resident sounds the same (里奶奶 for 李奶奶); a terminal offers them."""

    def __init__(self, key: str, /, candidate: Any, **values: Any) -> None:
        super().__init__(key, **values)
        self.candidate = candidate


class StateError(GridnoteError):
    """The action does not fit the record's current state."""

    exit_code = 4


class NotebookError(GridnoteError):
    """The notebook cannot be opened or written."""

    exit_code = 5


class FileError(GridnoteError):
    """A file to read or write is missing, unreadable or unwritable."""

    exit_code = 6


class ServerError(GridnoteError):
    """The command server was lost while it ran a command (the client's own exit code, gridnote.client)."""

    exit_code = 7


# The exit codes gridnote documents (README, `gridnote --help`), with the message key describing
# each; tests/test_exit_codes.py makes a command return every one of them.
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (0, "exit.ok"),
    (1, "exit.cancelled"),
    (InputError.exit_code, "exit.input"),
    (NotFoundError.exit_code, "exit.not_found"),
    (StateError.exit_code, "exit.state"),
    (NotebookError.exit_code, "exit.notebook"),
    (FileError.exit_code, "exit.file"),
    (ServerError.exit_code, "exit.server"),
    (130, "exit.interrupted"),  # 128 + SIGINT: Typer's answer to Ctrl-C
    (141, "exit.pipe_closed"),  # 128 + SIGPIPE (gridnote.cli.pager.PIPE_CLOSED)
)


_LINE_BREAKS = re.compile("[\n\t\u2028\u2029]")  # the ones visible() keeps


def _shown(value: Any) -> Any:
    """A value quoted in a message: ``a\\nb`` for a line break typed in it, as Python writes it; others as they are."""
    if isinstance(value, PurePath):
        value = str(value)
    if not isinstance(value, str) or _LINE_BREAKS.search(value) is None:
        return value
    return _LINE_BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)
