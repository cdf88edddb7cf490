"""`gridnote report` after a scripted day on the example grid: sections, counts, languages, privacy, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.report_day import EVENING, at, report, run_day


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def block(lines: list[str], title: str) -> list[str]:
    """The lines of one section: from its title to the next blank line."""
    start = lines.index(title)
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


@pytest.fixture
def day(cli, demo):
    run_day(cli)
    return cli


def test_the_day_in_numbers(day) -> None:
    lines = lines_of(ok(report(day)))
    assert lines[:3] == [
        "Daily report · Sunday 29 November 2026",
        "Generated 2026-11-29 21:50",
        "Privacy: phone and ID numbers masked (--full to include them)",
    ]
    assert block(lines, "The day in numbers") == [
        "The day in numbers",
        "  Visits       3 · home visit 1 · phone call 1 · emergency call-out 1",
        "  Reached      3 residents in 3 households",
        "  Daily walk   4 of 4 buildings",
        "  Readings     3 taken, 2 flagged",
        "  Issues       received 2 · verified 2 · referred 2 · resolved 1 · reported back",
        "               1 · rated 1 · closed 1",
        "  Tasks        2 done, 0 carried over",
        "  Events       1, 23 attendees",
        "  Points       2 awarded to 2 residents, 0 redeemed",
        "  Care visits  170 residents overdue a visit",
    ]


def test_flagged_readings_issues_and_tomorrow(day) -> None:
    lines = lines_of(ok(report(day)))
    assert block(lines, "Flagged readings") == [
        "Flagged readings",
        "06:40 李秀英（李奶奶）",
        "      8-2-301 · blood pressure · 139/90 mmHg · diastolic ≥ 90",
        "20:00 高玉兰（高阿姨）",
        "      5-1-502 · temperature · 37.5 °C · temperature ≥ 37.3",
        "flagged only (--readings all for every one)",
    ]
    assert block(lines, "New issues") == [
        "New issues",
        "#1 8号楼几户下水道堵了",
        "   08:30 · blocked drain · 张国华（张大爷） 138****2346 · referred",
        "#2 5号楼门前有装修垃圾，王先生 139****5678 拍的照",
        "   08:40 · renovation waste · 高玉兰（高阿姨） 139****4321 · closed",
    ]
    assert block(lines, "Issues still open") == [
        "Issues still open",
        "#1 8号楼几户下水道堵了",
        "   08:30 · 0 d · referred · resolution 12-02 08:30 · on time",
    ]
    assert block(lines, "Tomorrow's work (Mon 30 Nov)") == [
        "Tomorrow's work (Mon 30 Nov)",
        "#   Time        What                For",
        "────────────────────────────────────────────────────────────",
        "3   09:00       回访张大爷 下水道   张国华（张大爷） 8-2-301",
        "4   ★ all day   给李奶奶复测血压    李秀英（李奶奶） 8-2-301",
        "and 1 more without a time (gridnote tomorrow)",
    ]
    care = block(lines, "Care-group residents overdue a visit")
    assert care[-1] == "… and 160 more (every one in --format xlsx, html or json)"
    assert "李秀英（李奶奶）" not in "\n".join(care)  # visited this morning
    assert "Rates" not in lines  # a day has no rates


def test_every_reading_with_readings_all(day) -> None:
    lines = lines_of(ok(report(day, "--readings", "全部")))
    assert block(lines, "Readings")[1:5] == [
        "06:40 李秀英（李奶奶）",
        "      8-2-301 · blood pressure · 139/90 mmHg · diastolic ≥ 90",
        "06:40 李秀英（李奶奶）",
        "      8-2-301 · pulse · 63 /min",
    ]


def test_the_report_in_chinese(day) -> None:
    zh = lines_of(ok(report(day, "--lang", "zh")))
    assert zh[:3] == [
        "工作日报 · 2026年11月29日 星期日",
        "生成于 2026-11-29 21:50",
        "隐私：电话和身份证号已打码（加 --full 显示完整号码）",
    ]
    assert block(zh, "今日数据")[1:6] == [
        "  走访联系  3 · 走访 1 · 电话 1 · 应急 1",
        "  服务      3 人，3 户",
        "  巡楼      4/4 栋",
        "  健康测量  测量 3 次，异常 2 次",
        "  问题      受理 2 · 核实 2 · 转办 2 · 办结 1 · 回访 1 · 评价 1 · 结案 1",
    ]
    assert block(zh, "未办结的问题") == [
        "未办结的问题",
        "#1 8号楼几户下水道堵了",
        "   08:30 · 0 天 · 已转办 · 办结 12-02 08:30 · 未超时",
    ]
    assert "明日工作（11月30日 周一）" in zh
    # the locale decides when --lang is not given; --lang en overrides it
    assert lines_of(ok(report(day, env={"LANG": "zh_CN.UTF-8"})))[0] == "工作日报 · 2026年11月29日 星期日"
    assert lines_of(ok(report(day, "--lang", "en", env={"LANG": "zh_CN.UTF-8"})))[0].startswith("Daily report")


def test_phone_numbers_are_masked_unless_full(day, nb) -> None:
    phones = {r[0]: r[1] for r in nb.rows("SELECT alias, phones FROM residents WHERE alias IN ('张大爷', '高阿姨')")}
    for fmt in ("text", "markdown", "html", "json"):
        masked = ok(report(day, "--format", fmt, "--readings", "all"))
        for phone in [*phones.values(), "13912345678"]:
            assert phone not in masked, fmt
        assert "139****5678" in masked
    full = ok(report(day, "--full"))
    assert "Privacy: full phone numbers included (--full), ID numbers too: keep it safe" in lines_of(full)
    assert phones["张大爷"] in full and "13912345678" in full


def test_the_week_reports_the_three_rates_with_numerators_and_denominators(day) -> None:
    ok(day("config", "set", "deadline.general.resolve_hours", "48"))
    ok(day("issue", "add", "楼道灯坏了", "-c", "一网通", "-k", "其他", "-r", "曾奶奶", env=at("23T10:00")))
    ok(day("issue", "verify", "3", env=at("23T11:00")))  # first contact in time
    ok(day("issue", "resolve", "3", "换了灯泡", env=at("24T09:00")))  # resolved in time (due 11-25 10:00)
    ok(day("issue", "rate", "3", "基本满意", env=at("25T09:00")))
    ok(day("issue", "add", "垃圾桶满了", "-c", "一网通", "-k", "其他", env=at("24T10:00")))  # never answered
    lines = lines_of(ok(report(day, "--week")))
    assert lines[0] == "Weekly report · 2026-11-23 to 2026-11-29"
    assert "  Daily walk   4 of 28 (4 buildings × 7 days)" in lines
    assert block(lines, "Rates") == [
        "Rates",
        "Rate                Met   Of        %   How it is counted",
        "────────────────────────────────────────────────────────────────────────────────",
        "Response rate         1    2    50.0%   first contact by the response deadline,",
        "                                        of the issues whose response deadline",
        "                                        fell in the period",
        "Resolution rate       1    2    50.0%   resolved by the resolution deadline, of",
        "                                        the issues (not rejected) whose",
        "                                        resolution deadline fell in the period",
        "Satisfaction rate     2    2   100.0%   satisfied 1 + basically satisfied 1, of",
        "                                        2 issues rated in the period",
        "                                        (dissatisfied 0); each by its latest",
        "                                        rating in the period, also if reopened",
        "                                        since",
    ]
    coverage = block(lines, "Care visit coverage")
    assert coverage[3:5] == [
        "bedridden             1           4   25.0%",
        "living alone          1          39    2.6%",
    ]
    assert coverage[-1] == "residents with at least one home visit or emergency call-out in the period"


def test_a_past_day_as_it_stood_that_evening(day, nb) -> None:
    # the example grid was loaded this morning: yesterday, nobody was on the care rounds yet
    assert "  Care visits  0 residents overdue a visit" in lines_of(ok(report(day, "--date", "yesterday")))
    nb.execute("UPDATE residents SET created_at = '2026-11-01T09:00:00+08:00'")  # a register typed in before
    lines = lines_of(ok(report(day, "--date", "yesterday")))
    assert lines[:4] == [
        "Daily report · Saturday 28 November 2026",
        "Generated 2026-11-29 21:50",
        "Privacy: phone and ID numbers masked (--full to include them)",
        "States and deadlines as at 2026-11-29 00:00",
    ]
    # 送降压药 was due on 11-28 and done only this morning; 李奶奶 was not visited yet
    assert "  Tasks        0 done, 1 carried over" in lines
    assert "  Care visits  172 residents overdue a visit" in lines
    # what was planned for the next day is shown only in a report that ends today
    assert not [line for line in lines if line.startswith(("Tomorrow's work", "Planned for"))]


# -- files ----------------------------------------------------------------------------------------------
def test_the_format_follows_the_file_name(day, tmp_path: Path) -> None:
    for name, fmt in (("day.md", "markdown"), ("day.html", "html"), ("day.json", "json"), ("day.txt", "text")):
        target = tmp_path / name
        assert lines_of(ok(report(day, "-o", str(target)))) == [
            f"✓ Report written to {target} ({fmt})",
            "Privacy: phone and ID numbers masked (--full to include them)",
        ]
        assert target.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "day.md").read_text(encoding="utf-8").startswith("# Daily report · Sunday 29 November 2026\n")
    assert (tmp_path / "day.txt").read_text(encoding="utf-8").startswith("Daily report · Sunday 29 November 2026\n")
    assert (
        lines_of(ok(report(day, "-o", str(tmp_path / "day.xlsx"))))[0]
        == f"✓ Report written to {tmp_path / 'day.xlsx'} (xlsx, 10 sections)"  # with the event and its reach
    )
    # an explicit --format wins over the name
    ok(report(day, "--format", "json", "-o", str(tmp_path / "day.data")))
    assert (tmp_path / "day.data").read_text(encoding="utf-8").startswith('{\n  "version": 1,')


def _error(result) -> str:
    assert result.exit_code != 0
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr.strip()


@pytest.mark.parametrize(
    "args, code, message",
    [
        (("--from", "11-28", "--to", "11-20"), 2, "Error: --from 2026-11-28 is after --to 2026-11-20"),
        (("--date", "tomorrow"), 2, "Error: 2026-11-30 has not happened yet: a report covers days up to today"),
        (("--week", "--month"), 2, "Error: choose one of --week and --month"),
        (("--date", "11-28", "--from", "11-20"), 2, "Error: give either --date or --from/--to, not both"),
        (("--format", "pdf"), 2, 'Error: unknown format "pdf"; use text, markdown, html, json, csv, xlsx'),
        (("--format", "xlsx"), 2, "Error: the xlsx format is written to a file: add -o FILE"),
        (("--readings", "some"), 2, 'Error: --readings is flagged or all, not "some"'),
        (("--lang", "fr"), 2, 'Error: --lang is zh or en, not "fr"'),
    ],
)
def test_bad_input_is_one_line(day, args, code, message) -> None:
    result = report(day, *args)
    assert _error(result) == message
    assert result.exit_code == code


@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_a_text_file_is_drawn_like_the_screen(day, tmp_path: Path, columns: str) -> None:
    """At the terminal's width (COLUMNS), wrapped as on the screen, and no line padded with spaces."""
    from rich.cells import cell_len

    target = tmp_path / "day.txt"
    ok(report(day, "-o", str(target), env={"COLUMNS": columns}))
    written = target.read_text(encoding="utf-8")
    assert written.splitlines() == lines_of(ok(report(day, env={"COLUMNS": columns})))
    assert not [line for line in written.splitlines() if line.endswith(" ")]
    assert max(cell_len(line) for line in written.splitlines()) <= int(columns)


