"""Automatic re-check tasks (``config set recheck.after N``): one open per resident and reading.

A flagged reading writes a re-check task due N days later, owned by its
visit (``source = "recheck:<visit id>"``), unless the same re-check is
already open for the resident: then the later visit relies on that one.
So when the owning visit is undone, or its reading corrected to normal, the
re-check is dropped and, if a later flagged visit of the same resident still
stands without a task of its own, it is written again for that visit:
a flagged reading never stands without its re-check.
"""

from __future__ import annotations

from datetime import date, timedelta

from gridnote import clock
from gridnote.models import Task
from gridnote.store import tasks as task_rows
from gridnote.store import visits as visit_rows
from gridnote.store.notebook import Notebook


def open_recheck(nb: Notebook, resident_id: int | None, kinds: list[str]) -> Task | None:
    """The open re-check that already covers every one of these flagged readings of the resident.

    An automatic re-check is known by its source (``recheck:N``) and covers
    what visit N has flagged. A follow-up (``visit:N``) counts when gridnote
    named it after the flagged readings (``log -f "in 2 days"`` on a flagged
    visit: its words are the code ``recheck:…``).
    """
    from gridnote.services.tasks import get_task

    rows = task_rows.covering_rows(nb, resident_id)
    covers: dict[int, list[str]] = {}
    for row in rows:
        covers.setdefault(row["id"], []).append(row["kind"])
    codes = {row["id"]: (row["text_code"] or "", row["source"]) for row in rows}
    for task_id, covered in covers.items():
        code, source = codes[task_id]
        if source.startswith("visit:") and not code.startswith("recheck:"):
            continue  # a follow-up of its own ("上门复测"), not the re-check
        if set(kinds) <= set(covered):
            return get_task(nb, task_id)
    return None


def add_recheck(nb: Notebook, resident_id: int | None, visit_id: int, kinds: list[str]) -> Task | None:
    """Write the automatic re-check of a flagged visit; None when switched off or one is already open.

    Due ``recheck.after`` days after the visit's own day, also when it is
    written later (the re-check moved to this visit, or a visit logged
    afterwards); a day already past is today: the worker learns of it only
    now, and a task born overdue would read as a re-check forgotten.
    """
    from gridnote.domain.task_words import recheck_code
    from gridnote.input.dates import When
    from gridnote.services import settings as config
    from gridnote.services.tasks import add_task

    after = config.get(nb, "recheck.after")
    if not after or not kinds or open_recheck(nb, resident_id, kinds) is not None:
        return None
    day = date.fromisoformat(visit_rows.day_of(nb, visit_id))
    due = max(day + timedelta(days=after), clock.today())
    return add_task(
        nb,
        "",
        text_code=recheck_code(kinds),
        due=When(due, None),
        resident_id=resident_id,
        source=f"recheck:{visit_id}",
    )


def release(nb: Notebook, visit_ids: list[int]) -> tuple[list[Task], list[Task]]:
    """Drop the open re-checks of these visits; (dropped, written again for a later flagged visit).

    Call inside the transaction that undoes or corrects the visits, after the change.
    """
    from gridnote.services.task_changes import drop

    if not visit_ids:
        return [], []
    owned = task_rows.open_sources(nb, [f"recheck:{i}" for i in visit_ids])
    dropped = drop(nb, [row["id"] for row in owned])
    moved: list[Task] = []
    for row in owned:
        later = _later_flagged_visit(nb, int(row["source"].split(":")[1]), visit_ids)
        if later is not None:
            task = add_recheck(nb, later[0], later[1], later[2])
            if task is not None:
                moved.append(task)
    return dropped, moved


def _later_flagged_visit(nb: Notebook, visit_id: int, excluded: list[int]) -> tuple[int, int, list[str]] | None:
    """(resident, visit, flagged kinds) of the resident's latest flagged visit after ``visit_id``
    that still stands and has no task of its own; None if there is none."""
    row = task_rows.later_flagged_visit(nb, visit_id, excluded)
    if row is None:
        return None
    return row["resident_id"], row["id"], visit_rows.flagged_kinds(nb, row["id"])
