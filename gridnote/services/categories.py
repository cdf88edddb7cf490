"""Issue categories: the defaults in code plus the notebook's own (``gridnote issue category``).

The ``issue_categories`` table holds only what this notebook changed: a row
with a default's code overrides its non-empty fields (an upward code, a
deadline group, labels, extra synonyms); a row with a new code adds a
category. Nothing is deleted: issues keep the code they were filed under.

Deadlines come from the category's group and the ``deadline.<group>.*``
settings; an urgent issue gets the emergency deadlines when they are shorter.
"""

from __future__ import annotations

import difflib
import re
import sqlite3

from gridnote import clock
from gridnote.domain.categories import DEFAULT_CATEGORIES
from gridnote.domain.issue_terms import DEADLINE_GROUPS
from gridnote.domain.vocab import Term, Vocabulary, split_list
from gridnote.errors import InputError
from gridnote.input.text import fold, normalize
from gridnote.messages import i18n
from gridnote.models import Category
from gridnote.store import write
from gridnote.store.issues import category_row, category_rows
from gridnote.store.notebook import Notebook

_CODE = re.compile(r"^[a-z][a-z0-9-]{1,39}$")


def categories(nb: Notebook) -> list[Category]:
    """Every category, each top-level one followed by its subcategories."""
    rows = {r["code"]: r for r in category_rows(nb)}
    merged: list[Category] = []
    for default in DEFAULT_CATEGORIES:
        row = rows.pop(default.code, None)
        merged.append(_override(default, row) if row is not None else default)
    for row in rows.values():  # the notebook's own categories
        merged.append(_override(Category(code=row["code"], en=row["code"], zh=row["code"]), row))
    parents = [c for c in merged if c.parent is None]
    ordered: list[Category] = []
    for parent in parents:
        ordered.append(parent)
        ordered.extend(c for c in merged if c.parent == parent.code)
    orphans = [c for c in merged if c.parent is not None and c not in ordered]
    return ordered + orphans


def _override(base: Category, row: sqlite3.Row) -> Category:
    get = row.__getitem__
    extra = tuple(s for s in (get("synonyms") or "").split(",") if s)
    return Category(
        code=base.code,
        en=get("en") or base.en,
        zh=get("zh") or base.zh,
        parent=get("parent") if get("parent") is not None else base.parent,
        group=get("grp") or base.group,
        upward=get("upward") or base.upward,
        synonyms=base.synonyms + tuple(s for s in extra if s not in base.synonyms),
        custom=True,
    )


def vocabulary(cats: list[Category]) -> Vocabulary:
    return Vocabulary("category", tuple(Term(c.code, c.en, c.zh, c.synonyms) for c in cats))


def find(cats: list[Category], code: str) -> Category | None:
    return next((c for c in cats if c.code == code), None)


def resolve(nb: Notebook, text: str) -> Category:
    """The category she means (code, English, Chinese or a synonym); an error suggests close ones."""
    cats = categories(nb)
    code = vocabulary(cats).lookup(text)
    if code is None:
        close = _close(cats, text)
        if not close:  # no "closest: -": say where the list is
            raise InputError("category.unknown_nothing_close", text=text)
        raise InputError("category.unknown", text=text, close=close)
    category = find(cats, code)
    assert category is not None
    return category


def _close(cats: list[Category], text: str) -> str:
    """Up to three categories spelled like ``text`` ("blocked-drain (下水道堵塞)"); empty when none is close."""
    spellings: dict[str, str] = {}
    for c in cats:
        for s in (c.code, c.en, c.zh, *c.synonyms):
            spellings.setdefault(fold(s), c.code)
    near = difflib.get_close_matches(fold(text), list(spellings), n=6, cutoff=0.7)
    codes: list[str] = []
    for spelling in near:
        if spellings[spelling] not in codes:
            codes.append(spellings[spelling])
    vocab = vocabulary(cats)
    shown = [f"{code} ({vocab.term(code).zh})" for code in codes[:3]]  # type: ignore[union-attr]
    return i18n.join_list(shown)


def _occurs(word: str, folded: str) -> bool:
    """A folded vocabulary word in folded text: English whole words (and their plural), Chinese anywhere."""
    if word.isascii():
        return re.search(rf"(?<![a-z]){re.escape(word)}s?(?![a-z])", folded) is not None
    return word in folded


def _spellings(cats: list[Category]) -> list[tuple[str, Category]]:
    """Every (folded word, category) of the vocabulary, labels and synonyms, two characters or more."""
    found: list[tuple[str, Category]] = []
    for c in cats:
        for spelling in (c.zh, c.en, *c.synonyms):
            word = fold(spelling)
            if len(word) >= 2:
                found.append((word, c))
    return found


