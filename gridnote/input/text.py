"""Normalise what she types before parsing: full-width digits, colons, dashes and spaces."""

from __future__ import annotations

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


def display_name(name: str | None, alias: str | None) -> str | None:
    """``李秀英（李奶奶）``: the name with what neighbours call her (None without a name).

    The one place this form is made, so every list, card and JSON writes it alike.
    """
    if not name:
        return None
    return f"{name}（{alias}）" if alias else name