def test_bad_output_paths_leave_nothing_behind(day, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = report(day, "-o", str(out / "day.csv"))
    assert (
        _error(result) == "Error: a CSV report is one file per section, written as a zip: name it .zip "
        "(e.g. -o day.zip)"
    )
    result = report(day, "-o", str(out / "day.pdf"))
    assert _error(result) == (
        'Error: cannot tell the format from "day.pdf"; add --format (text, markdown, html, json, csv, xlsx)'
    )
    missing = out / "no-such-folder" / "day.xlsx"
    result = report(day, "-o", str(missing))
    assert _error(result) == f"Error: cannot write {missing}: no such file or folder; nothing was written"
    assert result.exit_code == 6
    (out / "day.json").mkdir()  # a folder where the file should go
    result = report(day, "-o", str(out / "day.json"))
    assert _error(result) == f"Error: cannot write {out / 'day.json'}: it is a folder; nothing was written"
    assert sorted(p.name for p in out.iterdir()) == ["day.json"]  # no partial or temporary file
    assert list((out / "day.json").iterdir()) == []
    # a folder with no extension: it is a folder, not a name to guess the format from ("tmp")
    result = report(day, "-o", f"{out}/")
    assert _error(result) == f"Error: cannot write {out}: it is a folder; nothing was written"
    assert result.exit_code == 6
    assert (
        _error(report(day, "--lang", "zh", "-o", str(out))) == f"错误：无法写入 {out}：这是一个文件夹；未写入任何内容"
    )


def test_a_path_under_a_file_cannot_be_written(day, tmp_path: Path) -> None:
    """Unwritable for any user, root included: the "folder" is a file."""
    (tmp_path / "notes.txt").write_text("x")
    target = tmp_path / "notes.txt" / "day.xlsx"
    result = report(day, "--format", "xlsx", "-o", str(target))
    assert _error(result) == f"Error: cannot write {target}: part of the path is not a folder; nothing was written"
    assert result.exit_code == 6
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("notebook.db")] == ["notes.txt"]
    assert (tmp_path / "notes.txt").read_text() == "x"


