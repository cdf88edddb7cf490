"""The ``gridnote help TOPIC`` pages: their words from the catalogue, their tables from the rules.

A page is a list of :class:`Block` (paragraphs, tables, examples), drawn on
the terminal by :func:`page_text` and as a man page by
:mod:`gridnote.cli.manpages`. The tables read the same defaults gridnote
applies (care intervals, deadline hours, thresholds, the categories), so a
page cannot drift from what the program does.
"""

from __future__ import annotations

from typing import NamedTuple

from gridnote.messages import i18n

# topic → other names she may type for it
TOPICS: dict[str, tuple[str, ...]] = {
    "dates": ("日期", "时间", "time", "periods"),
    "care": ("走访", "关怀", "care-rounds"),
    "categories": ("类别", "时限", "deadlines"),
    "readings": ("读数", "阈值", "thresholds"),
    "privacy": ("隐私", "masking"),
}


class Block(NamedTuple):
    kind: str  # "para", "table", "example"
    text: str = ""  # a paragraph, an example, or a table's heading
    rows: tuple[tuple[str, str], ...] = ()


def topic_named(name: str) -> str | None:
    """The topic ``name`` means (its own name or another), or None."""
    folded = name.strip().lower()
    return next((topic for topic, others in TOPICS.items() if folded == topic or folded in others), None)


def title(topic: str) -> str:
    return i18n.t(f"topic.{topic}.title")


def summary(topic: str) -> str:
    return i18n.t(f"topic.{topic}.summary")


def blocks(topic: str) -> list[Block]:
    """The page of ``topic``: its paragraphs, then its tables."""
    from gridnote.messages.catalogue import CATALOGUE

    found = []
    number = 1
    while f"topic.{topic}.{number}" in CATALOGUE:
        found.append(Block("para", i18n.t(f"topic.{topic}.{number}")))
        number += 1
    found.extend(_TABLES[topic]())
    if f"topic.{topic}.examples" in CATALOGUE:
        found.extend(Block("example", text.strip()) for text in i18n.t(f"topic.{topic}.examples").split(" · "))
    return found


def _default(key: str) -> str:
    from gridnote.domain.settings import SETTINGS

    value = SETTINGS[key].default
    return f"{value:g}" if isinstance(value, float) else str(value)


def _named(label: str, code: str) -> str:
    """A coded word as shown, with the code she may also type when it differs: ``失能 (bedridden)``."""
    return label if label == code else f"{label} ({code})"


def _care() -> list[Block]:
    from gridnote.domain.settings import care_tags
    from gridnote.domain.vocab import CARE_TAGS

    rows = tuple(
        (_named(CARE_TAGS.label(tag), tag), i18n.t("topic.care.days", days=_default(key)))
        for tag, key in care_tags().items()
    )
    return [Block("table", i18n.t("topic.care.table"), rows)]


def _categories() -> list[Block]:
    from gridnote.domain.categories import DEFAULT_CATEGORIES
    from gridnote.domain.issue_terms import DEADLINE_GROUPS

    groups = tuple(
        (
            _named(DEADLINE_GROUPS.label(group), group),
            i18n.t(
                "topic.categories.group_row",
                response=_default(f"deadline.{group}.response_hours"),
                resolve=_default(f"deadline.{group}.resolve_hours"),
            ),
        )
        for group in DEADLINE_GROUPS.codes
    )
    chinese = i18n.lang() == "zh"
    categories = tuple(
        (
            ("  " if c.parent else "") + (c.zh if chinese else c.en),
            f"{c.code} · {DEADLINE_GROUPS.label(c.group)}",
        )
        for c in DEFAULT_CATEGORIES
    )
    return [
        Block("table", i18n.t("topic.categories.groups"), groups),
        Block("table", i18n.t("topic.categories.list"), categories),
    ]


def _readings() -> list[Block]:
    from gridnote.domain.readings import PLAUSIBLE, THRESHOLD_RULES, format_number, measure_label, unit_of

    signs = {">=": "≥", ">": ">", "<": "<"}
    thresholds = tuple(
        (f"{measure_label(measure)} {signs[op]} {_default(key)} {unit_of(measure)}", key)
        for rules in THRESHOLD_RULES.values()
        for measure, op, key in rules
    )
    plausible = tuple(
        (measure_label(measure), f"{format_number(low)}–{format_number(high)} {unit_of(measure)}")
        for measure, (low, high) in PLAUSIBLE.items()
    )
    return [
        Block("table", i18n.t("topic.readings.thresholds"), thresholds),
        Block("table", i18n.t("topic.readings.plausible"), plausible),
    ]


def _none() -> list[Block]:
    return []


_TABLES = {"dates": _none, "care": _care, "categories": _categories, "readings": _readings, "privacy": _none}


# -- on the terminal ------------------------------------------------------------------------------
def page_text(topic: str, width: int = 80) -> str:
    """The page as terminal text, wrapped by display width (Chinese takes two columns)."""
    from gridnote.cli._help import cell_width, wrap

    lines = [*wrap(f"{title(topic)} — {summary(topic)}", width, "", "  "), ""]
    for block in blocks(topic):
        if block.kind == "para":
            lines += [*wrap(block.text, width, "  ", "  "), ""]
        elif block.kind == "example":
            lines += wrap(block.text, width, "  $ ", "      ")
        else:
            lines.append(i18n.t("cli.heading", name=block.text))
            first = min(max(cell_width(left) for left, _ in block.rows), 36) + 4
            for left, right in block.rows:
                pad = " " * max(first - cell_width(left) - 2, 2)
                lines += wrap(right, width, f"  {left}{pad}", " " * first)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def topics_text() -> str:
    """The list of topics, for ``gridnote help`` alone."""
    from gridnote.cli._help import cell_width

    lines = [i18n.t("topic.list")]
    for topic, others in TOPICS.items():
        lines.append(f"  {topic}{' ' * (12 - cell_width(topic))}{summary(topic)}  ({', '.join(others[:2])})")
    return "\n".join(lines) + "\n"
