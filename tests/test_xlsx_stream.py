"""Workbooks are streamed row by row into the part file that becomes them: they read back with their
types and values, and a write that fails midway leaves no file, no part file and no scratch folder."""

from __future__ import annotations

import os
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from gridnote.errors import FileError
from gridnote.output.files import atomic_write
from gridnote.output.spreadsheet import XlsxStream


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("notebook.db"))


def test_a_streamed_workbook_reads_back_with_its_types(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "t.xlsx"
    rows = [
        ['=HYPERLINK("http://x")', "http://example.com", "0571-8888", "330106198507160027", "-3", " 两边有空格 "],
        [7, 2.5, True, date(2026, 11, 29), datetime(2026, 11, 29, 6, 40), None],
    ]

    def write(handle) -> None:
        with XlsxStream(handle, tmp_path, target.name) as book:
            sheet = book.sheet("居民", widths=[12, 30])
            sheet.append(["文本", "链接", "电话", "身份证", "负数", "空格"], bold=True)
            for row in rows:
                sheet.append(row, {1: '0.0" 天"'} if isinstance(row[0], int) else None)
            sheet.freeze_header()
            second = book.sheet("Rates")
            second.append([0.125], {0: "0.0%"})

    atomic_write(target, write)
    assert _left(tmp_path) == ["t.xlsx"]  # no part file, no scratch folder
    book = load_workbook(target)
    assert book.sheetnames == ["居民", "Rates"]
    sheet = book["居民"]
    assert [c.value for c in sheet[2]] == rows[0]  # every text exactly, none a formula, link or number
    assert {c.data_type for c in sheet[2]} == {"s"}
    values = [c.value for c in sheet[3]]
    assert values == [7, 2.5, True, datetime(2026, 11, 29), datetime(2026, 11, 29, 6, 40), None]
    assert [c.number_format for c in sheet[3]][:5] == [
        "General",
        '0.0" 天"',
        "General",
        "yyyy-mm-dd",
        "yyyy-mm-dd hh:mm",
    ]
    assert sheet["A1"].font.bold and not sheet["A2"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == pytest.approx(30, abs=1)
    assert (book["Rates"]["A1"].value, book["Rates"]["A1"].number_format) == (0.125, "0.0%")
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_write_that_fails_midway_leaves_nothing(tmp_path: Path, failure: BaseException) -> None:
    target = tmp_path / "big.xlsx"
    written = 0

    def write(handle) -> None:
        nonlocal written
        with XlsxStream(handle, tmp_path, target.name) as book:
            sheet = book.sheet("Residents")
            for n in range(5000):
                if n == 4000:
                    assert len(_left(tmp_path)) == 2  # the part file and the scratch folder, beside the target
                    raise failure
                sheet.append([f"李秀英{n}", n])
                written += 1

    with pytest.raises((FileError, KeyboardInterrupt)) as caught:
        atomic_write(target, write)
    if isinstance(failure, OSError):
        assert caught.value.key == "file.cannot_write"  # type: ignore[union-attr]
        assert str(caught.value.values["reason"]) == "the disk is full"  # type: ignore[union-attr]
    assert written == 4000
    assert _left(tmp_path) == []


def test_a_full_disk_while_zipping_is_an_os_error(tmp_path: Path) -> None:
    """xlsxwriter wraps what the system says in its own FileCreateError; the caller gets the OSError back."""

    class Full:
        def __init__(self) -> None:
            self.size = 0

        def write(self, data: bytes) -> int:
            if self.size + len(data) > 2000:
                raise OSError(28, "No space left on device")
            self.size += len(data)
            return len(data)

        def tell(self) -> int:
            return self.size

        def seekable(self) -> bool:
            return False

        def flush(self) -> None:
            pass

    book = XlsxStream(Full(), tmp_path)  # type: ignore[arg-type]
    sheet = book.sheet("Residents")
    for n in range(3000):
        sheet.append([f"李秀英{n}", f"8-2-{n}"])
    with pytest.raises(OSError) as caught:
        book.close()
    assert caught.value.errno == 28
    assert _left(tmp_path) == []


def test_a_killed_streams_scratch_folder_is_removed_by_the_next_write(cli, tmp_path: Path) -> None:
    assert cli("resident", "add", "李秀英", "-a", "8-2-301").exit_code == 0
    stale = tmp_path / ".e.xlsx.abc123.part"
    stale.mkdir()
    (stale / "tmpq1w2e3").write_text("<row><c><is><t>李秀英</t></is></c></row>", encoding="utf-8")
    hour_ago = time.time() - 3601
    os.utime(stale, (hour_ago, hour_ago))
    result = cli("resident", "export", "-o", str(tmp_path / "e.xlsx"))
    assert result.exit_code == 0, result.stderr
    assert _left(tmp_path) == ["e.xlsx"]


def test_a_resident_export_streams_every_row(cli, tmp_path: Path) -> None:
    """2,000 residents (more than a sheet's first buffer): every one in order, numbers of digits as text."""
    from openpyxl import load_workbook

    roster = tmp_path / "roster.csv"
    lines = ["姓名,地址,联系电话"] + [f"居民{n:04d},{n % 9 + 1}-1-{n % 300 + 101},1385711{n:04d}" for n in range(2000)]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli("resident", "import", str(roster)).exit_code == 0
    out = tmp_path / "all.xlsx"
    assert cli("resident", "export", "--full", "-o", str(out)).exit_code == 0
    sheet = load_workbook(out, read_only=True).active
    assert sheet is not None
    got = [row[:5] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(got) == 2000
    assert sorted(r[0] for r in got) == [f"居民{n:04d}" for n in range(2000)]
    assert all(isinstance(r[4], str) and len(r[4]) == 11 for r in got)
    assert _left(tmp_path) == ["all.xlsx", "roster.csv"]
