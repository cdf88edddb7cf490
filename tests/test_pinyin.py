"""gridnote.input.pinyin: names found by pinyin and initials, surnames read as surnames."""

from __future__ import annotations

import pytest

from gridnote.input.pinyin import pinyin_keys


@pytest.mark.parametrize(
    "names, full, initials",
    [
        (("李秀英", "李奶奶"), "lixiuying linainai", "lxy lnn"),
        (("曾俊华", "曾奶奶"), "zengjunhua zengnainai", "zjh znn"),
        (("单田芳", None), "shantianfang", "stf"),
        (("解小东", None), "xiexiaodong", "xxd"),
        (("仇英", None), "qiuying", "qy"),
        (("区志强", None), "ouzhiqiang", "ozq"),
        (("朴树", "老朴"), "piaoshu laopiao", "ps lp"),
        (("尉迟恭", None), "yuchigong", "ycg"),
        (("Tom Li", None), "tomli", "tl"),
    ],
)
def test_pinyin_uses_surname_readings(names, full, initials) -> None:
    assert pinyin_keys(*names) == (full, initials)
