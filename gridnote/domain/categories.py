"""The default issue categories: a two-level list, each with a deadline group and an upward code.

The eight top-level categories follow the major classes of China's digital
city-management classification (数字化城市管理: facilities 部件 and events
事件 such as city appearance, construction, emergencies, street order),
plus the two a community grid adds (neighbour disputes, public order and
fraud). Under them are the community's everyday problems: blocked drains,
garbage, renovation waste, power, water, lifts, noise, pets …

The upward codes are placeholders in that shape (``BJ`` facilities, ``SJ``
events, ``SH`` community governance, ``QT`` other; a subcategory adds
``-NN``). A grid centre that files under its own codes sets them once with
``gridnote issue category set CODE --upward CODE``; a notebook can add its
own categories with ``gridnote issue category add`` (see
:mod:`gridnote.services.categories`).

A subcategory without a group of its own takes its parent's. Deadline
groups (and their hours, in ``gridnote config``): emergency 2 h / 24 h,
utility 24 h / 3 days, general 24 h / 7 days, complex 24 h / 15 days.
"""

from __future__ import annotations

from gridnote.models import Category


def _c(
    code: str,
    en: str,
    zh: str,
    upward: str,
    group: str | None = None,
    synonyms: tuple[str, ...] = (),
    parent: str | None = None,
) -> Category:
    return Category(code=code, en=en, zh=zh, parent=parent, group=group or "general", upward=upward, synonyms=synonyms)


