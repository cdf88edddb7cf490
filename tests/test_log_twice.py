"""The same entry typed twice (↑ Enter) is refused with the earlier entry's number; ``--again`` insists."""

from __future__ import annotations

import json

import pytest

TWICE = (
    "Error: not logged: the same entry as #{id}, written at {time} (same who, kind, note and readings,"
    " within 5 minutes). To log it again all the same: add --again\n"
)
BP = ("李奶奶", "血压偏高", "--bp", "139/90", "--pulse", "63")


def at(minute: int, second: int = 0) -> dict[str, str]:
    return {"GRIDNOTE_NOW": f"2026-11-29T09:{minute:02d}:{second:02d}+08:00"}


def counts(nb) -> tuple[int, int, int]:
    return tuple(nb.scalar(f"SELECT count(*) FROM {t}") for t in ("visits", "readings", "tasks"))


def test_the_same_visit_typed_again_is_refused_and_nothing_is_written(cli, demo, nb) -> None:
    first = cli("log", *BP, "--follow-up", "后天: 复测血压", env=at(0))
    assert first.exit_code == 0, first.stderr
    assert counts(nb) == (1, 2, 1)
    again = cli("log", *BP, "--follow-up", "后天: 复测血压", env=at(1))
    assert (again.exit_code, again.stdout, again.stderr) == (4, "", TWICE.format(id=1, time="09:00"))
    assert counts(nb) == (1, 2, 1)  # no second visit, no flagged readings twice, no second follow-up
    # the readings in another order are the same readings
    assert cli("log", "李奶奶", "血压偏高", "--pulse", "63", "--bp", "139/90", env=at(2)).exit_code == 4
    zh = cli("--lang", "zh", "log", *BP, env=at(2))
    assert (
        zh.stderr
        == "错误：未记录：与 09:00 写下的 #1 完全相同（5 分钟内，对象、类型、内容和读数都一样）。确要再记一次，请加 --again\n"
    )
    insisted = cli("log", *BP, "--again", "--json", env=at(3))
    assert insisted.exit_code == 0, insisted.stderr
    assert [v["id"] for v in json.loads(insisted.stdout)] == [2]
    # the newest twin is the one named
    assert cli("log", *BP, env=at(4)).stderr == TWICE.format(id=2, time="09:03")


@pytest.mark.parametrize(
    "change",
    [
        ("李奶奶", "血压偏高", "--bp", "139/91", "--pulse", "63"),  # another reading
        ("李奶奶", "血压偏高", "--bp", "139/90"),  # one reading fewer
        ("李奶奶", "血压偏高", "--bp", "139/90", "--pulse", "63", "--glucose", "6.1"),  # one more
        ("李奶奶", "血压还是偏高", "--bp", "139/90", "--pulse", "63"),  # another note
        ("李奶奶", "血压偏高", "--bp", "139/90", "--pulse", "63", "-k", "电话"),  # another kind
        ("张大爷", "血压偏高", "--bp", "139/90", "--pulse", "63"),  # someone else
        ("8-2-301", "血压偏高"),  # the household, not her
    ],
)
def test_an_entry_that_differs_in_anything_is_logged(cli, demo, change) -> None:
    assert cli("log", *BP, env=at(0)).exit_code == 0
    result = cli("log", *change, env=at(1))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("seconds, refused", [(299, True), (300, True), (301, False)])
def test_the_twin_is_looked_for_in_the_last_five_minutes(cli, demo, seconds, refused) -> None:
    assert cli("log", *BP, env=at(0)).exit_code == 0
    result = cli("log", *BP, env=at(seconds // 60, seconds % 60))
    assert result.exit_code == (4 if refused else 0)


def test_an_undone_entry_can_be_logged_again(cli, demo) -> None:
    assert cli("log", *BP, env=at(0)).exit_code == 0
    assert cli("log", "undo", env=at(1)).exit_code == 0
    assert cli("log", *BP, env=at(1)).exit_code == 0


def test_a_walk_of_several_buildings_typed_again_names_the_first_twin(cli, demo, nb) -> None:
    assert cli("log", "-b", "5", "-b", "6", "巡查", env=at(0)).exit_code == 0
    again = cli("log", "-b", "6", "-b", "7", "巡查", env=at(1))  # building 6 was walked a minute ago
    assert (again.exit_code, again.stderr) == (4, TWICE.format(id=2, time="09:00"))
    assert nb.scalar("SELECT count(*) FROM visits") == 2  # building 7 is not written either
    assert cli("log", "-b", "7", "巡查", env=at(1)).exit_code == 0


def test_the_same_words_for_another_moment_are_another_visit(cli, demo) -> None:
    assert cli("log", "高阿姨", "x", "--at", "8:00", env=at(0)).exit_code == 0
    assert cli("log", "高阿姨", "x", "--at", "8:00", env=at(1)).exit_code == 4  # ↑ Enter: the same moment
    assert cli("log", "高阿姨", "x", "--at", "8:06", env=at(1)).exit_code == 0
    assert cli("log", "高阿姨", "x", "--at", "昨天 8:00", env=at(1)).exit_code == 0
