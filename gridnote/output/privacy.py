"""Masking for exports: phones as ``138****5678``, ID numbers as ``110101********1234``.

At most about a third of a number stays readable: enough for her to tell two
numbers apart on a printout, not enough to call or identify anyone.
"""

from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    """``13857112345`` → ``138****2345``; ``0571-88886666`` → ``0571-****6666``; ``88886666`` → ``88****66``.

    A landline with its area code keeps the area code whole (it says only the
    city) and the last four digits; short numbers are masked fully. A country
    code (``+86``, ``0086``) stays and the number behind it is masked the
    same way: ``+86-138-0000-1111`` → ``+86-138-****-1111`` (the 8 and 6 are
    not the number's first digits).
    """
    if not phone:
        return ""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    country = digits[: _country_code_length(phone, digits)]
    digits = digits[len(country) :]
    if len(digits) >= 10 and phone[digits[0]] == "0":
        keep = set(country + digits[: _area_code_length(phone, digits)] + digits[-4:])
    elif len(digits) >= 11:
        keep = set(country + digits[:3] + digits[-4:])
    elif len(digits) >= 7:
        keep = set(country + digits[:2] + digits[-2:])
    else:
        keep = set(country)
    return "".join(ch if (i in keep or not ch.isdigit()) else "*" for i, ch in enumerate(phone))


def _country_code_length(phone: str, digits: list[int]) -> int:
    """Digits of a leading ``+86`` / ``0086`` (or a bare ``86`` before an 11-digit mobile): kept, not masked."""
    text = phone.lstrip()
    if text.startswith("+86") and len(digits) > 9:
        return 2
    number = "".join(phone[i] for i in digits)
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
    return 3 if phone[digits[1]] in "12" else 4


def mask_phones(phones: str | None) -> str:
    """A list of phones as the register keeps it (``13857112345,0571-88886666``), each masked."""
    return ",".join(mask_phone(phone) for phone in (phones or "").split(",")) if phones else ""


def mask_id(number: str | None) -> str:
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


_ID_IN_TEXT = r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"
# a mobile, with the +86 / 0086 in front of it when there is one (the prefix is kept by mask_phone)
_MOBILE_IN_TEXT = r"(?<!\d)(?:(?:\+|00)86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)"
_LANDLINE_IN_TEXT = r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"


def mask_text(text: str | None) -> str | None:
    """Mask the ID numbers, mobile numbers and landlines written inside free text.

    ``王经理 13800001111`` → ``王经理 138****1111``,
    ``来电+8613800001111`` → ``来电+86138****1111``; other digits (room numbers,
    dates, amounts) are left as they are.
    """
    if not text or not any(ch.isdigit() for ch in text):
        return text
    import re

    text = re.sub(_ID_IN_TEXT, lambda m: mask_id(m[0]), text)
    text = re.sub(_MOBILE_IN_TEXT, lambda m: mask_phone(m[0]), text)
    return re.sub(_LANDLINE_IN_TEXT, lambda m: mask_phone(m[0]), text)
