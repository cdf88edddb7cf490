"""Shell completion: what Tab offers for each argument and option.

The shell side is Typer's own: ``gridnote --install-completion`` (bash, zsh,
fish) writes its script, ``--show-completion`` prints it, and the script calls
gridnote back with ``_GRIDNOTE_COMPLETE`` set (and ``COMP_WORDS``/``COMP_CWORD``
in bash, ``_TYPER_COMPLETE_ARGS`` in zsh and fish). This module says what to
offer: :data:`COMPLETERS` names a completer per option or argument, keyed like
the Chinese option help (the command's path, its groups, then ``"*"``), and
:func:`attach` gives the parameters of a command their completers. It runs only
when the shell asks (``_help.prepare_command``), so ordinary runs build nothing.

Residents complete to their name from the start of the name, the alias, the
pinyin or the initials (``lnn`` → 李秀英). Bash puts the name in place of what
was typed; zsh and fish keep only suggestions that begin with what was typed,
so there a pinyin match is offered as its pinyin, with the name beside it.
Coded words (kinds, states, channels, partners, ratings, tags, categories)
are offered in both languages: the code and the Chinese name, each described
by the other.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, NamedTuple

from gridnote.input.text import fold

COMPLETE_VAR = "_GRIDNOTE_COMPLETE"


class Item(NamedTuple):
    """One suggestion, as Click's completion reads it (value, help, type)."""

    value: str
    help: str | None = None
    type: str = "plain"


Completer = Callable[[Any, str], list[Item]]


def completing() -> bool:
    """Whether the shell asked for completions in this run."""
    return bool(os.environ.get(COMPLETE_VAR))


def _replaces_word() -> bool:
    """Bash puts a suggestion in place of the word typed; zsh and fish filter by what was typed."""
    return os.environ.get(COMPLETE_VAR, "").endswith("bash")


def _starts(text: str, start: str) -> bool:
    return fold(text).startswith(fold(start))


# -- the notebook ---------------------------------------------------------------------------
_OPEN: dict[str, Any] = {}


def _notebook(ctx: Any) -> Any:
    """The notebook the command line names (``--db``, ``$GRIDNOTE_DB``, the default), read-only; or None."""
    from gridnote.store.completion import open_for_completion
    from gridnote.store.paths import notebook_path

    path = notebook_path(ctx.find_root().params.get("db"))
    if str(path) not in _OPEN:
        _OPEN[str(path)] = open_for_completion(path)
    return _OPEN[str(path)]


def _rows(ctx: Any, query: Callable[..., list[Any]], *args: Any) -> list[Any]:
    import sqlite3

    nb = _notebook(ctx)
    if nb is None:
        return []
    try:
        return query(nb, *args)
    except sqlite3.Error:  # an older notebook, or one busy being rebuilt: no suggestions
        return []


# -- residents, households, buildings --------------------------------------------------------
def residents(ctx: Any, start: str) -> list[Item]:
    """Residents by name, alias, pinyin or initials, completing to the name; addresses when it starts with a digit."""
    from gridnote.store import completion

    if start[:1].isdigit():
        return households(ctx, start)
    rows = _rows(ctx, completion.residents, start)
    addresses: dict[str, list[str]] = {}
    for row in rows:
        addresses.setdefault(row["name"], []).append(row["address"] or "-")
    items = []
    for row in rows:
        alias, address, twins = row["alias"], row["address"], len(addresses[row["name"]]) > 1
        if _replaces_word():  # bash: the name in place of what was typed (two of a name: by number)
            items.append(Item(f"#{row['id']}" if twins else row["name"]))
        elif _starts(row["name"], start):
            where = " / ".join(addresses[row["name"]]) if twins else " · ".join(filter(None, (alias, address)))
            items.append(Item(row["name"], where))
        elif alias and _starts(alias, start):
            items.append(Item(alias, " · ".join(filter(None, (row["name"], address)))))
        else:  # zsh, fish: the pinyin word that matched, the name beside it
            keys = f"{row['pinyin']} {row['initials']}".split()
            word = next((key for key in keys if key.startswith(start.lower())), start)
            items.append(Item(word, " · ".join(filter(None, (row["name"], alias, address)))))
    return _unique(items)


