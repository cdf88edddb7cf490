"""Importing residents from spreadsheets as Chinese offices export them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CHINESE_CSV = (
    "姓名,称呼,性别,楼栋,单元,房号,联系电话,出生日期,人员类别,备注\n"
    "李秀英,李奶奶,女,8号楼,2,301,13857112345,1944/3/12,失能、高血压,早上量血压\n"
    "张国华,张大爷,男,8,2单元,301室,13857112346,1942,高龄,\n"
    "高玉兰,高阿姨,女,5,1,502,13967154321,1956年11月20日,独居,怕黑\n"
)


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def names(cli) -> list[str]:
    return [r["name"] for r in json.loads(cli("resident", "list", "--json").stdout)]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8", "utf-8-sig", "utf-16"])
def test_chinese_headers_in_every_encoding(cli, tmp_path, encoding) -> None:
    text = CHINESE_CSV.replace(",", "\t") if encoding == "utf-16" else CHINESE_CSV
    path = write(tmp_path / "花名册.csv", text, encoding)
    result = cli("resident", "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert "rows: 3" in result.stdout and "3 added" in result.stdout
    assert names(cli) == ["高玉兰", "李秀英", "张国华"]
    li = json.loads(cli("resident", "show", "李奶奶", "--json").stdout)
    assert li["address"] == "8-2-301" and li["birth"] == "1944-03-12"
    assert li["tags"] == ["bedridden", "hypertension"] and li["note"] == "早上量血压"
    gao = json.loads(cli("resident", "show", "高阿姨", "--json").stdout)
    assert gao["birth"] == "1956-11-20" and gao["tags"] == ["living-alone"]


def test_gb18030_is_reported(cli, tmp_path) -> None:
    path = write(tmp_path / "a.csv", CHINESE_CSV, "gb18030")
    assert "(gb18030)" in cli("resident", "import", str(path)).stdout


def test_english_headers_and_address_column(cli, tmp_path) -> None:
    path = write(
        tmp_path / "a.csv", "name,alias,address,phone,tags\nWang Fang,,5-1-101,13800000001,living alone\n", "utf-8"
    )
    assert cli("resident", "import", str(path)).exit_code == 0
    assert json.loads(cli("resident", "show", "wang fang", "--json").stdout)["tags"] == ["living-alone"]


def test_importing_twice_creates_no_duplicates(cli, tmp_path) -> None:
    path = write(tmp_path / "a.csv", CHINESE_CSV, "gb18030")
    cli("resident", "import", str(path))
    again = cli("resident", "import", str(path))
    assert again.exit_code == 0
    assert "0 added, 0 updated, 3 unchanged" in again.stdout
    assert len(names(cli)) == 3


def test_reimport_with_changes_updates(cli, tmp_path) -> None:
    cli("resident", "import", str(write(tmp_path / "a.csv", CHINESE_CSV, "utf-8")))
    changed = CHINESE_CSV.replace("怕黑", "怕黑，有侄子").replace("13967154321", "13967154322")
    result = cli("resident", "import", str(write(tmp_path / "b.csv", changed, "utf-8")))
    assert "0 added, 1 updated, 2 unchanged" in result.stdout
    gao = json.loads(cli("resident", "show", "高阿姨", "--json").stdout)
    assert gao["note"] == "怕黑，有侄子"
    assert gao["phones"] == ["13967154321", "13967154322"]  # phones are added, never silently dropped


def test_one_bad_row_imports_nothing_and_names_it(cli, tmp_path, nb) -> None:
    bad = CHINESE_CSV + "王五,,男,8,2,302,12345,1950,,\n赵六,,X,8,2,303,,1950,,\n"
    result = cli("resident", "import", str(write(tmp_path / "bad.csv", bad, "gb18030")))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "Error: rows that cannot be imported: 2; nothing was imported:"
    assert lines[1].strip() == 'row 5: "12345" is not a phone number'
    assert lines[2].strip().startswith("row 6: gender must be f/m")
    assert nb.scalar("SELECT count(*) FROM residents") == 0
    assert nb.scalar("SELECT count(*) FROM households") == 0


def test_dry_run_writes_nothing(cli, tmp_path, nb) -> None:
    result = cli("resident", "import", str(write(tmp_path / "a.csv", CHINESE_CSV, "gb18030")), "--dry-run")
    assert result.exit_code == 0
    assert "Dry run, nothing written: of 3 rows (gb18030) it would add 3" in " ".join(result.stdout.split())
    assert nb.scalar("SELECT count(*) FROM residents") == 0
    assert nb.scalar("SELECT count(*) FROM buildings") == 0


def test_xlsx(cli, tmp_path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "地址", "手机号", "出生日期", "标签"])
    sheet.append(["李秀英", "女", "8-2-301", 13857112345, datetime(1944, 3, 12), "失能"])
    sheet.append(["张国华", "男", "8号楼2单元301", "13857112346", 1942, None])
    path = tmp_path / "r.xlsx"
    book.save(path)
    result = cli("resident", "import", str(path))
    assert result.exit_code == 0, result.stderr
    li = json.loads(cli("resident", "show", "李秀英", "--json").stdout)
    assert li["birth"] == "1944-03-12" and li["phones"] == ["13857112345"]
    assert json.loads(cli("resident", "show", "张国华", "--json").stdout)["birth"] == "1942"


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "file not found"),
        (b"", "the file is empty"),
        ("电话,备注\n1,2\n".encode(), "no name column"),
        ("姓名,备注\n李,2\n".encode(), "no address columns"),
        (b"\x81\x30\xff\xfe\xff\x00abc\xff", "cannot tell the file's encoding"),
    ],
)
def test_unreadable_files(cli, tmp_path, content, message) -> None:
    path = tmp_path / "x.csv"
    if content is not None:
        path.write_bytes(content)
    result = cli("resident", "import", str(path))
    assert result.exit_code != 0
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_broken_xlsx(cli, tmp_path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a zip")
    result = cli("resident", "import", str(path))
    assert result.exit_code == 6 and "is not a readable XLSX workbook" in result.stderr


def test_import_752_rows_roundtrip_with_export(cli, demo, tmp_path) -> None:
    out = tmp_path / "all.csv"
    written = cli("resident", "export", "-o", str(out), "--full")
    assert written.exit_code == 0
    # a path wider than the 80 columns is folded by the terminal's width: compare without the breaks
    assert "".join(written.stdout.split()).startswith("".join(f"✓ Residents written to {out}: 752 (csv)".split()))
    assert cli("init", str(tmp_path / "fresh.db")).exit_code == 0
    result = cli("--db", str(tmp_path / "fresh.db"), "resident", "import", str(out))
    assert result.exit_code == 0, result.stderr
    assert "752 added" in result.stdout
    assert "building 8" in cli("--db", str(tmp_path / "fresh.db"), "building", "list").stdout


def test_namesakes_in_one_flat_survive_the_round_trip(cli, demo, tmp_path) -> None:
    """Two people of one name in one flat are two rows of the export, and two residents again."""
    for extra in (
        ("李秀英",),
        ("王小明", "-p", "13800000001"),
        ("王小明", "-p", "13800000002"),
        ("王小明", "--born", "1990"),
    ):
        result = cli("resident", "add", *extra, "-a", "8-2-301", "--same-name")
        assert result.exit_code == 0, result.stderr
    out, fresh = tmp_path / "full.csv", str(tmp_path / "fresh.db")
    assert cli("resident", "export", "-o", str(out), "--full").exit_code == 0
    assert cli("init", fresh).exit_code == 0
    result = cli("--db", fresh, "resident", "import", str(out))
    assert result.exit_code == 0, result.stderr
    assert "756 added, 0 updated, 0 unchanged" in " ".join(result.stdout.split())
    again = cli("--db", fresh, "resident", "import", str(out))
    assert "0 added, 0 updated, 756 unchanged" in " ".join(again.stdout.split())
    before = json.loads(cli("resident", "list", "--json").stdout)
    after = json.loads(cli("--db", fresh, "resident", "list", "--json").stdout)
    assert sorted((r["name"], r["address"], r["birth"] or "", r["phones"]) for r in after) == sorted(
        (r["name"], r["address"], r["birth"] or "", r["phones"]) for r in before
    )


def test_a_row_merges_into_the_namesake_it_describes(cli, tmp_path, nb) -> None:
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--born", "1944", "-p", "13857112345").exit_code == 0
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--same-name", "--born", "1980").exit_code == 0
    text = "姓名,地址,出生日期,联系电话\n李秀英,8-2-301,,\n李秀英,8-2-301,1944,13857112345\n"
    result = cli("resident", "import", str(write(tmp_path / "a.csv", text, "utf-8")))
    assert "0 added, 0 updated, 2 unchanged" in result.stdout
    other = "姓名,地址,出生日期\n李秀英,8-2-301,1950\n"  # a third one, born another year
    assert "1 added" in cli("resident", "import", str(write(tmp_path / "b.csv", other, "utf-8"))).stdout
    assert nb.scalar("SELECT count(*) FROM residents") == 3


def test_excel_values_people_really_have(cli, tmp_path) -> None:
    text = "姓名,楼栋,单元,房号,出生日期,人员类别\n李秀英,8,一单元,0301,16143,高血压 独居\n张国华,8,1,301,1942年,\n"
    result = cli("resident", "import", str(write(tmp_path / "a.csv", text, "gbk")))
    assert result.exit_code == 0, result.stderr
    li = json.loads(cli("resident", "show", "李秀英", "--json").stdout)
    assert (li["address"], li["birth"], li["tags"]) == ("8-1-301", "1944-03-12", ["hypertension", "living-alone"])
    assert json.loads(cli("resident", "show", "张国华", "--json").stdout)["birth"] == "1942"


def test_an_id_number_mangled_by_excel_is_explained(cli, tmp_path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "地址", "身份证号"])
    book.active.append(["李秀英", "8-2-301", 110101194403120000])
    path = tmp_path / "r.xlsx"
    book.save(path)
    result = cli("resident", "import", str(path))
    assert result.exit_code == 2 and "stored by Excel as a number" in result.stderr


# -- buildings the grid does not have: the same rule as `resident add` -----------------------------
TYPO_CSV = "姓名,楼栋,单元,房号\n冯一,99,1,101\n冯二,8,1,101\n冯三,8,1,\n"


def test_a_row_in_an_unknown_building_is_a_bad_row_like_resident_add(cli, tmp_path, nb) -> None:
    assert cli("building", "add", "8").exit_code == 0
    path = write(tmp_path / "a.csv", TYPO_CSV, "utf-8")
    for extra in ((), ("--dry-run",)):
        result = cli("resident", "import", str(path), *extra)
        assert result.exit_code == 2 and result.stdout == ""
        lines = [line.strip() for line in result.stderr.strip().splitlines()]
        assert lines[0] == "Error: rows that cannot be imported: 2; nothing was imported:"
        assert lines[1] == (
            "row 2: there is no building 99 in this grid (known: 8), so 99-1-101 looks like a typo; "
            "add the building first (gridnote building add 99) or import with --new-buildings"
        )
        assert lines[2].startswith("row 4: incomplete address")
    typed = cli("resident", "add", "冯一", "-a", "99-1-101")
    assert typed.exit_code != 0 and "gridnote building add 99" in typed.stderr
    assert nb.scalar("SELECT count(*) FROM buildings") == 1
    assert nb.scalar("SELECT count(*) FROM residents") == 0


def test_new_buildings_on_purpose_are_announced(cli, tmp_path, nb) -> None:
    assert cli("building", "add", "8").exit_code == 0
    path = write(tmp_path / "a.csv", TYPO_CSV.replace("冯三,8,1,\n", ""), "utf-8")
    dry = cli("--lang", "zh", "resident", "import", str(path), "--new-buildings", "--dry-run")
    assert dry.exit_code == 0 and "将新加入网格的楼栋：99" in dry.stdout
    assert nb.scalar("SELECT count(*) FROM buildings") == 1
    done = cli("resident", "import", str(path), "--new-buildings")
    assert done.exit_code == 0, done.stderr
    assert "2 added" in done.stdout and "New buildings added to the grid: 99" in done.stdout
    assert nb.scalar("SELECT group_concat(code) FROM (SELECT code FROM buildings ORDER BY code)") == "8,99"
    assert "New buildings" not in cli("resident", "import", str(path)).stdout  # they are known now


def test_a_row_that_fits_two_namesakes_alike_is_a_bad_row(cli, tmp_path, nb) -> None:
    """Nothing in the row tells 李秀英 #1 from #2: merging into either would overwrite someone's note."""
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--born", "1944", "-n", "老伴去世").exit_code == 0
    assert cli("resident", "add", "李秀英", "-a", "8-2-301", "--same-name", "--born", "1990").exit_code == 0
    notes = "SELECT group_concat(coalesce(note, '-'), '|') FROM residents ORDER BY id"
    before = nb.scalar(notes)
    text = "姓名,楼栋,单元,房号,备注\n冯一,8,1,101,\n李秀英,8,2,301,谁\n"
    result = cli("resident", "import", str(write(tmp_path / "t3.csv", text, "utf-8")))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = [line.strip() for line in result.stderr.strip().splitlines()]
    assert lines == [
        "Error: rows that cannot be imported: 1; nothing was imported:",
        "row 3: 李秀英 at 8-2-301 matches several residents alike: #1 李秀英 8-2-301; #2 李秀英 8-2-301. "
        "Add an ID number, birth date or phone to the row to say which",
    ]
    assert nb.scalar(notes) == before and nb.scalar("SELECT count(*) FROM residents") == 2  # all or nothing
    zh = cli("--lang", "zh", "resident", "import", str(tmp_path / "t3.csv"))
    assert "第 3 行：8-2-301 的 李秀英 与多位居民同样相符：#1 李秀英 8-2-301；#2 李秀英 8-2-301。" in zh.stderr
    told = "姓名,楼栋,单元,房号,备注,出生日期\n李秀英,8,2,301,谁,1990\n"  # the birth year says which
    assert "1 updated" in cli("resident", "import", str(write(tmp_path / "t4.csv", told, "utf-8"))).stdout
    assert nb.scalar("SELECT note FROM residents WHERE id = 2") == "谁"
    assert nb.scalar("SELECT note FROM residents WHERE id = 1") == "老伴去世"
