"""Readings taken on a visit (blood pressure, pulse, glucose, temperature, weight).

Pure functions, no notebook: refuse what cannot be a real measurement and
compare a reading with the grid's thresholds (what she types, ``139/90``,
``36.8℃``, ``104斤``, is read by :mod:`gridnote.input.readings`). gridnote records and flags; it never diagnoses,
so a flag only says which threshold a value reached.

A flag is stored on the reading as text, e.g. ``diastolic>=90`` or
``systolic>=140;diastolic>=90`` or ``pulse<60``: the measure, the comparison
and the threshold in force when the reading was taken, so reports can show
"value, threshold" even after the thresholds change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gridnote.domain.vocab import Term, Vocabulary
from gridnote.errors import InputError
from gridnote.models import ReadingFlag

READING_KINDS = Vocabulary(
    "reading",
    (
        Term("bp", "blood pressure", "血压", ("bloodpressure", "blood-pressure")),
        Term("pulse", "pulse", "脉搏", ("心率", "heart rate", "hr")),
        Term("glucose", "blood glucose", "血糖", ("sugar", "blood sugar")),
        Term("temp", "temperature", "体温", ("temperature",)),
        Term("weight", "weight", "体重", ()),
    ),
)

UNITS = {"bp": "mmHg", "pulse": "/min", "glucose": "mmol/L", "temp": "°C", "weight": "kg"}
INTEGER_KINDS = frozenset({"bp", "pulse"})

# What a real measurement can be; anything outside is a typo (or a mg/dL glucose).
PLAUSIBLE: dict[str, tuple[float, float]] = {
    "systolic": (60, 260),
    "diastolic": (30, 160),
    "pulse": (30, 220),
    "glucose": (1.0, 35.0),
    "temp": (34.0, 43.0),
    "weight": (2.0, 300.0),
}


@dataclass(frozen=True)
class ReadingInput:
    """A checked reading, ready to be stored: ``value`` is the systolic for blood pressure."""

    kind: str
    value: float
    value2: float | None = None

    @property
    def unit(self) -> str:
        return UNITS[self.kind]


def check_plausible(measure: str, value: float) -> None:
    """Refuse a value no real measurement can have (a typo, or glucose in mg/dL)."""
    low, high = PLAUSIBLE[measure]
    if not low <= value <= high:
        raise InputError(
            "reading.implausible",
            measure=measure_label(measure),
            value=format_number(value),
            low=format_number(low),
            high=format_number(high),
            unit=unit_of(measure),
        )


# -- thresholds ----------------------------------------------------------------
# (measure, comparison, setting key). A threshold of 0 is switched off.
THRESHOLD_RULES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "bp": (
        ("systolic", ">=", "threshold.bp.systolic"),
        ("diastolic", ">=", "threshold.bp.diastolic"),
        ("systolic", "<", "threshold.bp.systolic-low"),
        ("diastolic", "<", "threshold.bp.diastolic-low"),
    ),
    "pulse": (("pulse", ">", "threshold.pulse.high"), ("pulse", "<", "threshold.pulse.low")),
    "glucose": (("glucose", ">=", "threshold.glucose.high"), ("glucose", "<", "threshold.glucose.low")),
    "temp": (("temp", ">=", "threshold.temp.high"),),
    "weight": (),
}


def threshold_keys() -> list[str]:
    return [key for rules in THRESHOLD_RULES.values() for _, _, key in rules]


def evaluate(reading: ReadingInput, thresholds: dict[str, float]) -> tuple[ReadingFlag, ...]:
    """The thresholds this reading reaches (``thresholds`` maps setting keys to values)."""
    flags: list[ReadingFlag] = []
    for measure, op, key in THRESHOLD_RULES[reading.kind]:
        limit = float(thresholds.get(key) or 0)
        if not limit:
            continue
        value = reading.value2 if measure == "diastolic" else reading.value
        assert value is not None
        reached = value >= limit if op == ">=" else value > limit if op == ">" else value < limit
        if reached:
            flags.append(ReadingFlag(measure, op, limit, value))
    return tuple(flags)


def flags_to_text(flags: tuple[ReadingFlag, ...]) -> str | None:
    """Stored form: ``systolic>=140;diastolic>=90`` (None when nothing was reached)."""
    if not flags:
        return None
    return ";".join(f"{f.measure}{f.op}{format_number(f.threshold)}" for f in flags)


_FLAG = re.compile(r"^([a-z]+)(>=|>|<)([0-9.]+)$")


def flags_from_text(text: str | None, value: float, value2: float | None) -> tuple[ReadingFlag, ...]:
    """Read the stored form back; the value each flag refers to is taken from the reading."""
    flags: list[ReadingFlag] = []
    for part in (text or "").split(";"):
        match = _FLAG.match(part.strip())
        if match:
            measure = match[1]
            flags.append(
                ReadingFlag(
                    measure,
                    match[2],
                    float(match[3]),
                    value2 if measure == "diastolic" and value2 is not None else value,
                )
            )
    return tuple(flags)


# -- showing numbers -------------------------------------------------------------
def format_number(value: float) -> str:
    """``139`` for 139.0, ``6.1`` for 6.1: no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def reading_text(kind: str, value: float, value2: float | None) -> str:
    """``139/90``, ``63``, ``36.8``: the value as she would write it (without unit)."""
    if kind == "bp" and value2 is not None:
        return f"{format_number(value)}/{format_number(value2)}"
    return format_number(value)


MEASURES = ("systolic", "diastolic", "pulse", "glucose", "temp", "weight")


def measure_label(measure: str) -> str:
    """``diastolic`` / ``舒张压`` in the interface language."""
    from gridnote.messages.i18n import t

    return t("reading.measure." + measure) if measure in MEASURES else measure


def unit_of(measure: str) -> str:
    """The unit shown with a measure, in the interface language (``/min`` is ``次/分`` in Chinese)."""
    return unit_label(UNITS["bp" if measure in ("systolic", "diastolic") else measure])


def unit_label(unit: str) -> str:
    """A stored unit as shown: mmHg, mmol/L, °C and kg read the same in both languages."""
    from gridnote.messages.i18n import t

    return t("reading.unit.per_minute") if unit == "/min" else unit
