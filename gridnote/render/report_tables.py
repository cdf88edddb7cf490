"""The report as labelled tables: the one view every human-readable format draws.

Text, Markdown, HTML, CSV and XLSX all render :func:`sections` (and the
heading lines here), so a figure cannot read one way on screen and another in
the grid centre's spreadsheet. JSON renders the model itself, with codes.
Labels follow the interface language; nothing here queries the notebook.
"""

from __future__ import annotations

from gridnote.messages.i18n import pick, t
from gridnote.models import Report, ReportRate
from gridnote.render.dates import long_date
from gridnote.render.report_lists import (
    callouts,
    calls_left,
    care,
    event_reach,
    events,
    issues,
    planned,
    readings,
    readings_scope,
)
from gridnote.render.report_parts import _STEP_OF, Cell, Moment, Percent, Section


# -- the heading ---------------------------------------------------------------------------
def title(report: Report) -> str:
    span = report.range
    if span.period == "day":
        return t("report.title.day", date=long_date(span.start))
    return t(f"report.title.{span.period}", start=span.start.isoformat(), end=span.end.isoformat())


def stamp(iso: str) -> str:
    """``2026-11-29 18:00``."""
    return iso[:16].replace("T", " ")


def privacy_line(report: Report, *, hints: bool = False) -> str:
    """Masked or full; ``hints`` adds the option that changes it (the screen only: a page or a
    spreadsheet goes to people who do not type commands)."""
    if hints:
        return t("report.full") if report.full else t("report.masked")
    return t("report.full_plain") if report.full else t("report.masked_plain")


def heading_lines(report: Report, *, hints: bool = False) -> list[str]:
    """Under the title: when it was made, the privacy line, and the moment states are judged at."""
    lines = [t("report.generated", when=stamp(report.generated_at)), privacy_line(report, hints=hints)]
    if report.as_of[:16] != report.generated_at[:16]:
        lines.append(t("report.as_of", when=stamp(report.as_of)))
    return lines


def about(report: Report) -> Section:
    span = report.range
    rows: list[tuple[Cell, ...]] = [
        (t("report.about.report"), title(report)),
        (t("report.about.from"), Moment(span.start.isoformat(), span.start.isoformat())),
        (t("report.about.to"), Moment(span.end.isoformat(), span.end.isoformat())),
        (t("report.about.days"), span.days),
        (t("report.about.generated"), Moment(stamp(report.generated_at), report.generated_at)),
        (t("report.about.as_of"), Moment(stamp(report.as_of), report.as_of)),
        (t("report.about.privacy"), privacy_line(report)),
        (t("report.about.readings"), readings_scope(report)),
    ]
    return Section("about", t("report.sec.about"), (t("report.col.item"), t("report.col.details")), rows)


# -- the numbers -------------------------------------------------------------------------------
def _numbers_title(report: Report) -> str:
    return t("report.sec.numbers.day") if report.range.days == 1 else t("report.sec.numbers.range")


def _walks_note(report: Report) -> str:
    n, span = report.numbers, report.range
    if span.days == 1:
        return t("report.n.walks_of_day", buildings=n.buildings)
    return t("report.n.walks_of_range", expected=n.buildings * span.days, buildings=n.buildings, days=span.days)


def numbers(report: Report) -> Section:
    """One row per figure (the grid centre's table): always every row, zeros included."""
    n = report.numbers
    end = report.range.end.isoformat()
    reach = t("report.n.reach_note")
    rows: list[tuple[Cell, ...]] = [
        (t(f"report.n.{kind}"), n.visits.get(kind, 0), None)
        for kind in ("visit", "phone", "wechat", "emergency", "outreach")
    ]
    rows += [
        (t("report.n.residents"), n.residents_reached, reach),
        (t("report.n.households"), n.households_reached, reach),
        (t("report.n.walks"), n.walks, _walks_note(report)),
        (t("report.n.readings"), n.readings, None),
        (t("report.n.flagged"), n.readings_flagged, None),
    ]
    rows += [(t(f"report.n.issue.{step}"), count, None) for step, count in n.issues.items()]
    rows += [(t(f"report.n.enquiry.{step}"), count, None) for step, count in n.enquiries.items()]
    rows += [
        (t("report.n.tasks_done"), n.tasks_done, None),
        (t("report.n.carried"), n.tasks_carried_over, t("report.n.carried_note", day=end)),
        (t("report.n.events"), n.events, None),
        (t("report.n.attendees"), n.attendees, None),
        (t("report.n.points"), n.points_awarded, t("report.n.points_note", count=n.points_residents)),
        *([(t("report.n.taken_back"), n.points_taken_back, None)] if n.points_taken_back else []),
        (t("report.n.redeemed"), n.points_redeemed, None),
        (t("report.n.care"), n.care_overdue, t("report.n.care_note", day=end)),
    ]
    columns = (t("report.col.item"), t("report.col.count"), t("report.col.details"))
    return Section("numbers", _numbers_title(report), columns, rows, wrap=(2,))


