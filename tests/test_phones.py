"""Phone numbers: one stored form for a mobile however it is typed, and masked wherever they are printed."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from gridnote.output.privacy import mask_phone, mask_text


def phones(cli, who: str) -> tuple[list[str], list[str | None]]:
    data = json.loads(cli("resident", "show", who, "--json").stdout)
    return data["phones"], [c["phone"] for c in data["contacts"]]


def test_a_mobile_with_a_country_code_is_stored_as_its_11_digits(cli) -> None:
    result = cli(
        "resident",
        "add",
        "测试甲",
        "-a",
        "5-1-101",
        "-p",
        "+86 138 0000 2222",
        "-p",
        "0086-139-0000-3333",
        "-p",
        "0571-88886666",
        "-p",
        "+1 202 555 0143",
        "--contact",
        "张明,儿子,86-137-0000-4444",
    )
    assert result.exit_code == 0, result.stderr
    assert phones(cli, "测试甲") == (
        ["13800002222", "13900003333", "0571-88886666", "+1-202-555-0143"],
        ["13700004444"],
    )
    assert cli("resident", "edit", "测试甲", "--add-phone", "+8613600005555").exit_code == 0
    assert phones(cli, "测试甲")[0][-1] == "13600005555"
    found = cli("find", "13800002222")
    assert found.exit_code == 0 and "测试甲" in found.stdout


def test_an_imported_mobile_with_a_country_code_is_stored_as_its_11_digits(cli, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "姓名,住址,电话,紧急联系人,联系人电话\n测试乙,5-1-101,+86-138-0000-6666,王五,+86 139 0000 7777\n",
        encoding="utf-8",
    )
    result = cli("resident", "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert phones(cli, "测试乙") == (["13800006666"], ["13900007777"])


def test_the_11_digits_find_a_mobile_stored_the_old_way(cli, nb) -> None:
    """Rows written before the prefix was stripped are left as they are; look-ups still match them."""
    assert cli("resident", "add", "测试丙", "-a", "5-1-101", "-p", "13800002222").exit_code == 0
    with nb.transaction():
        nb.execute("UPDATE residents SET phones = '+86-138-0000-2222'")
    found = cli("find", "13800002222")
    assert found.exit_code == 0, found.stderr
    assert "测试丙" in found.stdout and "+86-138-0000-2222" in found.stdout
    assert json.loads(cli("resident", "show", "13800002222", "--json").stdout)["name"] == "测试丙"
    listed = json.loads(cli("resident", "list", "13800002222", "--json").stdout)
    assert [r["name"] for r in listed] == ["测试丙"]


@pytest.mark.parametrize(
    "phone, masked",
    [
        ("13800001111", "138****1111"),
        ("+86-138-0000-1111", "+86-138-****-1111"),  # was +86-1**-****-1111: the 86 counted as the number
        ("+8613800001111", "+86138****1111"),
        ("0086 138 0000 1111", "0086 138 **** 1111"),
        ("0571-88886666", "0571-****6666"),
        ("88886666", "88****66"),
    ],
)
def test_mask_phone_keeps_the_country_code_and_masks_the_number(phone, masked) -> None:
    assert mask_phone(phone) == masked


def test_mask_text_masks_a_mobile_with_a_country_code() -> None:
    text = "居民来电+8613800001111说路灯，又打0086 139 0000 2222和+86-137-0000-3333"
    assert mask_text(text) == "居民来电+86138****1111说路灯，又打0086 139 **** 2222和+86-137-****-3333"


def test_the_report_masks_a_mobile_with_a_country_code(cli, demo, tmp_path: Path) -> None:
    assert cli("issue", "add", "-b", "6", "居民来电+8613800001111说路灯").exit_code == 0
    shown = cli("report")
    assert shown.exit_code == 0, shown.stderr
    assert "居民来电+86138****1111说路灯" in shown.stdout and "13800001111" not in shown.stdout
    assert cli("report", "-o", str(tmp_path / "d.zip")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "d.zip") as archive:
        rows = list(csv.reader(io.StringIO(archive.read("issues-new.csv").decode("utf-8-sig"))))
    assert rows[1][2] == "居民来电+86138****1111说路灯"
