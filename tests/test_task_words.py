"""Tasks gridnote writes keep their words as a code and say them in the reader's language."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from gridnote.domain.task_words import follow_up_code, recheck_code, task_words
from gridnote.messages import i18n
from gridnote.store.notebook import open_notebook
from tests.helpers.old_notebook import notebook_at

NOW = "2026-11-29T09:00:00+08:00"


@pytest.mark.parametrize(
    "code, resident, en, zh",
    [
        (recheck_code(["bp"]), None, "Re-check blood pressure", "复测血压"),
        (recheck_code(["bp", "glucose", "bp"]), None, "Re-check blood pressure, blood glucose", "复测血压、血糖"),
        (follow_up_code(4, None, None), "曾俊华（曾奶奶）", "Follow up: 曾俊华（曾奶奶）", "回访：曾俊华（曾奶奶）"),
        (follow_up_code(None, "8-2-301", None), None, "Follow up: household 8-2-301", "回访：8-2-301 户"),
        (follow_up_code(None, None, "5"), None, "Follow up: building 5", "回访：5号楼"),
    ],
)
def test_a_code_reads_in_either_language(code: str, resident: str | None, en: str, zh: str) -> None:
    i18n.set_lang("en")
    assert task_words(code, resident) == en
    i18n.set_lang("zh")
    assert task_words(code, resident) == zh


def test_the_upgrade_turns_stored_words_into_codes_and_logs_them(tmp_path: Path, cli) -> None:
    path = notebook_at(tmp_path / "old.db", "m009_change_log")
    conn = sqlite3.connect(path)
    conn.executescript(
        f"""
        INSERT INTO buildings (code, created_at, gid) VALUES ('8', '{NOW}', 'b');
        INSERT INTO households (building_id, unit, room, address, created_at, gid)
            VALUES (1, '2', '301', '8-2-301', '{NOW}', 'h');
        INSERT INTO residents (household_id, name, alias, created_at, updated_at, gid)
            VALUES (1, '李秀英', '李奶奶', '{NOW}', '{NOW}', 'r');
        INSERT INTO tasks (text, resident_id, source, created_at, updated_at, gid) VALUES
            ('复测血压、血糖', 1, 'recheck:1', '{NOW}', '{NOW}', 't1'),
            ('Re-check blood pressure', 1, 'visit:2', '{NOW}', '{NOW}', 't2'),
            ('回访：李秀英（李奶奶）', 1, 'visit:3', '{NOW}', '{NOW}', 't3'),
            ('Follow up: household 8-2-301', NULL, 'visit:4', '{NOW}', '{NOW}', 't4'),
            ('回访：6号楼', NULL, 'visit:5', '{NOW}', '{NOW}', 't5'),
            ('上门复测', 1, 'visit:6', '{NOW}', '{NOW}', 't6'),
            ('复测血压', 1, NULL, '{NOW}', '{NOW}', 't7');
        UPDATE tasks SET note = '8-2-301' WHERE gid = 't4';
        """
    )
    conn.commit()
    conn.close()
    nb = open_notebook(path)
    try:
        stored = [tuple(r) for r in nb.rows("SELECT gid, text, text_code FROM tasks ORDER BY id")]
        logged = [r[0] for r in nb.rows("SELECT gid FROM changes WHERE table_name = 'tasks' AND op = 'update'")]
    finally:
        nb.close()
    assert stored == [
        ("t1", "", "recheck:bp,glucose"),
        ("t2", "", "recheck:bp"),
        ("t3", "", "followup:resident"),
        ("t4", "", "followup:household:8-2-301"),
        ("t5", "", "followup:building:6"),
        ("t6", "上门复测", None),  # her own words stay hers
        ("t7", "复测血压", None),  # a task she typed herself, words and all
    ]
    assert sorted(logged) == ["t1", "t2", "t3", "t4", "t5"]
    listed = [task["text"] for task in json.loads(cli("--db", str(path), "task", "list", "--json").stdout)]
    assert sorted(listed) == [
        "Follow up: building 6",
        "Follow up: household 8-2-301",
        "Follow up: 李秀英（李奶奶）",
        "Re-check blood pressure",
        "Re-check blood pressure, blood glucose",
        "上门复测",
        "复测血压",
    ]


def test_her_words_replace_gridnotes_and_a_repeat_keeps_the_code(cli, demo, nb) -> None:
    assert cli("log", "曾奶奶", "x", "-f", "明天").exit_code == 0
    assert cli("task", "edit", "1", "--every", "每周").exit_code == 0
    assert cli("task", "done", "1").exit_code == 0
    assert [tuple(r) for r in nb.rows("SELECT id, text, text_code FROM tasks ORDER BY id")] == [
        (1, "", "followup:resident"),
        (2, "", "followup:resident"),  # the next occurrence says the same, in any language
    ]
    assert cli("task", "edit", "2", "-t", "上门看看曾奶奶").exit_code == 0
    assert tuple(nb.one("SELECT text, text_code FROM tasks WHERE id = 2")) == ("上门看看曾奶奶", None)