@pytest.mark.parametrize(
    "errno_, zh, en",
    [
        ("ENOENT", "文件或文件夹不存在", "no such file or folder"),
        ("EISDIR", "这是一个文件夹", "it is a folder"),
        ("EACCES", "没有权限", "permission denied"),
        ("EPERM", "没有权限", "permission denied"),
        ("ENOSPC", "磁盘空间不足", "the disk is full"),
        ("EROFS", "磁盘是只读的", "the disk is read-only"),
        ("ENOTDIR", "路径中有一部分不是文件夹", "part of the path is not a folder"),
        ("EIO", "Input/output error", "Input/output error"),  # a rare one: as the system says
    ],
)
@pytest.mark.in_process  # patches this process: never through a server
def test_system_errors_are_said_in_the_users_language(cli, tmp_path: Path, monkeypatch, errno_, zh, en) -> None:
    """Every exporter writes through fileio.atomic_write, so they all say it the same way."""
    import errno
    import os

    code = getattr(errno, errno_)

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("gridnote.output.files.os.replace", refuse)
    monkeypatch.setattr("gridnote.output.files.os.link", refuse)  # a new file is placed by a hard link
    target = tmp_path / "day.json"
    result = cli("report", "-o", str(target), env={"LANG": "zh_CN.UTF-8"})
    assert _error(result) == f"错误：无法写入 {target}：{zh}；未写入任何内容"
    assert result.exit_code == 6
    result = cli("resident", "export", "-o", str(tmp_path / "r.csv"))
    assert _error(result) == f"Error: cannot write {tmp_path / 'r.csv'}: {en}; nothing was written"
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("notebook.db")] == []


