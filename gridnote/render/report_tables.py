"""The report as labelled tables: the one view every human-readable format draws.

Text, Markdown, HTML, CSV and XLSX all render :func:`sections` (and the
heading lines here), so a figure cannot read one way on screen and another in
the grid centre's spreadsheet. JSON renders the model itself, with codes.
Labels follow the interface language; nothing here queries the notebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from gridnote.domain.issue_terms import STATUSES
from gridnote.messages.i18n import join_groups, join_list, pick, t
from gridnote.models import Report, ReportRate
from gridnote.render.dates import long_date, short_date

SCREEN_ROWS = 10  # long lists (care visits overdue) show this many rows on the screen and in Markdown
# Readings and issues: every row of a day, a week or a month; a report over years would list
# thousands (32,000 lines, 9 s for ten years) that the exports hold anyway.
LIST_ROWS = 50


@dataclass(frozen=True)
class Percent:
    """A rate's value in percent (None: nothing to count)."""

    value: float | None

    def __str__(self) -> str:
        return "–" if self.value is None else f"{self.value:.1f}%"


class Echo(str):
    """A text that only repeats what its row already says (the state an issue's last step led to).

    Tables keep it in its column; the two-line screen view leaves it out.
    """


Cell = str | int | float | Percent | None


@dataclass(frozen=True)
class Section:
    code: str  # stable: the CSV file name in the zip, the HTML id
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    notes: tuple[str, ...] = ()  # lines under the table
    screen_notes: tuple[str, ...] | None = None  # instead of ``notes`` on the screen: with the option to type
    screen_rows: int | None = None  # text and Markdown show at most this many rows
    wrap: tuple[int, ...] | None = None  # on the screen only these columns wrap (long texts); None: any
    lines: tuple[int, int] | None = None  # on the screen: two lines an item, (number, text) then the rest


def cell_text(value: Cell) -> str:
    return "" if value is None else str(value)


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
        (t("report.about.from"), span.start.isoformat()),
        (t("report.about.to"), span.end.isoformat()),
        (t("report.about.days"), span.days),
        (t("report.about.generated"), stamp(report.generated_at)),
        (t("report.about.as_of"), stamp(report.as_of)),
        (t("report.about.privacy"), privacy_line(report)),
        (t("report.about.readings"), _readings_scope(report)),
    ]
    return Section("about", t("report.sec.about"), (t("report.col.item"), t("report.col.details")), rows)


def _readings_scope(report: Report) -> str:
    return t("report.readings_all") if report.readings_scope == "all" else t("report.readings_flagged")


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


_STEP_OF = {
    "received": "receive",
    "verified": "verify",
    "rejected": "reject",
    "referred": "refer",
    "resolved": "resolve",
    "reported": "tell",
    "rated": "rate",
    "closed": "close",
    "reopened": "reopen",
}


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


# -- the lists ---------------------------------------------------------------------------------------
def _when(iso: str, report: Report) -> str:
    """``06:30`` on the day of a one-day report; else ``11-29 06:30``, with the year if another one."""
    from gridnote.render.issues import short_time

    span = report.range
    if span.days == 1 and iso[:10] == span.start.isoformat() and len(iso) > 10:
        return iso[11:16]
    return short_time(iso, span.end)


def readings(report: Report) -> Section | None:
    from gridnote.domain.readings import READING_KINDS, format_number, measure_label, reading_text

    if not report.readings:
        return None
    rows: list[tuple[Cell, ...]] = []
    for item in report.readings:
        r = item.reading
        flags = join_groups(f"{measure_label(f.measure)} {_op(f.op)} {format_number(f.threshold)}" for f in r.flags)
        rows.append(
            (
                _when(r.at, report),
                item.resident,
                item.address,
                READING_KINDS.label(r.kind),
                f"{reading_text(r.kind, r.value, r.value2)} {r.unit}",
                flags or None,
            )
        )
    scope_all = report.readings_scope == "all"
    columns = tuple(t(f"report.col.{c}") for c in ("when", "resident", "address", "reading", "value", "threshold"))
    return Section(
        "readings",
        t("report.sec.readings_all" if scope_all else "report.sec.readings"),
        columns,
        rows,
        notes=(_readings_scope(report),),
        screen_notes=(t("report.readings_all_hint" if scope_all else "report.readings_flagged_hint"),),
        lines=(0, 1),
        screen_rows=LIST_ROWS,
    )


def _op(op: str) -> str:
    return {">=": "≥", "<=": "≤"}.get(op, op)


