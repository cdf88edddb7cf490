"""Normalise what she types before parsing: full-width digits, colons, dashes and spaces."""

from __future__ import annotations

import re
import unicodedata

# Dashes and separators that NFKC leaves alone but people type in addresses and times.
_EXTRA = str.maketrans({"—": "-", "–": "-", "－": "-", "‐": "-", "−": "-", "～": "~", "\u3000": " "})


def normalize(text: str) -> str:
    """``８－２－３０１`` → ``8-2-301``, ``６：３０`` → ``6:30``; Chinese characters are kept."""
    if text.isascii():
        return text.strip()
    return unicodedata.normalize("NFKC", text).translate(_EXTRA).strip()


def fold(text: str) -> str:
    """Normalised and lower-cased: the form used to compare names and codes."""
    return normalize(text).casefold()


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９＃", "0123456789#")
MAX_NUMBER = 2**63 - 1  # the largest number SQLite stores


def read_number(text: str, *, allow_hash: bool = True) -> int | None:
    """A whole number as typed (``12``, ``#12``, full-width ``１２``); None for anything else.

    Only ASCII and full-width digits count: ``²`` or ``①`` are not numbers here,
    and a number too large to store is refused rather than overflowing later.
    """
    value = text.strip().translate(_FULL_WIDTH_DIGITS)
    if allow_hash and value.startswith("#"):
        value = value[1:]
    if not value or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if number <= MAX_NUMBER else None


MAX_TEXT = 500  # a task, an issue, an event title: one line's worth
MAX_NOTE = 2000  # a note


def check_length(text: str | None, limit: int = MAX_TEXT) -> str | None:
    """The text unchanged, or an input error when it is longer than ``limit`` characters.

    Services call this on everything she types, so a limit holds whatever path
    the text takes (a follow-up written by ``log`` as well as ``task add``).
    """
    if text is not None and len(text) > limit:
        from gridnote.errors import InputError

        raise InputError("core.text_too_long", count=len(text), limit=limit)
    return text


# what a one-line text cannot hold: the control characters (category Cc) and the line and paragraph separators
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# the spaces dropped at the ends: every space separator (Zs), the ideographic space among them
_END_SPACES = "".join(chr(c) for c in range(0x3001) if unicodedata.category(chr(c)) == "Zs")


def one_line(text: str) -> str:
    """A one-line text as she typed it: spaces at either end dropped, everything between kept.

    Names, tasks, issues, notes on an issue, call outcomes, event titles: each is
    stored exactly as typed (double spaces, full-width spaces and all), never
    tidied behind her back. A line break, tab or other control character cannot
    be shown on one line (and a terminal escape must never be replayed), so it is
    refused with where it is (counted in what she typed), rather than removed silently.
    """
    value = text.strip(_END_SPACES)
    bad = _NOT_ONE_LINE.search(value)
    if bad is None:
        return value
    from gridnote.errors import InputError
    from gridnote.messages.i18n import t

    char = bad.group()
    if char in _LINE_BREAKS:
        what = t("core.char_line_break")
    elif char == "\t":
        what = t("core.char_tab")
    else:
        what = t("core.char_control", code=f"U+{ord(char):04X}")
    position = len(text) - len(text.lstrip(_END_SPACES)) + bad.start() + 1
    raise InputError("core.text_not_one_line", what=what, position=position)


def display_name(name: str | None, alias: str | None) -> str | None:
    """``李秀英（李奶奶）``: the name with what neighbours call her (None without a name).

    The one place this form is made, so every list, card and JSON writes it alike.
    """
    if not name:
        return None
    return f"{name}（{alias}）" if alias else name
