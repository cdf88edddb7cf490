"""Masking for exports: phones as ``138****5678``, ID numbers as ``110101********1234``.

At most about a third of a number stays readable: enough for her to tell two
numbers apart on a printout, not enough to call or identify anyone.
"""

from __future__ import annotations

import re

_PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?\d[\d -]{5,}\d)(?!\d)")


def mask_phone(phone: str | None) -> str:
    """``13857112345`` → ``138****2345``; ``88886666`` → ``88****66``; short numbers fully."""
    if not phone:
        return ""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    if len(digits) >= 11:
        keep = set(digits[:3] + digits[-4:])
    elif len(digits) >= 7:
        keep = set(digits[:2] + digits[-2:])
    else:
        keep = set()
    return "".join(ch if (i in keep or not ch.isdigit()) else "*" for i, ch in enumerate(phone))


def mask_id(number: str | None) -> str:
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_text(text: str | None) -> str:
    """Free text with every phone-like run of digits masked (notes in exports)."""
    if not text:
        return ""
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)
