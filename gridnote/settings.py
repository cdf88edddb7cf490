"""Every setting a notebook can hold, with its default and type.

Settings live in the notebook's ``config`` table (so the grid's rules travel
with its data) and are changed with ``gridnote config set KEY VALUE``.
Areas add their settings here, in their own block, so ``config list`` shows
them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    en: str
    zh: str
    choices: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None


def _care(tag: str, days: int, zh_tag: str) -> Setting:
    return Setting(
        f"care.{tag}", days, int,
        f"Days between care visits for residents tagged {tag}",
        f"{zh_tag}居民的走访间隔（天）", minimum=1, maximum=365,
    )


_ALL: list[Setting] = [
    # -- general ---------------------------------------------------------------
    Setting("lang", None, str, "Interface language (zh or en; empty: follow the locale)",
            "界面语言（zh 或 en；留空则跟随系统）", choices=("zh", "en")),
    Setting("timezone", None, str, "Time zone that decides what 'today' is (empty: the machine's)",
            "决定“今天”的时区（留空则使用本机时区）"),
    # -- care rounds: residents with these tags are due a visit every N days ---
    _care("bedridden", 3, "失能"),
    _care("living-alone", 7, "独居"),
    _care("mental-health", 7, "精神障碍"),
    _care("disabled", 14, "残疾"),
    _care("hypertension", 14, "高血压"),
    _care("diabetes", 14, "糖尿病"),
    _care("elderly", 14, "高龄"),
    _care("empty-nest", 14, "空巢"),
    _care("low-income", 30, "低保"),
]

SETTINGS: dict[str, Setting] = {s.key: s for s in _ALL}


def care_tags() -> dict[str, str]:
    """Care-round tags and their setting keys."""
    return {key.removeprefix("care."): key for key in SETTINGS if key.startswith("care.")}
