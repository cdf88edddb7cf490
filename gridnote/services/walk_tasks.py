"""The daily walk as a record, and the walk tasks that follow it.

The walk is what the visit log says: a building is walked on a day when a
``walk`` was logged for it (``gridnote today``'s "Daily walk"). A task that
asks for the walk (``巡查4栋楼``, ``巡查5号楼 ↻``, ``walk building 5``: its
text has a walk word and it is for no resident) is done by the record: once
the buildings it names are walked that day (its building; with none, every
building), logging the walk finishes it, in the same transaction, and a
repeating one moves on to its next time; undoing the walk opens it again when
the walks left that day no longer cover it. So the timeline and the walk
section never disagree.
"""

from __future__ import annotations

import re
from datetime import date

from gridnote.models import Task
from gridnote.services.task_changes import Completion, complete
from gridnote.store.notebook import Notebook

# Words of the walk (the visit kind ``walk``: 巡查, 巡楼, patrol …), as she writes them in a task.
WALK_WORDS = re.compile(r"巡查|巡楼|巡视|巡逻|\bwalk(?:s|ing)?\b|\bpatrol\b|\brounds?\b", re.IGNORECASE)


def is_walk_task(task: Task) -> bool:
    """A task that asks for the daily walk: a walk word in its text, and for no resident."""
    return task.resident_id is None and task.text_code is None and bool(WALK_WORDS.search(task.text))


def _covered(nb: Notebook, day: date, tasks: list[Task]) -> list[Task]:
    """Those of ``tasks`` whose buildings are all walked on ``day``."""
    from gridnote.services.care import daily_walk

    if not tasks:
        return []
    walk = daily_walk(nb, day)
    walked = {w.building_id for w in walk if w.walked}
    every = bool(walk) and len(walked) == len(walk)
    return [task for task in tasks if (task.building_id in walked if task.building_id is not None else every)]


def walked_tasks(nb: Notebook, day: date) -> list[Task]:
    """The open walk tasks due on ``day`` whose buildings are all walked that day."""
    from gridnote.store.tasks import tasks_due_on

    return _covered(nb, day, [task for task in tasks_due_on(nb, day) if task.status == "open" and is_walk_task(task)])


def finish_walked(nb: Notebook, day: date) -> list[Completion]:
    """Finish the walk tasks of ``day`` the walk now covers (inside the caller's transaction)."""
    done = walked_tasks(nb, day)
    return complete(nb, [task.id for task in done]) if done else []


def reopen_unwalked(nb: Notebook, day: date, since: str) -> list[Task]:
    """Open again the walk tasks done on ``day`` at or after ``since`` (when the walks just undone were
    logged) that the walks left that day no longer cover, inside the caller's transaction.

    A repeating task takes back its time when that time is still its last one; a task she finished
    again since is left as it is.
    """
    from gridnote.services.task_changes import reopen
    from gridnote.store.tasks import done_since, last_closed_in_series

    done = [task for task in done_since(nb, day.isoformat(), since) if is_walk_task(task)]
    still = {task.id for task in _covered(nb, day, done)}
    undone = [
        task
        for task in done
        if task.id not in still and (not task.series_id or last_closed_in_series(nb, task.series_id) == task.id)
    ]
    return [r.task for r in reopen(nb, [task.id for task in undone])] if undone else []
