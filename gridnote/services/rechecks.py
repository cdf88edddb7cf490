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

from collections.abc import Iterable
from datetime import timedelta

from gridnote import clock
from gridnote.db import Notebook
from gridnote.models import Task


def recheck_text(kinds: Iterable[str]) -> str:
    """``Re-check blood pressure, glucose`` / ``复测血压、血糖``."""
    from gridnote.i18n import join_list, t
    from gridnote.readings import READING_KINDS

    labels = join_list(dict.fromkeys(READING_KINDS.label(k) for k in kinds))
    return t("visit.recheck_task", what=labels)


def open_task_exists(nb: Notebook, resident_id: int | None, text: str) -> bool:
    """A follow-up or re-check with this text is already open for the resident."""
    return bool(nb.scalar(
        "SELECT 1 FROM tasks WHERE status = 'open' AND resident_id IS ? AND text = ?"
        " AND (source LIKE 'visit:%' OR source LIKE 'recheck:%')",
        [resident_id, text]))


def add_recheck(nb: Notebook, resident_id: int | None, visit_id: int, kinds: list[str]) -> Task | None:
    """Write the automatic re-check of a flagged visit; None when switched off or one is already open."""
    from gridnote.dates import When
    from gridnote.services import config
    from gridnote.services.tasks import add_task

    after = config.get(nb, "recheck.after")
    text = recheck_text(kinds)
    if not after or not kinds or open_task_exists(nb, resident_id, text):
        return None
    return add_task(nb, text, due=When(clock.today() + timedelta(days=after), None),
                    resident_id=resident_id, source=f"recheck:{visit_id}")


def release(nb: Notebook, visit_ids: list[int]) -> tuple[list[Task], list[Task]]:
    """Drop the open re-checks of these visits; (dropped, written again for a later flagged visit).

    Call inside the transaction that undoes or corrects the visits, after the change.
    """
    from gridnote.services.task_changes import drop

    if not visit_ids:
        return [], []
    marks = ", ".join("?" for _ in visit_ids)
    owned = nb.rows(f"SELECT id, source FROM tasks WHERE status = 'open' AND source IN ({marks})",
                    [f"recheck:{i}" for i in visit_ids])
    dropped = drop(nb, [row["id"] for row in owned])
    moved: list[Task] = []
    for row in owned:
        later = _later_flagged_visit(nb, int(row["source"].split(":")[1]), visit_ids)
        if later is not None:
            task = add_recheck(nb, later[0], later[1], later[2])
            if task is not None:
                moved.append(task)
    return dropped, moved


def _later_flagged_visit(nb: Notebook, visit_id: int,
                         excluded: list[int]) -> tuple[int, int, list[str]] | None:
    """(resident, visit, flagged kinds) of the resident's latest flagged visit after ``visit_id``
    that still stands and has no task of its own; None if there is none."""
    marks = ", ".join("?" for _ in excluded)
    row = nb.one(
        f"""
        SELECT v.id, v.resident_id FROM visits v, visits old
        WHERE old.id = ? AND v.resident_id = old.resident_id AND v.undone_at IS NULL
          AND (v.at, v.id) > (old.at, old.id) AND v.id NOT IN ({marks})
          AND EXISTS (SELECT 1 FROM readings r WHERE r.visit_id = v.id AND r.flagged = 1)
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.source IN ('visit:' || v.id, 'recheck:' || v.id))
        ORDER BY v.at DESC, v.id DESC LIMIT 1
        """,
        [visit_id, *excluded])
    if row is None:
        return None
    kinds = [r[0] for r in nb.rows("SELECT kind FROM readings WHERE visit_id = ? AND flagged = 1 ORDER BY id",
                                   [row["id"]])]
    return row["resident_id"], row["id"], kinds
