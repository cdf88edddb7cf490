"""Which encoding an imported CSV is in: read when gridnote reads it, refused by name when not.

The files are written here in real Big5, GB18030, GBK and UTF-16, as Excel and
older Taiwanese or Hong Kong offices save them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("charset_normalizer") is None and not os.environ.get("CI"),
    reason="charset-normalizer (a dependency) is not installed in this environment: pip install -e .",
)

ROSTER = (
    "姓名,称呼,性别,楼栋,单元,房号,联系电话,出生日期,人员类别,备注\n"
    "李秀英,李奶奶,女,8,2,301,13857112345,1944/3/12,失能、高血压,早上量血压\n"
    "张国华,张大爷,男,8,2,301,13857112346,1942,高龄,\n"
    "高玉兰,高阿姨,女,5,1,502,13967154321,1956年11月20日,独居,怕黑\n"
)
# the same roster as a Traditional-Chinese office writes it
ROSTER_TRADITIONAL = (
    "姓名,稱呼,性別,樓棟,單元,房號,聯絡電話,出生日期,人員類別,備註\n"
    "李秀英,李奶奶,女,8,2,301,13857112345,1944/3/12,失能、高血壓,早上量血壓\n"
    "張國華,張大爺,男,8,2,301,13857112346,1942,高齡,\n"
    "高玉蘭,高阿姨,女,5,1,502,13967154321,1956年11月20日,獨居,怕黑\n"
)
SHORT = "姓名,地址\n李秀英,8-2-301\n"
SHORT_TRADITIONAL = "姓名,地址\n張國華,8-2-301\n"


def imported(cli, path: Path) -> tuple[int, str, str]:
    result = cli("resident", "import", str(path), "--new-buildings")
    return result.exit_code, result.stdout, result.stderr


def names(cli) -> list[str]:
    return sorted(r["name"] for r in json.loads(cli("resident", "list", "--json").stdout))


@pytest.mark.parametrize(
    "encoding, text, reported",
    [
        ("gb18030", ROSTER, "gb18030"),
        ("gbk", ROSTER, "gb18030"),
        ("gb18030", SHORT, "gb18030"),  # two lines: little for a detector to go on
        ("utf-16", ROSTER.replace(",", "\t"), "utf-16"),  # Excel's "Unicode text": a BOM, tabs
        ("utf-16-le", ROSTER.replace(",", "\t"), "utf-16"),  # the same without its BOM
        ("utf-16-be", ROSTER, "utf-16"),
    ],
)
def test_files_gridnote_reads(cli, tmp_path, encoding, text, reported) -> None:
    path = tmp_path / "花名册.csv"
    path.write_bytes(text.encode(encoding))
    code, out, err = imported(cli, path)
    assert (code, err) == (0, "")
    assert f"({reported})" in out
    expected = ["李秀英"] if text is SHORT else ["张国华", "李秀英", "高玉兰"]
    assert names(cli) == expected


@pytest.mark.parametrize("text", [ROSTER_TRADITIONAL, SHORT_TRADITIONAL], ids=["roster", "two lines"])
def test_big5_is_refused_by_name(cli, tmp_path, text) -> None:
    path = tmp_path / "名冊.csv"
    path.write_bytes(text.encode("big5"))
    assert text.encode("big5").decode("gb18030")  # (GB18030 would read it: as nonsense)
    code, out, err = imported(cli, path)
    assert (code, out) == (6, "")
    assert err == (
        f"Error: {path} looks like Big5 (Traditional Chinese), which gridnote does not read; "
        "save it as UTF-8 (in Excel: CSV UTF-8) and import again\n"
    )
    chinese = cli("--lang", "zh", "resident", "import", str(path)).stderr
    assert (
        chinese
        == f"错误：{path} 看起来是 Big5（繁体中文） 编码，gridnote 不读这种编码；请另存为 UTF-8（Excel 中选“CSV UTF-8”）后再导入\n"
    )
    assert names(cli) == []


def test_shift_jis_is_refused_by_name(cli, tmp_path) -> None:
    path = tmp_path / "名簿.csv"
    path.write_bytes("氏名,住所\n山田太郎,東京都新宿区\n佐藤花子,大阪府大阪市\n".encode("shift_jis"))
    code, out, err = imported(cli, path)
    assert (code, out) == (6, "")
    assert err.startswith(f"Error: {path} looks like Shift_JIS (Japanese), which gridnote does not read")


def test_a_damaged_utf16_file_is_refused(cli, tmp_path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\xff\xfe" + "姓名\n".encode("utf-16-le") + b"\x00")  # an odd byte at the end
    code, _, err = imported(cli, path)
    assert code == 6
    assert err.startswith(f"Error: cannot tell the file's encoding: {path} is not UTF-8, UTF-16 or GB18030")


def detector_loaded(tmp_path: Path, text: str, encoding: str) -> bool:
    """Whether importing this file loaded charset-normalizer (in a fresh interpreter)."""
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    probe = (
        "import sys\n"
        "from gridnote.cli import app\n"
        f"try:\n    app(['resident', 'import', {str(path)!r}, '--new-buildings'])\nexcept SystemExit:\n    pass\n"
        "print('charset_normalizer' in sys.modules)\n"
    )
    env = dict(os.environ)  # the notebook conftest made for this test
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    return done.stdout.splitlines()[-1] == "True"


def test_the_detector_is_loaded_only_when_the_file_is_not_utf8(tmp_path) -> None:
    assert detector_loaded(tmp_path, ROSTER, "utf-8") is False
    assert detector_loaded(tmp_path, ROSTER, "utf-8-sig") is False
    assert detector_loaded(tmp_path, ROSTER, "gb18030") is True
