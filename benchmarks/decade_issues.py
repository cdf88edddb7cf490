"""The decade's issues: received, checked, referred, resolved, reported back, rated — as issue_flow writes them.

:class:`Flow` mirrors :mod:`gridnote.services.issue_flow` step by step (the
implied verification before a referral or resolution of a received issue,
the implied report-back before a rating, a dissatisfied rating reopening the
issue, the first response, the reporter's point), so the ``issues`` row's
milestones always agree with its ``issue_updates``. A step that would fall
after "now" does not happen: recent issues are left open where they are.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from decade import END, NOW, TZ, at, iso, size

from gridnote.domain.categories import DEFAULT_CATEGORIES
from gridnote.domain.issue_terms import FACE_TO_FACE

if TYPE_CHECKING:
    from decade import Decade, Person, Row

CATEGORY_WEIGHTS = {
    "garbage": 12,
    "blocked-drain": 10,
    "lighting": 9,
    "parking": 8,
    "clutter": 7,
    "noise": 7,
    "water": 6,
    "power": 6,
    "ebike-charging": 6,
    "renovation-waste": 5,
    "pets": 5,
    "seepage": 5,
    "facility-damage": 5,
    "lift": 4,
    "greenery": 3,
    "pests": 3,
    "renovation": 2,
    "community-affairs": 2,
    "welfare": 2,
    "fraud": 2,
    "security": 2,
    "illegal-building": 1,
    "medical": 1,
    "flooding": 1,
    "trapped": 1,
    "gas-leak": 1,
    "stalls": 1,
}
TEXTS = {
    "garbage": "{b}号楼垃圾桶满了没人清运",
    "blocked-drain": "{b}号楼几户下水道堵塞返水",
    "lighting": "{b}号楼{u}单元楼道灯不亮",
    "parking": "消防通道被私家车占用",
    "clutter": "{b}号楼楼道堆放杂物",
    "noise": "楼上晚上装修噪音扰民",
    "water": "{b}号楼停水，水压小",
    "power": "{b}号楼{u}单元停电",
    "ebike-charging": "{b}号楼有人飞线充电",
    "renovation-waste": "{b}号楼门口装修垃圾乱堆",
    "pets": "邻居养狗不拴绳",
    "seepage": "楼上渗水到我家卫生间",
    "facility-damage": "{b}号楼单元门禁坏了",
    "lift": "{b}号楼{u}单元电梯故障",
    "greenery": "花园里的山楂熟了，怎么分",
    "pests": "地下室有老鼠",
    "renovation": "楼上砸承重墙",
    "community-affairs": "想在小区办个老年活动室",
    "welfare": "家里困难想申请救助",
    "fraud": "老人接到冒充公检法的诈骗电话",
    "security": "小区有可疑人员推销保健品",
    "illegal-building": "一楼住户私搭乱建",
    "medical": "老人在楼道摔倒",
    "flooding": "地下车库积水",
    "trapped": "电梯困人",
    "gas-leak": "楼道里有燃气味",
    "stalls": "小区门口流动摊贩占道",
}
PARTNER_FOR = {
    "water": "utility",
    "power": "utility",
    "gas-leak": "utility",
    "illegal-building": "city-management",
    "stalls": "city-management",
    "noise": "police",
    "security": "police",
    "fraud": "police",
    "welfare": "street-office",
    "community-affairs": "committee",
    "medical": "other",
}
RESOLUTIONS = ("已处理完毕", "物业已派人修好", "已清理干净", "已疏通", "已更换", "已协调解决", "已上门说明情况")
RATINGS = ("satisfied",) * 16 + ("basically-satisfied",) * 3 + ("dissatisfied",)
CHANNELS = ("in-person",) * 25 + ("phone",) * 20 + ("wechat",) * 15 + ("app",) * 10 + ("hotline",) * 5 + ("walk",) * 25
CATEGORIES = {c.code: c for c in DEFAULT_CATEGORIES}


class Flow:
    """One issue's row and timeline, changed the way the services change them."""

    def __init__(self, decade: Decade, row: Row, per_report: int) -> None:
        self.decade = decade
        self.row = row
        self.v = row.values
        self.per_report = per_report
        self.awarded = False
        self.last = datetime.fromisoformat(self.v["received_at"])

    def step(
        self,
        kind: str,
        moment: datetime,
        *,
        text: str | None = None,
        actor: str | None = None,
        to: str | None = None,
        data: dict[str, Any] | None = None,
        **changes: Any,
    ) -> None:
        stamp = iso(moment)
        from_status = self.v["status"] if kind not in ("receive", "note", "edit") else None
        self.v.update(changes)
        self.v["updated_at"] = stamp
        if to is not None:
            self.v["status"] = to
        self.decade.add(
            "issue_updates",
            stamp,
            {
                "kind": kind,
                "at": stamp,
                "day": moment.date().isoformat(),
                "actor": actor,
                "text": text,
                "from_status": from_status,
                "to_status": to,
                "data": json.dumps(data or {}, ensure_ascii=False, sort_keys=True),
                "recorded_at": stamp,
            },
            issue=self.row,
        )

    def first_response(self, moment: datetime) -> dict[str, Any]:
        current = self.v["first_response_at"]
        if current is None or moment < datetime.fromisoformat(current):
            return {"first_response_at": iso(moment)}
        return {}

    def later(self, hours_low: float, hours_high: float) -> datetime | None:
        """The moment of the next step (in working hours), or None if it has not come yet."""
        moment = self.decade.working(self.last + timedelta(hours=self.decade.rng.uniform(hours_low, hours_high)))
        if moment >= NOW:
            return None
        self.last = moment
        return moment

    # -- the steps ------------------------------------------------------------------------------
    def verify(self, moment: datetime, implied: bool = False) -> None:
        self.step(
            "verify",
            moment,
            to="verified",
            data={"implied": True} if implied else None,
            verified_at=iso(moment),
            **self.first_response(moment),
        )
        if self.v["reporter_id"] is not None and self.per_report > 0 and not self.awarded:
            self.awarded = True
            self.decade.add(
                "points",
                iso(moment),
                {
                    "resident_id": self.v["reporter_id"],
                    "delta": self.per_report,
                    "reason": "report",
                    "issue_id": None,
                    "note": None,
                    "at": iso(moment),
                    "day": moment.date().isoformat(),
                },
                issue=self.row,
            )

    def reject(self, moment: datetime, reason: str, of: int | None) -> None:
        data: dict[str, Any] = {"reason": reason, **({"of": of} if of is not None else {})}
        self.step(
            "reject",
            moment,
            to="rejected",
            data=data,
            rejected_at=iso(moment),
            reject_reason=reason,
            duplicate_of=of,
            **self.first_response(moment),
        )

    def refer(self, moment: datetime, partner: str, contact: str | None, due: date | None) -> None:
        if self.v["status"] == "received":
            self.verify(moment, implied=True)
        data: dict[str, Any] = {"to": partner}
        if contact:
            data["contact"] = contact
        if due:
            data["due"] = due.isoformat()
        self.step(
            "refer",
            moment,
            to="referred",
            data=data,
            referred_at=iso(moment),
            referred_to=partner,
            referral_contact=contact,
            referral_due_day=due.isoformat() if due else None,
            referral_due_at=None,
        )

    def note(self, moment: datetime, text: str, kind: str, with_reporter: bool) -> None:
        self.step(
            "note",
            moment,
            text=text,
            data={"kind": kind, **({"reporter": True} if with_reporter else {})},
            **(self.first_response(moment) if with_reporter else {}),
        )

    def resolve(self, moment: datetime, text: str) -> None:
        if self.v["status"] == "received":
            self.verify(moment, implied=True)
        actor = self.v["referred_to"] if self.v["status"] == "referred" else None
        self.step(
            "resolve",
            moment,
            text=text,
            actor=actor,
            to="resolved",
            resolved_at=iso(moment),
            resolved_day=moment.date().isoformat(),
            resolution=text,
        )

    def tell(self, moment: datetime, implied: bool = False) -> None:
        self.step(
            "tell",
            moment,
            to="reported",
            data={"implied": True} if implied else None,
            reported_at=iso(moment),
            reported_day=moment.date().isoformat(),
            **self.first_response(moment),
        )

    def rate(self, moment: datetime, rating: str) -> None:
        if self.v["status"] == "resolved":
            self.tell(moment, implied=True)
        rated = {
            "rating": rating,
            "rated_at": iso(moment),
            "rated_day": moment.date().isoformat(),
            **self.first_response(moment),
        }
        if rating == "dissatisfied":
            self.step("rate", moment, data={"rating": rating}, **rated)
            target = "referred" if self.v["referred_to"] else "verified"
            self.step(
                "reopen",
                moment,
                to=target,
                data={"rating": rating},
                resolved_at=None,
                resolved_day=None,
                resolution=None,
                reported_at=None,
                reported_day=None,
                closed_at=None,
                closed_day=None,
                reopen_count=self.v["reopen_count"] + 1,
            )
        else:
            self.step(
                "rate",
                moment,
                to="closed",
                data={"rating": rating},
                closed_at=iso(moment),
                closed_day=moment.date().isoformat(),
                **rated,
            )

    def close(self, moment: datetime) -> None:
        self.step(
            "close",
            moment,
            to="closed",
            data={"rating": None},
            closed_at=iso(moment),
            closed_day=moment.date().isoformat(),
        )


