"""Reading what she types for a reading: ``139/90``, ``139／90mmHg``, ``36.8℃``, ``104斤``.

Each reader returns a checked :class:`~gridnote.domain.readings.ReadingInput`
or refuses with the reason; what a real measurement can be, and the
thresholds, are the domain's (:mod:`gridnote.domain.readings`).
"""

from __future__ import annotations

import re

from gridnote.domain.readings import READING_KINDS, ReadingInput, check_plausible, format_number
from gridnote.errors import InputError
from gridnote.input.text import normalize

# Unit words she may type after a number; they are checked and dropped.
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "bp": ("mmhg", "毫米汞柱"),
    "pulse": ("/min", "bpm", "次/分钟", "次/分", "次每分", "次"),
    "glucose": ("mmol/l", "mmol"),
    "temp": ("°c", "℃", "度", "c"),
    "weight": ("kg", "公斤", "千克"),
}
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_BP = re.compile(r"^(\d{2,3}(?:\.\d)?)\s*/\s*(\d{2,3}(?:\.\d)?)$")
_JIN = ("斤", "市斤")


def _strip_unit(kind: str, text: str) -> str:
    value = normalize(text).replace(" ", "").casefold()
    for suffix in sorted(_SUFFIXES.get(kind, ()), key=len, reverse=True):
        if value.endswith(suffix) and len(value) > len(suffix):
            return value[: -len(suffix)]
    return value


def parse_bp(text: str) -> ReadingInput:
    """``139/90`` (also ``139／90``, ``139/90mmHg``) → systolic and diastolic, checked."""
    match = _BP.match(_strip_unit("bp", text))
    if not match:
        raise InputError("reading.bad_bp", text=text.strip())
    systolic, diastolic = float(match[1]), float(match[2])
    check_plausible("systolic", systolic)
    check_plausible("diastolic", diastolic)
    if systolic <= diastolic:
        raise InputError("reading.bp_order", systolic=format_number(systolic), diastolic=format_number(diastolic))
    return ReadingInput("bp", systolic, diastolic)


def parse_number(kind: str, text: str) -> ReadingInput:
    """A single-value reading (pulse, glucose, temp, weight), checked; ``104斤`` is 52 kg."""
    value = _strip_unit(kind, text)
    factor = 1.0
    if kind == "weight":
        for jin in _JIN:
            if value.endswith(jin) and len(value) > len(jin):
                value, factor = value[: -len(jin)], 0.5
                break
    if not _NUMBER.match(value):
        raise InputError(
            "reading.bad_number", what=READING_KINDS.label(kind), text=text.strip(), example=_EXAMPLES[kind]
        )
    number = round(float(value) * factor, 2)
    if kind == "pulse" and number != int(number):
        raise InputError(
            "reading.bad_number", what=READING_KINDS.label(kind), text=text.strip(), example=_EXAMPLES[kind]
        )
    check_plausible(kind, number)
    return ReadingInput(kind, number)


_EXAMPLES = {"pulse": "63", "glucose": "6.1", "temp": "36.8", "weight": "52.5"}


def parse_reading(kind: str, text: str) -> ReadingInput:
    return parse_bp(text) if kind == "bp" else parse_number(kind, text)
