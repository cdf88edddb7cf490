"""What a roster row may hold: mobiles of 11 digits from 1, ID numbers with a province, a past birth date and
their check digit; and a dry run lists the rows it would add or change."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridnote.errors import InputError
from gridnote.services.resident_fields import clean_id_number, clean_phone

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
PROVINCES |= {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}  # GB/T 2260, and the residence permits
TODAY = date(2026, 11, 29)  # the tests' pinned clock


def with_check_digit(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def refused(text: str, clean) -> str | None:
    try:
        clean(text)
    except InputError as exc:
        return exc.key
    return None


@given(st.from_regex(r"1[0-9]{6,14}", fullmatch=True))
def test_a_number_starting_with_1_is_a_mobile_of_11_digits(digits: str) -> None:
    mobile = len(digits) == 11 and digits[1] in "3456789"
    assert refused(digits, clean_phone) == (None if mobile else "resident.bad_mobile")


def test_phones_by_hand() -> None:
    assert refused("1380000000", clean_phone) == "resident.bad_mobile"  # a digit short
    assert refused("138 0000 00001", clean_phone) == "resident.bad_mobile"  # one too many
    assert clean_phone("0571-88886666") == "0571-88886666"  # a landline keeps its area code
    assert clean_phone("010-12345678") == "010-12345678"  # whose local number may start with 1
    assert clean_phone("+86 138 0000 1111") == "13800001111"


@given(
    province=st.integers(10, 99),
    born=st.dates(date(1880, 1, 1), date(2030, 12, 31)),
    county=st.from_regex(r"[0-9]{4}", fullmatch=True),
    serial=st.from_regex(r"[0-9]{3}", fullmatch=True),
)
def test_an_id_number_has_a_province_and_a_past_birth_date(province, born, county, serial) -> None:
    number = with_check_digit(f"{province}{county}{born:%Y%m%d}{serial}")
    if province not in PROVINCES:
        expected = "resident.bad_id_area"
    elif born > TODAY or born.year < 1890:
        expected = "resident.bad_id_birth"
    else:
        expected = None
    assert refused(number, clean_id_number) == expected


def test_id_numbers_by_hand() -> None:
    assert clean_id_number("330106198507160027") == "330106198507160027"
    assert refused("330106198507160028", clean_id_number) == "resident.bad_id_checksum"
    assert refused(with_check_digit("11010119901301123"), clean_id_number) == "resident.bad_id_birth"  # month 13
    assert refused(with_check_digit("11010119900230123"), clean_id_number) == "resident.bad_id_birth"  # 30 Feb
    assert refused(with_check_digit("99010119900101123"), clean_id_number) == "resident.bad_id_area"
    tomorrow = TODAY + timedelta(days=1)
    assert refused(with_check_digit(f"330106{tomorrow:%Y%m%d}123"), clean_id_number) == "resident.bad_id_birth"
    assert clean_id_number("110101440312002") == "110101440312002"  # the old 15 digits: 1944-03-12
    assert refused("110101441312002", clean_id_number) == "resident.bad_id_birth"
    assert refused("990101440312002", clean_id_number) == "resident.bad_id_area"


def test_the_import_says_which_rows_and_why(cli, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    month13 = with_check_digit("11010119901301123")
    path.write_text(
        "name,address,phone,id number\n"
        "王五,5-1-101,1380000000,\n"
        f"王六,5-1-101,,{month13}\n"
        f"王七,5-1-101,,{with_check_digit('99010119900101123')}\n",
        encoding="utf-8",
    )
    result = cli("resident", "import", str(path), "--dry-run")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: rows that cannot be imported: 3; nothing was imported:",
        '  row 2: "1380000000" is not a mobile number: a mobile has 11 digits starting with 1 (e.g. 13800001111)',
        f'  row 3: the ID card number "{month13}" holds the birth date 19901301, which is not a day already past',
        f'  row 4: the ID card number "{with_check_digit("99010119900101123")}" starts with 99, which is no'
        " province's code",
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_dry_run_lists_the_rows_it_would_add_or_change(cli, tmp_path: Path, lang: str) -> None:
    first = tmp_path / "first.csv"
    first.write_text("name,address,phone,note\n乔文,5-1-1001,13848200757,\n沈凤英,5-1-1001,15122950095,\n")
    assert cli("resident", "import", str(first)).exit_code == 0
    second = tmp_path / "second.csv"
    second.write_text(
        "name,address,phone,note\n"
        "王五,5-1-101,13800000000,新来的\n"  # row 2: new
        "乔文,5-1-1001,13900000000,腿脚不便\n"  # row 3: a second phone and a note
        "沈凤英,5-1-1001,15122950095,\n",  # row 4: as before
        encoding="utf-8",
    )
    result = cli("--lang", lang, "resident", "import", str(second), "--dry-run")
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    if lang == "en":
        assert lines == [
            "✓ Dry run, nothing written: of 3 rows (utf-8) it would add 1, update 1, leave 1",
            "unchanged",
            "",
            " Row   Would    Name   Address    Changes",
            " " + "─" * 44,  # 3 + 6 + 4 + 8 + 11 wide, and 3 between each
            " 2     add      王五   5-1-101",
            " 3     update   乔文   5-1-1001   phone, note",
            "",
        ]
    else:
        assert lines[0] == "✓ 试运行，未写入：3 行（utf-8）将新增 1，更新 1，1 行不变"
        assert lines[2:6] == [
            " 行   将     姓名   地址       改动",
            " " + "─" * 44,  # 2 + 4 + 4 + 8 + 14 wide, and 3 between each
            " 2    新增   王五   5-1-101",
            " 3    更新   乔文   5-1-1001   联系电话、备注",
        ]
    again = cli("resident", "list", "乔文", "--json")
    assert "13900000000" not in again.stdout  # nothing was written
