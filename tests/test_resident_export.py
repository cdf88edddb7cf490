"""``resident export``: masked by default, CSV for Chinese Excel or XLSX, nothing left on failure."""

from __future__ import annotations

import csv
import io
import stat


def test_export_masks_by_default_and_full_on_request(cli, tmp_path) -> None:
    cli("resident", "add", "李秀英", "-a", "8-2-301", "-p", "13857112345", "--id-number", "11010119440312002X")
    masked = tmp_path / "r.csv"
    result = cli("resident", "export", "-o", str(masked))
    assert result.exit_code == 0 and "masked" in result.stdout
    raw = masked.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with a BOM correctly
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[1][:5] == ["李秀英", "", "", "8-2-301", "138****2345"]
    assert rows[1][6] == "110101********002X"
    assert stat.S_IMODE(masked.stat().st_mode) == 0o600
    full = tmp_path / "full.csv"
    result = cli("resident", "export", "-o", str(full), "--full")
    assert "WITH full phone and ID numbers" in result.stdout
    assert "13857112345" in full.read_text(encoding="utf-8-sig")


def test_export_xlsx(cli, tmp_path) -> None:
    from openpyxl import load_workbook

    cli("resident", "add", "李秀英", "-a", "8-2-301", "-p", "13857112345", "-t", "独居")
    path = tmp_path / "r.xlsx"
    assert cli("--lang", "zh", "resident", "export", "-o", str(path)).exit_code == 0
    sheet = load_workbook(path).active
    assert sheet.title == "居民"
    assert [c.value for c in sheet[1]][:5] == ["姓名", "称呼", "性别", "地址", "联系电话"]
    assert sheet["E2"].value == "138****2345" and sheet["H2"].value == "独居"


def test_export_to_unwritable_place_leaves_nothing(cli, tmp_path) -> None:
    cli("resident", "add", "李秀英", "-a", "8-2-301")
    result = cli("resident", "export", "-o", str(tmp_path / "missing" / "r.csv"))
    assert result.exit_code == 6 and "cannot write" in result.stderr
    assert not (tmp_path / "missing").exists()
    bad = cli("resident", "export", "-o", str(tmp_path / "r.pdf"))
    assert bad.exit_code == 2 and 'unknown format "pdf"' in bad.stderr
    assert list(tmp_path.glob("r.*")) == []


def test_csv_keeps_long_numbers_as_text_and_imports_them_back(cli, tmp_path) -> None:
    """Excel and WPS read 330106198507160027 as 3.30106E+17 (its last three digits lost): a tab in front keeps
    the cell text; 11-digit mobiles stay as they are, and the file imports back unchanged."""
    cli("resident", "add", "沈凤英", "-a", "5-1-1001", "-p", "13857112345", "--id-number", "330106198507160027")
    path = tmp_path / "r.csv"
    assert cli("resident", "export", "-o", str(path), "--full").exit_code == 0
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[1] == "沈凤英,,,5-1-1001,13857112345,1985-07-16,\t330106198507160027,,"
    again = cli("resident", "import", str(path))
    assert again.exit_code == 0, again.stderr
    assert again.stdout == "✓ Imported rows: 1 (utf-8-sig): 0 added, 0 updated, 1 unchanged\n"