def _receive(decade: Decade, received: datetime, hours: dict[tuple[str, str], tuple[int, int]]) -> Flow | None:
    from gridnote.services.settings import get

    rng = decade.rng
    code = rng.choices(list(CATEGORY_WEIGHTS), list(CATEGORY_WEIGHTS.values()))[0]
    category = CATEGORIES[code]
    channel = rng.choice(CHANNELS)
    reporter: Person | None = None
    contact = None
    if channel != "walk":
        if rng.random() < {"app": 0.6, "hotline": 0.3}.get(channel, 0.9):
            reporter = decade.someone(received)
        else:
            contact = rng.choice(("王先生", "李女士", "市民", "租户")) + " 1390571" + f"{rng.randrange(10**4):04d}"
    place = building_id = household_id = None
    building = rng.choice(sorted(decade.buildings))
    if reporter is not None and reporter.building_id is not None and rng.random() < 0.7:
        building_id = reporter.building_id
        building = next(c for c, i in decade.buildings.items() if i == building_id)
    elif rng.random() < 0.8:
        place, building_id = building, decade.buildings[building]
    else:
        household_id, place, building_id = rng.choice(decade.households)
    priority = "urgent" if category.group == "emergency" or rng.random() < 0.03 else "normal"
    response_h, resolve_h = hours[(category.group, priority)]
    stamp = iso(received)
    decade_row = decade.add(
        "issues",
        stamp,
        {
            "text": TEXTS[code].format(b=building, u=rng.randint(1, 3)),
            "category": code,
            "category_group": category.group,
            "upward_code": category.upward,
            "channel": channel,
            "priority": priority,
            "status": "received",
            "reporter_id": reporter.id if reporter else None,
            "reporter_contact": contact,
            "place": place,
            "building_id": building_id,
            "household_id": household_id,
            "received_at": stamp,
            "received_day": received.date().isoformat(),
            "response_due_at": iso(received + timedelta(hours=response_h)),
            "response_due_day": (received + timedelta(hours=response_h)).date().isoformat(),
            "resolve_due_at": iso(received + timedelta(hours=resolve_h)),
            "resolve_due_day": (received + timedelta(hours=resolve_h)).date().isoformat(),
            "first_response_at": stamp if channel in FACE_TO_FACE else None,
            "verified_at": None,
            "rejected_at": None,
            "reject_reason": None,
            "duplicate_of": None,
            "referred_at": None,
            "referred_to": None,
            "referral_contact": None,
            "referral_due_day": None,
            "referral_due_at": None,
            "resolved_at": None,
            "resolved_day": None,
            "resolution": None,
            "reported_at": None,
            "reported_day": None,
            "rating": None,
            "rated_at": None,
            "rated_day": None,
            "closed_at": None,
            "closed_day": None,
            "reopen_count": 0,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    flow = Flow(decade, decade_row, int(get(decade.nb, "points.per_verified_report")))
    flow.step(
        "receive",
        received,
        to="received",
        data={"category": code, "channel": channel, "guessed": rng.random() < 0.6, "priority": priority},
    )
    if reporter is not None and rng.random() < 0.08:
        neighbour = decade.someone(received)
        decade.affected.append((decade_row, reporter.id))
        if neighbour.id != reporter.id:
            decade.affected.append((decade_row, neighbour.id))
    return flow


def _carry_on(flow: Flow, recent: dict[str, list[Row]]) -> None:
    """The steps after receipt, as far as they have happened by now."""
    rng = flow.decade.rng
    v = flow.v
    code = v["category"]
    if v["channel"] != "walk" and rng.random() < 0.12:
        earlier = [
            r for r in recent.get(code, []) if r.values["status"] not in ("rejected", "closed") and r is not flow.row
        ]
        if (moment := flow.later(1, 6)) is not None:
            if earlier and rng.random() < 0.6:
                flow.reject(moment, "duplicate", earlier[-1].id)
            else:
                flow.reject(moment, rng.choice(("not-ours", "not-real")), None)
        return
    f2f = v["channel"] in FACE_TO_FACE
    if rng.random() < 0.35 and (moment := flow.later(0.5, 8)) is not None:
        flow.verify(moment)
    elif not f2f and rng.random() < 0.8 and (moment := flow.later(1, 20)) is not None:
        flow.note(moment, "已电话联系反映人，了解情况", "call", True)
    if rng.random() < 0.3 and (moment := flow.later(0.2, 3)) is not None:
        due = moment.date() + timedelta(days=rng.randint(2, 5)) if rng.random() < 0.4 else None
        contact = "物业王经理 13805710000" if rng.random() < 0.3 else None
        flow.refer(moment, PARTNER_FOR.get(code, "property"), contact, due)
    resolve_hours = (datetime.fromisoformat(v["resolve_due_at"]) - flow.last).total_seconds() / 3600
    for round_ in range(2):
        share = rng.uniform(0.05, 0.9) if rng.random() < 0.9 else rng.uniform(1.0, 3.0)
        moment = flow.later(max(0.3, resolve_hours * share * 0.8), max(0.5, resolve_hours * share))
        if moment is None:
            return
        flow.resolve(moment, rng.choice(RESOLUTIONS))
        if v["reporter_id"] is None and not v["reporter_contact"]:
            if (moment := flow.later(0.1, 4)) is not None:
                flow.close(moment)
            return
        roll = rng.random()
        if roll < 0.1:
            if (moment := flow.later(1, 24)) is not None:
                flow.rate(moment, rng.choice(RATINGS) if round_ == 0 else "satisfied")
        else:
            if (moment := flow.later(2, 40)) is None:  # she tells them that day or the next
                return
            flow.tell(moment)
            if roll < 0.85:
                if (moment := flow.later(0.1, 48)) is not None:
                    flow.rate(moment, rng.choice(RATINGS) if round_ == 0 else "satisfied")
            elif (moment := flow.later(24, 72)) is not None:
                flow.close(moment)
        if v["status"] != "referred" and v["status"] != "verified":
            return
        resolve_hours = 72  # reopened: the partner comes back within a few days


def issues(decade: Decade) -> None:
    """Receive the decade's issues in time order and carry each as far as it has gone."""
    from gridnote.services.categories import deadline_hours

    rng = decade.rng
    groups = {c.group for c in DEFAULT_CATEGORIES}
    hours = {(g, p): deadline_hours(decade.nb, g, p) for g in groups for p in ("normal", "urgent")}
    moments = sorted(
        at(decade.day(rng.randrange(decade.days)), rng.uniform(8, 20.5)) for _ in range(size("issues", decade.scale))
    )
    recent: dict[str, list[Row]] = {}
    first_id = (decade.nb.scalar("SELECT max(id) FROM issues") or 0) + 1
    for number, received in enumerate(moments, start=first_id):
        flow = _receive(decade, received, hours)
        assert flow is not None
        flow.row.values["id"] = number  # issues are numbered as received; a duplicate names an earlier one
        same = recent.setdefault(flow.v["category"], [])
        same[:] = [r for r in same if received - datetime.fromisoformat(r.values["received_at"]) < timedelta(days=10)]
        _carry_on(flow, recent)
        same.append(flow.row)
    _redemptions(decade)


def _redemptions(decade: Decade) -> None:
    """Residents spend their points five at a time, never more than they have."""
    rng = decade.rng
    earned: dict[int, list[datetime]] = {}
    for row in decade.rows["points"]:
        earned.setdefault(row.values["resident_id"], []).append(datetime.fromisoformat(row.values["at"]))
    for resident_id, times in sorted(earned.items()):
        spent = 0
        for count, moment in enumerate(sorted(times), start=1):
            if count - spent >= 5 and rng.random() < 0.3:
                when = decade.working(moment + timedelta(days=rng.randint(1, 30)))
                if when >= NOW:
                    continue
                spent += 5
                decade.add(
                    "points",
                    iso(when),
                    {
                        "resident_id": resident_id,
                        "delta": -5,
                        "reason": "redeem",
                        "issue_id": None,
                        "note": rng.choice(("洗衣液一瓶", "大米一袋", "食用油一桶")),
                        "at": iso(when),
                        "day": when.date().isoformat(),
                    },
                )


__all__ = ["issues", "END", "TZ"]
