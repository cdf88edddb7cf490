"""One day of the grid worker's work on the example grid (``gridnote demo --day``).

The day of the brief, written on today through the same services ``log``,
``task``, ``issue`` and ``event`` use, so ``today``, ``report`` and ``find``
show real content right after ``demo``: the starred 06:30 blood pressure of
李奶奶 (139/90, pulse 63; the recheck is tomorrow's starred task), the walk of
the four buildings, the blocked drains of 8号楼2单元 handed to 物业, the
anti-fraud talk, the renovation waste at building 5 from the city app, cleared
the same afternoon, the evening call-out to 高阿姨's tripped breaker, and
tomorrow's list.

The notebook refuses steps in the future (an issue is not resolved before it
happens), so a moment of the story later than now is written at now: loaded
at 09:00 the afternoon collapses onto 09:00, but the day is complete and its
counts are the same whatever the hour. Runs inside the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from gridnote import clock
from gridnote.input.address import Address
from gridnote.models import Resident
from gridnote.store.events import count_events
from gridnote.store.issues import count_issues
from gridnote.store.notebook import Notebook
from gridnote.store.tasks import count_tasks
from gridnote.store.visits import count_visits


@dataclass(frozen=True)
class DaySummary:
    """What the day wrote, for the closing line of ``demo --day``."""

    day: str
    visits: int
    issues: int
    tasks: int
    events: int


def _at(hour: int, minute: int = 0) -> datetime:
    """A moment of today's story, never later than now."""
    return min(clock.at(clock.today(), time(hour, minute)), clock.now())


def _passed(hour: int, minute: int) -> datetime | None:
    """A moment of today's story if it has already passed, else None (not yet known)."""
    moment = clock.at(clock.today(), time(hour, minute))
    return moment if moment <= clock.now() else None


def _who(nb: Notebook, alias: str) -> Resident:
    from gridnote.services.resolve import resolve_resident

    return resolve_resident(nb, alias)


def write_day(nb: Notebook) -> DaySummary:
    """Write the day; the caller holds the transaction (all or nothing with the register)."""
    from gridnote.input.dates import When
    from gridnote.input.readings import parse_bp, parse_reading
    from gridnote.services import issue_flow, task_changes
    from gridnote.services.events import add_event
    from gridnote.services.issues import IssueInput, add_issue
    from gridnote.services.tasks import add_task
    from gridnote.services.visit_input import FollowUp
    from gridnote.services.visit_targets import building_target, resident_target
    from gridnote.services.visits import log_visit

    today = clock.today()
    tomorrow = today + timedelta(days=1)
    li, zhang, gao, zeng = (_who(nb, a) for a in ("李奶奶", "张大爷", "高阿姨", "曾奶奶"))
    with nb.transaction():
        # 06:30 — the starred first item of last night's list, done with the reading.
        bp_task = add_task(
            nb,
            "量血压 李奶奶",
            due=When(today, time(6, 30)),
            starred=True,
            resident_id=li.id,
            note="张大爷昨晚来电：降压药吃完了，血压升高；药已送到",
        )
        visit = log_visit(
            nb,
            [resident_target(nb, li)],
            kind="visit",
            at=_at(6, 40),
            note="早上量血压，舒张压偏高，已提醒按时吃药，答应这几天再来复测",
            readings=[parse_bp("139/90"), parse_reading("pulse", "63")],
            follow_up=FollowUp(When(tomorrow, time(6, 30))),
        )
        task_changes.complete(nb, [bp_task.id])
        task_changes.star(nb, [t.id for t in visit.tasks])
        # 08:00 — the walk; residents stop her on the way.
        log_visit(
            nb,
            [building_target(nb, b) for b in ("5", "6", "7", "8")],
            kind="walk",
            at=_at(8),
            note="四栋楼都走了一遍，居民反映的问题已一一记下；花园里一起种的山楂熟了，居民问怎么分",
        )
        drain = add_issue(
            nb,
            IssueInput(
                text="8号楼2单元几户下水道堵了，请人来看看",
                category="blocked-drain",
                channel="in-person",
                reporter_id=zhang.id,
                address=Address("8", "2"),
                at=_at(8, 30),
            ),
        ).issue
        # Afternoon — calls, each problem handed to whoever must act, done by 14:00.
        issue_flow.refer(nb, drain.id, "物业", contact="王经理 13800001111", at=_at(13, 30))
        issue_flow.add_note(
            nb, drain.id, "物业：明天上午派师傅来疏通8号楼2单元下水道", kind="call", by="物业", at=_at(13, 45)
        )
        log_visit(
            nb, [resident_target(nb, zhang)], kind="phone", at=_at(13, 50), note="告诉他下水道已交物业，明天上午来疏通"
        )
        add_event(
            nb,
            "老年人防诈骗宣讲",
            when=When(today, _at(15).time()),
            partners=["社区民警", "楼栋长"],
            building="8",
            attendees=23,
        )
        # The city app: renovation waste in front of building 5, cleared with 物业 on the spot.
        waste = add_issue(
            nb,
            IssueInput(
                text="5号楼门前有装修垃圾",
                category="renovation-waste",
                channel="app",
                building="5",
                reporter_id=gao.id,  # she reported it in the city app, and rates the outcome there
                at=_at(16),
            ),
        ).issue
        issue_flow.verify(nb, waste.id, note="到现场看过，确有装修垃圾", at=_at(16, 10))
        issue_flow.refer(nb, waste.id, "物业", at=_at(16, 15))
        issue_flow.resolve(nb, waste.id, "和物业一起清运完毕", at=_at(16, 50))
        issue_flow.rate(nb, waste.id, "满意", at=_at(17, 30))
        log_visit(nb, [resident_target(nb, zeng)], kind="phone", at=_at(17), note="电话问候，身体还好，药还够")
        # 20:00 — 高阿姨's voice message: the power is off and she is frightened.
        log_visit(
            nb,
            [resident_target(nb, gao)],
            kind="emergency",
            at=_at(20),
            note="停电害怕：电器太多过载跳闸，拔掉大功率电器后复位，讲解安全用电",
            back=_passed(21, 40),  # home at 21:40, once 21:40 has passed (never a return still ahead)
        )
        # Tomorrow's work (the starred recheck of 李奶奶 is already on it).
        add_task(nb, "回访张大爷 下水道", due=When(tomorrow, time(9, 0)), resident_id=zhang.id)
        add_task(nb, "整理台账", due=When(tomorrow, None))
    return DaySummary(
        day=today.isoformat(),
        visits=count_visits(nb),
        issues=count_issues(nb),
        tasks=count_tasks(nb),
        events=count_events(nb),
    )
