"""Household addresses as she types them: ``8-2-301``, ``8-2-301室``, ``8号楼2单元301``, ``8栋2单元301室``.

An address may be partial (``8``, ``8-2``, ``8号楼``) when it is used to
narrow a search; a household needs all three parts. The stored, canonical
form is ``building-unit-room`` (``8-2-301``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gridnote.input.text import normalize

_PART = r"[0-9]{1,6}[A-Za-z]?"
_DASHED = re.compile(rf"^(?P<b>{_PART})(?:[-#/](?P<u>{_PART})(?:[-#/](?P<r>{_PART})(?:室|号)?)?)?$")  # 8-2-301室
_CHINESE = re.compile(
    rf"^(?P<b>{_PART})\s*(?:号楼|号|栋|幢|楼|#)"
    rf"(?:\s*(?P<u>{_PART})\s*(?:单元|-)"
    rf"(?:\s*(?P<r>{_PART})\s*(?:室|号)?)?)?$"
)


@dataclass(frozen=True)
class Address:
    building: str
    unit: str | None = None
    room: str | None = None

    @property
    def complete(self) -> bool:
        return self.unit is not None and self.room is not None

    def canonical(self) -> str:
        """``8-2-301`` (or the partial prefix ``8-2``/``8``)."""
        return "-".join(p for p in (self.building, self.unit, self.room) if p is not None)

    def chinese(self) -> str:
        """``8号楼2单元301``: how it is written on a form."""
        text = f"{self.building}号楼"
        if self.unit is not None:
            text += f"{self.unit}单元"
        if self.room is not None:
            text += self.room
        return text


def parse_address(text: str) -> Address | None:
    """The address in ``text``, or ``None`` when it does not look like one."""
    value = normalize(text).replace(" ", "").upper()
    if not value:
        return None
    value = _chinese_unit(value)
    match = _DASHED.match(value) or _CHINESE.match(value)
    if not match:
        return None
    parts = [_part(match[name]) for name in ("b", "u", "r")]
    if any(p == "" for p in parts):
        return None  # building, unit or room 0 does not exist
    return Address(*parts)  # type: ignore[arg-type]


def _part(text: str | None) -> str | None:
    """``02`` and ``0301`` are written ``2`` and ``301``, so one flat has one address."""
    if text is None:
        return None
    digits = text.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return str(int(digits)) + text[len(digits) :] if int(digits) else ""


_CN_UNIT = re.compile(r"([一二三四五六七八九十])(单元)")
_CN_DIGIT = {
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    "十": "10",
}


def _chinese_unit(value: str) -> str:
    """``一单元`` → ``1单元``: units are often written with a Chinese numeral."""
    return _CN_UNIT.sub(lambda m: _CN_DIGIT[m[1]] + m[2], value)


def require_building_code(text: str) -> str:
    """``5``, ``5号楼``, ``5栋`` → ``"5"``; anything else is an input error."""
    from gridnote.errors import InputError

    code = building_code(text)
    if code is None:
        raise InputError("building.bad_code", text=text)
    return code


def building_code(text: str) -> str | None:
    """``5``, ``5号楼``, ``5栋`` → ``"5"``; None when it is not a building."""
    address = parse_address(text)
    if address is None or address.unit is not None:
        return None
    return address.building


def looks_like_address(text: str) -> bool:
    """True for tokens that read as an address; a long run of digits is a phone number instead."""
    value = normalize(text)
    if value.isdigit() and len(value) > 4:
        return False
    return any(ch.isdigit() for ch in value) and parse_address(value) is not None


_WITHIN = re.compile(
    rf"(?<![0-9A-Za-z])(?P<b>{_PART})\s*(?:号楼|栋|幢)"
    rf"(?:\s*(?P<u>{_PART})\s*单元(?:\s*(?P<r>{_PART})\s*(?:室|号)?)?)?"
)
_WITHIN_DASHED = re.compile(rf"(?<![0-9A-Za-z-])(?P<b>{_PART})-(?P<u>{_PART})-(?P<r>{_PART})(?![0-9-])")


def find_address(text: str | None) -> Address | None:
    """The household (or building) named inside a longer address, as the city app writes it:
    ``冬梅轩小区8号楼2单元301室`` → 8-2-301, ``河西区冬梅轩5号楼门前`` → 5. The most complete one wins."""
    if not text:
        return None
    value = _chinese_unit(normalize(text).replace(" ", "").upper())
    best: Address | None = None
    for pattern in (_WITHIN_DASHED, _WITHIN):
        for match in pattern.finditer(value):
            parts = [_part(match.groupdict().get(name)) for name in ("b", "u", "r")]
            if any(p == "" for p in parts):
                continue
            found = Address(*parts)  # type: ignore[arg-type]
            if best is None or (found.unit is not None) + (found.room is not None) > (best.unit is not None) + (
                best.room is not None
            ):
                best = found
    return best
