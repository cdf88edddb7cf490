"""Where a line may break: Chinese and English both, as a reader expects.

Rich breaks lines only at spaces and folds anything longer, so a Chinese note (no spaces) is
cut wherever the width ends: a line may start with "，" or a tag list fold as "、高 / 龄". This
breaker is Rich's (``rich.text.divide_line`` is replaced by :func:`install`, so every table,
panel and paragraph uses it), with the rules of Chinese typesetting added:

* a line breaks after a space, or beside a Chinese character; never inside a Latin word or
  number (``anti-fraud``, ``8-2-301``), nor between a number and the word it counts (``4栋``);
* never before closing punctuation (``，。、）》`` …) nor after opening (``（《“`` …): the
  character before moves down with it (避头尾);
* a break after punctuation or a space is preferred while the line stays at least half full,
  so ``失能、高龄、高血压`` breaks between tags, not inside one;
* only a word wider than the whole line is folded, as Rich does.

:func:`floor` is the narrowest a text can be drawn under these rules without folding a word:
how far a table's column may give way (:class:`gridnote.render.common.GiveWayTable`). The rules
need nothing of Rich (only :func:`install` and the default measure import it), so the help pages,
which never load Rich, break their lines by them too (:func:`gridnote.cli._help.wrap`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial


def east_asian_cells(ch: str) -> int:
    """Columns one character takes, by its Unicode width (the help pages measure so; Rich by its table)."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


@lru_cache(maxsize=1)
def _rich_cells() -> Callable[[str], int]:
    """Rich's own measure of one character (imported once, when first needed)."""
    from rich.cells import get_character_cell_size

    return get_character_cell_size


# May not start a line (closing punctuation, the ideographic iteration mark, small kana).
CLOSING = frozenset(
    "，。、；：？！）》」』】〉〕〗〙〛”’…‥·・％‰℃ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:?!)]}%"
)
# May not end a line.
OPENING = frozenset("（《「『【〈〔〖〘〚“‘([{")
# After these a break is preferred (a Chinese sentence's or list's own pause).
PAUSES = frozenset("，。、；：？！,;")
SHORT_RUN = 4  # a run of Chinese characters up to this long between pauses is kept whole when it can be
LAST_RESORT = 3  # a break allowed only where no other is: inside a short run


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _opportunities(text: str) -> list[int]:
    """For each index i, whether a line may break before ``text[i]``: 0 no, 1 allowed, 2 preferred,
    :data:`LAST_RESORT` only if nothing else is."""
    n = len(text)
    kinds = [0] * (n + 1)
    for i in range(1, n):
        before, after = text[i - 1], text[i]
        if after.isspace() or after in CLOSING:
            continue  # the break comes after the spaces; a closing mark stays with what it closes (a · b too)
        if before.isspace():
            mark = text[:i].rstrip()[-1:]
            kinds[i] = 0 if mark in OPENING else 2  # "（ " keeps what it opens
        elif before in OPENING:
            continue
        elif (before in PAUSES and _wide(before)) or (after in OPENING and _wide(after)):
            kinds[i] = 2
        elif _wide(before) and _wide(after) or _wide(before) or (_wide(after) and not before.isdigit()):
            kinds[i] = 1
    # inside a short Chinese run (a name, a tag, 李奶奶 in its brackets) a break is a last resort
    start = 0
    for end in [*(i for i in range(1, n) if kinds[i] == 2), n]:
        if sum(1 for ch in text[start:end] if _wide(ch) and ch.isalpha()) <= SHORT_RUN:
            for i in range(start + 1, end):
                if kinds[i] == 1:
                    kinds[i] = LAST_RESORT
        start = end
    return kinds


def divide_line(text: str, width: int, fold: bool = True, cell_size: Callable[[str], int] | None = None) -> list[int]:
    """The indices to break ``text`` at so each line fits ``width`` cells (Rich's contract).

    ``cell_size``: how wide one character is (default: as Rich measures it, which draws the lines).
    """
    n = len(text)
    if n == 0 or width <= 0:
        return []
    measure = cell_size or _rich_cells()
    cells = [measure(ch) for ch in text]
    kinds = _opportunities(text)
    breaks: list[int] = []
    start = 0
    while start < n:
        used, end = 0, start
        while end < n and (used + cells[end] <= width or text[end].isspace()):
            used += cells[end]
            end += 1
        if end >= n:
            break
        best = preferred = resort = 0
        fill = 0
        filled_at: dict[int, int] = {}
        for i in range(start, end + 1):
            if i > start:
                fill += cells[i - 1]
            filled_at[i] = fill
            if i > start and kinds[i]:
                if kinds[i] == LAST_RESORT:
                    resort = i
                    continue
                best = i
                if kinds[i] == 2:
                    preferred = i
        if preferred and (preferred >= best or filled_at[preferred] * 2 >= width):
            cut = preferred  # a pause or a space, unless it leaves the line less than half full
        elif best or resort:
            cut = best or resort
        elif fold:
            cut = max(end, start + 1)
            while cut - 1 > start and (text[cut] in CLOSING or text[cut - 1] in OPENING):
                cut -= 1  # the character before comes down with the punctuation
        else:  # no folding: the word runs on to its own end, and Rich crops it
            cut = next((i for i in range(end + 1, n) if kinds[i]), n)
            if cut >= n:
                break
        breaks.append(cut)
        start = cut
    return breaks


@lru_cache(maxsize=4096)
def floor(text: str) -> int:
    """The cells of the widest piece of ``text`` that should not be broken (a word, a short Chinese run)."""
    kinds = _opportunities(text)
    measure = _rich_cells()
    widest = run = 0
    han = 0  # Chinese characters in the piece so far
    for i, ch in enumerate(text):
        if i and kinds[i] in (1, 2) and (kinds[i] == 2 or han >= SHORT_RUN):
            widest, run, han = max(widest, run), 0, 0
        if ch.isspace():
            widest, run, han = max(widest, run), 0, 0
            continue
        run += measure(ch)
        han += _wide(ch) and ch.isalpha()
    return max(widest, run)


_installed = False


def install() -> None:
    """Every line Rich wraps from now on breaks by these rules (once per process)."""
    global _installed
    if _installed:
        return
    import rich.text
    from rich.cells import get_character_cell_size

    rich.text.divide_line = partial(divide_line, cell_size=get_character_cell_size)
    _installed = True
