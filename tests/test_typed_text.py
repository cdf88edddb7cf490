"""What she types is stored as typed, or refused with a reason: never tidied away unsaid.

A fuzz suite (hypothesis) drives the real CLI with random Unicode, CJK, control characters,
awkward spaces, huge and empty values. Each example gets a fresh copy of a small notebook, so
"nothing stored unless exit 0" is a count, and the stored value is read back from the file.
``GRIDNOTE_FUZZ=N`` runs N times the examples.

The rule for a one-line text (README, "What she types is stored as typed"), written out here
on its own: spaces (Unicode's space separators) at either end are dropped; a control character
(category Cc) or a line/paragraph separator anywhere between is refused, naming the first one
and its place in what was typed; everything else is kept, character for character.
"""

from __future__ import annotations

import shutil
import sqlite3
import unicodedata
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.examples import examples

SPACES = "".join(chr(c) for c in range(0x3001) if unicodedata.category(chr(c)) == "Zs")
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
AWKWARD = " \u3000\xa0\u2003\u202f\t\n\r\x0b\x0c\x1b\x07\x7f\x85\u2028\u2029\u200b\u200d\ufeff\u0301"
CJK = "李秀英王阿姨高下水道堵了量血压楼单元室号（）：，。、𠮷"
CHARS = st.one_of(
    st.sampled_from(AWKWARD),
    st.sampled_from(CJK),
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),  # no NUL or lone surrogate on a command line
)
TYPED = st.one_of(st.text(CHARS, max_size=24), st.text(CHARS, min_size=490, max_size=510))
CONTROL = "the text has {what} at character {position}: type it on one line, without tabs or control characters"


def one_line_verdict(typed: str) -> tuple[str, str | None]:
    """(kept text, None) or ("", the error line) by the rule above."""
    kept = typed.strip(SPACES)
    for i, char in enumerate(kept):
        if unicodedata.category(char) == "Cc" or char in "\u2028\u2029":
            if char in BREAKS:
                what = "a line break"
            elif char == "\t":
                what = "a tab"
            else:
                what = f"a control character (U+{ord(char):04X})"
            position = len(typed) - len(typed.lstrip(SPACES)) + i + 1
            return "", CONTROL.format(what=what, position=position)
    return kept, None


class Fresh:
    """A fresh copy of this test's notebook for each example, and a look at what it holds."""

    def __init__(self, cli: Any, db_path: Path, tmp_path: Path) -> None:
        self.cli, self.template, self.path = cli, tmp_path / "template.db", tmp_path / "example.db"
        with closing(sqlite3.connect(db_path)) as source, closing(sqlite3.connect(self.template)) as copy:
            source.backup(copy)  # whole, with what is still in its -wal

    def run(self, *args: str) -> Any:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        shutil.copy(self.template, self.path)
        return self.cli(*args, env={"GRIDNOTE_DB": str(self.path)})

    def rows(self, sql: str, *, template: bool = False) -> list[tuple[Any, ...]]:
        path = self.template if template else self.path
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return conn.execute(sql).fetchall()


def check_one_line_field(
    fresh: Fresh,
    args: Callable[[str], list[str]],
    stored: str,
    *,
    empty: str,
    too_long: Callable[[int], str] | None,
) -> Callable[[], None]:
    """A property: ``args(typed)`` stores exactly the kept text, or exits 2 with the rule's reason and stores nothing."""
    before = len(fresh.rows(stored, template=True))

    @settings(max_examples=examples(40), deadline=None)
    @given(TYPED)
    def check(typed: str) -> None:
        kept, error = one_line_verdict(typed)
        if error is None and not kept:
            error = empty
        elif error is None and too_long is not None and len(kept) > 500:
            error = too_long(len(kept))
        result = fresh.run(*args(typed))
        values = [row[0] for row in fresh.rows(stored)]
        if error is None:
            assert (result.exit_code, result.stderr) == (0, ""), typed
            assert values[before:] == [kept]
        else:
            assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {error}\n"), typed
            assert len(values) == before

    return check


def test_a_task_is_stored_as_typed(cli, db_path, tmp_path) -> None:
    check_one_line_field(
        Fresh(cli, db_path, tmp_path),
        lambda typed: ["task", "add", "--", typed],
        "SELECT text FROM tasks ORDER BY id",
        empty="a task needs some text",
        too_long=lambda n: "the task text is too long (500 characters at most)",
    )()


