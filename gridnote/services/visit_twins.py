"""The same entry typed twice: ↑ Enter repeats the last ``gridnote log`` a moment after it was written.

An entry identical in who (resident, household, building), kind, note and
readings to one written in the last ``TWIN_MINUTES`` minutes for a moment as
close (not undone) is refused with that entry's number; ``log --again`` writes
it anyway. Two visits she dated an hour apart (``--at``) are two visits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gridnote import clock
from gridnote.errors import StateError
from gridnote.store import visits as visit_rows
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:
    from gridnote.domain.readings import ReadingInput
    from gridnote.models.visits import Target

TWIN_MINUTES = 5  # an identical entry written this recently is taken for the same one typed twice


def refuse_twin(
    nb: Notebook, targets: list[Target], kind: str, at: str, note: str | None, readings: list[ReadingInput]
) -> None:
    """Raise ``visit.twin`` naming the newest earlier entry identical to one of ``targets``' entries."""
    now = clock.iso(clock.now())
    values = [(r.kind, r.value, r.value2) for r in readings]
    for target in targets:
        twin = visit_rows.recent_twin(
            nb,
            kind=kind,
            resident_id=target.resident_id,
            household_id=target.household_id,
            building_id=target.building_id,
            note=note or None,
            readings=values,
            at=at,
            now=now,
            minutes=TWIN_MINUTES,
        )
        if twin is not None:
            written = clock.parse(twin["created_at"])
            raise StateError("visit.twin", id=twin["id"], time=f"{written:%H:%M}", minutes=TWIN_MINUTES)