def _joined(parts: list[str]) -> str:
    return " · ".join(parts) if parts else t("report.s.none")


def summary_lines(report: Report) -> tuple[str, list[tuple[str, str]]]:
    """The numbers in a few lines (the screen and a chat message): (title, [(label, text)])."""
    from gridnote.domain.vocab import VISIT_KINDS

    n, span = report.numbers, report.range
    visits = [f"{VISIT_KINDS.label(kind)} {count}" for kind, count in n.visits.items() if count and kind != "walk"]
    if span.days == 1:
        walks = t("report.s.walks_day", walks=n.walks, buildings=n.buildings)
    else:
        walks = t(
            "report.s.walks_range",
            walks=n.walks,
            expected=n.buildings * span.days,
            buildings=n.buildings,
            days=span.days,
        )
    issues = [f"{t('timeline.' + _STEP_OF[step])} {count}" for step, count in n.issues.items() if count]
    lines = [
        (t("report.s.visits"), f"{n.contacts}" + (" · " + " · ".join(visits) if visits else "")),
        (t("report.s.reach"), t("report.s.reach_text", residents=n.residents_reached, households=n.households_reached)),
        (t("report.s.walks"), walks),
        (t("report.s.readings"), t("report.s.readings_text", taken=n.readings, flagged=n.readings_flagged)),
        (t("report.s.issues"), _joined(issues)),
        *(
            [(t("report.s.enquiries"), t("report.s.enquiries_text", **n.enquiries))]
            if any(n.enquiries.values())
            else []
        ),
        (t("report.s.tasks"), t("report.s.tasks_text", done=n.tasks_done, carried=n.tasks_carried_over)),
        (t("report.s.events"), t("report.s.events_text", count=n.events, attendees=n.attendees)),
        (
            t("report.s.points"),
            t(
                "report.s.points_text",
                awarded=n.points_awarded,
                residents=n.points_residents,
                redeemed=n.points_redeemed,
            )
            + (t("report.s.points_taken_back", count=n.points_taken_back) if n.points_taken_back else ""),
        ),
        (t("report.s.care"), t("report.s.care_text", count=n.care_overdue)),
    ]
    return _numbers_title(report), lines


def _how(rate: ReportRate) -> str:
    if rate.code == "satisfaction":
        p = rate.parts
        return t(
            "report.rate.satisfaction_how",
            satisfied=p.get("satisfied", 0),
            basically=p.get("basically-satisfied", 0),
            rated=rate.denominator,
            dissatisfied=p.get("dissatisfied", 0),
        )
    how = t(f"report.rate.{rate.code}_how")
    return how + pick("; ", "；") + t("report.rate.pending", count=rate.pending) if rate.pending else how


def rates(report: Report) -> list[Section]:
    from gridnote.domain.vocab import CARE_TAGS

    if report.rates is None:
        return []
    r = report.rates
    columns = tuple(t(f"report.col.{c}") for c in ("rate", "met", "of", "percent", "counted"))
    rows: list[tuple[Cell, ...]] = [
        (t(f"report.rate.{rate.code}"), rate.numerator, rate.denominator, Percent(rate.percent), _how(rate))
        for rate in (r.response, r.resolution, r.satisfaction)
    ]
    found = [Section("rates", t("report.sec.rates"), columns, rows, wrap=(4,))]
    if r.coverage:
        columns = tuple(t(f"report.col.{c}") for c in ("group", "visited", "residents", "percent"))
        found.append(
            Section(
                "coverage",
                t("report.sec.coverage"),
                columns,
                [(CARE_TAGS.label(c.code), c.numerator, c.denominator, Percent(c.percent)) for c in r.coverage],
                notes=(t("report.coverage_how"),),
            )
        )
    return found


def sections(report: Report) -> list[Section]:
    """Every section with something in it, in reading order (the numbers always; ``about`` is apart)."""
    found: list[Section | None] = [
        numbers(report),
        callouts(report),
        events(report),
        event_reach(report),
        readings(report),
        care(report),
    ]
    found += issues(report)
    found.append(calls_left(report))
    found.append(planned(report))
    found += rates(report)
    return [s for s in found if s is not None]


def table_sections(report: Report) -> list[Section]:
    """For CSV and XLSX: ``about`` first, then the sections as clean tables.

    The notes under the tables move to ``about`` (one row each, named by the
    section), so every other sheet or file is a header row and data rows only.
    """
    found = sections(report)
    head = about(report)
    notes = [(s.title, line) for s in found for line in s.notes]
    head = Section(head.code, head.title, head.columns, [*head.rows, *notes])
    return [head] + [Section(s.code, s.title, s.columns, s.rows) for s in found]
