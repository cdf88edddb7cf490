"""gridnote.input.address: every way an address is typed, read as building, unit and room."""

from __future__ import annotations

import pytest

from gridnote.input.address import Address, parse_address


@pytest.mark.parametrize(
    "text, expected",
    [
        ("8-2-301", Address("8", "2", "301")),
        ("8号楼2单元301", Address("8", "2", "301")),
        ("8栋2单元301室", Address("8", "2", "301")),
        ("８－２－３０１", Address("8", "2", "301")),
        ("8幢 2单元 301", Address("8", "2", "301")),
        ("5a-1-101", Address("5A", "1", "101")),
        ("8", Address("8")),
        ("8-2", Address("8", "2")),
        ("8号楼", Address("8")),
        ("李奶奶", None),
        ("8-2-301-1", None),
        ("", None),
    ],
)
def test_addresses(text, expected) -> None:
    assert parse_address(text) == expected
