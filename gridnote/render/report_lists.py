"""The report's lists as labelled tables: readings, care visits overdue, issues, the next day's work.

Part of :func:`gridnote.render.report_tables.sections`, which every human-readable format draws.
"""

from __future__ import annotations

from datetime import date, timedelta

from gridnote.domain.issue_terms import STATUSES
from gridnote.messages.i18n import join_groups, join_list, t
from gridnote.models import Report
from gridnote.render.dates import short_date
from gridnote.render.report_parts import _STEP_OF, LIST_ROWS, SCREEN_ROWS, Cell, Count, Echo, Moment, Section


def _when(iso: str, report: Report) -> str:
    """``06:30`` on the day of a one-day report; else ``11-29 06:30``, with the year if another one."""
    from gridnote.render.labels import short_time

    span = report.range
    if span.days == 1 and iso[:10] == span.start.isoformat() and len(iso) > 10:
        return iso[11:16]
    return short_time(iso, span.end)


def _moment(iso: str, report: Report) -> Moment:
    """:func:`_when` as a cell: a spreadsheet stores the date and time."""
    return Moment(_when(iso, report), iso)


def _deadline(kind: str, iso: str, report: Report) -> Moment:
    """``response 10:00`` as a cell: a spreadsheet stores the date and time, the kind in its format."""
    return Moment(
        t(f"report.deadline.{kind}", when=_when(iso, report)), iso, t(f"report.deadline.{kind}", when="").strip()
    )


def readings_scope(report: Report) -> str:
    return t("report.readings_all") if report.readings_scope == "all" else t("report.readings_flagged")


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
                _moment(r.at, report),
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
        notes=(readings_scope(report),),
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
        if c.days_overdue is None:
            last = t("report.never")
        elif c.baseline:
            last = t("report.care_since", day=_when(c.baseline, report), n=c.days_overdue)
        else:
            last = t("report.last_visit", day=_when(c.last_visit, report), n=c.days_overdue)
        rows.append((c.display_name, c.address, tag_labels(c.tags), item.phone, last))
    columns = tuple(t(f"report.col.{c}") for c in ("resident", "address", "groups", "phone", "last_visit"))
    return Section("care", t("report.sec.care"), columns, rows, screen_rows=SCREEN_ROWS, wrap=(2,))


def callouts(report: Report) -> Section | None:
    """Emergency call-outs: when she left and got back, who, where, what she found and did."""
    from gridnote.render.visits import who_label

    if not report.callouts:
        return None
    rows: list[tuple[Cell, ...]] = []
    for v in report.callouts:
        when: str = _moment(v.at, report)
        if v.back_at:
            back = _when(v.back_at, report)
            when += "–" + (back[-5:] if v.back_at[:10] == v.day else back)  # the same day: the time says it
        minutes = v.minutes
        took = Count(t("report.minutes", n=minutes), minutes) if minutes is not None else None
        rows.append((v.id, when, took, who_label(v), v.address if v.resident else None, v.note))
    columns = tuple(t(f"report.col.{c}") for c in ("id", "when", "took", "who", "address", "note"))
    return Section("callouts", t("report.sec.callouts"), columns, rows, lines=(0, 3), screen_rows=LIST_ROWS)


def calls_left(report: Report) -> Section | None:
    """The calls of today's list not made yet (a report ending today): who, which number, what for."""
    from gridnote.render.calls import number_text, who_label, why

    if not report.calls_left:
        return None
    today = report.range.end
    rows: list[tuple[Cell, ...]] = [  # the list's own number (calls done N), not an issue's #N
        (str(c.n), who_label(c), " · ".join(number_text(n) for n in c.numbers) or None, why(c, today))
        for c in report.calls_left
    ]
    columns = tuple(t(f"report.col.{c}") for c in ("n", "who", "phone", "call_for"))
    notes = (t("report.calls_left_how"),)
    return Section(
        "calls_left", t("report.sec.calls_left"), columns, rows, notes=notes, screen_rows=LIST_ROWS, lines=(0, 1)
    )


def events(report: Report) -> Section | None:
    """Outreach events: when, what, with whom (contacts masked unless full), how many came, who of them."""
    from gridnote.domain.issue_terms import EVENT_KINDS
    from gridnote.render.events import _partners, reach

    if not report.events:
        return None
    rows: list[tuple[Cell, ...]] = []
    for e in report.events:
        alone, older = reach(e)
        when = _when(e.at, report) if e.at else _when(e.day, report)
        named = len(e.residents)
        people: str | None = None
        if named:
            people = t("report.event_people", count=e.attendees, named=named, alone=alone, older=older)
        elif e.attendees is not None:
            people = t("report.event_count", count=e.attendees)
        rows.append((e.id, when, e.title, EVENT_KINDS.label(e.kind), _partners(e, contacts=True) or None, people))
    columns = tuple(t(f"report.col.{c}") for c in ("id", "when", "event", "kind", "partners", "people"))
    return Section("events", t("report.sec.events"), columns, rows, lines=(0, 2), screen_rows=LIST_ROWS)


def event_reach(report: Report) -> Section | None:
    """Per kind of event: how many, how many came, and the residents named: living alone, aged 60+."""
    from gridnote.domain.issue_terms import EVENT_KINDS

    if not report.event_reach:
        return None
    rows: list[tuple[Cell, ...]] = [
        (EVENT_KINDS.label(r.kind), r.events, r.attendees, r.named, r.living_alone, r.aged_60)
        for r in report.event_reach
    ]
    columns = tuple(t(f"report.col.{c}") for c in ("kind", "events", "attendees", "named", "alone", "over60"))
    return Section("event-reach", t("report.sec.event_reach"), columns, rows, notes=(t("report.event_reach_how"),))


def _category(code: str, report: Report) -> str:
    from gridnote.render.labels import category_label

    return category_label(code, report.categories or None)


def _steps(steps: tuple[str, ...]) -> str:
    return " → ".join(t(f"timeline.{s}") for s in steps)


_STATUS_AFTER = {step: status for status, step in _STEP_OF.items() if status in STATUSES.codes}


def _status_after(steps: tuple[str, ...], status: str) -> str:
    """The state's label; an :class:`Echo` when the last step already says it (核实 → 已核实)."""
    label = STATUSES.label(status)
    return Echo(label) if steps and _STATUS_AFTER.get(steps[-1]) == status else label


def issues(report: Report) -> list[Section]:
    from gridnote.render.labels import place_text

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
                        _moment(i.received_at, report),
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
                        _moment(i.received_at, report),
                        Count(t("report.days", n=i.age_days), i.age_days),
                        STATUSES.label(i.status),
                        _deadline(i.deadline, i.due_at, report) if i.deadline and i.due_at else None,
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
    from gridnote.render.labels import who

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
