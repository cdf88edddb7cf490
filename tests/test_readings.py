"""Readings as typed: parsed, checked for plausibility, flagged against thresholds (never diagnosed)."""

from __future__ import annotations

import pytest

from gridnote.domain.readings import (
    ReadingInput,
    evaluate,
    flags_from_text,
    flags_to_text,
    format_number,
    reading_text,
)
from gridnote.domain.settings import SETTINGS
from gridnote.errors import InputError
from gridnote.input.readings import parse_bp, parse_number, parse_reading
from gridnote.messages import i18n
from gridnote.models import ReadingFlag
from gridnote.render.visits import sparkline

DEFAULTS = {key: s.default for key, s in SETTINGS.items() if key.startswith("threshold.")}


@pytest.mark.parametrize("text", ["139/90", " 139 / 90 ", "139／90", "139/90mmHg", "139/90 mmhg", "１３９/９０"])
def test_blood_pressure_forms(text: str) -> None:
    assert parse_bp(text) == ReadingInput("bp", 139, 90)


@pytest.mark.parametrize("text", ["139-90", "abc", "139", "139/", "/90", "139/90/60", "139\\90", "1390/90"])
def test_malformed_blood_pressure(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bp(text)
    assert caught.value.key == "reading.bad_bp"
    assert caught.value.message == (
        f'cannot read the blood pressure "{text.strip()}"; write systolic/diastolic, e.g. 139/90'
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("300/20", "systolic 300 mmHg is not a plausible reading (expected 60–260); nothing was stored"),
        ("59/40", "systolic 59 mmHg is not a plausible reading (expected 60–260); nothing was stored"),
        ("120/29", "diastolic 29 mmHg is not a plausible reading (expected 30–160); nothing was stored"),
        ("200/161", "diastolic 161 mmHg is not a plausible reading (expected 30–160); nothing was stored"),
        ("90/90", "systolic 90 must be higher than diastolic 90; write it as 139/90"),
        ("80/120", "systolic 80 must be higher than diastolic 120; write it as 139/90"),
    ],
)
def test_implausible_blood_pressure(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bp(text)
    assert caught.value.message == message


def test_plausibility_limits_are_inclusive() -> None:
    assert parse_bp("260/160") == ReadingInput("bp", 260, 160)
    assert parse_bp("60/30") == ReadingInput("bp", 60, 30)
    assert parse_number("pulse", "30").value == 30 and parse_number("pulse", "220").value == 220


@pytest.mark.parametrize(
    "kind, text, value",
    [
        ("pulse", "63", 63),
        ("pulse", "63次/分", 63),
        ("pulse", "63 bpm", 63),
        ("glucose", "6.1", 6.1),
        ("glucose", "6.1mmol/L", 6.1),
        ("temp", "36.8", 36.8),
        ("temp", "36.8℃", 36.8),
        ("temp", "36.8°C", 36.8),
        ("temp", "36.8度", 36.8),
        ("weight", "52.5", 52.5),
        ("weight", "52.5kg", 52.5),
        ("weight", "105斤", 52.5),
        ("weight", "52公斤", 52),
    ],
)
def test_single_value_forms(kind: str, text: str, value: float) -> None:
    assert parse_reading(kind, text) == ReadingInput(kind, value)


@pytest.mark.parametrize(
    "kind, text, message",
    [
        ("pulse", "fast", 'cannot read the pulse "fast"; write a number, e.g. 63'),
        ("pulse", "63.5", 'cannot read the pulse "63.5"; write a number, e.g. 63'),
        ("pulse", "-5", 'cannot read the pulse "-5"; write a number, e.g. 63'),
        ("pulse", "29", "pulse 29 /min is not a plausible reading (expected 30–220); nothing was stored"),
        ("pulse", "221", "pulse 221 /min is not a plausible reading (expected 30–220); nothing was stored"),
        ("glucose", "110", "glucose 110 mmol/L is not a plausible reading (expected 1–35); nothing was stored"),
        ("temp", "98.6", "temperature 98.6 °C is not a plausible reading (expected 34–43); nothing was stored"),
        ("weight", "0.5", "weight 0.5 kg is not a plausible reading (expected 2–300); nothing was stored"),
        ("weight", "kg", 'cannot read the weight "kg"; write a number, e.g. 52.5'),
    ],
)
def test_bad_single_values(kind: str, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_reading(kind, text)
    assert caught.value.message == message


def test_errors_in_chinese() -> None:
    i18n.set_lang("zh")
    with pytest.raises(InputError) as caught:
        parse_bp("300/20")
    assert caught.value.message == "收缩压 300 mmHg 不是合理的读数（应在 60–260 之间），未保存"
    with pytest.raises(InputError) as caught:
        parse_bp("139-90")
    assert caught.value.message == "看不懂血压“139-90”，请写成 收缩压/舒张压，如 139/90"
    with pytest.raises(InputError) as caught:
        parse_number("pulse", "快")
    assert caught.value.message == "看不懂脉搏“快”，请写一个数字，如 63"


@pytest.mark.parametrize(
    "reading, expected",
    [
        (ReadingInput("bp", 139, 90), "diastolic>=90"),
        (ReadingInput("bp", 139, 89), None),
        (ReadingInput("bp", 140, 89), "systolic>=140"),
        (ReadingInput("bp", 165, 100), "systolic>=140;diastolic>=90"),
        (ReadingInput("bp", 88, 58), "systolic<90;diastolic<60"),
        (ReadingInput("bp", 90, 60), None),
        (ReadingInput("pulse", 63), None),
        (ReadingInput("pulse", 100), None),
        (ReadingInput("pulse", 101), "pulse>100"),
        (ReadingInput("pulse", 59), "pulse<60"),
        (ReadingInput("glucose", 7.0), "glucose>=7"),
        (ReadingInput("glucose", 6.9), None),
        (ReadingInput("glucose", 3.8), "glucose<3.9"),
        (ReadingInput("temp", 37.3), "temp>=37.3"),
        (ReadingInput("temp", 37.2), None),
        (ReadingInput("weight", 52), None),
    ],
)
def test_default_thresholds(reading: ReadingInput, expected: str | None) -> None:
    assert flags_to_text(evaluate(reading, DEFAULTS)) == expected


def test_a_threshold_of_zero_is_off_and_others_follow_settings() -> None:
    limits = {**DEFAULTS, "threshold.bp.diastolic": 0, "threshold.bp.systolic": 130}
    assert evaluate(ReadingInput("bp", 135, 95), limits) == (ReadingFlag("systolic", ">=", 130, 135),)


def test_stored_flags_read_back_with_their_values() -> None:
    text = flags_to_text(evaluate(ReadingInput("bp", 165, 100), DEFAULTS))
    assert flags_from_text(text, 165, 100) == (
        ReadingFlag("systolic", ">=", 140, 165),
        ReadingFlag("diastolic", ">=", 90, 100),
    )
    assert flags_from_text("glucose<3.9", 3.5, None) == (ReadingFlag("glucose", "<", 3.9, 3.5),)
    assert flags_from_text(None, 1, None) == ()


def test_numbers_are_shown_as_written() -> None:
    assert format_number(139.0) == "139" and format_number(6.1) == "6.1" and format_number(52.25) == "52.25"
    assert reading_text("bp", 139, 90) == "139/90" and reading_text("temp", 36.8, None) == "36.8"


def test_sparkline_rises_with_the_values_and_keeps_small_wobbles_small() -> None:
    assert sparkline([128, 132, 135, 138, 142]) == "▁▃▅▆█"
    assert sparkline([]) == ""
    assert sparkline([139, 139, 139]) == "▅▅▅" == sparkline([139, 139, 139], min_span=40)
    # 138 → 139 over a 40 mmHg minimum span is one step, not bottom to top
    assert sparkline([138, 139]) == "▁█"
    assert sparkline([138, 139], min_span=40) == "▄▅"
    assert sparkline([120, 160], min_span=40) == "▁█"
