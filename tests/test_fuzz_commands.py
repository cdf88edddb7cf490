"""The fuzz suite: whatever is typed into a writing command, it is done, or refused in one line and nothing changes.

Every writing command gets hypothesis-made values in one of its arguments: random Unicode, CJK,
control characters, awkward spaces, huge and empty values, numbers too large for SQLite, dates
that do not exist. Each example runs the real CLI on a fresh copy of a small notebook (李秀英 /
李奶奶 at 8-2-301, task 1, visit 1, issue 1). Whatever is typed: no traceback; an exit code from
README's documented list; on a refusal one line on stderr (a usage error: Click's usage and
hint, then its one error line), nothing on stdout, and the notebook exactly as it was, table by
table and row by row. ``GRIDNOTE_FUZZ=N`` runs N times the examples. What a stored text holds
is pinned in tests/test_typed_text.py.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.examples import examples
from tests.test_typed_text import CHARS, SPACES, Fresh, one_line_verdict

DOCUMENTED = {0, 2, 3, 4, 5, 6}  # README "Exit codes" (1 is a question left unanswered: none is asked here)
# what these values are made of, besides anything at all: digits, separators and the words people type
PIECES = st.sampled_from(
    [
        *"0123456789０１２３４５６７８９/-:.，。号楼单元室年月日点半",
        "明天",
        "后天",
        "周五",
        "早上",
        "下午",
        "mmHg",
        "斤",
        "kg",
    ]
)
HUGE = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e999"]),
    st.sampled_from(
        ["nan", "inf", "-inf", "-0", "0", "00000000000000000001", "１２３４５６７８９０１２３４５６７８９０", "٣"]
    ),
)
ODD_DATES = st.sampled_from(
    [
        "2026-02-29", "2026-02-30", "2024-02-29", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01",
        "1899-12-31", "13-01", "12-32", "00-00", "2月30日", "二〇二六年二月三十日", "2026年13月1日", "+99999d",
        "-1", "+1", "25:00", "24:00", "23:60", "明天25点", "周八", "下下下周五", "1970-01-01T00:00:00Z",
        "2026-11-29 09:00", "2026/11/29", "11/29/2026", "29.11.2026", "20261129", "yesterday", "tomorrow",
    ]
)  # fmt: skip
VALUE = st.one_of(
    st.lists(st.one_of(CHARS, PIECES), max_size=12).map("".join),
    st.lists(PIECES, max_size=8).map("".join),
    st.text(CHARS, min_size=300, max_size=320),
    st.sampled_from(["", " ", "\u3000", "\t", "\n", "\x1b[31m红\x1b[0m", "𠮷" * 50]),
    HUGE,
    ODD_DATES,
)


def _dump(fresh: Fresh, *, template: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what "nothing changed" is compared on."""
    tables = fresh.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", template=template)
    return {t: sorted(fresh.rows(f'SELECT * FROM "{t}"', template=template), key=repr) for (t,) in tables}


