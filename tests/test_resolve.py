"""Finding a resident the way she types."""

from __future__ import annotations

import re

import pytest

from gridnote.errors import AmbiguousError, NotFoundError
from gridnote.services.resolve import find_residents, resolve_resident


@pytest.fixture
def grid(nb, add_resident):
    people = {
        "li": add_resident("李秀英", "8-2-301", alias="李奶奶", tags=["失能", "高血压"]),
        "zhang": add_resident("张国华", "8-2-301", alias="张大爷"),
        "gao": add_resident("高玉兰", "5-1-502", alias="高阿姨", tags=["独居"]),
        "zeng": add_resident("曾俊华", "7-3-1102", alias="曾奶奶"),
        "li2": add_resident("李强", "5-2-201"),
        "liu": add_resident("刘娜", "6-1-101", phones=["13912345678"]),
    }
    return people


@pytest.mark.parametrize(
    "query, who",
    [
        ("李奶奶", "li"),
        ("奶奶 8", "li"),
        ("linainai", "li"),
        ("lnn", "li"),
        ("LNN", "li"),
        ("李秀英", "li"),
        ("lixiuying", "li"),
        ("lxy", "li"),
        ("李 8-2", "li"),
        ("李 8号楼", "li"),
        ("张大爷", "zhang"),
        ("zdy", "zhang"),
        ("8-2-301 张", "zhang"),
        ("高阿姨", "gao"),
        ("5-1-502", "gao"),
        ("5号楼1单元502", "gao"),
        ("５－１－５０２", "gao"),
        ("zjh", "zeng"),
        ("zengjunhua", "zeng"),
        ("曾", "zeng"),
        ("李强", "li2"),
        ("13912345678", "liu"),
    ],
)
def test_resolves(nb, grid, query, who) -> None:
    assert resolve_resident(nb, query).id == grid[who].id


def test_by_number(nb, grid) -> None:
    assert resolve_resident(nb, f"#{grid['gao'].id}").id == grid["gao"].id
    assert resolve_resident(nb, str(grid["gao"].id)).id == grid["gao"].id


def test_surname_reading_only(nb, grid) -> None:
    """曾 as a surname is zeng: the everyday reading ceng does not find her."""
    with pytest.raises(NotFoundError):
        resolve_resident(nb, "cjh")


def test_ambiguous_lists_candidates_with_addresses(nb, grid) -> None:
    with pytest.raises(AmbiguousError) as err:
        resolve_resident(nb, "李")
    message = str(err.value)
    assert "李秀英（李奶奶） 8-2-301" in message
    assert "李强 5-2-201" in message
    assert "\n" not in message
    assert {r.id for r in err.value.candidates} == {grid["li"].id, grid["li2"].id}