def guess(cats: list[Category], text: str) -> Category | None:
    """The category of the most specific vocabulary word in the text.

    A word built on another category's word names a kind of that thing and is
    more specific than any word of that category alone: 装修垃圾 (renovation
    waste) holds 垃圾 (garbage) and 装修 (renovation), so it beats 垃圾堆放
    (garbage), which holds only garbage's own 垃圾. Specificity is the number
    of other categories' words inside the matched word; among equally specific
    words the longest wins (装修垃圾 beats 装修), then the first in the list.
    """
    words = _spellings(cats)
    folded = fold(text)
    best: tuple[tuple[int, int], Category] | None = None
    for word, c in words:
        if not _occurs(word, folded):
            continue
        inner = sum(1 for other, oc in words if oc.code != c.code and other != word and _occurs(other, word))
        score = (inner, len(word))
        if best is None or score > best[0]:
            best = (score, c)
    return best[1] if best else None


def subtree(cats: list[Category], code: str) -> list[str]:
    """A category and, for a top-level one, its subcategories (for ``issue list --category``)."""
    return [code, *(c.code for c in cats if c.parent == code)]


def deadline_hours(nb: Notebook, group: str, priority: str = "normal") -> tuple[int, int]:
    """(response hours, resolve hours) for a deadline group and priority."""
    from gridnote.services.settings import get

    response = int(get(nb, f"deadline.{group}.response_hours"))
    resolve_ = int(get(nb, f"deadline.{group}.resolve_hours"))
    if priority == "urgent":
        response = min(response, int(get(nb, "deadline.emergency.response_hours")))
        resolve_ = min(resolve_, int(get(nb, "deadline.emergency.resolve_hours")))
    return response, resolve_


# -- the notebook's own categories -----------------------------------------------
def _group(text: str) -> str:
    code = DEADLINE_GROUPS.lookup(text)
    if code is None:
        raise InputError("category.bad_group", text=text, choices=DEADLINE_GROUPS.choices())
    return code


def add_category(
    nb: Notebook,
    code: str,
    *,
    zh: str,
    en: str | None = None,
    parent: str | None = None,
    group: str | None = None,
    upward: str | None = None,
    synonyms: list[str] | None = None,
) -> Category:
    """Add a category of this notebook's own (a subcategory when ``parent`` is given)."""
    code = fold(code)
    if not _CODE.match(code):
        raise InputError("category.bad_code", text=code)
    cats = categories(nb)
    if find(cats, code) is not None or vocabulary(cats).lookup(zh) is not None:
        raise InputError("category.exists", text=code if find(cats, code) else zh)
    parent_code = None
    if parent:
        parent_cat = resolve(nb, parent)
        parent_code = parent_cat.parent or parent_cat.code
        group = group or parent_cat.group
    now = clock.iso(clock.now())
    with nb.transaction():
        write.insert(
            nb,
            "issue_categories",
            {
                "code": code,
                "parent": parent_code,
                "en": normalize(en) if en else code,
                "zh": normalize(zh),
                "synonyms": ",".join(_synonyms(synonyms)),
                "grp": _group(group) if group else "general",
                "upward": normalize(upward) if upward else None,
                "created_at": now,
                "updated_at": now,
            },
        )
    found = find(categories(nb), code)
    assert found is not None
    return found


def set_category(
    nb: Notebook,
    text: str,
    *,
    zh: str | None = None,
    en: str | None = None,
    group: str | None = None,
    upward: str | None = None,
    synonyms: list[str] | None = None,
) -> Category:
    """Change a category's labels, deadline group, upward code or add synonyms."""
    category = resolve(nb, text)
    values = {
        "zh": normalize(zh) if zh else None,
        "en": normalize(en) if en else None,
        "grp": _group(group) if group else None,
        "upward": normalize(upward) if upward else None,
    }
    extra = _synonyms(synonyms)
    if not any(values.values()) and not extra:
        raise InputError("category.nothing_to_set")
    now = clock.iso(clock.now())
    with nb.transaction():
        row = category_row(nb, category.code)
        if row is None:
            write.insert(
                nb,
                "issue_categories",
                {
                    "code": category.code,
                    "synonyms": ",".join(extra),
                    "created_at": now,
                    "updated_at": now,
                    **{k: v for k, v in values.items() if v},
                },
            )
        else:
            old = [s for s in (row["synonyms"] or "").split(",") if s]
            changes = {k: v for k, v in values.items() if v}
            changes["synonyms"] = ",".join(old + [s for s in extra if s not in old])
            changes["updated_at"] = now
            write.update(nb, "issue_categories", {"code": category.code}, changes)
    found = find(categories(nb), category.code)
    assert found is not None
    return found


def _synonyms(texts: list[str] | None) -> list[str]:
    return [normalize(s) for text in texts or [] for s in split_list(text)]