def _fresh(cli, db_path, tmp_path) -> Fresh:
    for args in (
        ["resident", "add", "李秀英", "--alias", "李奶奶", "-a", "8-2-301", "-t", "高血压"],
        ["task", "add", "量血压", "--due", "明天"],
        ["log", "李奶奶", "量血压", "--bp", "139/90"],
        ["issue", "add", "下水道堵了", "-b", "8"],
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    return Fresh(cli, db_path, tmp_path)


def check_command(fresh: Fresh, args: Callable[[str], list[str]], n: int = 6) -> None:
    before = _dump(fresh, template=True)

    @settings(max_examples=examples(n), deadline=None)
    @given(VALUE)
    def check(typed: str) -> None:
        result = fresh.run(*args(typed))
        assert "Traceback" not in result.stderr, (typed, result.stderr)
        assert result.exit_code in DOCUMENTED, (typed, result.exit_code, result.stderr)
        if result.exit_code != 0:
            lines = result.stderr.splitlines()
            if len(lines) > 1 and lines[0].startswith("Usage: "):  # a usage error: usage, hint, its one line
                lines = [line for line in lines[1:] if line and not line.startswith("Try ")]
            assert len(lines) == 1 and lines[0].startswith("Error: "), (typed, result.stderr)
            assert result.stdout == "", typed
            assert _dump(fresh) == before, typed

    check()


WRITING = {
    # residents
    "address": lambda v: ["resident", "add", "张三", "-a", v],
    "birth": lambda v: ["resident", "add", "张三", "-a", "8-2-302", "--born", v],
    "phone": lambda v: ["resident", "add", "张三", "-a", "8-2-302", "-p", v],
    "id-number": lambda v: ["resident", "add", "张三", "-a", "8-2-302", "--id-number", v],
    "tag": lambda v: ["resident", "add", "张三", "-a", "8-2-302", "-t", v],
    "gender": lambda v: ["resident", "add", "张三", "-a", "8-2-302", "--gender", v],
    "contact": lambda v: ["resident", "add", "张三", "-a", "8-2-302", "--contact", v],
    "edit-name": lambda v: ["resident", "edit", "李奶奶", "--name", v],
    "edit-born": lambda v: ["resident", "edit", "李奶奶", "--born", v],
    "edit-address": lambda v: ["resident", "edit", "李奶奶", "--address", v],
    "edit-add-phone": lambda v: ["resident", "edit", "李奶奶", "--add-phone", v],
    "edit-remove-contact": lambda v: ["resident", "edit", "李奶奶", "--remove-contact", v],
    "edit-who": lambda v: ["resident", "edit", "--", v, "--note", "x"],
    "tag-who": lambda v: ["resident", "tag", "李奶奶", v],
    "untag": lambda v: ["resident", "untag", "李奶奶", v],
    "move-out-note": lambda v: ["resident", "move-out", "李奶奶", "--note", v],
    "redeem": lambda v: ["resident", "redeem", "李奶奶", v],
    "building-add": lambda v: ["building", "add", v],
    "building-name": lambda v: ["building", "add", "9", "--name", v],
    # tasks and tomorrow's work
    "due": lambda v: ["task", "add", "量血压", "--due", v],
    "at": lambda v: ["task", "add", "量血压", "--at", v],
    "every": lambda v: ["task", "add", "量血压", "--every", v],
    "task-resident": lambda v: ["task", "add", "量血压", "--resident", v],
    "task-building": lambda v: ["task", "add", "量血压", "--building", v],
    "tomorrow-at": lambda v: ["tomorrow", "add", "量血压", "--at", v],
    "task-done": lambda v: ["task", "done", v],
    "task-move": lambda v: ["task", "move", "1", v],
    "task-edit-due": lambda v: ["task", "edit", "1", "--due", v],
    "task-edit-every": lambda v: ["task", "edit", "1", "--every", v],
    # visits and readings
    "bp": lambda v: ["log", "李奶奶", "量血压", "--bp", v],
    "pulse": lambda v: ["log", "李奶奶", "量血压", "--pulse", v],
    "glucose": lambda v: ["log", "李奶奶", "量血压", "--glucose", v],
    "temp": lambda v: ["log", "李奶奶", "量血压", "--temp", v],
    "weight": lambda v: ["log", "李奶奶", "量血压", "--weight", v],
    "visit-at": lambda v: ["log", "李奶奶", "看望", "--at", v],
    "visit-until": lambda v: ["log", "李奶奶", "看望", "--until", v],
    "visit-kind": lambda v: ["log", "李奶奶", "看望", "--kind", v],
    "follow-up": lambda v: ["log", "李奶奶", "看望", "--follow-up", v],
    "who": lambda v: ["log", "--", v, "看望"],
    "log-edit-number": lambda v: ["log", "edit", v, "--bp", "120/80"],
    "log-edit-bp": lambda v: ["log", "edit", "1", "--bp", v],
    "log-undo": lambda v: ["log", "undo", v],
    "care-baseline": lambda v: ["care", "baseline", v],
    # issues
    "issue-building": lambda v: ["issue", "add", "下水道堵了", "-b", v],
    "issue-category": lambda v: ["issue", "add", "下水道堵了", "-c", v],
    "issue-address": lambda v: ["issue", "add", "下水道堵了", "--address", v],
    "issue-reporter": lambda v: ["issue", "add", "下水道堵了", "--reporter", v],
    "issue-priority": lambda v: ["issue", "add", "下水道堵了", "--priority", v],
    "issue-at": lambda v: ["issue", "add", "下水道堵了", "--at", v],
    "issue-refer-to": lambda v: ["issue", "refer", "1", "--to", v],
    "issue-refer-due": lambda v: ["issue", "refer", "1", "--to", "物业", "--due", v],
    "issue-note": lambda v: ["issue", "note", "1", v],
    "issue-resolve": lambda v: ["issue", "resolve", "1", v],
    "issue-rate": lambda v: ["issue", "rate", "1", v],
    "issue-reject": lambda v: ["issue", "reject", "1", "--reason", v],
    "issue-number": lambda v: ["issue", "close", v],
    "issue-edit-priority": lambda v: ["issue", "edit", "1", "--priority", v],
    # events, settings
    "event-at": lambda v: ["event", "add", "反诈宣传", "--at", v],
    "event-with": lambda v: ["event", "add", "反诈宣传", "--with", v],
    "event-attendees": lambda v: ["event", "add", "反诈宣传", "--attendees", v],
    "config-value": lambda v: ["config", "set", "worker.name", v],
    "config-number": lambda v: ["config", "set", "backup.days", v],
    "config-key": lambda v: ["config", "set", "--", v, "1"],
}


@pytest.mark.parametrize("args", list(WRITING.values()), ids=list(WRITING))
def test_whatever_is_typed_is_done_or_refused_in_one_line(cli, db_path, tmp_path, args) -> None:
    check_command(_fresh(cli, db_path, tmp_path), args)


def test_a_name_is_stored_as_typed_once_read_as_half_width(cli, db_path, tmp_path) -> None:
    """A name by the one-line rule, then NFKC (full-width letters and digits as half-width, README)."""
    fresh = _fresh(cli, db_path, tmp_path)
    before = _dump(fresh, template=True)

    @settings(max_examples=examples(40), deadline=None)
    @given(st.text(CHARS, max_size=44))
    def check(typed: str) -> None:
        kept, error = one_line_verdict(typed)
        name = unicodedata.normalize("NFKC", kept).translate(DASHES).strip() if error is None else ""
        result = fresh.run("resident", "add", "-a", "8-2-302", "--", typed)
        assert "Traceback" not in result.stderr, typed
        if error is not None or not name or len(name) > 40:
            assert result.exit_code == 2 and result.stderr.count("\n") == 1, (typed, result.stderr)
            if error is not None:
                assert result.stderr == f"Error: {error}\n"
            assert _dump(fresh) == before, typed
            return
        if result.exit_code == 0:
            assert [r[0] for r in fresh.rows("SELECT name FROM residents ORDER BY id")][-1] == name, typed
        else:  # the same name at the same address is a question of its own (--same-name)
            assert result.exit_code == 2 and result.stderr.count("\n") == 1, (typed, result.stderr)
            assert _dump(fresh) == before

    check()


def test_a_control_character_in_a_quoted_value_is_shown_escaped(cli) -> None:
    """A message quoting what was typed stays one line and runs no terminal escape."""
    result = cli("task", "done", "1\n\x1b[2J2")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr
    assert "\\n␛[2J" in result.stderr  # the line break escaped, the escape drawn as on the screen


# the dashes and space README says are read like their plain forms (gridnote.input.text)
DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "‐": "-", "−": "-", "～": "~", "\u3000": " "})
assert "\u3000" in SPACES
