"""Ten years of one grid's work, written as the services would have written it.

:func:`load_grid` registers the example grid at the start of the span and
moves residents in and out through the services (so pinyin, households and
revisions are theirs). :func:`fill` then adds the decade's visits, readings,
tasks, issues with their timelines, points and events in one transaction of
``executemany`` inserts, following the services' rules:

* every ``day`` column is the local day of its timestamp; timestamps are ISO
  8601 with ``+08:00``; codes come from the vocabularies;
* a visit carries its resident's household and building; readings are
  flagged by :func:`gridnote.domain.readings.evaluate` with the notebook's thresholds;
* a finished or dropped task leaves its before-image in ``revisions``; a
  repeating task's next occurrence follows :class:`gridnote.input.recurrence.Rule`;
* an issue's milestone columns are those its steps set (first response,
  verification, referral, resolution, report-back, rating, closing, reopen
  count), and a verified report earns its reporter one point.

Rows get ids in the order they were recorded, as they would have been.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from gridnote import clock
from gridnote.store.changes import adopt
from gridnote.store.notebook import Notebook

TZ = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=TZ)  # the benchmark's pinned "now"
END = NOW.date()  # the span is the days before this one
DAYS = 3652  # 2016-12-01 … 2026-11-29
SEED = 2026
SIZES = {"visits": 100_000, "tasks": 20_000, "issues": 5_000, "moves_in": 48, "moves_out": 40, "events": 240}


def span(scale: float) -> tuple[date, int]:
    days = max(7, round(DAYS * scale))
    return END - timedelta(days=days), days


def size(name: str, scale: float) -> int:
    return max(1, round(SIZES[name] * scale))


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def at(day: date, hours: float) -> datetime:
    return datetime.combine(day, time(0, 0), TZ) + timedelta(minutes=round(hours * 60))


# -- the registry: the example grid, then people moving in and out -------------------------
def load_grid(nb: Notebook, scale: float = 1.0) -> None:
    """The example grid registered at the start of the span, then the moves of the decade."""
    from gridnote.input.pinyin import pinyin_keys
    from gridnote.services import demo
    from gridnote.services.resident_fields import ResidentInput
    from gridnote.services.residents import add_resident, move_out

    rng = random.Random(SEED)
    start, days = span(scale)
    clock.set_timezone("Asia/Shanghai")
    try:
        clock.set_now(at(start - timedelta(days=1), 8))  # registered the day before the span
        demo.load_demo(nb)
        households = [r[0] for r in nb.rows("SELECT address FROM households")]
        free = _free_rooms(households)
        moves: list[tuple[datetime, Callable[[], Any]]] = []
        f_given, m_given = demo._pairs(demo.GIVEN_F), demo._pairs(demo.GIVEN_M)
        for _ in range(size("moves_in", scale)):
            when = at(start + timedelta(days=rng.randrange(1, days)), rng.uniform(9, 17))
            while True:
                surname, gender = rng.choice(demo.SURNAMES), rng.choice("fm")
                name = surname + rng.choice(f_given if gender == "f" else m_given)[: rng.choice((1, 2))]
                if not demo.RESERVED_INITIALS & set(pinyin_keys(name)[1].split()):
                    break
            age = rng.choice((rng.randint(0, 3), rng.randint(25, 40), rng.randint(60, 85)))
            tags = ["hypertension"] if age >= 60 and rng.random() < 0.4 else []
            address = free.pop(0) if free and rng.random() < 0.3 else _parse(rng.choice(households))
            fields = ResidentInput(
                name=name,
                gender=gender,
                birth=f"{when.year - age}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                phones=[demo._phone(rng)] if age >= 16 else [],
                tags=tags,
                address=address,
            )
            moves.append((when, lambda fields=fields: add_resident(nb, fields)))
        leaving = rng.sample(
            [
                r[0]
                for r in nb.rows(
                    "SELECT id FROM residents WHERE id > 4 AND id NOT IN "
                    "(SELECT resident_id FROM resident_tags WHERE tag = 'building-head') ORDER BY id"
                )
            ],
            size("moves_out", scale),
        )
        notes = ("搬走了", "随子女去外地", "去世", "房子卖了", None)
        for resident_id in leaving:
            when = at(start + timedelta(days=rng.randrange(1, days)), rng.uniform(9, 17))
            note = rng.choice(notes)
            moves.append((when, lambda rid=resident_id, note=note: move_out(nb, rid, note=note)))
        for when, move in sorted(moves, key=lambda m: m[0]):
            clock.set_now(when)
            move()
    finally:
        clock.set_now(None)
        clock.set_timezone(None)


def _parse(address: str) -> Any:
    from gridnote.input.address import parse_address

    return parse_address(address)


def _free_rooms(taken: list[str]) -> list[Any]:
    from gridnote.input.address import Address
    from gridnote.services import demo

    used = set(taken)
    return [
        Address(b, str(u), f"{f}{d:02d}")
        for b in demo.BUILDINGS
        for u in (1, 2, 3)
        for f in range(1, 15)
        for d in (1, 2)
        if f"{b}-{u}-{f}{d:02d}" not in used
    ]


# -- the people of the grid, as the bulk rows need them ----------------------------------
@dataclass
class Person:
    id: int
    name: str
    alias: str | None
    household_id: int | None
    building_id: int | None
    since: datetime
    until: datetime | None
    tags: tuple[str, ...]

    @property
    def who(self) -> str:
        return self.alias or self.name

    def present(self, moment: datetime) -> bool:
        return self.since <= moment and (self.until is None or moment < self.until)


def _people(nb: Notebook) -> list[Person]:
    rows = nb.rows(
        "SELECT r.id, r.name, r.alias, r.household_id, h.building_id, r.created_at, r.moved_out_at, "
        "(SELECT group_concat(tag) FROM resident_tags t WHERE t.resident_id = r.id) AS tags "
        "FROM residents r LEFT JOIN households h ON h.id = r.household_id ORDER BY r.id"
    )
    return [
        Person(
            r["id"],
            r["name"],
            r["alias"],
            r["household_id"],
            r["building_id"],
            datetime.fromisoformat(r["created_at"]),
            datetime.fromisoformat(r["moved_out_at"]) if r["moved_out_at"] else None,
            tuple((r["tags"] or "").split(",")) if r["tags"] else (),
        )
        for r in rows
    ]


# -- the decade ---------------------------------------------------------------------------------
VISIT_NOTES = {
    "visit": (
        "血压正常，按时吃药",
        "精神不错，饮食正常",
        "提醒按时服药",
        "子女周末来过",
        "腿脚不便，帮忙买了菜",
        "家里一切正常",
        "降压药快吃完了，提醒子女配药",
        "情绪有点低落，多陪聊了一会",
        "天冷了，提醒注意保暖",
        "检查了燃气和电器，安全",
        None,
    ),
    "phone": ("电话问候，一切正常", "询问低保年审材料", "提醒明天社区体检", "反映楼上漏水", "咨询社区活动时间", None),
    "wechat": ("微信语音问候", "发送防诈骗提醒", "通知明天停水", "收到照片：楼道堆物", None),
    "emergency": (
        "家里跳闸，已帮忙恢复供电",
        "老人摔倒，已联系家属送医",
        "水管爆裂，已关总阀并联系物业",
        "独居老人联系不上，上门确认平安",
    ),
    "outreach": ("上门宣传反诈知识", "发放垃圾分类宣传单"),
    "walk": ("楼道灯不亮", "消防通道停了电动车", "楼道堆物", "单元门禁坏了", "一切正常"),
}
FOLLOW_UPS = ("送降压药", "回访{who}", "帮{who}预约体检", "复测血压")
TASK_TEXTS = {
    "resident": (
        "给{who}送药",
        "回访{who}",
        "帮{who}预约体检",
        "陪{who}办理低保年审",
        "量血压 {who}",
        "提醒{who}子女配药",
        "给{who}打电话问问情况",
    ),
    "building": ("巡查{b}号楼消防通道", "检查{b}号楼楼道灯", "{b}号楼张贴停水通知", "{b}号楼楼道堆物清理"),
    "general": (
        "整理走访台账",
        "上报月度数据",
        "参加街道网格员培训",
        "准备反诈宣传材料",
        "核对低保名单",
        "联系物业清理垃圾",
        "更新居民信息表",
        "社区议事会",
        "写本周工作小结",
    ),
}
# (text, rule, first due as days after the span's start, time of day, starred, resident id, building code)
SERIES = (
    ("量血压 李奶奶", "2d", 820, time(6, 30), True, 1, None),
    ("网格例会", "week", 4, time(9, 0), False, None, None),
    ("给独居老人打电话", "week", 1, time(10, 0), False, None, None),
    ("周报上报网格中心", "week", 1, time(16, 0), True, None, None),
    ("低保户走访", "month", 0, None, False, None, None),
    ("电动车充电隐患排查", "2w", 14, time(14, 0), False, None, None),
    ("巡查5号楼地下室", "week", 6, time(15, 0), False, None, "5"),
)


@dataclass
class Row:
    """A row in the making; ``refs`` name rows whose ids are known only once all are numbered."""

    table: str
    values: dict[str, Any]
    order: str  # ISO time it was recorded: ids follow this order
    refs: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> int:
        return int(self.values["id"])


class Decade:
    def __init__(self, nb: Notebook, scale: float) -> None:
        from gridnote.services import care
        from gridnote.services.visits import thresholds

        self.nb = nb
        self.scale = scale
        self.rng = random.Random(SEED + 1)
        self.start, self.days = span(scale)
        self.people = _people(nb)
        self.buildings = {r["code"]: r["id"] for r in nb.rows("SELECT id, code FROM buildings")}
        self.households = [tuple(r) for r in nb.rows("SELECT id, address, building_id FROM households ORDER BY id")]
        self.affected: list[tuple[Row, int]] = []  # (issue, resident) pairs for issue_residents
        self.intervals = care.care_intervals(nb)
        self.limits = thresholds(nb)
        self.rows: dict[str, list[Row]] = {
            t: [] for t in ("visits", "readings", "tasks", "revisions", "issues", "issue_updates", "points", "events")
        }

    # -- helpers ------------------------------------------------------------------------------
    def add(self, table: str, order: datetime | str, values: dict[str, Any], **refs: Any) -> Row:
        row = Row(table, values, order if isinstance(order, str) else iso(order), refs)
        self.rows[table].append(row)
        return row

    def day(self, index: int) -> date:
        return self.start + timedelta(days=index)

    def someone(self, moment: datetime, among: list[Person] | None = None) -> Person:
        """Anyone (or anyone of ``among``) living in the grid at ``moment``."""
        for _ in range(10_000):
            person = self.rng.choice(among or self.people)
            if person.present(moment):
                return person
        raise RuntimeError(f"nobody lives in the grid at {iso(moment)}")

    def working(self, moment: datetime) -> datetime:
        """Move a moment outside 07:30–21:00 to the next morning."""
        local = moment.astimezone(TZ)
        if local.hour >= 21:
            return at(local.date() + timedelta(days=1), 8 + self.rng.random())
        if local.hour < 7 or (local.hour == 7 and local.minute < 30):
            return at(local.date(), 8 + self.rng.random())
        return local

    # -- visits and readings --------------------------------------------------------------------
    def visit(
        self,
        kind: str,
        moment: datetime,
        person: Person | None = None,
        *,
        household: Person | None = None,
        building_id: int | None = None,
        note: str | None = None,
    ) -> Row:
        logged = iso(moment + timedelta(minutes=self.rng.randint(1, 20)))
        target = person or household
        values = {
            "kind": kind,
            "at": iso(moment),
            "day": moment.date().isoformat(),
            "resident_id": person.id if person else None,
            "household_id": target.household_id if target else None,
            "building_id": target.building_id if target else building_id,
            "note": note,
            "created_at": logged,
            "updated_at": logged,
            "undone_at": None,
        }
        return self.add("visits", logged, values)

    def readings(self, visit: Row, person: Person) -> list[str]:
        from gridnote.domain.readings import ReadingInput, evaluate, flags_to_text

        rng = self.rng
        taken: list[ReadingInput] = []
        if "hypertension" in person.tags or person.id == 1:
            systolic = round(rng.gauss(134, 11))
            diastolic = min(round(rng.gauss(84, 7)), systolic - 25)
            taken += [
                ReadingInput("bp", float(systolic), float(diastolic)),
                ReadingInput("pulse", float(round(rng.gauss(72, 8)))),
            ]
        if "diabetes" in person.tags:
            taken.append(ReadingInput("glucose", round(rng.gauss(6.6, 1.1), 1)))
        flagged = []
        for reading in taken:
            flags = evaluate(reading, self.limits)
            if flags:
                flagged.append(reading.kind)
            self.add(
                "readings",
                visit.order,
                {
                    "resident_id": person.id,
                    "kind": reading.kind,
                    "value": reading.value,
                    "value2": reading.value2,
                    "unit": reading.unit,
                    "flagged": int(bool(flags)),
                    "flag_reason": flags_to_text(flags),
                    "at": visit.values["at"],
                    "day": visit.values["day"],
                },
                visit=visit,
            )
        return flagged

    def visits(self) -> None:
        rng = self.rng
        for index in range(self.days):
            day = self.day(index)
            if rng.random() < (0.95 if day.weekday() < 5 else 0.7):
                for n, (_code, building_id) in enumerate(sorted(self.buildings.items())):
                    note = rng.choice(VISIT_NOTES["walk"]) if rng.random() < 0.15 else None
                    self.visit("walk", at(day, 8 + n / 3 + rng.random() / 6), building_id=building_id, note=note)
        for person in self.people:
            care = [t for t in person.tags if t in self.intervals]
            if not care:
                continue
            every = min(self.intervals[t] for t in care)
            day = max(self.start, person.since.date() + timedelta(days=1)) + timedelta(days=rng.randrange(every))
            while day < END and person.present(at(day, 12)):
                hour = 6.5 if person.id == 1 else rng.choice((9.5, 10, 10.5, 11, 14.5, 15, 15.5, 16))
                kind = "emergency" if rng.random() < 0.02 else "visit"
                moment = at(day, hour + rng.random() / 3)
                note = rng.choice(VISIT_NOTES[kind])
                visit = self.visit(kind, moment, person, note=note)
                flagged = self.readings(visit, person) if kind == "visit" and rng.random() < 0.85 else []
                if rng.random() < (0.5 if flagged else 0.06):
                    self.follow_up(visit, person, "复测血压" if flagged else rng.choice(FOLLOW_UPS))
                day += timedelta(days=max(1, every + rng.choice((-1, 0, 0, 0, 1, 1, 2))))
        kinds = (
            ("phone",) * 50
            + ("wechat",) * 33
            + ("emergency",) * 4
            + ("household",) * 5
            + ("outreach",) * 3
            + ("visit",) * 5
        )
        for _ in range(size("visits", self.scale) - len(self.rows["visits"])):
            kind = rng.choice(kinds)
            day = self.day(rng.randrange(self.days))
            moment = at(day, rng.uniform(7, 22) if kind == "emergency" else rng.uniform(8, 20))
            person = self.someone(moment)
            if kind == "household":
                self.visit("visit", moment, household=person, note=rng.choice(VISIT_NOTES["visit"]))
                continue
            visit = self.visit(kind, moment, person, note=rng.choice(VISIT_NOTES[kind]))
            if kind in ("phone", "wechat") and rng.random() < 0.04:
                self.follow_up(visit, person, rng.choice(FOLLOW_UPS))
            elif kind == "visit" and rng.random() < 0.003:
                self.undo(visit)

    def undo(self, visit: Row) -> None:
        """``log undo`` right after logging it."""
        when = iso(datetime.fromisoformat(visit.order) + timedelta(minutes=2))
        self.add(
            "revisions",
            when,
            {"table_name": "visits", "action": "undo", "at": when},
            before=dict(visit.values),
            row=visit,
        )
        visit.values.update({"undone_at": when, "updated_at": when})

    # -- tasks --------------------------------------------------------------------------------
    def task(
        self,
        text: str,
        created: datetime,
        *,
        due: date | None,
        due_time: time | None = None,
        starred: bool = False,
        resident_id: int | None = None,
        building_id: int | None = None,
        every: str | None = None,
        note: str | None = None,
        **refs: Any,
    ) -> Row:
        values = {
            "text": text,
            "note": note,
            "status": "open",
            "starred": int(starred),
            "due_date": due.isoformat() if due else None,
            "due_at": iso(datetime.combine(due, due_time, TZ)) if due and due_time else None,
            "resident_id": resident_id,
            "building_id": building_id,
            "every": every,
            "series_id": None,
            "source": None,
            "created_at": iso(created),
            "updated_at": iso(created),
            "done_at": None,
            "done_day": None,
            "dropped_at": None,
            "skipped": 0,
        }
        return self.add("tasks", created, values, **refs)

    def finish(self, task: Row, moment: datetime, action: str = "done") -> bool:
        """Mark it done (or dropped) at ``moment`` if that has happened by now; True if it did."""
        if moment >= NOW:
            return False
        stamp = iso(moment)
        self.add(
            "revisions",
            stamp,
            {"table_name": "tasks", "action": "drop" if action == "dropped" else "done", "at": stamp},
            before=dict(task.values),
            row=task,
        )
        if action == "dropped":
            task.values.update({"status": "dropped", "dropped_at": stamp, "updated_at": stamp})
        else:
            task.values.update(
                {"status": "done", "done_at": stamp, "done_day": moment.date().isoformat(), "updated_at": stamp}
            )
        return True

    def done_time(self, due: date, due_time: time | None) -> datetime:
        rng = self.rng
        late = rng.choice((0,) * 18 + (1, 2))
        hours = (due_time.hour + due_time.minute / 60 + rng.uniform(0.1, 1)) if due_time else rng.uniform(9, 18)
        return at(due + timedelta(days=late), hours)

    def follow_up(self, visit: Row, person: Person, text: str) -> None:
        logged = datetime.fromisoformat(visit.order)
        due = logged.date() + timedelta(days=self.rng.choice((1, 2, 2, 3, 7)))
        task = self.task(text.format(who=person.who), logged, due=due, resident_id=person.id, visit=visit)
        self.settle(task, due, None)

    def settle(self, task: Row, due: date | None, due_time: time | None) -> None:
        """Done, dropped or still open, as she would have left it by now."""
        rng = self.rng
        recent = due is not None and due >= END - timedelta(days=14)
        if due is None:
            due = datetime.fromisoformat(task.order).date() + timedelta(days=rng.randint(1, 10))
        roll = rng.random()
        if roll < (0.3 if recent else 0.0):
            return
        if roll < (0.36 if recent else 0.08):
            self.finish(task, at(due, rng.uniform(9, 20)), "dropped")
            return
        self.finish(task, self.done_time(due, due_time))

    def series(self) -> None:
        from gridnote.input.recurrence import Rule

        for text, code, offset, due_time, starred, resident_id, building in SERIES:
            rule = Rule(code)
            first = self.day(0) + timedelta(days=offset) if offset < self.days else None
            if first is None or first >= END:
                first = END - timedelta(days=2)  # a short span: the series began two days ago
            building_id = self.buildings.get(building) if building else None
            created = at(first - timedelta(days=1), 20)
            head = self.task(
                text,
                created,
                due=first,
                due_time=due_time,
                starred=starred,
                resident_id=resident_id,
                building_id=building_id,
                every=code,
            )
            task, due = head, first
            while True:
                done = self.done_time(due, due_time)
                if not self.finish(task, done):
                    break
                nxt = rule.next_day(max(due, done.date()), anchor=first)
                task = self.task(
                    text,
                    done,
                    due=nxt,
                    due_time=due_time,
                    starred=starred,
                    resident_id=resident_id,
                    building_id=building_id,
                    every=code,
                    series=head,
                    after=task,
                )
                due = nxt

    def tasks(self) -> None:
        rng = self.rng
        self.series()
        linked = [p for p in self.people if p.tags]
        for _ in range(size("tasks", self.scale) - len(self.rows["tasks"])):
            due = self.day(max(1, rng.randrange(self.days + 2)))  # up to tomorrow
            created = at(due - timedelta(days=1), rng.uniform(18, 21.5))
            if created >= NOW:
                created = NOW - timedelta(minutes=rng.randint(5, 600))
            due_time = (
                time(rng.choice((7, 8, 9, 10, 14, 15, 16)), rng.choice((0, 0, 30))) if rng.random() < 0.35 else None
            )
            kind = rng.choices(("resident", "building", "general"), (40, 12, 48))[0]
            resident_id = building_id = None
            if kind == "resident":
                person = self.someone(created, linked)
                text, resident_id = rng.choice(TASK_TEXTS["resident"]).format(who=person.who), person.id
            elif kind == "building":
                code = rng.choice(sorted(self.buildings))
                text, building_id = rng.choice(TASK_TEXTS["building"]).format(b=code), self.buildings[code]
            else:
                text = rng.choice(TASK_TEXTS["general"])
            undated = rng.random() < 0.04
            task = self.task(
                text,
                created,
                due=None if undated else due,
                due_time=None if undated else due_time,
                starred=rng.random() < 0.12,
                resident_id=resident_id,
                building_id=building_id,
            )
            self.settle(task, None if undated else due, due_time)

    # -- events ---------------------------------------------------------------------------------
    def events(self) -> None:
        rng = self.rng
        titles = (
            "反诈宣传讲座",
            "消防安全培训",
            "健康讲座（免费量血压）",
            "垃圾分类宣传",
            "老年人防跌倒讲座",
            "safe electricity talk",
            "重阳节敬老活动",
        )
        partners = (["社区民警", "楼栋长"], ["物业"], ["社区医生"], ["街道", "志愿者"], [])
        days = sorted(rng.randrange(self.days) for _ in range(size("events", self.scale)))
        plans = [(self.day(i), rng.random() < 0.1) for i in days] + [(END, False)]  # one more this afternoon
        for day, all_day in plans:
            moment = at(day, rng.choice((9.5, 14, 14.5, 15)))
            logged = moment + timedelta(hours=2) if day < END else at(day - timedelta(days=2), 17)
            code = rng.choice([None, *sorted(self.buildings)])
            self.add(
                "events",
                logged,
                {
                    "title": rng.choice(titles),
                    "at": None if all_day else iso(moment),
                    "day": day.isoformat(),
                    "partners": json.dumps(rng.choice(partners), ensure_ascii=False),
                    "building_id": self.buildings.get(code) if code else None,
                    "attendees": rng.randint(8, 60) if day < END else None,
                    "note": "发放宣传册" if rng.random() < 0.2 else None,
                    "created_at": iso(logged),
                    "updated_at": iso(logged),
                },
            )

    # -- writing ------------------------------------------------------------------------------------
    def write(self) -> dict[str, int]:
        nb = self.nb
        for table, rows in self.rows.items():
            rows.sort(key=lambda r: r.order)
            first = (nb.scalar(f"SELECT max(id) FROM {table}") or 0) + 1
            for number, row in enumerate(rows, start=first):
                row.values["id"] = number
        for row in self.rows["readings"]:
            row.values["visit_id"] = row.refs["visit"].id
        for row in self.rows["tasks"]:
            if "visit" in row.refs:
                row.values["source"] = f"visit:{row.refs['visit'].id}"
            if "after" in row.refs:
                row.values["source"] = f"task:{row.refs['after'].id}"
                row.values["series_id"] = row.refs["series"].id
        for row in self.rows["issue_updates"]:
            row.values["issue_id"] = row.refs["issue"].id
        for row in self.rows["points"]:
            if "issue" in row.refs:
                row.values["issue_id"] = row.refs["issue"].id
        for row in self.rows["revisions"]:
            target: Row = row.refs["row"]
            before = {**row.refs["before"], "id": target.id}
            if target.table == "tasks":  # numbered now; the before-image had them already
                before.update({k: target.values[k] for k in ("source", "series_id")})
            columns = [c[1] for c in nb.rows(f"PRAGMA table_info({target.table})")]
            row.values.update(
                {"row_id": target.id, "before": json.dumps({c: before.get(c) for c in columns}, ensure_ascii=False)}
            )
        with nb.transaction():
            for table, rows in self.rows.items():
                if rows:
                    columns = list(rows[0].values)
                    nb.conn.executemany(
                        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                        [[row.values[c] for c in columns] for row in rows],
                    )
            nb.conn.executemany(
                "INSERT OR IGNORE INTO issue_residents (issue_id, resident_id) VALUES (?, ?)",
                [(issue.id, resident_id) for issue, resident_id in self.affected],
            )
            _rebuild_search(nb)
            adopt(nb)  # global ids and the change log, as the write path would have written them
        return {table: len(rows) for table, rows in self.rows.items()}


def _rebuild_search(nb: Notebook) -> None:
    """Full-text tables kept from content tables (if the schema has any) are rebuilt from them.

    Contentless ones (``content = ''``) cannot be rebuilt; the notebook's own
    triggers have indexed every row as it was inserted.
    """
    for row in nb.rows("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"):
        options = row["sql"].replace(" ", "").lower()
        if "content=" in options and "content=''" not in options:
            nb.execute(f"INSERT INTO {row['name']}({row['name']}) VALUES ('rebuild')")


def fill(nb: Notebook, scale: float = 1.0) -> dict[str, int]:
    """Add the decade's work to a notebook holding its registry (see :func:`load_grid`)."""
    from decade_issues import issues

    decade = Decade(nb, scale)
    decade.visits()
    decade.tasks()
    issues(decade)
    decade.events()
    return decade.write()