def hint(nb, query: str) -> str:
    with pytest.raises(AmbiguousError) as err:
        resolve_resident(nb, query)
    return re.split(r"\. |。", str(err.value), maxsplit=1)[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ambiguity_hints_say_what_tells_them_apart(nb, add_resident, grid, lang) -> None:
    from gridnote.messages import i18n

    a = add_resident("王小明", "6-1-101")
    add_resident("王小明", "6-1-101", same_name=True)
    i18n.set_lang(lang)
    en = lang == "en"
    # one flat, different names: the name helps, not the address she already typed
    assert hint(nb, "8-2-301") == (
        'Add the name, all in quotes (e.g. "8-2-301 李秀英"), or use the number alone (e.g. 1)'
        if en
        else '请加上姓名，并整个用英文引号括起来（如 "8-2-301 李秀英"），或只用编号（如 1）'
    )
    # same name, same flat: only the number
    assert hint(nb, "王小明") == (
        f"They share name and address: use the number alone (e.g. {a.id})"
        if en
        else f"他们同名同址，请只用编号（如 {a.id}）"
    )
    # apart: the address, and the example is quoted because it is one argument
    li2 = grid["li2"].id
    assert hint(nb, "李") == (
        f'Add the address, all in quotes (e.g. "李 5-2-201"), or use the number alone (e.g. {li2})'
        if en
        else f'请加上地址，并整个用英文引号括起来（如 "李 5-2-201"），或只用编号（如 {li2}）'
    )
    for query in ("8-2-301 李秀英", "李 5-2-201", str(a.id)):  # every example does pick one person
        resolve_resident(nb, query)


def test_pinyin_in_syllables_and_a_room_with_its_suffix(nb, add_resident, grid) -> None:
    add_resident("唐美玲", "8-2-1202", alias="唐奶奶")
    add_resident("孙丽娟", "8-2-202", alias="孙奶奶")
    assert resolve_resident(nb, "li nainai").id == grid["li"].id
    assert resolve_resident(nb, "Li Xiu Ying").id == grid["li"].id
    assert resolve_resident(nb, "li 5-2").id == grid["li2"].id  # one syllable: as before
    assert resolve_resident(nb, "8-2-301室 李").id == grid["li"].id
    assert resolve_resident(nb, "8-2-301号 张").id == grid["zhang"].id


def test_exact_match_beats_partial(nb, add_resident, grid) -> None:
    add_resident("李奶奶的孙女", "6-1-102")  # contains 李奶奶 but is not her
    assert resolve_resident(nb, "李奶奶").id == grid["li"].id


def test_not_found_suggests_close_names(nb, grid) -> None:
    with pytest.raises(NotFoundError) as err:
        resolve_resident(nb, "linanai")
    assert "李秀英（李奶奶）" in str(err.value)


def test_moved_out_residents_are_found_only_when_nobody_else_is(nb, grid) -> None:
    from gridnote.services.residents import move_out

    move_out(nb, grid["li2"].id)
    assert resolve_resident(nb, "李").id == grid["li"].id
    assert resolve_resident(nb, "李强").id == grid["li2"].id


def test_find_orders_exact_first(nb, grid) -> None:
    matches = find_residents(nb, "lnn")
    assert matches[0].resident.id == grid["li"].id and matches[0].exact


def test_cli_ambiguous_exit_code_2_and_nothing_written(cli, nb, grid) -> None:
    before = nb.scalar("SELECT count(*) FROM resident_tags")
    result = cli("resident", "tag", "李", "低保")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith('Error: "李" matches 2 residents:')
    assert nb.scalar("SELECT count(*) FROM resident_tags") == before


def test_cli_not_found_exit_code_3(cli, grid) -> None:
    result = cli("resident", "show", "王五")
    assert result.exit_code == 3
    assert result.stderr.startswith('Error: no resident matches "王五"')


def test_demo_grid_lnn_finds_grandma_li(cli, demo) -> None:
    result = cli("resident", "show", "lnn")
    assert result.exit_code == 0, result.stderr
    assert "#1 李秀英（李奶奶）" in result.stdout
    assert "8-2-301" in result.stdout
    assert "张国华（张大爷）" in result.stdout  # her husband, same household


def test_demo_grid_zjh_finds_zeng_only_under_zeng(cli, demo) -> None:
    assert "曾俊华" in cli("resident", "show", "zjh").stdout
    result = cli("resident", "show", "cjh")
    assert "曾俊华" not in result.stdout + result.stderr


def test_like_wildcards_are_literal(nb, grid) -> None:
    for query in ("%", "_", "李%"):
        with pytest.raises(NotFoundError) as err:
            resolve_resident(nb, query)
        assert "try part of the name" in str(err.value) or "closest" in str(err.value)


def test_recording_for_a_moved_out_resident_is_refused(cli, nb, grid) -> None:
    from gridnote.services.residents import move_out

    move_out(nb, grid["gao"].id, note="搬去女儿家")
    assert cli("resident", "show", "高阿姨").exit_code == 0  # reading still works
    for args in (
        ["log", "高阿姨", "看望"],
        ["task", "add", "回访", "-r", "高阿姨"],
        ["issue", "add", "楼道灯坏了", "--reporter", "高阿姨"],
    ):
        result = cli(*args)
        assert result.exit_code == 4, args
        assert result.stderr.startswith("Error: 高玉兰（高阿姨） moved out on 2026-11-29;"), result.stderr
    assert nb.scalar("SELECT count(*) FROM visits") == 0
    assert nb.scalar("SELECT count(*) FROM tasks") == 0
    assert nb.scalar("SELECT count(*) FROM issues") == 0


def test_lists_in_chinese_errors_use_chinese_separators(cli, grid) -> None:
    """Candidates are set apart with "；", choices with "、": never ASCII "; " or ", " in Chinese."""
    ambiguous = cli("--lang", "zh", "resident", "tag", "李", "低保")
    assert ambiguous.exit_code == 2
    assert "；#" in ambiguous.stderr and "; " not in ambiguous.stderr
    formats = cli("--lang", "zh", "report", "-f", "pdf")
    assert formats.stderr.strip() == "错误：未知格式“pdf”，可用：text、markdown、html、json、csv、xlsx"
    english = cli("resident", "tag", "李", "低保")
    assert "; #" in english.stderr