def test_an_issue_and_its_notes_are_stored_as_typed(cli, db_path, tmp_path) -> None:
    too_long = "the text is too long ({} characters; 500 at most)".format
    assert cli("issue", "add", "5号楼门前有装修垃圾").exit_code == 0
    fresh = Fresh(cli, db_path, tmp_path)
    check_one_line_field(
        fresh,
        lambda typed: ["issue", "add", "--", typed],
        "SELECT text FROM issues ORDER BY id",
        empty="say what the problem is",
        too_long=too_long,
    )()
    # a note on it has no length limit of its own: over 500 characters it is kept whole
    check_one_line_field(
        fresh,
        lambda typed: ["issue", "note", "1", "--", typed],
        "SELECT text FROM issue_updates WHERE kind = 'note' ORDER BY id",
        empty="the note is empty",
        too_long=None,
    )()


def test_an_event_title_is_stored_as_typed(cli, db_path, tmp_path) -> None:
    check_one_line_field(
        Fresh(cli, db_path, tmp_path),
        lambda typed: ["event", "add", "--at", "08:00", "--", typed],
        "SELECT title FROM events ORDER BY id",
        empty="say what the event is",
        too_long="the text is too long ({} characters; 500 at most)".format,
    )()


# -- the same rule, one example each, in both languages ------------------------------------------


def test_double_and_full_width_spaces_are_kept_and_the_ends_dropped(cli, nb) -> None:
    assert cli("task", "add", "  买药 \u3000给  李奶奶\u3000").exit_code == 0
    assert nb.scalar("SELECT text FROM tasks") == "买药 \u3000给  李奶奶"
    assert cli("issue", "add", "3号楼  下水道堵了").exit_code == 0
    assert cli("issue", "note", "1", "物业说  明天来").exit_code == 0
    assert cli("issue", "resolve", "1", "疏通了  两户", "--by", "物业  老王").exit_code == 0
    updates = nb.rows("SELECT kind, text, actor FROM issue_updates WHERE kind IN ('note', 'resolve') ORDER BY id")
    assert [tuple(row) for row in updates] == [
        ("note", "物业说  明天来", None),
        ("resolve", "疏通了  两户", "物业  老王"),
    ]
    assert nb.scalar("SELECT text FROM issues") == "3号楼  下水道堵了"


def test_a_tab_or_line_break_is_refused_where_it_is(cli, nb) -> None:
    tab = cli("task", "add", " \t量血压")
    assert (tab.exit_code, tab.stdout) == (2, "")
    assert tab.stderr == f"Error: {CONTROL.format(what='a tab', position=2)}\n"
    zh = cli("--lang", "zh", "issue", "add", "下水道\n堵了")
    assert (zh.exit_code, zh.stderr) == (2, "错误：文字第 4 个字符是换行：请在一行内输入，不要含制表符或控制字符\n")
    escape = cli("resident", "add", "李\x1b[2J秀英", "-a", "8-2-301")
    assert escape.stderr == f"Error: {CONTROL.format(what='a control character (U+001B)', position=2)}\n"
    assert nb.scalar("SELECT count(*) FROM tasks") + nb.scalar("SELECT count(*) FROM issues") == 0
    assert nb.scalar("SELECT count(*) FROM residents") == 0


def test_a_name_keeps_its_spaces_and_is_still_found(cli, nb) -> None:
    assert cli("resident", "add", "Li  Xiuying", "-a", "8-2-301").exit_code == 0
    assert nb.scalar("SELECT name FROM residents") == "Li  Xiuying"
    assert cli("resident", "show", "Li Xiuying").stdout.startswith("╭─ #1 Li  Xiuying ")


def test_a_follow_up_keeps_its_spaces_and_a_tab_is_placed_in_what_was_typed(cli, nb) -> None:
    assert cli("resident", "add", "李秀英", "--alias", "李奶奶", "-a", "8-2-301").exit_code == 0
    assert cli("log", "李奶奶", "量了血压", "--follow-up", "明天:  复测  血压").exit_code == 0
    assert nb.scalar("SELECT text FROM tasks") == "复测  血压"
    refused = cli("log", "李奶奶", "再量", "--follow-up", "明天: 复测\t血压", "--again")
    assert (refused.exit_code, refused.stderr) == (2, f"Error: {CONTROL.format(what='a tab', position=7)}\n")
    assert nb.scalar("SELECT count(*) FROM visits") == 1
