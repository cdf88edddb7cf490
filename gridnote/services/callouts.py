"""Emergency call-outs (``log -k 应急``), shown apart in ``gridnote today`` and the report.

A call-out is a visit of kind ``emergency`` that was not undone; ``at`` is when
she left and ``back_at`` (``--until``) when she got back, if she said. The
morning agenda shows the call-outs of the last 24 hours (last night's 20:00
breaker trip on the next morning's screen); the report lists those of its range.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from gridnote import clock
from gridnote.models import Visit
from gridnote.store import visits as visit_rows
from gridnote.store.notebook import Notebook

LAST_DAY = timedelta(hours=24)


def callouts_between(nb: Notebook, start: date, end: date) -> list[Visit]:
    """Call-outs on the days ``start``–``end`` (both included), oldest first."""
    return visit_rows.filter_visits(nb, start=start.isoformat(), end=end.isoformat(), kind="emergency")


def last_day(nb: Notebook, day: date) -> list[Visit]:
    """The call-outs of the 24 hours before ``day``'s moment: now for today, the end of a past day;
    none for a day still to come."""
    today = clock.today()
    if day > today:
        return []
    moment = clock.now() if day == today else clock.at(day + timedelta(days=1))
    since = moment - LAST_DAY
    found = callouts_between(nb, since.date(), day)
    return [v for v in found if since <= clock.parse(v.at) <= moment]


def masked(visits: list[Visit], *, full: bool) -> list[Visit]:
    """The report's copies: phone and ID numbers in the notes masked unless ``full``."""
    if full:
        return visits
    from gridnote.output.privacy import mask_text

    return [replace(v, note=mask_text(v.note)) for v in visits]
