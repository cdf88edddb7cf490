"""Every coded value typed on a command in Chinese, and numbers, addresses and dates in full width.

One row per input: the command as she would type it, and what must have been
stored (or listed). Each row runs on its own copy of the example grid, after
the same short morning (two issues, a visit, a task).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gridnote.domain.issue_terms import (
    CHANNELS,
    DEADLINE_GROUPS,
    NOTE_KINDS,
    PARTNERS,
    PRIORITIES,
    RATINGS,
    REJECT_REASONS,
    STATUSES,
)
from gridnote.domain.readings import READING_KINDS
from gridnote.domain.vocab import CARE_TAGS, GENDERS, TASK_STATUSES, VISIT_KINDS
from gridnote.services.find import SEARCH_KINDS

MORNING = [
    ("issue", "add", "8号楼下水道堵了", "-b", "8", "-r", "张大爷"),  # issue 1
    ("issue", "add", "5号楼门前有装修垃圾", "-b", "5", "-r", "李奶奶"),  # issue 2
    ("log", "李奶奶", "量血压", "--bp", "130/80"),  # visit 1
    ("task", "add", "送降压药", "--due", "明天"),  # task 1
]
TODAY = "2026-11-29"


def one(db: Path, sql: str) -> Any:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(sql).fetchone()
        return None if row is None else (row[0] if len(row) == 1 else tuple(row))
    finally:
        conn.close()


def stored(sql: str, expected: Any) -> Callable[[Path, Any], None]:
    def check(db: Path, result: Any) -> None:
        assert one(db, sql) == expected

    return check


def listed(key: str, expected: set[Any]) -> Callable[[Path, Any], None]:
    """The ``--json`` output lists rows whose ``key`` values are exactly ``expected``."""

    def check(db: Path, result: Any) -> None:
        data = json.loads(result.stdout)
        rows = data["groups"] if isinstance(data, dict) else data
        assert rows and {row[key] for row in rows} == expected

    return check


LAST_RESIDENT = "SELECT {} FROM residents WHERE id = (SELECT max(id) FROM residents)"
CASES: list[tuple[str, list[tuple[str, ...]], tuple[str, ...], Callable[[Path, Any], None]]] = [
    # -- vocabularies --------------------------------------------------------------------------
    (
        "care tags 独居老人, 失能",
        [],
        ("resident", "add", "王芳", "-a", "8-2-302", "-t", "独居老人", "-t", "失能"),
        stored(
            "SELECT group_concat(tag) FROM (SELECT tag FROM resident_tags WHERE resident_id = "
            "(SELECT max(id) FROM residents) ORDER BY tag)",
            "bedridden,living-alone",
        ),
    ),
    (
        "care tag filter 高血压",
        [],
        ("resident", "list", "-t", "高血压", "-b", "8", "--json"),
        lambda db, r: all("hypertension" in row["tags"] for row in json.loads(r.stdout)) or pytest.fail("tag"),
    ),
    (
        "care tag removed 高血压",
        [],
        ("resident", "untag", "李奶奶", "高血压"),
        stored("SELECT count(*) FROM resident_tags WHERE resident_id = 1 AND tag = 'hypertension'", 0),
    ),
    (
        "gender 男性",
        [],
        ("resident", "add", "王五", "-a", "8-2-303", "-g", "男性"),
        stored(LAST_RESIDENT.format("gender"), "m"),
    ),
    (
        "gender 女",
        [],
        ("resident", "add", "王芳", "-a", "8-2-303", "-g", "女"),
        stored(LAST_RESIDENT.format("gender"), "f"),
    ),
    (
        "task status 已完成",
        [("task", "done", "1")],
        ("task", "list", "--status", "已完成", "--json"),
        listed("status", {"done"}),
    ),
    (
        "task status 全部",
        [("task", "drop", "1")],
        ("task", "list", "--status", "全部", "--json"),
        listed("status", {"dropped"}),
    ),
    (
        "visit kind 打电话",
        [],
        ("log", "张大爷", "药吃完了", "-k", "打电话"),
        stored("SELECT kind FROM visits ORDER BY id DESC LIMIT 1", "phone"),
    ),
    (
        "visit kind filter 走访",
        [("log", "张大爷", "药吃完了", "-k", "电话")],
        ("visits", "-k", "走访", "--json"),
        listed("kind", {"visit"}),
    ),
    (
        "visit kind edit 微信",
        [],
        ("log", "edit", "1", "-k", "微信"),
        stored("SELECT kind FROM visits WHERE id = 1", "wechat"),
    ),
    (
        "reading kind 血压",
        [],
        ("log", "edit", "1", "--drop-reading", "血压"),
        stored("SELECT count(*) FROM readings WHERE visit_id = 1", 0),
    ),
    (
        "issue state 已受理",
        [("issue", "verify", "2")],
        ("issue", "list", "-s", "已受理", "--json"),
        listed("status", {"received"}),
    ),
    (
        "channel 一网通",
        [],
        ("issue", "add", "楼道堆物", "-c", "一网通", "-b", "6"),
        stored("SELECT channel FROM issues WHERE id = 3", "app"),
    ),
    (
        "channel 12345热线",
        [],
        ("issue", "add", "楼道堆物", "-c", "12345热线", "-b", "6"),
        stored("SELECT channel FROM issues WHERE id = 3", "hotline"),
    ),
    (
        "priority 紧急",
        [],
        ("issue", "add", "电梯困人", "-p", "紧急", "-b", "7"),
        stored("SELECT priority FROM issues WHERE id = 3", "urgent"),
    ),
    (
        "category 装修垃圾",
        [],
        ("issue", "add", "门口有东西", "-k", "装修垃圾", "-b", "5"),
        stored("SELECT category FROM issues WHERE id = 3", "renovation-waste"),
    ),
    (
        "reject reason 非职责范围",
        [],
        ("issue", "reject", "2", "非职责范围"),
        stored("SELECT reject_reason FROM issues WHERE id = 2", "not-ours"),
    ),
    (
        "partner 派出所",
        [],
        ("issue", "refer", "1", "--to", "派出所"),
        stored("SELECT referred_to FROM issues WHERE id = 1", "police"),
    ),
    (
        "note kind 上门",
        [],
        ("issue", "note", "1", "去看过了", "--kind", "上门"),
        stored(
            "SELECT json_extract(data, '$.kind') FROM issue_updates WHERE issue_id = 1 ORDER BY id DESC LIMIT 1",
            "visit",
        ),
    ),
    (
        "rating 基本满意",
        [("issue", "resolve", "1", "已疏通"), ("issue", "tell", "1")],
        ("issue", "rate", "1", "基本满意"),
        stored("SELECT rating FROM issues WHERE id = 1", "basically-satisfied"),
    ),
    (
        "deadline group 紧急",
        [],
        ("issue", "category", "set", "下水道", "-g", "紧急"),
        stored("SELECT grp FROM issue_categories WHERE code = 'blocked-drain'", "emergency"),
    ),
    ("search kind 居民", [], ("find", "李", "-k", "居民", "--json"), listed("kind", {"resident"})),
    (
        "repeat 每２天",
        [],
        ("task", "add", "巡楼", "--every", "每２天"),
        stored("SELECT every FROM tasks WHERE id = 2", "2d"),
    ),
    (
        "repeat 工作日",
        [],
        ("task", "add", "巡楼", "--every", "工作日"),
        stored("SELECT every FROM tasks WHERE id = 2", "weekday"),
    ),
    (
        "language 中文",
        [],
        ("config", "set", "lang", "中文"),
        stored("SELECT value FROM config WHERE key = 'lang'", "zh"),
    ),
    # -- numbers ---------------------------------------------------------------------------------
    ("task number １", [], ("task", "done", "１"), stored("SELECT status FROM tasks WHERE id = 1", "done")),
    ("task number ＃１", [], ("task", "star", "＃１"), stored("SELECT starred FROM tasks WHERE id = 1", 1)),
    (
        "issue number ＃１",
        [],
        ("issue", "verify", "＃１"),
        stored("SELECT status FROM issues WHERE id = 1", "verified"),
    ),
    (
        "duplicate of ＃１",
        [],
        ("issue", "reject", "2", "重复", "--of", "＃１"),
        stored("SELECT duplicate_of FROM issues WHERE id = 2", 1),
    ),
    (
        "visit number ＃１",
        [],
        ("log", "edit", "＃１", "--note", "复测"),
        stored("SELECT note FROM visits WHERE id = 1", "复测"),
    ),
    (
        "visit number １ (undo)",
        [],
        ("log", "undo", "１"),
        stored("SELECT undone_at IS NOT NULL FROM visits WHERE id = 1", 1),
    ),
    (
        "blood pressure １３９／９０",
        [],
        ("log", "李奶奶", "复测", "--bp", "１３９／９０"),
        stored("SELECT value, value2 FROM readings WHERE kind = 'bp' ORDER BY id DESC LIMIT 1", (139.0, 90.0)),
    ),
    (
        "pulse ６３次/分",
        [],
        ("log", "李奶奶", "复测", "--pulse", "６３次/分"),
        stored("SELECT value FROM readings WHERE kind = 'pulse'", 63.0),
    ),
    (
        "temperature ３６．８",
        [],
        ("log", "李奶奶", "复测", "--temp", "３６．８"),
        stored("SELECT value FROM readings WHERE kind = 'temp'", 36.8),
    ),
    (
        "weight １０５斤",
        [],
        ("log", "李奶奶", "复测", "--weight", "１０５斤"),
        stored("SELECT value FROM readings WHERE kind = 'weight'", 52.5),
    ),
    (
        "glucose ６．１",
        [],
        ("log", "李奶奶", "复测", "--glucose", "６．１"),
        stored("SELECT value FROM readings WHERE kind = 'glucose'", 6.1),
    ),
    (
        "attendees ２３",
        [],
        ("event", "add", "防诈骗宣讲", "--attendees", "２３"),
        stored("SELECT attendees FROM events", 23),
    ),
    (
        "points １",
        [("issue", "verify", "2")],
        ("resident", "redeem", "李奶奶", "１", "--for", "毛巾"),
        stored("SELECT sum(delta) FROM points WHERE resident_id = 1", 0),
    ),
    (
        "limit ３",
        [],
        ("find", "王", "-k", "居民", "-n", "３", "--json"),
        lambda db, r: len(json.loads(r.stdout)["groups"][0]["items"]) == 3 or pytest.fail("limit"),
    ),
    (
        "setting ２",
        [],
        ("config", "set", "care.bedridden", "２"),
        stored("SELECT value FROM config WHERE key = 'care.bedridden'", "2"),
    ),
    (
        "phone １３８５７１１２３９９",
        [],
        ("resident", "add", "王芳", "-a", "8-2-302", "-p", "１３８５７１１２３９９"),
        stored(LAST_RESIDENT.format("phones"), "13857112399"),
    ),
    (
        "birth １９４４年３月２日",
        [],
        ("resident", "add", "王芳", "-a", "8-2-302", "--born", "１９４４年３月２日"),
        stored(LAST_RESIDENT.format("birth"), "1944-03-02"),
    ),
    # -- addresses and buildings -----------------------------------------------------------------------
    (
        "address ８－２－３０２",
        [],
        ("resident", "add", "王芳", "-a", "８－２－３０２"),
        stored(
            "SELECT h.address FROM residents r JOIN households h ON h.id = r.household_id ORDER BY r.id DESC LIMIT 1",
            "8-2-302",
        ),
    ),
    (
        "address ８号楼２单元３０３",
        [],
        ("resident", "add", "王芳", "-a", "８号楼２单元３０３"),
        stored(
            "SELECT h.address FROM residents r JOIN households h ON h.id = r.household_id ORDER BY r.id DESC LIMIT 1",
            "8-2-303",
        ),
    ),
    (
        "household ８－２－３０１",
        [],
        ("log", "８－２－３０１", "送药"),
        stored(
            "SELECT h.address FROM visits v JOIN households h ON h.id = v.household_id ORDER BY v.id DESC LIMIT 1",
            "8-2-301",
        ),
    ),
    (
        "building ５号楼",
        [],
        ("log", "-b", "５号楼", "巡查"),
        stored("SELECT b.code FROM visits v JOIN buildings b ON b.id = v.building_id ORDER BY v.id DESC LIMIT 1", "5"),
    ),
    (
        "building ８ (task)",
        [],
        ("task", "add", "巡楼", "-b", "８"),
        stored("SELECT b.code FROM tasks t JOIN buildings b ON b.id = t.building_id WHERE t.id = 2", "8"),
    ),
    (
        "resident by address ７－３－１１０２",
        [],
        ("task", "add", "看看", "-r", "７－３－１１０２"),
        stored("SELECT resident_id FROM tasks WHERE id = 2", 4),
    ),
    # -- dates and times -------------------------------------------------------------------------------
    (
        "due 明天６：３０",
        [],
        ("task", "add", "量血压", "--due", "明天６：３０"),
        stored("SELECT due_date, substr(due_at, 12, 5) FROM tasks WHERE id = 2", ("2026-11-30", "06:30")),
    ),
    (
        "at 早上７点半",
        [],
        ("tomorrow", "add", "送药", "--at", "早上７点半"),
        stored("SELECT due_date, substr(due_at, 12, 5) FROM tasks WHERE id = 2", ("2026-11-30", "07:30")),
    ),
    (
        "move to １２－０１",
        [],
        ("task", "move", "1", "１２－０１"),
        stored("SELECT due_date FROM tasks WHERE id = 1", "2026-12-01"),
    ),
    (
        "visit at 昨天下午３点",
        [],
        ("log", "张大爷", "电话", "-k", "电话", "--at", "昨天下午３点"),
        stored("SELECT substr(at, 1, 16) FROM visits ORDER BY id DESC LIMIT 1", "2026-11-28T15:00"),
    ),
    (
        "promised in ３天",
        [],
        ("issue", "refer", "1", "--to", "物业", "--due", "３天"),
        stored("SELECT referral_due_day FROM issues WHERE id = 1", "2026-12-02"),
    ),
    (
        "follow-up 后天：复测血压",
        [],
        ("log", "李奶奶", "血压高", "--follow-up", "后天：复测血压"),
        stored("SELECT due_date, text FROM tasks ORDER BY id DESC LIMIT 1", ("2026-12-01", "复测血压")),
    ),
    (
        "event at 下午３点",
        [],
        ("event", "add", "宣讲", "--at", "下午３点"),
        stored("SELECT substr(at, 12, 5) FROM events", "15:00"),
    ),
    (
        "day １２－０１",
        [],
        ("today", "--date", "１２－０１", "--json"),
        lambda db, r: json.loads(r.stdout)["date"] == "2026-12-01" or pytest.fail("date"),
    ),
    ("history from １１－０１", [], ("visits", "--from", "１１－０１", "--json"), listed("day", {TODAY})),
]


@pytest.mark.parametrize("what, given, args, check", CASES, ids=[c[0] for c in CASES])
def test_chinese_and_full_width_input(cli, demo, what, given, args, check) -> None:
    for step in [*MORNING, *given]:
        result = cli(*step)
        assert result.exit_code == 0, (step, result.stderr)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    check(demo, result)


VOCABULARIES = [
    CARE_TAGS,
    GENDERS,
    TASK_STATUSES,
    VISIT_KINDS,
    READING_KINDS,
    STATUSES,
    CHANNELS,
    PRIORITIES,
    REJECT_REASONS,
    PARTNERS,
    RATINGS,
    NOTE_KINDS,
    DEADLINE_GROUPS,
    SEARCH_KINDS,
]


def test_every_typed_vocabulary_has_a_row() -> None:
    covered = " ".join(c[0] for c in CASES)
    rows = {
        "care tag": "care tag",
        "gender": "gender",
        "task status": "task status",
        "visit kind": "visit kind",
        "reading": "reading kind",
        "status": "issue state",
        "channel": "channel",
        "priority": "priority",
        "reason": "reject reason",
        "partner": "partner",
        "rating": "rating",
        "note kind": "note kind",
        "deadline group": "deadline group",
        "search kind": "search kind",
    }
    assert [v.name for v in VOCABULARIES if rows[v.name] not in covered] == []


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=[v.name for v in VOCABULARIES])
def test_every_chinese_label_and_synonym_maps_to_its_code(vocab) -> None:
    for term in vocab:
        for spelling in (term.zh, *term.synonyms, term.code, term.en):
            assert vocab.lookup(spelling) == term.code or _taken_earlier(vocab, spelling, term.code), (
                vocab.name,
                spelling,
            )
        assert vocab.lookup(f" {term.zh} ") == term.code  # (with spaces around)


def _taken_earlier(vocab, spelling: str, code: str) -> bool:
    """A spelling two terms share goes to the first (e.g. ``phone`` as a code and a synonym)."""
    earlier = [t.code for t in vocab if t.code != code and spelling in (t.code, t.en, t.zh, *t.synonyms)]
    return bool(earlier) and vocab.lookup(spelling) == earlier[0]
