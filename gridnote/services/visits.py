"""Visits, calls, building walks and their readings: what ``gridnote log`` writes.

Who a visit is for (a :class:`Target`):

* a resident (``李奶奶``, ``lnn``, ``#1``): ``resident_id`` plus her household and
  building at the time of the visit;
* a household address (``8-2-301``): if exactly one resident lives there it is
  that resident's visit; otherwise a household visit (``resident_id`` NULL),
  which counts as a visit to everyone living there;
* a building (``--building 5``, ``5号楼``): ``building_id`` only; kind ``walk``
  by default, which marks the building walked that day.

Every row gets ``day`` (the local day of ``at``) and ``building_id``, so the
agenda's per-day and per-building questions use an index. Nothing is
erased: ``undo`` sets ``undone_at`` and edits keep a before-image in
``revisions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from gridnote import clock
from gridnote.domain.readings import ReadingInput, evaluate, flags_to_text, threshold_keys
from gridnote.errors import InputError, NotFoundError, StateError
from gridnote.messages.i18n import join_list
from gridnote.models import LogResult, Resident, Task, UndoResult, Visit
from gridnote.models.visits import Target
from gridnote.services.care import CARE_KINDS, next_care_visit
from gridnote.services.rechecks import add_recheck, open_recheck, release
from gridnote.services.visit_input import FollowUp, visit_until
from gridnote.services.visit_twins import refuse_twin
from gridnote.store import buildings as building_rows
from gridnote.store import residents as resident_rows
from gridnote.store import tasks as task_rows
from gridnote.store import visits as visit_rows
from gridnote.store import write
from gridnote.store.notebook import Notebook


@dataclass
class VisitChanges:
    """What ``log edit`` changes; ``None`` means "leave as it is"."""

    kind: str | None = None
    at: datetime | None = None
    until: str | None = None  # ``--until`` as typed: read after the (new) start, '' clears it
    note: str | None = None
    target: Target | None = None
    readings: list[ReadingInput] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)  # reading kinds to remove
    follow_up: FollowUp | None = None

    def empty(self) -> bool:
        return (
            self.kind is None
            and self.at is None
            and self.until is None
            and self.note is None
            and self.target is None
            and not self.readings
            and not self.drop
            and self.follow_up is None
        )


# -- writing -------------------------------------------------------------------------------
def thresholds(nb: Notebook) -> dict[str, float]:
    from gridnote.services.settings import get

    return {key: get(nb, key) for key in threshold_keys()}


def _insert_reading(
    nb: Notebook,
    visit_id: int,
    resident_id: int | None,
    reading: ReadingInput,
    limits: dict[str, float],
    at: str,
    day: str,
) -> bool:
    flags = evaluate(reading, limits)
    write.insert(
        nb,
        "readings",
        {
            "visit_id": visit_id,
            "resident_id": resident_id,
            "kind": reading.kind,
            "value": reading.value,
            "value2": reading.value2,
            "unit": reading.unit,
            "flagged": int(bool(flags)),
            "flag_reason": flags_to_text(flags),
            "at": at,
            "day": day,
        },
    )
    return bool(flags)


def _check_fits(nb: Notebook, kind: str, target: Target, readings: list[ReadingInput]) -> None:
    if readings and target.resident_id is None:
        if target.household_id is not None:
            members = resident_rows.member_names(nb, target.household_id)
            if members:
                raise InputError(
                    "visit.readings_need_member", address=target.label, count=len(members), members=join_list(members)
                )
        raise InputError("visit.readings_need_resident", who=target.label)
    if kind == "walk" and not target.is_building:
        from gridnote.store.buildings import building_code

        code = building_code(nb, target.building_id) if target.building_id is not None else None
        if code is None:
            raise InputError("visit.walk_needs_building", who=target.label)
        raise InputError("visit.walk_in_their_building", who=target.label, code=code)  # his own, not building 5


def log_visit(
    nb: Notebook,
    targets: list[Target],
    *,
    kind: str,
    at: datetime,
    note: str | None = None,
    readings: list[ReadingInput] | None = None,
    follow_up: FollowUp | None = None,
    again: bool = False,
    back: datetime | None = None,
) -> LogResult:
    """Write one visit per target (several for a walk of several buildings), all or nothing.

    An entry identical in who, kind, note and readings to one written in the
    last ``visit_twins.TWIN_MINUTES`` (↑ Enter pressed again) is refused with that entry's
    number, and nothing is written; ``again`` writes it anyway.
    """
    from gridnote.input.text import MAX_NOTE, check_length

    check_length(note, MAX_NOTE)
    readings = readings or []
    for target in targets:
        _check_fits(nb, kind, target, readings)
    limits = thresholds(nb) if readings else {}
    stamp, day, now = clock.iso(at), clock.day_of(at), clock.iso(clock.now())
    ids: list[int] = []
    tasks: list[Task] = []
    flagged: list[str] = []
    covering: Task | None = None
    with nb.transaction():
        if not again:
            refuse_twin(nb, targets, kind, stamp, note, readings)
        for target in targets:
            visit_id = write.insert(
                nb,
                "visits",
                {
                    "kind": kind,
                    "at": stamp,
                    "day": day,
                    "resident_id": target.resident_id,
                    "household_id": target.household_id,
                    "building_id": target.building_id,
                    "note": note or None,
                    "created_at": now,
                    "updated_at": now,
                    "back_at": clock.iso(back) if back is not None else None,
                },
            )
            ids.append(visit_id)
            for reading in readings:
                if _insert_reading(nb, visit_id, target.resident_id, reading, limits, stamp, day):
                    flagged.append(reading.kind)
        first = targets[0]
        if follow_up is not None:
            tasks.append(_follow_up_task(nb, follow_up, first, ids[0], len(targets) == 1, flagged))
        elif flagged:
            covering = open_recheck(nb, first.resident_id, flagged)
            if covering is None and (recheck := add_recheck(nb, first.resident_id, ids[0], flagged)) is not None:
                tasks.append(recheck)
        walk_done = []
        if kind == "walk":
            from gridnote.services.walk_tasks import finish_walked

            walk_done = [(c.task, c.next) for c in finish_walked(nb, date.fromisoformat(day))]

    visits = [get_visit(nb, i) for i in ids]
    care = next_care_visit(nb, first.resident_id) if kind in CARE_KINDS and first.resident_id else None
    return LogResult(
        visits,
        tasks,
        care,
        recheck_suggested=bool(flagged) and not tasks and covering is None,
        recheck_open=covering,
        walk_done=walk_done,
    )


def _follow_up_task(
    nb: Notebook, follow_up: FollowUp, target: Target, visit_id: int, single: bool, flagged: list[str]
) -> Task:
    from gridnote.domain.task_words import follow_up_code, recheck_code
    from gridnote.services.tasks import add_task

    household = target.resident_id is None and target.household_id is not None
    text, code = follow_up.text, None
    if not text:  # gridnote's words, kept as a code and said in the interface language when shown
        if flagged:
            code = recheck_code(flagged)
        else:
            building = None
            if not household and target.resident_id is None and target.building_id is not None:
                building = building_rows.building_code(nb, target.building_id)
            code = follow_up_code(target.resident_id, target.label if household else None, building)
    building_id = target.building_id if single and target.resident_id is None else None
    note = target.label if household else None
    return add_task(
        nb,
        text or "",
        text_code=code,
        due=follow_up.when,
        resident_id=target.resident_id,
        building_id=building_id,
        note=note,
        source=f"visit:{visit_id}",
    )


def edit_visit(nb: Notebook, visit_id: int, changes: VisitChanges) -> LogResult:
    """Correct a visit; every row changed keeps its before-image in ``revisions``."""
    from gridnote.messages.i18n import t

    current = get_visit(nb, visit_id)
    if current.undone_at is not None:
        raise StateError("visit.edit_undone", id=visit_id)
    if changes.empty():
        raise InputError("visit.nothing_to_edit")
    from gridnote.input.text import MAX_NOTE, check_length

    check_length(changes.note, MAX_NOTE)
    target = changes.target or Target(
        current.resident_id,
        current.household_id,
        current.building_id,
        current.resident or current.address or t("building.label", code=current.building),
    )
    kind = changes.kind or current.kind
    kept = [r for r in current.readings if r.kind not in changes.drop]
    _check_fits(nb, kind, target, [*changes.readings, *(ReadingInput(r.kind, r.value, r.value2) for r in kept)])
    unknown = [k for k in changes.drop if k not in {r.kind for r in current.readings}]
    if unknown:
        from gridnote.domain.readings import READING_KINDS

        raise InputError("visit.no_such_reading", id=visit_id, kind=join_list(READING_KINDS.label(k) for k in unknown))
    at = changes.at or clock.parse(current.at)
    stamp, day, now = clock.iso(at), clock.day_of(at), clock.iso(clock.now())
    limits = thresholds(nb) if changes.readings else {}
    flagged: list[str] = []
    tasks: list[Task] = []
    dropped: list[Task] = []
    moved: list[Task] = []
    with nb.transaction():
        values: dict[str, Any] = {
            "kind": kind,
            "at": stamp,
            "day": day,
            "resident_id": target.resident_id,
            "household_id": target.household_id,
            "building_id": target.building_id,
            "updated_at": now,
        }
        if changes.note is not None:
            values["note"] = changes.note or None
        if changes.until is not None:
            values["back_at"] = clock.iso(visit_until(changes.until, at)) if changes.until else None
        elif current.back_at and clock.parse(current.back_at) <= at:  # nothing lost: she says the new end
            raise InputError("visit.until_before", text=current.back_at[11:16], at=stamp[:16].replace("T", " "))
        write.update(nb, "visits", visit_id, values, revision="edit")
        replaced = {r.kind for r in changes.readings}
        for reading in current.readings:
            if reading.kind in changes.drop or reading.kind in replaced:
                write.delete(nb, "readings", reading.id, revision="delete" if reading.kind in changes.drop else "edit")
            elif (reading.at, reading.day) != (stamp, day) or target.resident_id != current.resident_id:
                values = {"at": stamp, "day": day, "resident_id": target.resident_id}
                write.update(nb, "readings", reading.id, values, revision="edit")
        for reading in changes.readings:
            if _insert_reading(nb, visit_id, target.resident_id, reading, limits, stamp, day):
                flagged.append(reading.kind)
        if changes.readings or changes.drop:
            still_flagged = visit_rows.count_flagged(nb, visit_id)
            if not still_flagged:  # corrected to normal: its re-check goes (or to a later flagged visit)
                dropped, moved = release(nb, [visit_id])
        if target.resident_id != current.resident_id:
            for task_id in task_rows.open_from(nb, [f"visit:{visit_id}", f"recheck:{visit_id}"]):
                write.update(
                    nb, "tasks", task_id, {"resident_id": target.resident_id, "updated_at": now}, revision="edit"
                )
        if changes.follow_up is not None:
            flagged_kinds = flagged or [r.kind for r in kept if r.flagged and r.kind not in replaced]
            task = _follow_up_task(nb, changes.follow_up, target, visit_id, True, flagged_kinds)
            twin = task_rows.open_twin(nb, task)
            if twin is not None:  # the same follow-up asked for twice: keep the first one
                write.delete(nb, "tasks", task.id, revision=None)
                from gridnote.services.tasks import get_task

                task = get_task(nb, twin)
            tasks.append(task)
        covering = open_recheck(nb, target.resident_id, flagged) if flagged and not tasks else None

    care = next_care_visit(nb, target.resident_id) if kind in CARE_KINDS and target.resident_id else None
    return LogResult(
        [get_visit(nb, visit_id)],
        tasks,
        care,
        recheck_suggested=bool(flagged) and not tasks and covering is None,
        recheck_open=covering,
        dropped_tasks=dropped,
        moved_rechecks=moved,
    )


def last_entry(nb: Notebook, action: str = "edit") -> int:
    """The number of the last entry logged (not undone): what ``log edit``/``log undo`` act on.

    With none, the error tells an empty log from one whose entries are all
    undone (``action``: ``edit`` or ``undo``, for "nothing left to …").
    """
    visit_id = visit_rows.last_standing(nb)
    if visit_id is None:
        if visit_rows.count_visits(nb):
            raise StateError(f"visit.all_undone.{action}")
        raise StateError("visit.no_entries")
    return visit_id


def undo_visit(nb: Notebook, visit_id: int | None = None) -> UndoResult:
    """Mark the last entry (or visit ``visit_id``) as undone; its open follow-up tasks are dropped
    (an automatic re-check moves to a later flagged visit that still stands: see ``rechecks``)."""
    from gridnote.services.task_changes import drop

    last = visit_id is None
    if visit_id is None:
        visit_id = last_entry(nb, "undo")
    visit = get_visit(nb, visit_id)
    if visit.undone_at is not None:
        raise StateError("visit.already_undone", id=visit_id, at=visit.undone_at[:16].replace("T", " "))
    ids = [visit_id]
    if last and visit.kind == "walk":  # one command walks several buildings: log -b 5 -b 6 巡查
        ids = visit_rows.walk_group(nb, visit_id, visit.created_at, visit.note) or [visit_id]
    now = clock.iso(clock.now())
    task_ids = task_rows.open_from(nb, [f"visit:{i}" for i in ids])
    with nb.transaction():
        for entry in ids:
            write.update(nb, "visits", entry, {"undone_at": now, "updated_at": now}, revision="undo")
        dropped = drop(nb, task_ids)
        released, moved = release(nb, ids)
        reopened = []
        if visit.kind == "walk":
            from gridnote.services.walk_tasks import reopen_unwalked

            since = min(get_visit(nb, i).created_at for i in ids)
            reopened = reopen_unwalked(nb, date.fromisoformat(visit.day), since)
    return UndoResult(
        get_visit(nb, visit_id),
        sorted(dropped + released, key=lambda task: task.id),
        [get_visit(nb, i) for i in ids if i != visit_id],
        moved,
        reopened,
    )


# -- reading back --------------------------------------------------------------------------
def get_visit(nb: Notebook, visit_id: int) -> Visit:
    found = visit_rows.visit(nb, visit_id)
    if found is None:
        raise NotFoundError("visit.not_found", id=visit_id)
    return found


def list_visits(
    nb: Notebook,
    *,
    start: date | None = None,
    end: date | None = None,
    resident: Resident | None = None,
    building_id: int | None = None,
    kind: str | None = None,
    include_undone: bool = False,
) -> list[Visit]:
    """Visits between two local days (inclusive), oldest first.

    A resident's visits include household visits to the household she lives in.
    """
    return visit_rows.filter_visits(
        nb,
        start=start.isoformat() if start is not None else None,
        end=end.isoformat() if end is not None else None,
        resident_id=resident.id if resident is not None else None,
        household_id=resident.household_id if resident is not None else None,
        building_id=building_id,
        kind=kind,
        include_undone=include_undone,
    )
