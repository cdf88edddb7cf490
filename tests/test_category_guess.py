"""The category read from an issue's text: the most specific word of the vocabulary wins.

The rule is tested over the whole default vocabulary, not on one input: every
word alone is its own category, and a word built on another category's word
(装修垃圾 on 垃圾) beats every plain word of that category, in either order
and when the two share their common part (装修垃圾堆放).
"""

from __future__ import annotations

from gridnote.domain.categories import DEFAULT_CATEGORIES
from gridnote.input.text import fold
from gridnote.services.categories import guess

CATS = list(DEFAULT_CATEGORIES)
WORDS = [
    (fold(spelling), c.code)
    for c in CATS
    for spelling in (c.zh, c.en, *c.synonyms)
    if len(fold(spelling)) >= 2 and not fold(spelling).isascii()
]


def others_inside(word: str, code: str) -> list[tuple[str, str]]:
    """The (word, category) of other categories written inside ``word``."""
    return [(w, c) for w, c in WORDS if c != code and w != word and w in word]


def test_every_word_alone_is_its_own_category() -> None:
    for c in CATS:
        for spelling in (c.zh, c.en, *c.synonyms):
            if len(fold(spelling)) >= 2:
                assert guess(CATS, spelling).code == c.code, spelling


def test_a_word_built_on_another_categorys_word_beats_that_categorys_plain_words() -> None:
    checked = 0
    for word, code in WORDS:
        for inner, inner_code in others_inside(word, code):
            plain = [w for w, c in WORDS if c == inner_code and not others_inside(w, c)]
            for other in plain:
                texts = [f"{word}，{other}", f"{other}，{word}"]
                if other.startswith(inner) and word.endswith(inner) and other != inner:
                    texts.append(word + other[len(inner) :])  # sharing the common part: 装修垃圾堆放
                for text in texts:
                    assert guess(CATS, text).code == code, (text, word, other)
                    checked += 1
    assert checked > 50  # the vocabulary has such pairs: the test is not vacuous


def test_renovation_waste_dumped_below_building_5_is_renovation_waste(cli) -> None:
    result = cli("issue", "add", "5号楼楼下装修垃圾堆放")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == "renovation waste · respond by 11-30 09:00 · resolve by 12-06 09:00"
    # a plain garbage word stays garbage
    result = cli("issue", "add", "5号楼楼下垃圾堆放")
    assert result.stdout.splitlines()[1] == "garbage · respond by 11-30 09:00 · resolve by 12-06 09:00"
