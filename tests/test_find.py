"""``gridnote find``: residents, issues, tasks and visit notes at once, on the real index."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import jsonschema
import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs" / "json.md"


def found(cli, *args: str) -> dict:
    """The JSON of ``gridnote find ARGS --json``, as {kind: [ids]} plus the counts."""
    result = cli("find", *args, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return {g["kind"]: [item["id"] for item in g["items"]] for g in data["groups"]} | {
        "counts": {g["kind"]: g["count"] for g in data["groups"]}
    }


def scan(db: Path, sql: str, *params: str) -> set[int]:
    """The same question answered by scanning the tables (no index), to check the index against."""
    conn = sqlite3.connect(db)
    try:
        return {row[0] for row in conn.execute(sql, params)}
    finally:
        conn.close()


RESIDENT_SCAN = """
    SELECT r.id FROM residents r LEFT JOIN households h ON h.id = r.household_id
    WHERE instr(r.name || ' ' || coalesce(r.alias, '') || ' ' || r.pinyin || ' ' || r.initials || ' '
                || r.phones || ' ' || coalesce(h.address, '') || ' ' || coalesce(r.note, '') || ' '
                || coalesce(r.moved_out_note, ''), ?) > 0
"""


@pytest.fixture
def drains(cli, demo):
    """A blocked drain at 8-2: a visit note, an issue with a timeline note, a task, and noise."""
    steps = [
        ("log", "李奶奶", "厨房下水道有点堵，已告诉张大爷找物业", "--bp", "139/90"),
        ("log", "高阿姨", "跳闸，已复位，讲了安全用电"),
        ("issue", "add", "8号楼2单元好几户反映排水不畅", "-r", "张大爷", "-b", "8", "-k", "下水道"),
        ("issue", "note", "1", "物业说明天上午来疏通下水道", "--by", "物业"),
        ("issue", "add", "5号楼门前有装修垃圾", "-c", "一网通", "-b", "5"),
        ("task", "add", "问物业疏通时间", "--due", "明天", "--note", "下水道的事"),
        ("task", "add", "量血压 李奶奶", "--due", "明天6:30", "--star"),
    ]
    for args in steps:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    return demo


# -- what the issue asks for ---------------------------------------------------------------
def test_find_li_lists_grandma_li_and_every_li_resident(cli, demo) -> None:
    result = found(cli, "李", "--limit", "1000")
    expected = scan(demo, RESIDENT_SCAN, "李")
    assert 1 in result["resident"]
    assert set(result["resident"]) == expected
    assert result["counts"]["resident"] == len(expected) > 5


def test_find_li_on_screen_in_both_languages(cli, demo) -> None:
    english = cli("find", "李", "--limit", "100")
    assert english.exit_code == 0, english.stderr
    assert english.stdout.startswith('"李": residents ')
    assert "Residents (" in english.stdout
    assert re.search(r"#1 李秀英（李奶奶）\s+8-2-301", english.stdout)
    chinese = cli("find", "李", "--limit", "100", env={"LANG": "zh_CN.UTF-8"})
    assert chinese.stdout.startswith("“李”：居民 ")
    assert "居民（" in chinese.stdout and "失能、高龄、高血压" in chinese.stdout


def test_find_drain_returns_issue_visit_and_task(cli, drains) -> None:
    result = found(cli, "下水道")
    assert result["issue"] == [1]  # through the note on its timeline: the text says 排水不畅
    assert result["task"] == [1]  # through the task's note
    assert len(result["visit"]) == 1
    assert result["counts"] == {"issue": 1, "task": 1, "visit": 1}
    screen = cli("find", "下水道", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert screen.splitlines()[0] == "“下水道”：问题 1 · 任务 1 · 走访 1"
    assert [line for line in screen.splitlines() if line and not line.startswith(" ")] == [
        "“下水道”：问题 1 · 任务 1 · 走访 1",
        "问题（1）",
        "任务（1）",
        "走访记录（1）",
    ]
    assert "物业说明天上午来疏通下水道" in screen  # the timeline note that matched, under the issue
    assert "下水道的事" in screen


def test_short_chinese_queries_use_the_han_index(cli, drains) -> None:
    assert found(cli, "疏通") == {"issue": [1], "task": [1], "counts": {"issue": 1, "task": 1}}
    one = found(cli, "堵", "--kind", "visit")
    assert one["counts"] == {"visit": 1}
    assert found(cli, "跳闸")["counts"] == {"visit": 1}


def test_every_word_must_match(cli, drains) -> None:
    assert found(cli, "物业", "疏通")["counts"] == {"issue": 1, "task": 1}
    assert found(cli, "物业", "张大爷")["counts"] == {"visit": 1}  # one short, one long word
    assert found(cli, "下水道", "装修垃圾")["counts"] == {}


def test_pinyin_and_initials_find_residents(cli, demo) -> None:
    for query in ("lnn", "linainai", "LNN", "lixiuying"):
        assert found(cli, query)["resident"][0] == 1, query
    result = cli("find", "lnn")
    assert re.search(r"#1 李秀英（李奶奶）.*lnn", result.stdout)  # why it matched: the initials


def test_surname_reading_zeng_not_ceng(cli, demo) -> None:
    zeng = scan(demo, "SELECT id FROM residents WHERE name LIKE '曾%'")
    assert found(cli, "zjh")["resident"] == sorted(zeng)
    assert "resident" not in found(cli, "cjh")
    assert found(cli, "zengnainai")["resident"] == sorted(zeng)


def test_exact_name_or_alias_comes_first(cli, demo, add_resident) -> None:
    neighbour = add_resident("王芳", "5-1-101", note="李奶奶的邻居，有她家钥匙")  # a lower address
    result = json.loads(cli("find", "李奶奶", "--json").stdout)
    items = result["groups"][0]["items"]
    assert [(i["id"], i["exact"]) for i in items] == [(1, True), (neighbour.id, False)]
    assert items[1]["snippet"] == "李奶奶的邻居，有她家钥匙"
    namesake = add_resident("李奶奶", "5-1-102")
    assert found(cli, "李奶奶")["resident"] == [namesake.id, 1, neighbour.id]  # exact ones by address


def test_names_starting_with_the_word_come_next(cli, demo, add_resident) -> None:
    yingzi = add_resident("英子", "8-3-1401")  # the highest address: address order would put her last
    ranked = found(cli, "英", "--limit", "1000")["resident"]
    starting = scan(demo, "SELECT id FROM residents WHERE name LIKE '英%' OR alias LIKE '英%'")
    assert yingzi.id in starting and len(ranked) > len(starting)
    assert set(ranked[: len(starting)]) == starting


def test_full_width_query(cli, demo) -> None:
    result = found(cli, "８－２－３０１", "--kind", "居民")
    assert set(result["resident"]) == scan(demo, RESIDENT_SCAN, "8-2-301") and result["resident"]


def test_phone_number_digits(cli, demo) -> None:
    assert found(cli, "13857112345")["resident"] == [1]
    result = cli("find", "1385711234")
    assert "13857112345" in result.stdout


def test_kinds_in_chinese_and_english(cli, drains) -> None:
    assert set(found(cli, "物业", "-k", "问题")) == {"issue", "counts"}
    assert set(found(cli, "物业", "-k", "tasks", "-k", "走访")) == {"task", "visit", "counts"}
    assert set(found(cli, "物业", "-k", "任务,visit")) == {"task", "visit", "counts"}


def test_limit_and_the_more_line(cli, demo) -> None:
    total = len(scan(demo, RESIDENT_SCAN, "王"))
    result = cli("find", "王", "-k", "居民", "-n", "3")
    rows = [line for line in result.stdout.splitlines() if re.match(r"\s+#\d+ ", line)]
    assert len(rows) == 3
    assert f"… {total - 3} more: gridnote find 王 --kind resident --limit {total}" in result.stdout
    again = cli("find", "王", "--kind", "resident", "--limit", str(total))
    assert len([line for line in again.stdout.splitlines() if re.match(r"\s+#\d+ ", line)]) == total
    assert "more:" not in again.stdout


def test_nothing_found_is_not_an_error(cli, demo) -> None:
    result = cli("find", "xyzzy")
    assert (result.exit_code, result.stdout, result.stderr) == (0, 'Nothing found for "xyzzy".\n', "")
    assert cli("find", "xyzzy", env={"LANG": "zh_CN.UTF-8"}).stdout == "没有找到“xyzzy”。\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (("，",), 'Error: nothing to look for in "，"; type a name, a word or a number\n'),
        (
            ("李", "-k", "people2"),
            'Error: unknown kind "people2"; choose resident (居民), issue (问题), task (任务), visit (走访)\n',
        ),
    ],
)
def test_bad_input_is_one_line(cli, demo, args, message) -> None:
    result = cli("find", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


# -- the index stays current -------------------------------------------------------------------
def test_undone_visits_and_edits_follow(cli, drains) -> None:
    visit = found(cli, "跳闸")["visit"][0]
    assert cli("log", "edit", str(visit), "--note", "断路器复位").exit_code == 0
    assert found(cli, "跳闸")["counts"] == {}
    assert found(cli, "断路器")["visit"] == [visit]
    assert cli("log", "undo", str(visit)).exit_code == 0
    assert found(cli, "断路器")["counts"] == {}


def test_resident_edits_follow(cli, demo) -> None:
    assert cli("resident", "edit", "高阿姨", "--alias", "兰姨", "--note", "怕黑，夜里开灯").exit_code == 0
    assert found(cli, "lanyi")["resident"] == [3]
    assert found(cli, "怕黑")["resident"] == [3]
    assert "resident" not in found(cli, "gaoayi")
    assert cli("resident", "edit", "兰姨", "-a", "6-1-101").exit_code == 0
    assert found(cli, "6-1-101")["resident"][0] == 3
    assert cli("resident", "move-out", "兰姨", "--note", "搬去女儿家").exit_code == 0
    moved = cli("find", "女儿家")
    assert "（兰姨） (moved out)" in moved.stdout


def test_issue_and_task_edits_follow(cli, drains) -> None:
    assert cli("issue", "edit", "2", "--text", "5号楼门口堆了建筑垃圾").exit_code == 0
    assert "issue" not in found(cli, "装修垃圾")
    assert found(cli, "建筑垃圾")["issue"] == [2]
    assert cli("issue", "resolve", "1", "物业已疏通管道").exit_code == 0
    assert found(cli, "管道")["issue"] == [1]
    assert cli("task", "edit", "1", "--note", "").exit_code == 0
    assert "task" not in found(cli, "下水道")


def test_open_issues_before_closed_ones(cli, drains) -> None:
    assert cli("issue", "add", "7号楼下水道返味", "-b", "7").exit_code == 0
    assert cli("issue", "reject", "1", "重复", "--of", "3").exit_code == 0
    assert found(cli, "下水道")["issue"] == [3, 1]


def test_index_matches_a_fresh_scan(cli, drains, db_path) -> None:
    """After all the writes above, each document is what the views say it should be."""
    assert cli("log", "undo").exit_code == 0
    assert cli("resident", "edit", "张大爷", "--add-phone", "13800001111").exit_code == 0
    conn = sqlite3.connect(db_path)
    try:
        indexed = dict(conn.execute("SELECT rowid, body FROM search").fetchall())
        expected = {}
        for kind, code in (("resident", 1), ("visit", 2), ("task", 3), ("issue", 4)):
            for ref, body in conn.execute(f"SELECT ref, body FROM search_{kind}_doc WHERE body != ''"):
                expected[ref * 8 + code] = body
        assert indexed == expected
        conn.execute("INSERT INTO search(search) VALUES ('integrity-check')")
        conn.execute("INSERT INTO search_han(search_han, rank) VALUES ('integrity-check', 0)")
    finally:
        conn.close()


def test_notebook_written_before_the_index_is_backfilled(cli, drains, db_path) -> None:
    """Opening a notebook from before m006 builds the index from what is already there."""
    conn = sqlite3.connect(db_path)
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name LIKE 'search%' AND type IN ('view', 'trigger', 'table')"
    ).fetchall():
        conn.execute(f"DROP {kind} IF EXISTS {name}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_search'")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    assert found(cli, "下水道")["counts"] == {"issue": 1, "task": 1, "visit": 1}
    assert found(cli, "疏通")["counts"] == {"issue": 1, "task": 1}


# -- the service and renderer --------------------------------------------------------------------
def test_queries_sent_to_each_index() -> None:
    from gridnote.services.find import fts_queries, terms_of

    assert terms_of("８－２－３０１　李") == ("8-2-301", "李")
    assert fts_queries(("下水道",)) == ('"下水道"', None)
    assert fts_queries(("漏水",)) == (None, '"漏 水"')
    assert fts_queries(("bp", "5号")) == (None, '"bp"* AND "5 号"')
    assert fts_queries(('a"b"c',)) == ('"a""b""c"', None)
    assert fts_queries(("，",)) == (None, None)


def test_highlight_marks_every_occurrence() -> None:
    from gridnote.render.find import MATCH_STYLE, highlight

    text = highlight("下水道堵了，下水道", ("下水道",))
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(0, 3, MATCH_STYLE), (6, 9, MATCH_STYLE)]
    assert [(s.start, s.end) for s in highlight("LNN lnn", ("lnn",)).spans] == [(0, 3), (4, 7)]


def test_snippet_keeps_context() -> None:
    from gridnote.services.find import snippet

    text = "瘫痪多年，子女在外地；早上6:30量血压最准，降压药每天一片"
    assert snippet(text, ("降压药",), context=4) == "…压最准，降压药每天一片"
    assert snippet(text, ("瘫痪",), context=3) == "瘫痪多年，…"
    assert snippet(text, ("没有",)) is None


# -- JSON --------------------------------------------------------------------------------------------
def schema() -> dict:
    match = re.search(r"```json schema=find\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert match, "docs/json.md has no schema block for find"
    return json.loads(match[1])


@pytest.mark.parametrize("query", ["下水道", "物业", "李", "lnn", "xyzzy"])
def test_json_follows_the_documented_schema(cli, drains, query) -> None:
    data = json.loads(cli("find", query, "--json").stdout)
    jsonschema.validate(data, schema())
    assert data["total"] == sum(g["count"] for g in data["groups"])
    assert all(len(g["items"]) <= data["limit"] for g in data["groups"])


def test_json_items_are_the_list_commands_objects(cli, drains) -> None:
    data = json.loads(cli("find", "下水道", "--json").stdout)
    groups = {g["kind"]: g["items"][0] for g in data["groups"]}
    issue = next(i for i in json.loads(cli("issue", "list", "--json").stdout) if i["id"] == 1)
    task = json.loads(cli("task", "list", "--json").stdout)
    assert {k: v for k, v in groups["issue"].items() if k not in ("exact", "snippet")} == issue
    assert groups["issue"]["snippet"] == "物业说明天上午来疏通下水道"
    assert {k: v for k, v in groups["task"].items() if k not in ("exact", "snippet")} in task
    assert groups["visit"]["note"] == "厨房下水道有点堵，已告诉张大爷找物业"


@pytest.mark.parametrize(
    "args",
    [["find", "李"], ["find", "lnn"], ["--lang", "zh", "find", "下水道", "--json"], ["--lang", "zh", "find", "--help"]],
)
def test_find_keeps_slow_modules_off_its_path(demo, args) -> None:
    """No pinyin (stored when names are written), date parser, sqlite-utils or Excel on a search."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from gridnote.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "slow = ('dateutil', 'pypinyin', 'sqlite_utils', 'openpyxl', 'gridnote.input.dates')\n"
        "print(sorted(m for m in sys.modules if m.startswith(slow)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ}, check=True
    )
    assert result.stdout.splitlines()[-1] == "[]"


def test_the_index_is_built_with_the_kind_codes_search_reads(cli, demo) -> None:
    """m006 keeps its own frozen copy of the codes; what search reads must match the live index."""
    from gridnote.store.search_schema import SEARCH_KIND_CODES

    for args in (
        ("log", "李奶奶", "厨房下水道有点堵"),
        ("task", "add", "问物业疏通时间"),
        ("issue", "add", "8号楼2单元排水不畅", "-b", "8"),
    ):
        assert cli(*args).exit_code == 0
    conn = sqlite3.connect(demo)
    try:
        for kind, table in (("resident", "residents"), ("visit", "visits"), ("task", "tasks"), ("issue", "issues")):
            ref = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
            rowids = {
                r[0] for r in conn.execute("SELECT rowid FROM search WHERE rowid % 8 = ?", [SEARCH_KIND_CODES[kind]])
            }
            assert ref * 8 + SEARCH_KIND_CODES[kind] in rowids, kind
    finally:
        conn.close()