def _tree() -> tuple[Category, ...]:
    """Top-level categories each followed by their subcategories."""
    spec: list[tuple[tuple, list[tuple]]] = [
        (
            ("facilities", "public facilities", "公共设施", "BJ01", "general", ("facility", "设施", "部件")),
            [
                (
                    "blocked-drain",
                    "blocked drain",
                    "下水道堵塞",
                    "utility",
                    ("下水道", "堵塞", "管道堵塞", "排水", "疏通", "返水", "drain", "sewer", "blocked"),
                ),
                (
                    "water",
                    "water supply",
                    "供水",
                    "utility",
                    ("停水", "漏水", "水管", "自来水", "水压", "爆管", "water", "leak"),
                ),
                (
                    "power",
                    "power",
                    "供电",
                    "utility",
                    ("停电", "跳闸", "断电", "电路", "没电", "power cut", "outage", "electricity"),
                ),
                ("gas", "gas supply", "燃气", "utility", ("煤气", "天然气", "燃气表")),
                ("lift", "lift", "电梯", "utility", ("elevator", "电梯故障", "电梯坏")),
                ("lighting", "lighting", "照明", None, ("路灯", "楼道灯", "灯不亮", "street light", "light")),
                (
                    "facility-damage",
                    "damaged facility",
                    "设施损坏",
                    None,
                    ("损坏", "井盖", "门禁", "健身器材", "单元门", "broken", "damaged"),
                ),
            ],
        ),
        (
            (
                "environment",
                "sanitation and environment",
                "市容环境",
                "SJ01",
                "general",
                ("sanitation", "环境", "环境卫生", "卫生"),
            ),
            [
                (
                    "garbage",
                    "garbage",
                    "垃圾",
                    None,
                    ("生活垃圾", "垃圾堆放", "垃圾桶", "垃圾分类", "rubbish", "trash", "litter"),
                ),
                (
                    "renovation-waste",
                    "renovation waste",
                    "装修垃圾",
                    None,
                    ("建筑垃圾", "装修废料", "渣土", "construction waste", "debris"),
                ),
                (
                    "greenery",
                    "greenery",
                    "绿化",
                    None,
                    ("树木", "草坪", "花园", "修剪", "山楂", "果树", "garden", "trees", "hawthorn"),
                ),
                ("pests", "pests", "病媒生物", None, ("老鼠", "蟑螂", "蚊虫", "鼠患", "rats", "mice")),
            ],
        ),
        (
            ("construction", "construction", "施工管理", "SJ03", "complex", ("施工",)),
            [
                ("illegal-building", "illegal building", "违章搭建", None, ("违建", "私搭乱建", "违章建筑", "搭建")),
                (
                    "renovation",
                    "renovation works",
                    "装修管理",
                    "general",
                    ("违规装修", "装修扰民", "装修", "砸墙", "renovation"),
                ),
            ],
        ),
        (
            ("emergency", "emergencies", "突发事件", "SJ04", "emergency", ("突发", "应急", "紧急情况")),
            [
                ("fire", "fire", "火情", None, ("火灾", "着火", "冒烟", "起火")),
                ("gas-leak", "gas leak", "燃气泄漏", None, ("煤气泄漏", "漏气", "燃气味", "煤气味")),
                ("flooding", "flooding", "积水内涝", None, ("积水", "内涝", "淹水", "水浸", "flood")),
                ("trapped", "trapped in a lift", "电梯困人", None, ("困人", "被困", "关在电梯")),
                ("medical", "sudden illness or fall", "突发疾病", None, ("摔倒", "急病", "晕倒", "fall")),
            ],
        ),
        (
            ("street-order", "street order", "街面秩序", "SJ05", "general", ("秩序",)),
            [
                ("parking", "parking", "乱停放", None, ("乱停车", "停车", "占用消防通道", "非机动车", "car")),
                (
                    "ebike-charging",
                    "e-bike charging",
                    "飞线充电",
                    None,
                    ("电动车充电", "电瓶车", "私拉电线", "楼道充电", "飞线", "e-bike"),
                ),
                ("stalls", "street stalls", "占道经营", None, ("摆摊", "流动摊贩", "摊贩")),
                ("clutter", "clutter in stairwells", "楼道堆物", None, ("堆物", "杂物", "楼道杂物", "堵塞通道")),
            ],
        ),
        (
            (
                "dispute",
                "neighbour disputes",
                "矛盾纠纷",
                "SH01",
                "complex",
                ("邻里纠纷", "纠纷", "矛盾", "neighbour dispute", "dispute"),
            ),
            [
                ("noise", "noise", "噪音扰民", "general", ("噪音", "噪声", "扰民", "吵", "loud")),
                ("pets", "pets", "宠物", "general", ("养狗", "狗", "猫", "犬", "遛狗", "dog", "cat", "pet")),
                ("seepage", "leak from a neighbour", "楼上渗水", "general", ("渗水", "楼上漏水", "渗漏")),
            ],
        ),
        (
            (
                "public-order",
                "public order and fraud",
                "治安与反诈",
                "SH02",
                "general",
                ("public order", "治安", "安全"),
            ),
            [
                ("fraud", "fraud", "诈骗", None, ("反诈", "电信诈骗", "骗子", "骗", "scam")),
                ("security", "security risk", "治安隐患", None, ("盗窃", "可疑人员", "小偷", "theft")),
            ],
        ),
        (
            ("other", "other", "其他", "QT00", "general", ("其它", "misc")),
            [
                (
                    "community-affairs",
                    "community affairs",
                    "社区事务",
                    None,
                    ("社区活动", "公共事务", "议事", "协商", "分配"),
                ),
                ("welfare", "help for a resident", "民生帮扶", None, ("困难求助", "救助", "帮扶", "求助", "help")),
            ],
        ),
    ]
    result: list[Category] = []
    for (code, en, zh, upward, group, synonyms), children in spec:
        result.append(_c(code, en, zh, upward, group, synonyms))
        for number, (child, c_en, c_zh, c_group, c_syn) in enumerate(children, start=1):
            result.append(_c(child, c_en, c_zh, f"{upward}-{number:02d}", c_group or group, c_syn, code))
    return tuple(result)


DEFAULT_CATEGORIES: tuple[Category, ...] = _tree()