def care(report: Report) -> Section | None:
    from gridnote.render.common import tag_labels

    if not report.care_overdue:
        return None
    rows: list[tuple[Cell, ...]] = []
    for item in report.care_overdue:
        c = item.due
        if c.last_visit is None or c.days_overdue is None:
            last = t("report.never")
        else:
            last = t("report.last_visit", day=_when(c.last_visit, report), n=c.days_overdue)
        rows.append((c.display_name, c.address, tag_labels(c.tags), item.phone, last))
    columns = tuple(t(f"report.col.{c}") for c in ("resident", "address", "groups", "phone", "last_visit"))
    return Section("care", t("report.sec.care"), columns, rows, screen_rows=SCREEN_ROWS, wrap=(2,))


def _category(code: str, report: Report) -> str:
    from gridnote.render.issues import category_label

    return category_label(code, report.categories or None)


def _steps(steps: tuple[str, ...]) -> str:
    return " → ".join(t(f"timeline.{s}") for s in steps)


_STATUS_AFTER = {step: status for status, step in _STEP_OF.items() if status in STATUSES.codes}


def _status_after(steps: tuple[str, ...], status: str) -> str:
    """The state's label; an :class:`Echo` when the last step already says it (核实 → 已核实)."""
    label = STATUSES.label(status)
    return Echo(label) if steps and _STATUS_AFTER.get(steps[-1]) == status else label


def issues(report: Report) -> list[Section]:
    from gridnote.render.issues import place_text

    found: list[Section] = []
    if report.new_issues:
        columns = tuple(t(f"report.col.{c}") for c in ("id", "received", "issue", "category", "reporter", "status"))
        found.append(
            Section(
                "issues-new",
                t("report.sec.issues_new"),
                columns,
                [
                    (
                        i.id,
                        _when(i.received_at, report),
                        i.text,
                        _category(i.category, report),
                        " ".join(filter(None, [i.reporter, i.phone])) or (place_text(i.place) if i.place else None),
                        STATUSES.label(i.status),
                    )
                    for i in report.new_issues
                ],
                lines=(0, 2),
                screen_rows=LIST_ROWS,
            )
        )
    if report.progressed_issues:
        columns = tuple(t(f"report.col.{c}") for c in ("id", "issue", "steps", "status"))
        found.append(
            Section(
                "issues-progressed",
                t("report.sec.issues_progressed"),
                columns,
                [(i.id, i.text, _steps(i.steps), _status_after(i.steps, i.status)) for i in report.progressed_issues],
                lines=(0, 1),
                screen_rows=LIST_ROWS,
            )
        )
    if report.open_issues:
        columns = tuple(
            t(f"report.col.{c}") for c in ("id", "issue", "received", "age", "status", "deadline", "on_time")
        )
        found.append(
            Section(
                "issues-open",
                t("report.sec.issues_open"),
                columns,
                [
                    (
                        i.id,
                        i.text,
                        _when(i.received_at, report),
                        t("report.days", n=i.age_days),
                        STATUSES.label(i.status),
                        t(f"report.deadline.{i.deadline}", when=_when(i.due_at, report))
                        if i.deadline and i.due_at
                        else None,
                        t(f"report.state.{i.state}"),
                    )
                    for i in report.open_issues
                ],
                lines=(0, 1),
                screen_rows=LIST_ROWS,
            )
        )
    return found


def report_today(report: Report) -> date:
    """The day the report was made (so "tomorrow" is said only when it is)."""
    return date.fromisoformat(report.generated_at[:10])


def planned(report: Report) -> Section | None:
    from gridnote.render.tasks import who

    day = report.next_day
    if day is None or not report.planned:
        return None
    key = "report.sec.planned_tomorrow" if day == report_today(report) + timedelta(days=1) else "report.sec.planned"
    rows: list[tuple[Cell, ...]] = []
    for item in report.planned:
        time = item.time or t("when.all_day")
        where = who(item.resident, item.address, item.building)
        if item.partners:
            where = " ".join(filter(None, [where, t("today.event_with", partners=join_list(item.partners))]))
        rows.append(
            (
                f"E{item.id}" if item.kind == "event" else item.id,
                ("★ " if item.starred else "") + time,
                item.text,
                where or None,
            )
        )
    notes = (t("report.planned_others", count=report.planned_others),) if report.planned_others else ()
    hints = (t("report.planned_others_hint", count=report.planned_others),) if report.planned_others else ()
    columns = tuple(t(f"report.col.{c}") for c in ("id", "time", "item_text", "for"))
    return Section(
        "tomorrow",
        t(key, date=short_date(day, report_today(report))),
        columns,
        rows,
        notes=notes,
        screen_notes=hints,
        wrap=(2, 3),
    )


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
    found: list[Section | None] = [numbers(report), readings(report), care(report)]
    found += issues(report)
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
    head = Section(head.code, head.title, head.columns, head.rows + notes)
    return [head] + [Section(s.code, s.title, s.columns, s.rows) for s in found]
