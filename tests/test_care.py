"""Care rounds and the daily walk, read from visit-log rows (services/care.py)."""

from __future__ import annotations

from datetime import date

from gridnote.services.care import care_round, daily_walk, visits_on
from gridnote.services.residents import move_out
from gridnote.services.settings import set_value
from gridnote.store import write
from tests.helpers.visit_rows import insert_visit

SUNDAY = date(2026, 11, 29)


def due_names(nb, day=SUNDAY):
    return [(c.name, c.days_overdue) for c in care_round(nb, day)]


def test_a_resident_is_due_interval_days_after_the_last_care_visit(nb, add_resident) -> None:
    li = add_resident("李秀英", "8-2-301", tags=["失能"])  # every 3 days
    insert_visit(nb, "visit", "2026-11-27", resident_id=li.id)
    assert due_names(nb) == []  # visited two days ago
    assert due_names(nb, date(2026, 11, 30)) == [("李秀英", 0)]  # three days: due that day
    [due] = care_round(nb, date(2026, 12, 4))
    assert (due.last_visit, due.due_day, due.days_overdue, due.interval_days) == ("2026-11-27", "2026-11-30", 4, 3)


def test_never_visited_is_due_and_comes_first(nb, add_resident) -> None:
    add_resident("甲", "5-1-101", tags=["低保"])  # 30 days, never visited
    late = add_resident("乙", "5-1-102", tags=["失能"])
    insert_visit(nb, "visit", "2026-11-01", resident_id=late.id)
    alone = add_resident("丙", "5-1-103", tags=["独居"])
    insert_visit(nb, "visit", "2026-11-20", resident_id=alone.id)
    add_resident("丁", "5-1-104", tags=["失能"])  # never visited, shorter interval than 甲
    assert due_names(nb) == [("丁", None), ("甲", None), ("乙", 25), ("丙", 2)]


def test_only_home_visits_and_call_outs_count(nb, add_resident) -> None:
    gao = add_resident("高玉兰", "5-1-502", tags=["独居"])
    for kind in ("phone", "wechat", "walk", "outreach"):
        insert_visit(nb, kind, "2026-11-28", resident_id=gao.id)
    insert_visit(nb, "visit", "2026-11-28", resident_id=gao.id, undone=True)
    assert due_names(nb) == [("高玉兰", None)]
    insert_visit(nb, "emergency", "2026-11-28", resident_id=gao.id)
    assert due_names(nb) == []


def test_a_household_visit_counts_for_everyone_living_there(nb, add_resident) -> None:
    li = add_resident("李秀英", "8-2-301", tags=["失能"])
    zhang = add_resident("张国华", "8-2-301", tags=["高血压"])
    other = add_resident("王强", "8-2-302", tags=["失能"])
    household = li.household_id
    at = "2026-11-28T10:00:00+08:00"
    write.insert(
        nb,
        "visits",
        {
            "kind": "visit",
            "at": at,
            "day": "2026-11-28",
            "resident_id": None,
            "household_id": household,
            "building_id": None,
            "created_at": at,
            "updated_at": at,
        },
    )
    assert due_names(nb) == [("王强", None)]
    from gridnote.services.care import last_care_visits, next_care_visit

    assert last_care_visits(nb) == {li.id: "2026-11-28", zhang.id: "2026-11-28"}
    assert next_care_visit(nb, li.id).day == "2026-12-01"
    assert other.id not in last_care_visits(nb)


def test_the_shortest_interval_among_the_tags_applies_and_follows_the_settings(nb, add_resident) -> None:
    li = add_resident("李秀英", "8-2-301", tags=["高血压", "失能", "楼栋长"])
    insert_visit(nb, "visit", "2026-11-25", resident_id=li.id)
    [due] = care_round(nb, SUNDAY)
    assert due.tags == ("bedridden", "hypertension") and due.interval_days == 3 and due.days_overdue == 1
    set_value(nb, "care.bedridden", "5")
    assert due_names(nb) == []
    assert due_names(nb, date(2026, 11, 30)) == [("李秀英", 0)]


def registered_on(nb, resident_id: int, day: str) -> None:
    nb.execute("UPDATE residents SET created_at = ? WHERE id = ?", [f"{day}T09:00:00+08:00", resident_id])


def test_the_round_is_read_as_of_the_day_asked(nb, add_resident) -> None:
    li = add_resident("李秀英", "8-2-301", tags=["失能"])
    registered_on(nb, li.id, "2026-11-01")
    insert_visit(nb, "visit", "2026-11-20", resident_id=li.id)
    insert_visit(nb, "visit", "2026-11-29", resident_id=li.id)  # after the day asked about
    assert due_names(nb, date(2026, 11, 25)) == [("李秀英", 2)]
    assert due_names(nb) == []


def test_residents_registered_after_the_day_are_not_on_its_round(nb, add_resident) -> None:
    from gridnote.services.report import care_coverage as coverage

    li = add_resident("李秀英", "8-2-301", tags=["失能"])
    registered_on(nb, li.id, "2026-11-01")
    add_resident("王测试", "5-1-501", tags=["失能"])  # registered this morning, 11-29
    assert due_names(nb, date(2026, 11, 28)) == [("李秀英", None)]
    assert due_names(nb) == [("王测试", None), ("李秀英", None)]
    assert coverage(nb, date(2026, 11, 22), date(2026, 11, 28)) == [("bedridden", 0, 1)]
    assert coverage(nb, date(2026, 11, 23), SUNDAY) == [("bedridden", 0, 2)]


def test_untagged_and_moved_out_residents_are_not_in_the_round(nb, add_resident) -> None:
    add_resident("王强", "6-1-101", tags=["楼栋长"])  # a tag without a care interval
    add_resident("赵六", "6-1-102")
    gone = add_resident("孙七", "6-1-103", tags=["独居"])
    move_out(nb, gone.id)
    assert due_names(nb) == []


def test_daily_walk_per_building(nb, add_resident) -> None:
    for address in ("5-1-101", "6-1-101", "7-1-101"):
        add_resident("居民" + address, address)
    ids = {r["code"]: r["id"] for r in nb.rows("SELECT id, code FROM buildings")}
    insert_visit(nb, "walk", "2026-11-29", building_id=ids["5"], time="08:10")
    insert_visit(nb, "walk", "2026-11-29", building_id=ids["5"], time="15:00")
    insert_visit(nb, "walk", "2026-11-28", building_id=ids["6"])  # yesterday
    insert_visit(nb, "walk", "2026-11-29", building_id=ids["7"], undone=True)
    insert_visit(nb, "visit", "2026-11-29", building_id=ids["7"])  # not a walk
    walk = daily_walk(nb, SUNDAY)
    assert [(w.code, w.walked_at) for w in walk] == [("5", "2026-11-29T08:10:00+08:00"), ("6", None), ("7", None)]
    assert [w.walked for w in daily_walk(nb, date(2026, 11, 28))] == [False, True, False]


def test_visits_on_a_day_count_contacts_not_walks(nb, add_resident) -> None:
    li = add_resident("李秀英", "8-2-301")
    for kind in ("visit", "phone", "wechat", "emergency", "outreach"):
        insert_visit(nb, kind, "2026-11-29", resident_id=li.id)
    insert_visit(nb, "phone", "2026-11-29", resident_id=li.id, undone=True)
    insert_visit(nb, "walk", "2026-11-29", building_id=1)
    insert_visit(nb, "visit", "2026-11-28", resident_id=li.id)
    assert visits_on(nb, SUNDAY) == 5
