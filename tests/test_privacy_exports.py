"""Masking holds in every format that leaves the notebook: the report's six, and ``resident export``'s two.

One note with every form of number input accepts is written into a resident's note, an issue and
a task; no format may show one of them whole. (The forms themselves are generated in
tests/test_privacy.py; here the question is whether every path out goes through the masking.)
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

# as typed -> as every export must show it (worked out by hand: area code and last four of a
# landline, first three and last four of a mobile, region and last four / sequence of an ID,
# two and two of a local number, a third of a passport)
FORMS = {
    "057188887777": "0571****7777",
    "(0571)8888 9999": "(0571)**** 9999",
    "330106490101123": "330106******123",
    "１３８３３３３４４４４": "１３８****４４４４",
    "11010119440312002X": "110101********002X",
    "19912345678": "199****5678",
    "8888777": "88***77",
    "E12345678": "E******78",
}
NOTE = "座机{} 电话{} 老身份证{} 手机{} 身份证{}号 新号{} 本地{} 护照{}".format(*FORMS)


def xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row if c.value)


def assert_masked(text: str, where: str) -> None:
    for typed, masked in FORMS.items():
        assert typed not in text, (where, typed)
        assert masked in text, (where, masked)


@pytest.fixture
def noted(cli):
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--note", NOTE).exit_code == 0
    assert cli("issue", "add", NOTE, "-a", "8-2-301").exit_code == 0
    assert cli("task", "add", NOTE).exit_code == 0
    return cli


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "csv", "xlsx"])
def test_report_masks_every_form_in_every_format(noted, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{ {'text': 'txt', 'markdown': 'md', 'csv': 'zip'}.get(fmt, fmt) }"
    if fmt == "text":
        result = noted("report", env={"COLUMNS": "400"})
        assert result.exit_code == 0, result.stderr
        text = result.stdout
    else:
        result = noted("report", "-f", fmt, "-o", str(out))
        assert result.exit_code == 0, result.stderr
        data = out.read_bytes()
        if fmt == "xlsx":
            text = xlsx_text(data)
        elif fmt == "csv":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                text = "\n".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
        elif fmt == "json":
            text = json.dumps(json.loads(data), ensure_ascii=False)
        else:
            text = data.decode("utf-8")
    assert_masked(text, fmt)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_resident_export_masks_every_form(noted, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    result = noted("resident", "export", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert_masked(xlsx_text(data) if fmt == "xlsx" else data.decode("utf-8-sig"), fmt)


def test_full_keeps_them(noted, tmp_path: Path) -> None:
    out = tmp_path / "full.json"
    assert noted("report", "-f", "json", "-o", str(out), "--full").exit_code == 0
    text = json.dumps(json.loads(out.read_bytes()), ensure_ascii=False)
    assert all(typed in text for typed in FORMS)
