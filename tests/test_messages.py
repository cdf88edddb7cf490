"""The message catalogue: every text in both languages, with the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from gridnote.messages import i18n
from gridnote.messages.catalogue import CATALOGUE

PACKAGE = Path(__file__).resolve().parent.parent / "gridnote"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_and_same_placeholders(key: str) -> None:
    en, zh = CATALOGUE[key]
    assert en.strip() and zh.strip(), key
    assert fields(en) == fields(zh), key


def test_chinese_entries_are_chinese() -> None:
    """A zh text identical to the English one is a missing translation (unless it has no words)."""
    untranslated = [
        k for k, (en, zh) in CATALOGUE.items() if en == zh and re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", en))
    ]
    assert untranslated == []


# One thing, one word: the Chinese texts call the notebook 笔记本 (the help, the settings and the
# messages once said 记事本 for it as well).
SAME_THING = {"记事本": "笔记本"}


def test_one_thing_has_one_chinese_word() -> None:
    from gridnote.domain.settings import SETTINGS
    from gridnote.messages.help import HELP_ZH

    texts = [zh for _, zh in CATALOGUE.values()] + list(HELP_ZH.values())
    texts += [setting.zh for setting in SETTINGS.values()]
    found = {other: word for other, word in SAME_THING.items() if any(other in text for text in texts)}
    assert found == {}


KEY_CALL = re.compile(r"""(?:\b(?:t|ok|note|table)|Error)\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")


def test_every_key_used_in_code_exists() -> None:
    missing = []
    for path in PACKAGE.rglob("*.py"):
        if "messages" in path.parts:
            continue
        for key in KEY_CALL.findall(path.read_text(encoding="utf-8")):
            if key not in CATALOGUE and not key.endswith("."):
                missing.append(f"{path.relative_to(PACKAGE)}: {key}")
    assert missing == []


def test_language_selection(monkeypatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.lang() == "zh"
    monkeypatch.setenv("LC_ALL", "C")
    assert i18n.lang() == "en"
    monkeypatch.setenv("GRIDNOTE_LANG", "zh")
    assert i18n.lang() == "zh"
    i18n.set_lang("en")
    assert i18n.lang() == "en"


# a count said with a fixed plural noun reads "1 households"; these counts are never 1, or choose
# their words themselves (recurrence.day / recurrence.days, today.day_late)
NEVER_ONE = {
    "resident.ambiguous_address",  # several residents match
    "resident.ambiguous_name",
    "resident.ambiguous_number",
    "recurrence.days",
    "recurrence.weeks",
    "recurrence.months",
    "today.days_late",
    "today.days_overdue",
    "today.every_days",
    "topic.care.days",
    "remind.bad_within",  # the most minutes there are
    "when.span_days",  # two days and more; less is said in hours
    "task.none_status",  # {status} is a word: "No done tasks match"
    "open311.bad_requests",  # one is open311.bad_request
}
PLURALS = [
    "residents",
    "households",
    "buildings",
    "days",
    "weeks",
    "months",
    "requests",
    "points",
    "changes",
    "entries",
    "photos",
    "rows",
    "calls",
    "issues",
    "attendees",
    "sections",
    "commands",
    "tasks",
    "reporters",
    "minutes",
    "visits",
    "readings",
    "events",
    "contacts",
    "tags",
    "categories",
]
FIXED_PLURAL = re.compile(r"\{(\w+)\} (" + "|".join(PLURALS) + r")\b")


def test_a_count_says_its_noun_in_the_singular_for_one() -> None:
    def chooses(en: str) -> bool:  # "{n} task|{n} tasks": the singular and the plural, chosen by the caller
        return "|" in re.sub(r"\{[^}]*\}", "", en)

    fixed = [k for k, (en, _) in CATALOGUE.items() if FIXED_PLURAL.search(en) and not chooses(en)]
    assert sorted(k for k in fixed if k not in NEVER_ONE) == []


@pytest.mark.parametrize("n, text", [(0, "0 households"), (1, "1 household"), (2, "2 households")])
def test_counted_by_hand(n: int, text: str) -> None:
    i18n.set_lang("en")
    assert (
        i18n.t("report.s.reach_text", residents=n, households=n) == f"{text.replace('household', 'resident')} in {text}"
    )
    i18n.set_lang("zh")
    assert i18n.t("report.s.reach_text", residents=n, households=n) == f"{n} 人，{n} 户"
