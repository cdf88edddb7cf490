"""Control characters shown, never sent: what reaches a terminal cannot drive it.

A name or a note can carry terminal escape sequences (``\\x1b]0;…`` retitles the
window, ``\\x1b[2J`` clears the screen) from a CSV file or a paste. Printed raw,
the terminal would obey them. On the screen every C0 control character but the
line break and the tab is drawn as its Unicode control picture (``\\x1b`` → ``␛``,
``\\x07`` → ``␇``), DEL as ``␡``, and a C1 control (``\\x9b``, which some terminals
read as ESC ``[``) as its code, ``\\x9b``. What is stored, exported and printed as
JSON keeps the exact text.

Every command prints through :class:`gridnote.render.console.VisibleConsole`;
error lines go through :func:`visible` (this module imports nothing heavy).
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


_PICTURES = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"}
_PICTURES |= {0x7F: 0x2421} | dict.fromkeys(range(0x80, 0xA0), 0xFFFD)


def visible(text: str) -> str:
    """``text`` with its control characters drawn, one for one (line breaks and tabs kept)."""
    return text.translate(_PICTURES) if CONTROL.search(text) else text