def test_a_folder_as_the_target_in_chinese(cli, tmp_path: Path) -> None:
    result = cli("report", "-o", str(tmp_path), "-f", "json", env={"LANG": "zh_CN.UTF-8"})
    assert _error(result) == f"错误：无法写入 {tmp_path}：这是一个文件夹；未写入任何内容"
    result = cli("report", "-o", str(tmp_path / "nope" / "x.json"), env={"LANG": "zh_CN.UTF-8"})
    assert _error(result) == f"错误：无法写入 {tmp_path / 'nope' / 'x.json'}：文件或文件夹不存在；未写入任何内容"


def test_the_schema_is_printed(cli) -> None:
    import json

    from gridnote.render.report_json import schema

    printed = json.loads(ok(cli("report", "--schema")))
    assert printed == schema()
    assert printed["properties"]["version"] == {"const": 1}


def test_an_empty_notebook_reports_zeros(cli) -> None:
    lines = lines_of(ok(cli("report", "--week", env={"GRIDNOTE_NOW": EVENING})))
    assert lines[4:7] == ["In numbers", "  Visits       0", "  Reached      0 residents in 0 households"]
    assert "  Issues       none" in lines
    assert "  Daily walk   0 of 0 (0 buildings × 7 days)" in lines
    assert block(lines, "Rates")[3] == "Response rate         0    0   –   first contact by the response deadline, of"
    for title in ("Flagged readings", "New issues", "Issues still open", "Care visit coverage"):
        assert title not in lines


