"""The grid centre's reports: every grid's figures and the street's, by the worker's own rules.

Rows come from the centre (:mod:`gridnote.centre.store.report`), figures and rates
from :mod:`gridnote.services.figures`, the code ``gridnote report`` runs, so a
grid's line agrees with its worker's report to the unit.
"""

from __future__ import annotations

from gridnote import clock
from gridnote.models.centre import CentreReport, GridFigures, GridInfo
from gridnote.models.report import ReportRange


def _info(r: object) -> GridInfo:
    m = r._mapping  # type: ignore[attr-defined]
    return GridInfo(
        m["notebook_id"],
        m["grid_code"],
        m["worker_name"],
        m["street"],
        int(m["last_seq"]),
        m["first_sync_at"],
        m["last_sync_at"],
        int(m["residents"]),
    )


def grids(url: str) -> list[GridInfo]:
    from gridnote.centre.store.engine import open_centre
    from gridnote.centre.store.report import grid_list

    centre = open_centre(url)
    try:
        with centre.begin() as conn:
            return [_info(r) for r in grid_list(conn)]
    finally:
        centre.close()


def centre_report(url: str, span: ReportRange) -> CentreReport:
    from gridnote.centre.store.engine import open_centre
    from gridnote.centre.store.report import grid_list, rows_by_grid
    from gridnote.domain.settings import care_tags
    from gridnote.domain.vocab import VISIT_KINDS
    from gridnote.services.care import registered_by
    from gridnote.services.figures import added_figures, added_rates, figures, rates
    from gridnote.services.report import as_of

    tags = list(care_tags())
    moment = as_of(span)
    now = clock.now()
    until = registered_by(span.end)
    centre = open_centre(url)
    try:
        with centre.begin() as conn:
            infos = {i.notebook_id: i for i in (_info(r) for r in grid_list(conn))}
            rows = rows_by_grid(conn, span.start.isoformat(), span.end.isoformat(), until, tags)
    finally:
        centre.close()
    lines = [
        GridFigures(infos[g], figures(rows[g], VISIT_KINDS.codes, moment), rates(rows[g], tags, now))
        for g in infos
        if g in rows
    ]
    # the street: every count is keyed by grid, so the grids' figures add up to the rules over all rows
    total = GridFigures(
        None,
        added_figures([line.figures for line in lines], VISIT_KINDS.codes),
        added_rates([line.rates for line in lines], tags),
    )
    groups = [c.code for c in total.rates.coverage]
    return CentreReport(span, clock.iso(moment), lines, total, groups, clock.iso(now))
