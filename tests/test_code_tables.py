"""The code tables (issue 18, item 4): the vocabularies' names in the notebook, for a join or Datasette."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gridnote.store import codes, migrations


def _read(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return [tuple(row) for row in conn.execute(sql).fetchall()]


def test_a_new_notebook_names_its_codes(db_path: Path) -> None:
    assert _read(db_path, "SELECT zh, en, parent FROM names_categories WHERE code = 'blocked-drain'") == [
        ("下水道堵塞", "blocked drain", "facilities")
    ]
    assert _read(db_path, "SELECT zh, en FROM names_statuses WHERE code = 'referred'") == [("已转办", "referred")]
    assert _read(db_path, "SELECT zh FROM names_tags WHERE code = 'bedridden'") == [("失能",)]
    assert _read(db_path, "SELECT zh FROM names_channels WHERE code = 'hotline'") == [("12345热线",)]
    assert _read(db_path, "SELECT zh FROM names_partners WHERE code = 'property'") == [("物业",)]
    assert _read(db_path, "SELECT zh FROM names_ratings WHERE code = 'basically-satisfied'") == [("基本满意",)]
    assert _read(db_path, "SELECT zh FROM names_visit_kinds WHERE code = 'emergency'") == [("应急",)]
    assert _read(db_path, "SELECT zh FROM names_reading_kinds WHERE code = 'bp'") == [("血压",)]
    assert _read(db_path, "SELECT zh FROM names_task_statuses WHERE code = 'skipped'") == [("已跳过",)]


def test_each_code_table_holds_exactly_its_vocabulary(db_path: Path) -> None:
    from gridnote.domain.categories import DEFAULT_CATEGORIES
    from gridnote.domain.issue_terms import STATUSES
    from gridnote.domain.vocab import CARE_TAGS

    assert _read(db_path, "SELECT code, zh, en, parent FROM names_categories ORDER BY code") == sorted(
        (c.code, c.zh, c.en, c.parent or "") for c in DEFAULT_CATEGORIES
    )
    assert _read(db_path, "SELECT code, zh, en FROM names_statuses ORDER BY code") == sorted(
        (t.code, t.zh, t.en) for t in STATUSES
    )
    assert _read(db_path, "SELECT code FROM names_tags ORDER BY code") == sorted((t.code,) for t in CARE_TAGS)
    for table in codes.TABLES:
        columns = ", ".join(codes.columns(table))
        assert _read(db_path, f"SELECT {columns} FROM {table} ORDER BY code") == sorted(codes.rows()[table]), table


def test_a_vocabulary_changed_without_a_migration_is_caught() -> None:
    """A notebook keeps the names its last code-table migration wrote: a change needs a new one."""
    last, filled = codes.FILLED
    assert last in migrations.NAMES
    assert codes.stamp() == filled, (
        "a vocabulary's codes or names changed: append a migration that calls gridnote.store.codes.fill "
        f"and set codes.FILLED to (its name, {codes.stamp()!r})"
    )


def test_the_demo_codes_join_to_their_names(cli, db_path: Path) -> None:
    assert cli("demo", "--day").exit_code == 0
    demo = db_path
    assert _read(demo, "SELECT count(*) > 0 FROM issues") == [(1,)]
    for sql in (
        "SELECT count(*) FROM issues i LEFT JOIN names_categories n ON n.code = i.category WHERE n.zh IS NULL",
        "SELECT count(*) FROM issues i LEFT JOIN names_statuses n ON n.code = i.status WHERE n.zh IS NULL",
        "SELECT count(*) FROM issues i LEFT JOIN names_channels n ON n.code = i.channel WHERE n.zh IS NULL",
        "SELECT count(*) FROM visits v LEFT JOIN names_visit_kinds n ON n.code = v.kind WHERE n.zh IS NULL",
        "SELECT count(*) FROM tasks t LEFT JOIN names_task_statuses n ON n.code = t.status WHERE n.zh IS NULL",
        "SELECT count(*) FROM readings r LEFT JOIN names_reading_kinds n ON n.code = r.kind WHERE n.zh IS NULL",
        "SELECT count(*) FROM issues i LEFT JOIN names_issue_kinds n ON n.code = i.kind WHERE n.zh IS NULL",
        "SELECT count(*) FROM events e LEFT JOIN names_event_kinds n ON n.code = e.kind WHERE n.zh IS NULL",
    ):
        assert _read(demo, sql) == [(0,)], sql
    # Grandma Li (8-2-301): bedridden, hypertension, elderly — her tags read in Chinese
    assert _read(
        demo,
        "SELECT group_concat(n.zh, '、') FROM (SELECT n.zh FROM residents r JOIN households h ON h.id = r.household_id"
        " JOIN resident_tags t ON t.resident_id = r.id JOIN names_tags n ON n.code = t.tag"
        " WHERE h.address = '8-2-301' AND r.name = '李秀英' ORDER BY n.zh) n",
    ) == [("失能、高血压、高龄",)]


def test_an_older_notebook_gets_them_on_open(cli, tmp_path: Path) -> None:
    from tests.helpers.old_notebook import notebook_at

    path = notebook_at(tmp_path / "old.db", "m014_search_han_scannable")
    assert _read(path, "SELECT count(*) FROM sqlite_master WHERE name = 'names_statuses'") == [(0,)]
    result = cli("issue", "list", "--json", env={"GRIDNOTE_DB": str(path)})
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "")
    assert _read(path, "SELECT zh FROM names_statuses WHERE code = 'closed'") == [("已结案",)]


def test_an_enquiry_and_an_event_s_kind_read_in_chinese(cli, db_path: Path) -> None:
    assert cli("init").exit_code == 0
    assert cli("issue", "add", "山楂树的果子怎么分", "-e").exit_code == 0
    assert cli("event", "add", "老年人防诈骗宣讲", "--at", "15:00", "--kind", "anti-fraud").exit_code == 0
    assert _read(db_path, "SELECT n.zh FROM issues i JOIN names_issue_kinds n ON n.code = i.kind") == [("咨询建议",)]
    assert _read(db_path, "SELECT n.zh FROM events e JOIN names_event_kinds n ON n.code = e.kind") == [("反诈宣传",)]