def households(ctx: Any, start: str, *, most: int = 40) -> list[Item]:
    """Household addresses beginning with ``start``; when there are too many, one step at a time (``8-`` → ``8-2-``)."""
    from gridnote.store import completion

    addresses = _rows(ctx, completion.household_addresses, start)
    while len(addresses) > most:
        depth = start.count("-") + 1
        steps = sorted({"-".join(a.split("-")[:depth]) + "-" for a in addresses}, key=_natural)
        if len(steps) > 1:
            return [Item(step) for step in steps]
        start = steps[0]
        addresses = [a for a in addresses if a.startswith(start)]
    return [Item(address) for address in sorted(addresses, key=_natural)]


def _natural(text: str) -> list[Any]:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in text.split("-")]


def buildings(ctx: Any, start: str) -> list[Item]:
    from gridnote.store import completion

    return [Item(row["code"], row["name"]) for row in _rows(ctx, completion.buildings) if row["code"].startswith(start)]


def whereabouts(ctx: Any, start: str) -> list[Item]:
    """What a visit is about: a resident, a household, or a building (``5号楼``, as she would type it)."""
    if not start[:1].isdigit():
        return residents(ctx, start)
    places = [Item(f"{item.value}号楼", item.help) for item in buildings(ctx, "")]
    return [*households(ctx, start), *(item for item in places if item.value.startswith(start))]


# -- record numbers ---------------------------------------------------------------------------
def _numbers(rows: Iterable[Any], start: str) -> list[Item]:
    mark = "#" if start.startswith("#") else ""
    return [Item(f"{mark}{row['id']}", row["text"]) for row in rows if f"{mark}{row['id']}".startswith(start)]


def tasks(statuses: tuple[str, ...]) -> Completer:
    def complete(ctx: Any, start: str) -> list[Item]:
        from gridnote.store import completion

        return _numbers(_rows(ctx, completion.tasks, statuses), start)

    return complete


def issues(statuses: tuple[str, ...] | None = None) -> Completer:
    def complete(ctx: Any, start: str) -> list[Item]:
        from gridnote.domain.issue_terms import OPEN_STATUSES, STATUSES
        from gridnote.store import completion

        wanted = statuses if statuses is not None else OPEN_STATUSES
        return _numbers(_rows(ctx, completion.issues, wanted or tuple(STATUSES.codes)), start)

    return complete


# -- coded words, in both languages -------------------------------------------------------------
def _terms(terms: Iterable[tuple[str, str, str]], start: str) -> list[Item]:
    """(code, English, Chinese) → the code described in Chinese, the Chinese described by the code."""
    items = []
    for code, en, zh in terms:
        if _starts(code, start):
            items.append(Item(code, zh if en == code else f"{zh} · {en}"))
        if zh and zh != code and _starts(zh, start):
            items.append(Item(zh, code))
    return _unique(items)


def words(where: str) -> Completer:
    """A vocabulary named ``module:NAME`` (imported when the shell asks for it)."""

    def complete(ctx: Any, start: str) -> list[Item]:
        import importlib

        module, _, name = where.partition(":")
        vocabulary = getattr(importlib.import_module(module), name)
        return _terms(((t.code, t.en, t.zh) for t in vocabulary), start)

    return complete


def categories(ctx: Any, start: str) -> list[Item]:
    from gridnote.domain.categories import DEFAULT_CATEGORIES
    from gridnote.services.categories import categories as notebook_categories

    nb = _notebook(ctx)
    found = _rows(ctx, notebook_categories) if nb is not None else []
    return _terms(((c.code, c.en, c.zh) for c in found or DEFAULT_CATEGORIES), start)


