"""Masking for exports: phones as ``138****5678``, ID numbers as ``110101********1234``."""

from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    if len(digits) < 7:
        return "*" * len(phone)
    keep = set(digits[:3] + digits[-4:])
    return "".join(ch if (i in keep or not ch.isdigit()) else "*" for i, ch in enumerate(phone))


def mask_id(number: str | None) -> str:
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
