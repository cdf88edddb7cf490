"""Small parts of the registry: paths, addresses, pinyin, masking, export, the examples folder."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from gridnote.input.address import Address, parse_address
from gridnote.input.pinyin import pinyin_keys
from gridnote.output.privacy import mask_id, mask_phone
from gridnote.store.paths import notebook_path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_notebook_path_precedence(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GRIDNOTE_DB", str(tmp_path / "env.db"))
    assert notebook_path(tmp_path / "opt.db") == tmp_path / "opt.db"
    assert notebook_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("GRIDNOTE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert notebook_path(None) == tmp_path / "data" / "gridnote" / "notebook.db"


def test_default_notebook_is_created_in_the_data_folder(cli, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("GRIDNOTE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli("resident", "add", "王芳", "-a", "5-1-101").exit_code == 0
    path = tmp_path / "data" / "gridnote" / "notebook.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


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


@pytest.mark.parametrize(
    "names, full, initials",
    [
        (("李秀英", "李奶奶"), "lixiuying linainai", "lxy lnn"),
        (("曾俊华", "曾奶奶"), "zengjunhua zengnainai", "zjh znn"),
        (("单田芳", None), "shantianfang", "stf"),
        (("解小东", None), "xiexiaodong", "xxd"),
        (("仇英", None), "qiuying", "qy"),
        (("区志强", None), "ouzhiqiang", "ozq"),
        (("朴树", "老朴"), "piaoshu laopiao", "ps lp"),
        (("尉迟恭", None), "yuchigong", "ycg"),
        (("Tom Li", None), "tomli", "tl"),
    ],
)
def test_pinyin_uses_surname_readings(names, full, initials) -> None:
    assert pinyin_keys(*names) == (full, initials)


def test_masks() -> None:
    assert mask_phone("13857112345") == "138****2345"
    # a landline keeps its area code (the city) and its last four digits
    assert mask_phone("0571-88886666") == "0571-****6666" and mask_phone("057188886666") == "0571****6666"
    assert mask_phone("010-12345678") == "010-****5678" and mask_phone("01012345678") == "010****5678"
    assert mask_phone("021 5555 6666") == "021 **** 6666" and mask_phone("0571-8888666") == "0571-***8666"
    assert mask_phone("88886666") == "88****66" and mask_phone("123456") == "******"
    assert mask_id("11010119440312002X") == "110101********002X"
    assert mask_phone("") == "" and mask_id(None) == ""


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


def test_example_files_behave_as_documented(cli) -> None:
    ok = cli("resident", "import", str(EXAMPLES / "residents-gb18030.csv"))
    assert ok.exit_code == 0 and "3 added" in ok.stdout
    bad = cli("resident", "import", str(EXAMPLES / "residents-bad-row.csv"))
    assert bad.exit_code == 2 and "row 5:" in bad.stderr
    again = cli("resident", "import", str(EXAMPLES / "residents.xlsx"))
    assert "3 unchanged" in again.stdout


def test_example_grid_is_the_same_every_time() -> None:
    from gridnote.services.demo import generate

    first = [(p.fields.name, p.fields.alias, p.household.canonical(), tuple(p.fields.tags)) for p in generate()]
    second = [(p.fields.name, p.fields.alias, p.household.canonical(), tuple(p.fields.tags)) for p in generate()]
    assert first == second and len(first) == 752
    assert len({p[2] for p in first}) == 317
    by_alias = {p[1]: p for p in first if p[1]}
    assert by_alias["李奶奶"][2] == by_alias["张大爷"][2] == "8-2-301"
    assert "bedridden" in by_alias["李奶奶"][3] and "hypertension" in by_alias["李奶奶"][3]
    assert "living-alone" in by_alias["高阿姨"][3]


def test_config_roundtrip(cli) -> None:
    assert cli("config", "get", "care.bedridden").stdout.strip() == "3"
    assert cli("config", "set", "care.bedridden", "2").exit_code == 0
    assert cli("config", "get", "care.bedridden").stdout.strip() == "2"
    assert json.loads(cli("config", "list", "--json").stdout)["care.bedridden"] == 2
    bad = cli("config", "set", "care.bedridden", "zero")
    assert bad.exit_code == 2 and bad.stderr.strip() == 'Error: care.bedridden needs a number, not "zero"'
    assert cli("config", "set", "nope", "1").exit_code == 2
    assert cli("config", "unset", "care.bedridden").exit_code == 0
    assert cli("config", "get", "care.bedridden").stdout.strip() == "3"


def test_config_lang_switches_messages(cli) -> None:
    cli("resident", "add", "王芳", "-a", "5-1-101")
    assert cli("config", "set", "lang", "中文").exit_code == 0
    assert "共 1 人" in cli("resident", "list").stdout
    assert "residents: 1" in cli("resident", "list", env={"GRIDNOTE_LANG": "en"}).stdout
    assert cli("config", "set", "timezone", "Mars/Base").exit_code == 2


def test_threshold_pairs_stay_in_order(cli) -> None:
    result = cli("config", "set", "threshold.glucose.low", "8")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: threshold.glucose.low (8.0) must stay below threshold.glucose.high (7.0)"
    assert cli("config", "set", "threshold.glucose.high", "0").exit_code == 0  # switched off: no order to keep
    assert cli("config", "set", "threshold.glucose.low", "8").exit_code == 0


def test_texts_have_one_length_limit_whatever_path_they_take(cli, demo, nb) -> None:
    long = "长" * 600
    follow = cli("log", "李奶奶", "看望", "--follow-up", f"明天: {long}")
    assert follow.exit_code == 2 and "the text is too long (600 characters; 500 at most)" in follow.stderr
    assert nb.scalar("SELECT count(*) FROM visits") == 0
    for args in (["issue", "add", long], ["event", "add", long, "--at", "14:00"], ["log", "李奶奶", "长" * 2001]):
        result = cli(*args)
        assert result.exit_code == 2 and "the text is too long" in result.stderr, args
