"""Narrow screens: the least important column gives way first; no word broken, no Chinese
punctuation at the start of a line (gridnote.render.wrap, gridnote.render.common.give_way_table)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from gridnote.render.wrap import CLOSING, OPENING, divide_line, floor

PIECES = st.sampled_from(
    [
        "李奶奶",
        "血压偏高",
        "社区民警",
        "联系物业公司清理装修垃圾",
        "，",
        "。",
        "、",
        "；",
        "（",
        "）",
        "“",
        "”",
        " ",
        " anti-fraud ",
        " talk ",
        " 8-2-301 ",
        " 13800001111 ",
        "4栋楼",
        " BP ",
        " 140/90 ",
    ]
)
# two closing marks in a row (。”) can only both stay off a line's start when the line has room:
# that case has an example below; the property is for text with single marks
MARKS = "".join(sorted(CLOSING | OPENING))
# (and a mark set off by a space, "（ anti-fraud", binds the word to it: not what Chinese text has)
TEXTS = (
    st.lists(PIECES, min_size=1, max_size=30)
    .map("".join)
    .filter(lambda text: not re.search(f"[{re.escape(MARKS)}]{{2}}|[{re.escape(MARKS)}] | [{re.escape(MARKS)}]", text))
)


def lines_of(text: str, width: int) -> list[str]:
    cuts = [0, *divide_line(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


@given(TEXTS, st.integers(min_value=4, max_value=60))
def test_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = lines_of(text, width)
    assert "".join(lines) == text  # nothing lost or added
    for line in lines:
        assert cell_len(line.rstrip()) <= width


@given(TEXTS, st.integers(min_value=12, max_value=60))
def test_lines_break_where_a_reader_expects(text: str, width: int) -> None:
    """Wider than every word (the longest piece here is 11 cells), nothing has to be folded."""
    lines = lines_of(text, width)
    for before, line in zip(lines, lines[1:], strict=False):
        assert line.lstrip()[:1] not in CLOSING, (before, line)
        assert before.rstrip()[-1:] not in OPENING, (before, line)
        # a Latin word or a number is never split
        left, right = re.search(r"[A-Za-z0-9/-]*$", before).group(), re.match(r"[A-Za-z0-9/-]*", line).group()
        assert not (left and right), (before, line)


@given(TEXTS)
def test_a_text_drawn_at_its_floor_breaks_no_piece(text: str) -> None:
    """At :func:`floor` cells a text needs no fold: every line is a run of whole pieces."""
    width = floor(text)
    for line in lines_of(text, width):
        assert cell_len(line.rstrip()) <= width


def test_tags_and_bracketed_names_break_between_their_words() -> None:
    assert lines_of("失能、高龄、高血压", 7) == ["失能、", "高龄、", "高血压"]
    assert lines_of("李秀英（李奶奶） 8-2-301", 11) == ["李秀英", "（李奶奶） ", "8-2-301"]
    assert lines_of("anti-fraud talk at the community centre", 12) == [
        "anti-fraud ",
        "talk at the ",
        "community ",
        "centre",
    ]
    assert lines_of("她说“好的。”然后走了", 8) == ["她说“好", "的。”然", "后走了"]  # 。” stay together
    # a long Chinese run may break between any two characters, never before its comma
    assert lines_of("血压有点高，已提醒", 6) == ["血压有", "点高，", "已提醒"]
    assert lines_of("巡查4栋楼", 6) == ["巡查", "4栋楼"]  # a number stays with what it counts


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _day(cli) -> None:
    ok(cli("task", "add", "anti-fraud talk at the community centre", "--due", "today 14:00", "-r", "李奶奶"))
    ok(cli("task", "add", "联系社区民警了解情况", "--due", "今天15:00", "-r", "张大爷"))
    ok(cli("task", "add", "巡查4栋楼", "--every", "day"))


def test_at_60_columns_the_name_gives_way_to_the_task(cli, demo) -> None:
    _day(cli)
    for lang in ("en", "zh"):
        shown = ok(cli("--lang", lang, "task", "list", env={"COLUMNS": "60"}))
        lines = shown.splitlines()
        assert any("anti-fraud talk at the" in line for line in lines)
        assert any("联系社区民警了解情况" in line for line in lines)  # whole on one line
        assert any(line.rstrip().endswith("李秀英") for line in lines)  # the name wraps, at its bracket
        assert any(line.strip() == "（李奶奶）" or line.rstrip().endswith("（李奶奶）") for line in lines)
        assert max(cell_len(line) for line in lines) <= 60


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(min_value=30, max_value=120), lang=st.sampled_from(["en", "zh"]))
def test_the_morning_screen_at_any_width(cli, demo, width: int, lang: str) -> None:
    if not ok(cli("task", "list", "--json")).strip("[]\n "):
        _day(cli)
    shown = ok(cli("--lang", lang, "today", env={"COLUMNS": str(width)}))
    lines = shown.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    for line in lines:
        assert line.strip()[:1] not in CLOSING - {"…"}, line  # "… 162 more" begins with it on purpose
    status = "never visited" if lang == "en" else "从未走访"
    if width >= 50 or lang == "zh":  # how long since the last visit stays whole on its line
        assert any(status in line for line in lines), shown
    else:  # or, narrower than the words of its row allow, it wraps at its space: never a word cut
        assert all(any(word in line for line in lines) for word in status.split()), shown
    if width >= 40:
        for word in ("anti-fraud", "community", "centre"):
            assert any(word in line for line in lines), (word, shown)
        name = "李秀英"
        assert any(name in line for line in lines)
