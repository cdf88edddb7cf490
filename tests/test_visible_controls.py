"""Control characters in names and notes (a CSV file, a paste) are shown on the screen, never sent raw."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from gridnote.render.visible import visible

ESC = "\x1b"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what a terminal would obey


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


CONTROLS = st.characters(min_codepoint=0, max_codepoint=0x9F).filter(lambda ch: bool(RAW.match(ch)))


@given(st.text(), st.text())
def test_nothing_a_terminal_obeys_is_left_and_nothing_else_changes(before: str, after: str) -> None:
    text = before + after
    assert RAW.search(visible(text)) is None
    if RAW.search(text) is None:
        assert visible(text) == text


@given(st.text(), CONTROLS, st.text())
def test_each_control_is_drawn_where_it_was(before: str, control: str, after: str) -> None:
    drawn = visible(control)
    assert drawn and not drawn.isspace() and RAW.search(drawn) is None
    assert visible(before + control + after) == visible(before) + drawn + visible(after)


def test_pictures_by_hand() -> None:
    assert visible("a\x1b]0;x\x07b") == "a␛]0;x␇b"
    assert visible("清屏\x1b[2J了") == "清屏␛[2J了"
    assert visible("行一\n行二\t!") == "行一\n行二\t!"  # line breaks and tabs are text
    assert visible("\x00\x7f\x9b") == "␀␡�"  # one for one: a styled text keeps its spans


def test_an_imported_note_and_an_old_name_on_the_screen(cli, tmp_path, db_path) -> None:
    import sqlite3

    source = tmp_path / "in.csv"
    source.write_text('name,address,note\n赵六,5-1-102,"清屏\x1b[2J了"\n', encoding="utf-8")
    ok(cli("resident", "import", str(source)))  # a note may hold what a name may not (names refuse controls)
    conn = sqlite3.connect(db_path)  # a name written before names were checked
    conn.execute("UPDATE residents SET name = ? WHERE id = 1", ["赵\x1b[31m六"])
    conn.commit()
    conn.close()
    card = ok(cli("resident", "show", "1"))
    assert ESC not in card
    assert [line.strip("│╭╮ ─").rstrip(" │") for line in card.splitlines()[:1] + card.splitlines()[5:6]] == [
        "#1 赵␛[31m六",
        "Note     清屏␛[2J了",
    ]
    ok(cli("log", "1", "门口\x1b]0;pwned\x07留言"))
    listing = ok(cli("visits"))
    assert ESC not in listing and "\x07" not in listing
    assert "赵␛[31m六" in listing and "门口␛]0;pwned" in listing
    # an error that repeats what she typed shows it too
    result = cli("resident", "show", "钱\x1b[2J")
    assert result.exit_code != 0 and ESC not in result.stderr and "钱␛[2J" in result.stderr
    # what is stored and what --json says keep the exact text
    assert json.loads(ok(cli("resident", "show", "1", "--json")))["note"] == "清屏\x1b[2J了"


def test_a_table_stays_aligned_with_a_control_in_a_cell() -> None:
    import io

    from rich.table import Table
    from rich.text import Text

    from gridnote.render.console import VisibleConsole

    grid = Table.grid(padding=(0, 1))
    grid.add_row(Text("赵\x1b[31m六", style="bold"), "甲")
    grid.add_row("王五", "乙\x1b[2J")
    console = VisibleConsole(file=io.StringIO(), width=40, color_system=None)
    console.print(grid)
    # ␛ takes one column, so the first column is 2 + 1 + 4 + 2 = 9 wide and both rows line up
    lines = [line.rstrip() for line in console.file.getvalue().splitlines()]
    assert lines == ["赵␛[31m六 甲", "王五      乙␛[2J"]
