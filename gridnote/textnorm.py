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
