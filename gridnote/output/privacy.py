"""Masking for exports: phones as ``138****5678``, ID numbers as ``110101********1234``.

At most about a third of a number stays readable: enough for her to tell two
numbers apart on a printout, not enough to call or identify anyone.

Standard library only: :mod:`gridnote.output.datasette` copies this file whole
into a Datasette plugin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any


def mask_phone(phone: str | None) -> str:
    """``13857112345`` → ``138****2345``; ``0571-88886666`` → ``0571-****6666``; ``88886666`` → ``88****66``.

    A landline with its area code keeps the area code whole (it says only the
    city) and the last four digits; short numbers are masked fully. A country
    code (``+86``, ``0086``) stays and the number behind it is masked the
    same way: ``+86-138-0000-1111`` → ``+86-138-****-1111`` (the 8 and 6 are
    not the number's first digits). Digits of any script count (full-width
    ``１３８…`` as well as ``138…``).
    """
    if not phone:
        return ""
    digits = [i for i, ch in enumerate(phone) if ch.isdecimal()]
    country = digits[: _country_code_length(phone, digits)]
    digits = digits[len(country) :]
    if len(digits) >= 10 and _digit(phone[digits[0]]) == "0":
        keep = set(country + digits[: _area_code_length(phone, digits)] + digits[-4:])
    elif len(digits) >= 11:
        keep = set(country + digits[:3] + digits[-4:])
    elif len(digits) >= 7:
        keep = set(country + digits[:2] + digits[-2:])
    else:
        keep = set(country)
    return "".join(ch if (i in keep or not ch.isdecimal()) else "*" for i, ch in enumerate(phone))


def _digit(ch: str) -> str:
    return str(unicodedata.decimal(ch, ch))


def _country_code_length(phone: str, digits: list[int]) -> int:
    """Digits of a leading ``+86`` / ``0086`` (or a bare ``86`` before an 11-digit mobile): kept, not masked."""
    text = fold(phone).lstrip()
    if text.startswith("+86") and len(digits) > 9:
        return 2
    number = "".join(_digit(phone[i]) for i in digits)
    if number.startswith("0086") and len(digits) > 11:
        return 4
    if len(digits) == 13 and number.startswith("861") and number[3] in "3456789":
        return 2
    return 0


def _area_code_length(phone: str, digits: list[int]) -> int:
    """Digits of a Chinese area code: up to the first separator, else 3 (010, 02x) or 4 (0571)."""
    for n in (3, 4):
        if digits[n] != digits[n - 1] + 1:  # a separator follows the first n digits
            return n
    return 3 if _digit(phone[digits[1]]) in "12" else 4


def mask_phones(phones: str | None) -> str:
    """A list of phones as the register keeps it (``13857112345,0571-88886666``), each masked."""
    return ",".join(mask_phone(phone) for phone in (phones or "").split(",")) if phones else ""


def mask_id(number: str | None) -> str:
    """``11010119440312002X`` → ``110101********002X``; an old 15-digit one → ``330106******123``.

    The birth date is always hidden: an 18-character number keeps its region
    (6) and its last four, a 15-digit one its region and its 3-digit sequence.
    Any other document (a passport ``E12345678``, a permit) keeps about a
    third: ``E******78``; six characters or fewer are masked whole.
    """
    if not number:
        return ""
    n = len(number)
    if n == 18:
        head, tail = 6, 4
    elif n == 15:
        head, tail = 6, 3
    elif n <= 6:
        head, tail = 0, 0
    else:
        keep = n // 3
        head, tail = keep // 2, keep - keep // 2
    return number[:head] + "*" * (n - head - tail) + (number[n - tail :] if tail else "")


# -- numbers inside free text -----------------------------------------------------------------
# Each pattern runs over the folded text (digits of every script as ASCII, full-width signs as
# ASCII, one character for one), the first to claim a stretch of text masks it.
_BIRTH_MD = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
_ID18 = re.compile(rf"(?<![0-9])[1-9][0-9]{{5}}(?:18|19|20)[0-9]{{2}}{_BIRTH_MD}[0-9]{{3}}[0-9Xx](?![0-9])")
_ID15 = re.compile(rf"(?<![0-9])[1-9][0-9]{{5}}[0-9]{{2}}{_BIRTH_MD}[0-9]{{3}}(?![0-9])")
# a mobile, with the +86 / 0086 in front of it when there is one (the prefix is kept by mask_phone)
_MOBILE = re.compile(r"(?<![0-9])(?:(?:\+|00)86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")
# a landline with its area code (the local number never starts with 0): 0571-88886666, 057188886666, (0571)8888 9999, 010 1234 5678, +86 571 …
_LANDLINE = re.compile(
    r"(?<![0-9])(?:(?:\+|00)86[ -]?\(?0?|\(0|0)[1-9][0-9]{1,2}\)?[ -]?[1-9][0-9]{2,3}[ -]?[0-9]{3,4}(?![0-9])"
)
# a passport or permit: one or two capital letters and 6-9 digits (E12345678, EA1234567, G1234567)
_PASSPORT = re.compile(r"(?<![0-9A-Za-z])[A-Z]{1,2}[0-9]{6,9}(?![0-9])")
# a local number without its area code: 8888777, 88886666, 8888-6666 (never 0… or 1…)
_LOCAL = re.compile(r"(?<![0-9])[2-9][0-9]{2,3}-?[0-9]{4}(?![0-9]|-[0-9])")

_FOLD = str.maketrans({"\u3000": " ", "—": "-", "–": "-", "‐": "-", "‑": "-", "−": "-", "～": "~"})


def fold(text: str) -> str:
    """The text with every decimal digit as ASCII and full-width signs as ASCII, one character for one."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch.isdecimal():
            out.append(_digit(ch))
        elif "\uff01" <= ch <= "\uff5e":  # full-width ASCII: （０５７１）, ＋８６, Ｘ
            out.append(chr(ord(ch) - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out).translate(_FOLD)


def _landline_ok(found: str) -> bool:
    """10-12 digits with the area code's 0; behind +86/0086, which may drop the 0, 9-12."""
    number = re.sub(r"^(?:\+|00)86", "", found)
    digits = sum(ch.isdigit() for ch in number)
    return (9 if number != found else 10) <= digits <= 12


def _local_ok(found: str) -> bool:
    """Not a date (20261129) nor a span of times (2030-2130)."""
    digits = found.replace("-", "")
    if len(digits) == 8 and "-" not in found:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
        if 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31:
            return False
    if len(digits) == 8 and found[4:5] == "-":
        times = (digits[:4], digits[4:])
        if all(int(t[:2]) < 24 and int(t[2:]) < 60 for t in times):
            return False
    return True


# ID numbers first (long and exact), one rule after another; then the phone numbers, read from left
# to right as a reader does: the number that starts first is the one written there, so in
# "010-1300000 0086 1300…" the area code claims its local number before "1300000 0086" can look
# like a mobile written in groups. At the same start a mobile comes before a landline, a landline
# before a local number.
_ID_RULES = (
    (_ID18, mask_id, None),
    (_ID15, mask_id, None),
    (_PASSPORT, mask_id, None),
)
_PHONE_RULES = (
    (_MOBILE, mask_phone, None),
    (_LANDLINE, mask_phone, _landline_ok),
    (_LOCAL, mask_phone, _local_ok),
)


def mask_text(text: str | None) -> str | None:
    """Mask the ID numbers, passports, mobile numbers and landlines written inside free text.

    ``王经理 13800001111`` → ``王经理 138****1111``,
    ``来电+8613800001111`` → ``来电+86138****1111``, ``（0571）8888 9999`` →
    ``（0571）**** 9999``, full-width ``１３８３３３３４４４４`` → ``１３８****４４４４``;
    other digits (room numbers, dates, times, amounts) are left as they are.
    Only digits become ``*``: the text keeps its length and everything else.
    """
    if not text or not any(ch.isdecimal() for ch in text):
        return text
    folded = fold(text)
    claimed = [False] * len(text)
    out = list(text)

    def take(m: re.Match[str], mask: Callable[[str], str]) -> None:
        for i, ch in enumerate(mask(m[0]), m.start()):
            claimed[i] = True
            if ch == "*" and text[i].isdecimal():
                out[i] = "*"

    for rule in _ID_RULES:
        pos = 0
        while (m := _next(folded, pos, rule, claimed)) is not None:
            take(m, rule[1])
            pos = m.end()
    pos = 0
    while True:
        found = [
            (m.start(), rank, m, rule[1])
            for rank, rule in enumerate(_PHONE_RULES)
            if (m := _next(folded, pos, rule, claimed))
        ]
        if not found:
            return "".join(out)
        _, _, m, mask = min(found, key=lambda f: (f[0], f[1]))
        take(m, mask)
        pos = m.end()


def _next(folded: str, pos: int, rule: tuple[Any, Any, Any], claimed: list[bool]) -> re.Match[str] | None:
    """The rule's first match at or after ``pos`` that it accepts and that overlaps no number already taken."""
    pattern, _, accept = rule
    while (m := pattern.search(folded, pos)) is not None:
        if any(claimed[m.start() : m.end()]) or (accept is not None and not accept(m[0])):
            pos = m.start() + 1  # not this one: a number may still start inside it
            continue
        return m
    return None
