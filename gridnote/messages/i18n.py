"""The interface language and the one function that turns a key into text.

Language, most specific first: an explicit choice (``--lang``), the
``GRIDNOTE_LANG`` variable, the notebook's ``lang`` setting, then the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``: anything starting with ``zh`` is
Chinese). Everything else is English.

A count says its noun in the singular or the plural: ``{n:|household|households}``
is ``1 household``, ``2 households`` (English only; Chinese has no plural, and
its text writes ``{n} 户``).
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable
from typing import Any

LANGS = ("en", "zh")

_explicit: str | None = None
_from_notebook: str | None = None


def normalize_lang(value: str | None) -> str | None:
    """Map ``zh_CN.UTF-8``, ``zh-Hans``, ``中文``, ``en_US`` … to a code."""
    if not value:
        return None
    v = value.strip().lower()
    if v.startswith("zh") or v in {"中文", "cn", "chinese"}:
        return "zh"
    if v.startswith("en") or v in {"c", "posix", "english", "英文"}:
        return "en"
    return None


def set_lang(value: str | None) -> None:
    """Force a language for this process (the ``--lang`` option)."""
    global _explicit
    _explicit = normalize_lang(value)


def set_notebook_lang(value: str | None) -> None:
    """Remember the notebook's ``lang`` setting once the notebook is open."""
    global _from_notebook
    _from_notebook = normalize_lang(value)


def reset() -> None:
    """Forget explicit and notebook choices (used between tests)."""
    global _explicit, _from_notebook
    _explicit = None
    _from_notebook = None


def language_decided() -> bool:
    """Whether the language is settled before the locale: ``--lang``, ``GRIDNOTE_LANG`` or a notebook read."""
    return bool(_explicit or normalize_lang(os.environ.get("GRIDNOTE_LANG")) or _from_notebook)


def locale_lang() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def lang() -> str:
    """The language to speak right now: ``"en"`` or ``"zh"``."""
    return _explicit or normalize_lang(os.environ.get("GRIDNOTE_LANG")) or _from_notebook or locale_lang()


def t(key: str, /, **values: Any) -> str:
    """The catalogue text for ``key`` in the current language, filled in."""
    return t_in(lang(), key, **values)


def t_in(language: str, key: str, /, **values: Any) -> str:
    """The catalogue text for ``key`` in ``language``: for text written in another language earlier."""
    from gridnote.messages.catalogue import CATALOGUE

    entry = CATALOGUE.get(key)
    if entry is None:
        return key if not values else f"{key} {values}"
    text = entry[1] if language == "zh" else entry[0]
    if not values:
        return text
    return _COUNTED.format(text, **values) if ":|" in text else text.format(**values)


def counted(n: Any, one: str, many: str) -> str:
    """``1 household``, ``2 households``: a count with its noun (``{n:|household|households}`` in a message)."""
    return f"{n} {one if n == 1 else many}"


class _Counted(string.Formatter):
    """``str.format`` that also reads ``{n:|one|many}``."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec.startswith("|"):
            one, _, many = format_spec[1:].partition("|")
            return counted(value, one, many)
        return super().format_field(value, format_spec)


_COUNTED = _Counted()


def join_list(items: Iterable[str], language: str | None = None) -> str:
    """``李奶奶、张大爷`` in Chinese, ``李奶奶, 张大爷`` in English: names, labels, choices in a row.

    The one way user-facing text lists things, so Chinese never shows ASCII commas between items.
    ``language`` is for text written in a language other than the interface's (see :func:`t_in`).
    """
    return ("、" if (language or lang()) == "zh" else ", ").join(items)


def join_groups(items: Iterable[str]) -> str:
    """``#1 李秀英 8-2-301；#757 …`` / ``…; …``: items that hold spaces or commas themselves."""
    return ("；" if lang() == "zh" else "; ").join(items)


def pick(en: str, zh: str) -> str:
    """Choose between two already-translated texts (labels of a vocabulary)."""
    return zh if lang() == "zh" else en