def test_issues_moved_on_say_each_step_once(cli, tmp_path: Path) -> None:
    """The state is left out on the screen when the last step already says it (核实 · 已核实 was said twice)."""
    yesterday = {"GRIDNOTE_NOW": "2026-11-28T09:00:00+08:00"}
    for text in ("楼道灯坏了", "下水道堵了", "花坛的山楂熟了"):
        assert cli("issue", "add", text, "-k", "other", env=yesterday).exit_code == 0
    assert cli("issue", "verify", "1").exit_code == 0
    assert cli("issue", "verify", "2").exit_code == 0
    assert cli("issue", "refer", "2", "--to", "物业").exit_code == 0
    assert cli("issue", "note", "3", "问过了，周末分").exit_code == 0
    lines = lines_of(ok(cli("report")))
    assert block(lines, "Issues moved on") == [
        "Issues moved on",
        "#1 楼道灯坏了",
        "   verified",
        "#2 下水道堵了",
        "   verified → referred",
        "#3 花坛的山楂熟了",
        "   note · received",
    ]  # a note changes no state: the state is news
    lines = lines_of(ok(cli("report", "--lang", "zh")))
    assert block(lines, "有进展的问题")[1:3] == ["#1 楼道灯坏了", "   核实"]
    # a table keeps its State column whole
    ok(cli("report", "-o", str(tmp_path / "day.zip")))
    import zipfile

    with zipfile.ZipFile(tmp_path / "day.zip") as archive:
        rows = archive.read("issues-progressed.csv").decode("utf-8-sig").splitlines()
    assert rows[1:3] == ["1,楼道灯坏了,verified,verified", "2,下水道堵了,verified → referred,referred"]


def test_a_resident_added_today_is_not_on_an_earlier_days_round(cli, demo, nb) -> None:
    nb.execute("UPDATE residents SET created_at = '2026-11-01T09:00:00+08:00'")  # the register, typed in before
    assert cli("resident", "add", "王测试", "-a", "5-1-501", "-t", "失能").exit_code == 0  # today, 11-29

    def care_names(*args: str) -> list[str]:
        result = cli("today", *args, "--all", "--json")
        assert result.exit_code == 0, result.stderr
        return [c["name"] for c in json.loads(result.stdout)["care"]]

    assert "王测试" in care_names()
    assert "王测试" not in care_names("--date", "昨天")
    yesterday = lines_of(ok(report(cli, "--date", "昨天")))
    assert "  Care visits  172 residents overdue a visit" in yesterday  # as before she was added
    assert not [line for line in yesterday if "王测试" in line]
    assert "  Care visits  173 residents overdue a visit" in lines_of(ok(report(cli)))
