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
        f"care.{tag}",
        days,
        int,
        f"Days between care visits for residents tagged {tag.replace('-', ' ')}",
        f"{zh_tag}居民的走访间隔（天）",
        minimum=1,
        maximum=365,
    )


def _deadline(group: str, response: int, resolve: int, zh_group: str) -> list[Setting]:
    return [
        Setting(
            f"deadline.{group}.response_hours",
            response,
            int,
            f"Hours to first contact the reporter of a {group} issue",
            f"{zh_group}问题首次联系反映人的时限（小时）",
            minimum=1,
            maximum=24 * 30,
        ),
        Setting(
            f"deadline.{group}.resolve_hours",
            resolve,
            int,
            f"Hours to resolve a {group} issue",
            f"{zh_group}问题的办结时限（小时）",
            minimum=1,
            maximum=24 * 90,
        ),
    ]


_ALL: list[Setting] = [
    # -- general ---------------------------------------------------------------
    Setting(
        "lang",
        None,
        str,
        "Interface language (zh or en; empty: follow the locale)",
        "界面语言（zh 或 en；留空则跟随系统）",
        choices=("zh", "en"),
    ),
    Setting(
        "timezone",
        None,
        str,
        "Time zone that decides what 'today' is (empty: the machine's)",
        "决定“今天”的时区（留空则使用本机时区）",
    ),
    # -- who keeps this notebook: sent with every sync to the grid centre -------
    # (the last change sent, ``centre.sent``, is sync's own bookkeeping in the same table, not a setting)
    Setting(
        "grid.code",
        None,
        str,
        "The grid's code at the grid centre (e.g. DMX-03)",
        "网格编号（网格中心使用，如 冬梅轩-03）",
    ),
    Setting("worker.name", None, str, "The grid worker's name", "网格员姓名"),
    Setting(
        "grid.street",
        None,
        str,
        "The street (street office) the grid belongs to, as the grid centre names it",
        "网格所属街道（与网格中心的叫法一致）",
    ),
    Setting(
        "centre.url",
        None,
        str,
        "The grid centre `gridnote sync` sends to (a centre file, or postgresql://…)",
        "`gridnote sync` 同步到的网格中心（中心文件或数据库地址）",
    ),
    Setting(
        "server",
        "on",
        str,
        "Run commands through the background command server (off: always in-process)",
        "通过后台命令服务执行命令（关闭后每条命令都在本进程内执行）",
        choices=("on", "off"),
    ),
    # -- backups (gridnote backup): one a day, then the newest of each week and month ----
    Setting(
        "backup.auto",
        "on",
        str,
        "Back the notebook up automatically on the first command of each day",
        "每天第一条命令后自动备份笔记本",
        choices=("on", "off"),
    ),
    Setting("backup.days", 7, int, "Daily backups kept", "保留的每日备份数", minimum=0, maximum=366),
    Setting("backup.weeks", 4, int, "Weekly backups kept", "保留的每周备份数", minimum=0, maximum=520),
    Setting("backup.months", 12, int, "Monthly backups kept", "保留的每月备份数", minimum=0, maximum=1200),
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
    # -- readings (gridnote log): a reading that reaches a threshold is flagged, never
    # diagnosed. Defaults follow China's primary-care guidance: 国家基层高血压防治管理指南
    # (office BP >=140/90), 中国2型糖尿病防治指南 (fasting glucose >=7.0, low <3.9 mmol/L),
    # fever from 37.3 °C, resting pulse 60-100/min, low BP <90/60. 0 switches a threshold off.
    Setting(
        "threshold.bp.systolic",
        140,
        int,
        "Flag a systolic pressure at or above (mmHg)",
        "收缩压达到或超过此值时标记（mmHg）",
        minimum=0,
        maximum=260,
    ),
    Setting(
        "threshold.bp.diastolic",
        90,
        int,
        "Flag a diastolic pressure at or above (mmHg)",
        "舒张压达到或超过此值时标记（mmHg）",
        minimum=0,
        maximum=160,
    ),
    Setting(
        "threshold.bp.systolic-low",
        90,
        int,
        "Flag a systolic pressure below (mmHg)",
        "收缩压低于此值时标记（mmHg）",
        minimum=0,
        maximum=260,
    ),
    Setting(
        "threshold.bp.diastolic-low",
        60,
        int,
        "Flag a diastolic pressure below (mmHg)",
        "舒张压低于此值时标记（mmHg）",
        minimum=0,
        maximum=160,
    ),
    Setting(
        "threshold.pulse.high",
        100,
        int,
        "Flag a pulse above (/min)",
        "脉搏高于此值时标记（次/分）",
        minimum=0,
        maximum=220,
    ),
    Setting(
        "threshold.pulse.low",
        60,
        int,
        "Flag a pulse below (/min)",
        "脉搏低于此值时标记（次/分）",
        minimum=0,
        maximum=220,
    ),
    Setting(
        "threshold.glucose.high",
        7.0,
        float,
        "Flag a (fasting) blood glucose at or above (mmol/L)",
        "空腹血糖（mmol/L）达到或超过此值时标记",
        minimum=0,
        maximum=35,
    ),
    Setting(
        "threshold.glucose.low",
        3.9,
        float,
        "Flag a blood glucose below (mmol/L)",
        "血糖低于此值时标记（mmol/L）",
        minimum=0,
        maximum=35,
    ),
    Setting(
        "threshold.temp.high",
        37.3,
        float,
        "Flag a temperature at or above (°C)",
        "体温达到或超过此值时标记（°C）",
        minimum=0,
        maximum=43,
    ),
    Setting(
        "recheck.after",
        0,
        int,
        "Days until an automatic re-check task after a flagged reading (0: off, only suggest one)",
        "标记后自动建复测任务的天数（0：只提示）",
        minimum=0,
        maximum=60,
    ),
    # -- issues: deadlines per category group (counted from receipt), points ------
    *_deadline("emergency", 2, 24, "突发紧急类"),
    *_deadline("utility", 24, 72, "水电气等公用设施类"),
    *_deadline("general", 24, 168, "一般"),
    *_deadline("complex", 24, 360, "复杂"),
    Setting(
        "points.per_verified_report",
        1,
        int,
        "Points a resident earns for a report that is verified (0: no points)",
        "居民反映的问题核实后获得的积分（0 表示不积分）",
        minimum=0,
        maximum=100,
    ),
]

SETTINGS: dict[str, Setting] = {s.key: s for s in _ALL}

# Pairs that must stay in order (low below high) whenever both are switched on (not 0).
ORDERED: tuple[tuple[str, str], ...] = (
    ("threshold.bp.systolic-low", "threshold.bp.systolic"),
    ("threshold.bp.diastolic-low", "threshold.bp.diastolic"),
    ("threshold.pulse.low", "threshold.pulse.high"),
    ("threshold.glucose.low", "threshold.glucose.high"),
)


def care_tags() -> dict[str, str]:
    """Care-round tags and their setting keys."""
    return {key.removeprefix("care."): key for key in SETTINGS if key.startswith("care.")}