def tags(ctx: Any, start: str) -> list[Item]:
    """Care tags in both languages, then the notebook's own words."""
    from gridnote.domain.vocab import CARE_TAGS
    from gridnote.store import completion

    known = _terms(((t.code, t.en, t.zh) for t in CARE_TAGS), start)
    own = [Item(tag) for tag in _rows(ctx, completion.tags_in_use) if tag not in CARE_TAGS and _starts(tag, start)]
    return [*known, *own]


def partners(ctx: Any, start: str) -> list[Item]:
    """Who an outreach event was held with: the names used before, then the referral partners."""
    from gridnote.store import completion

    used = [Item(name) for name in _rows(ctx, completion.event_partners) if _starts(name, start)]
    return _unique([*used, *words("gridnote.domain.issue_terms:PARTNERS")(ctx, start)])


def config_keys(ctx: Any, start: str) -> list[Item]:
    from gridnote.domain.settings import SETTINGS
    from gridnote.messages import i18n

    chinese = i18n.lang() == "zh"
    return [Item(key, s.zh if chinese else s.en) for key, s in SETTINGS.items() if key.startswith(start)]


def _unique(items: list[Item]) -> list[Item]:
    seen: set[str] = set()
    return [item for item in items if not (item.value in seen or seen.add(item.value))]  # type: ignore[func-returns-value]


# -- which parameter completes what ----------------------------------------------------------------
_ISSUES = "gridnote.domain.issue_terms"
COMPLETERS: dict[str, dict[str, Completer]] = {
    "*": {
        "who": residents,
        "--resident": residents,
        "--reporter": residents,
        "--affects": residents,
        "--address": households,
        "--building": buildings,
        "--category": categories,
        "--tag": tags,
        "--channel": words(f"{_ISSUES}:CHANNELS"),
        "--with": partners,
        "--priority": words(f"{_ISSUES}:PRIORITIES"),
    },
    "log": {"who": whereabouts, "--who": whereabouts, "--kind": words("gridnote.domain.vocab:VISIT_KINDS")},
    "visits": {"--kind": words("gridnote.domain.vocab:VISIT_KINDS")},
    "task": {"number": tasks(("open",)), "numbers": tasks(("open",))},
    "task.show": {"number": tasks(("open", "done", "dropped"))},
    "task.reopen": {"numbers": tasks(("done", "dropped")), "number": tasks(("done", "dropped"))},
    "task.list": {"--status": words("gridnote.domain.vocab:TASK_STATUSES")},
    "issue": {"number": issues(), "--of": issues(())},
    "issue.show": {"number": issues(())},
    "issue.reopen": {"number": issues(())},
    "issue.list": {"--status": words(f"{_ISSUES}:STATUSES")},
    "issue.refer": {"--to": words(f"{_ISSUES}:PARTNERS")},
    "issue.note": {"--kind": words(f"{_ISSUES}:NOTE_KINDS")},
    "issue.rate": {"rating": words(f"{_ISSUES}:RATINGS")},
    "issue.reject": {"reason": words(f"{_ISSUES}:REJECT_REASONS")},
    "issue.category": {"--group": words(f"{_ISSUES}:DEADLINE_GROUPS"), "--under": categories},
    "issue.category.set": {"category": categories},
    "resident": {"tags": tags},
    "find": {"--kind": words("gridnote.services.find:SEARCH_KINDS")},
    "config": {"key": config_keys},
}


def completer_for(path: str, key: str) -> Completer | None:
    from gridnote.messages.option_help import option_help_chain

    for where in option_help_chain(path):
        found = COMPLETERS.get(where, {}).get(key)
        if found is not None:
            return found
    return None


def attach(command: Any, path: str) -> None:
    """Give each parameter of ``command`` its completer (Click asks ``param.shell_complete(ctx, incomplete)``)."""
    from gridnote.messages.option_help import option_key

    for param in command.params:
        found = completer_for(path, option_key(param))
        if found is not None:
            param.shell_complete = partial(_complete, found)


def _complete(completer: Completer, ctx: Any, incomplete: str) -> list[Item]:
    return completer(ctx, incomplete)
