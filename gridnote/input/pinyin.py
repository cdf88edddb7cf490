"""Pinyin for look-ups, computed once when a name or alias is written.

``pypinyin`` takes ~200 ms to import, so it is loaded only by writes;
readers match against the stored ``pinyin``/``initials`` columns. A name's
first character is read as a surname (曾 → zeng, 单 → shan, 解 → xie …),
and so is the character after 老/小/阿 in an alias such as 老曾.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Surnames whose reading differs from the character's everyday reading.
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "缪": "miao",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "种": "chong",
    "秘": "bi",
    "繁": "po",
    "员": "yun",
    "召": "shao",
    "冼": "xian",
    "尉": "wei",
    "黑": "he",
    "万": "wan",
    "长": "chang",
    "重": "chong",
    "过": "guo",
    "句": "gou",
    "能": "nai",
    "宿": "su",
    "褚": "chu",
    "郇": "huan",
    "洗": "xian",
    "纪": "ji",
    "任": "ren",
    "华": "hua",
    "燕": "yan",
    "车": "che",
    "沈": "shen",
    "柏": "bai",
    "薄": "bo",
    "卜": "bu",
    "贲": "ben",
    "祭": "zhai",
    "逄": "pang",
}
COMPOUND_SURNAMES: dict[str, list[str]] = {
    "尉迟": ["yu", "chi"],
    "万俟": ["mo", "qi"],
    "长孙": ["zhang", "sun"],
    "单于": ["chan", "yu"],
    "澹台": ["tan", "tai"],
    "欧阳": ["ou", "yang"],
    "令狐": ["ling", "hu"],
    "皇甫": ["huang", "fu"],
    "司马": ["si", "ma"],
}
_ALIAS_PREFIXES = ("老", "小", "阿")
_NON_LETTERS = re.compile(r"[^0-9a-z]+")


def _syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    chunks = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    return [word.lower() for chunk in chunks for word in chunk.split()]


def name_syllables(text: str) -> list[str]:
    """Syllables of a name or alias, with the surname reading where one applies."""
    text = text.strip()
    if not text:
        return []
    prefix: list[str] = []
    if len(text) > 1 and text[0] in _ALIAS_PREFIXES:
        prefix, text = _syllables(text[0]), text[1:]
    for compound, reading in COMPOUND_SURNAMES.items():
        if text.startswith(compound):
            return prefix + reading + _syllables(text[len(compound) :])
    if text[0] in SURNAME_READINGS:
        return prefix + [SURNAME_READINGS[text[0]]] + _syllables(text[1:])
    return prefix + _syllables(text)


@lru_cache(maxsize=8192)
def pinyin_keys(*names: str | None) -> tuple[str, str]:
    """Stored search keys for some names: (``"zengjunhua zengnainai"``, ``"zjh znn"``).

    Kept for the life of the command: an import works out every row's keys before
    it takes the write lock, so writing them costs nothing there.
    """
    full: list[str] = []
    initials: list[str] = []
    for name in names:
        if not name:
            continue
        words = [_NON_LETTERS.sub("", s) for s in name_syllables(name)]
        words = [w for w in words if w]
        if not words:
            continue
        full.append("".join(words))
        initials.append("".join(w[0] for w in words))
    return " ".join(full), " ".join(initials)
