"""The example grid: 4 buildings, 317 households, 752 residents, the same every time.

It is the community of the brief (a resettlement estate built in 2015):
李奶奶 (bedridden, hypertension) and her husband 张大爷 at 8-2-301, 高阿姨 living
alone at 5-1-502, a building head per building, and a realistic mix of
care groups. The generator is seeded, so examples in the README and the
tests can name people.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from gridnote.errors import StateError
from gridnote.input.address import Address
from gridnote.services.demo_day import DaySummary
from gridnote.services.resident_fields import ContactInput, ResidentInput
from gridnote.store.notebook import Notebook

BUILDINGS = ("5", "6", "7", "8")
HOUSEHOLDS_PER_BUILDING = (80, 80, 79, 78)  # 317
RESIDENTS = 752
SEED = 2015
REFERENCE_YEAR = 2026  # ages are as of this year, so the grid is the same every run

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈彭吕苏卢蒋蔡贾丁魏薛叶"
    "阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文"
)
GIVEN_F = "秀英桂兰玉兰淑珍凤英秀兰丽娟美玲海燕晓红春梅雪梅慧敏婷婷静怡欣怡佳慧雨涵梦琪晓燕丽华红霞建英金凤"
GIVEN_M = "国华建国建军志强卫东德明永刚海涛振华明辉文杰俊杰浩然宇轩子豪博文志伟立新宏伟家辉文斌洪涛金福"
# Reserved for the people of the brief, so look-ups by them are unambiguous.
RESERVED_INITIALS = {"lnn", "zdy", "gay", "zjh", "cjh", "lxy", "zgh", "gyl"}
RESERVED_ALIASES = {"李奶奶", "张大爷", "高阿姨", "曾奶奶"}


@dataclass
class _Person:
    fields: ResidentInput
    household: Address


@dataclass
class DemoSummary:
    buildings: int
    households: int
    residents: int
    people: list[str] = field(default_factory=list)
    day: DaySummary | None = None  # with ``--day``: the day of work written after the register


def _pairs(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(0, len(text), 2)]


def _addresses() -> list[Address]:
    result: list[Address] = []
    for building, count in zip(BUILDINGS, HOUSEHOLDS_PER_BUILDING, strict=False):
        rooms = [
            Address(building, str(unit), f"{floor}{door:02d}")
            for unit in (1, 2, 3)
            for floor in range(1, 15)
            for door in (1, 2)
        ]
        result.extend(rooms[:count])
    return result


def _brief_people() -> list[_Person]:
    li = Address("8", "2", "301")
    gao = Address("5", "1", "502")
    zeng = Address("7", "3", "1102")
    son = ContactInput("张明", "儿子", "13905712345", False)
    return [
        _Person(
            ResidentInput(
                name="李秀英",
                alias="李奶奶",
                gender="f",
                birth="1944-03-12",
                phones=["13857112345"],
                tags=["bedridden", "hypertension", "elderly"],
                note="瘫痪多年，子女在外地；早上6:30量血压最准",
                contacts=[son],
            ),
            li,
        ),
        _Person(
            ResidentInput(
                name="张国华",
                alias="张大爷",
                gender="m",
                birth="1942-08-03",
                phones=["13857112346"],
                tags=["elderly", "hypertension"],
                note="照顾老伴，降压药吃完会打电话",
                contacts=[son],
            ),
            li,
        ),
        _Person(
            ResidentInput(
                name="高玉兰",
                alias="高阿姨",
                gender="f",
                birth="1956-11-20",
                phones=["13967154321"],
                tags=["living-alone"],
                note="独居，怕黑；家里电器多，注意用电安全",
                contacts=[ContactInput("高强", "侄子", "13706661234", True)],
            ),
            gao,
        ),
        _Person(
            ResidentInput(
                name="曾俊华",
                alias="曾奶奶",
                gender="f",
                birth="1938-05-06",
                phones=["13588001122"],
                tags=["living-alone", "elderly", "diabetes"],
                note="姓曾（zēng）",
            ),
            zeng,
        ),
    ]


def _phone(rng: random.Random) -> str:
    return (
        rng.choice(["138", "139", "135", "137", "150", "151", "158", "159", "186", "187", "189"])
        + f"{rng.randrange(10**8):08d}"
    )


def _alias(surname: str, gender: str, age: int) -> str | None:
    if age >= 75:
        return surname + ("奶奶" if gender == "f" else "爷爷")
    if age >= 60:
        return surname + ("阿姨" if gender == "f" else "大爷")
    return None


def generate() -> list[_Person]:
    """All 752 residents with their households, the same on every run."""
    from gridnote.input.pinyin import pinyin_keys

    rng = random.Random(SEED)
    people = _brief_people()
    taken = {p.household for p in people}
    addresses = [a for a in _addresses() if a not in taken]
    sizes = [1] * len(addresses)
    remaining = RESIDENTS - len(people) - len(addresses)
    while remaining > 0:
        i = rng.randrange(len(addresses))
        if sizes[i] < 5:
            sizes[i] += 1
            remaining -= 1
    f_given, m_given = _pairs(GIVEN_F), _pairs(GIVEN_M)
    names_used: set[tuple[str, Address]] = set()
    heads = {b: False for b in BUILDINGS}

    def make(address: Address, surname: str, gender: str, age: int, role: str) -> _Person:
        while True:
            name = surname + rng.choice(f_given if gender == "f" else m_given)[: rng.choice((1, 2, 2))]
            alias = _alias(surname, gender, age) if rng.random() < 0.6 else None
            full, initials = pinyin_keys(name, alias)
            if (name, address) in names_used or alias in RESERVED_ALIASES:
                continue
            if RESERVED_INITIALS & set(initials.split()):
                continue
            break
        names_used.add((name, address))
        born = date(REFERENCE_YEAR - age, rng.randint(1, 12), rng.randint(1, 28))
        tags: list[str] = []
        if age >= 80:
            tags.append("elderly")
        if age >= 55 and rng.random() < 0.22:
            tags.append("hypertension")
        if age >= 50 and rng.random() < 0.09:
            tags.append("diabetes")
        if rng.random() < 0.015:
            tags.append("disabled")
        if age >= 70 and rng.random() < 0.03:
            tags.append("bedridden")
        if role == "alone" and age >= 65:
            tags.append("living-alone")
        if not heads[address.building] and 40 <= age <= 68 and role == "head":
            tags.append("building-head")
            heads[address.building] = True
        fields = ResidentInput(
            name=name,
            alias=alias,
            gender=gender,
            birth=born.isoformat() if rng.random() < 0.7 else str(born.year),
            phones=[_phone(rng)] if age >= 16 else [],
            tags=tags,
        )
        return _Person(fields, address)

    for address, size in zip(addresses, sizes, strict=False):
        surname = rng.choice(SURNAMES)
        if size == 1:
            age = rng.choice((rng.randint(66, 92), rng.randint(25, 60)))
            people.append(make(address, surname, rng.choice("fm"), age, "alone"))
            continue
        head_age = rng.randint(30, 85)
        people.append(make(address, surname, "m", head_age, "head"))
        people.append(make(address, rng.choice(SURNAMES), "f", max(22, head_age - rng.randint(0, 4)), "spouse"))
        for _ in range(size - 2):
            child_age = max(1, head_age - rng.randint(22, 34))
            if rng.random() < 0.25 and head_age < 60:
                child_age = head_age + rng.randint(24, 30)  # a grandparent living with them
            people.append(make(address, surname, rng.choice("fm"), min(child_age, 98), "child"))
    low_income = rng.sample(range(len(people)), 14)
    for i in low_income:
        if "low-income" not in people[i].fields.tags:
            people[i].fields.tags.append("low-income")
    return people


def load_demo(nb: Notebook, *, progress: Callable[[int, int], None] | None = None, day: bool = False) -> DemoSummary:
    """Fill an empty notebook with the example grid, in one transaction.

    With ``day``, one day of work (:mod:`gridnote.services.demo_day`) is written in the
    same transaction, so a failure leaves the notebook as empty as it was.
    """
    from gridnote.services.demo_day import write_day
    from gridnote.services.residents import add_resident
    from gridnote.store.buildings import count_buildings, count_households
    from gridnote.store.residents import count_residents

    if count_residents(nb):
        raise StateError("demo.not_empty", path=nb.path)
    people = generate()
    with nb.transaction():
        for i, person in enumerate(people, start=1):
            person.fields.address = person.household
            add_resident(nb, person.fields)
            if progress:
                progress(i, len(people))
        written = write_day(nb) if day else None
    return DemoSummary(
        buildings=count_buildings(nb),
        households=count_households(nb),
        residents=count_residents(nb),
        people=["李奶奶", "张大爷", "高阿姨", "曾奶奶"],
        day=written,
    )
