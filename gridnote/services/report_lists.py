"""The lists of the shift-end report: readings, care visits overdue, issues, the next day's work.

Each list is read in one or two queries (ids passed as one JSON array, never
one query per row). Phone and ID numbers are masked here unless ``full``,
also inside free text (issue and task texts, contact notes), so every format
gets the same, already masked, values.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from gridnote import clock
from gridnote.domain.issue_terms import OPEN_STATUSES
from gridnote.input.text import display_name
from gridnote.models import Issue, ReportCare, ReportIssue, ReportRange, ReportReading, TimelineItem
from gridnote.output.privacy import mask_phone, mask_text
from gridnote.store import report as figures
from gridnote.store.notebook import Notebook


def _phone(phone: str | None, full: bool) -> str | None:
    return phone if full or not phone else mask_phone(phone)


def _text(text: str | None, full: bool) -> str | None:
    return text if full else mask_text(text)


# -- readings --------------------------------------------------------------------------------
def readings(nb: Notebook, span: ReportRange, *, flagged_only: bool) -> list[ReportReading]:
    """Readings taken in the range on visits not undone, in time order (only flagged ones by default)."""
    from gridnote.store.visits import reading_from_row

    rows = figures.reading_rows(nb, span.start.isoformat(), span.end.isoformat(), flagged_only=flagged_only)
    found = []
    for row in rows:
        name, alias = row["resident_name"], row["resident_alias"]
        found.append(ReportReading(reading_from_row(row), row["rid"], display_name(name, alias), row["address"]))
    return found


# -- care visits ---------------------------------------------------------------------------------
def care_overdue(nb: Notebook, day: date, *, full: bool) -> list[ReportCare]:
    """Care-group residents overdue a visit on ``day`` (never visited, or past their due day), most urgent first.

    Those due on ``day`` itself are not overdue yet; the order and the rule
    are :func:`gridnote.services.care.care_round`'s.
    """
    from gridnote.services.care import care_round

    due = [c for c in care_round(nb, day) if c.days_overdue is None or c.days_overdue > 0]
    if not due:
        return []
    from gridnote.store.residents import first_phones

    phones = first_phones(nb, sorted({c.resident_id for c in due}))
    return [ReportCare(c, _phone((phones.get(c.resident_id) or "").split(",")[0] or None, full)) for c in due]


# -- issues ------------------------------------------------------------------------------------
def issue_lists(
    nb: Notebook, span: ReportRange, moment: datetime, *, full: bool
) -> tuple[list[ReportIssue], list[ReportIssue], list[ReportIssue]]:
    """(new, progressed, still open) issues of the range, each as it stood at ``moment``.

    * new: received in the range, in the order received;
    * progressed: received earlier, with a step in the range (a note counts, an edit does not);
    * still open: received by the last day and open at ``moment``, most urgent first.
    """
    from gridnote.store.issues import issues_by_ids

    p = {"start": span.start.isoformat(), "end": span.end.isoformat()}
    steps: dict[int, list[str]] = {}
    for row in figures.steps_in(nb, p):
        steps.setdefault(row[0], []).append(row[1])
    new_ids = figures.received_in(nb, p)
    candidates = figures.open_at(nb, p["end"], clock.iso(moment))  # open at the moment
    wanted = set(new_ids) | set(steps) | set(candidates)
    if not wanted:
        return [], [], []
    rows = issues_by_ids(nb, wanted)
    status = _status_at(nb, rows, moment, span.end)
    made = {i: _report_issue(rows[i], status[i], tuple(steps.get(i, ())), moment, span.end, full) for i in rows}
    new = [made[i] for i in new_ids]
    new_set = set(new_ids)
    progressed = [made[i] for i in steps if i not in new_set]
    still_open = sorted((made[i] for i in candidates if status[i] in OPEN_STATUSES), key=_urgency)
    return new, progressed, still_open


def _status_at(nb: Notebook, issues: dict[int, Issue], moment: datetime, end: date) -> dict[int, str]:
    """Each issue's status at ``moment``: its current one when the range ends today, else from its timeline."""
    if end >= clock.today():
        return {i: issue.status for i, issue in issues.items()}
    status = figures.states_at(nb, issues, clock.iso(moment))
    return {i: status.get(i, issue.status) for i, issue in issues.items()}


def _before(stamp: str | None, moment: datetime) -> bool:
    return stamp is not None and clock.parse(stamp) <= moment


def _report_issue(
    issue: Issue, status: str, steps: tuple[str, ...], moment: datetime, end: date, full: bool
) -> ReportIssue:
    from gridnote.services.figures import issue_deadline

    deadline, due_at, passed = issue_deadline(
        status, issue.first_response_at, issue.response_due_at, issue.resolve_due_at, moment
    )
    state = "done"
    if due_at is not None:
        state = "overdue" if passed else "due-today" if clock.parse(due_at).date() == end else "on-time"
    elif status == "resolved":
        state = "to-tell" if issue.has_reporter else "to-close"
    elif status == "reported":
        state = "to-rate"
    received = date.fromisoformat(issue.received_at[:10])
    return ReportIssue(
        id=issue.id,
        text=_text(issue.text, full) or "",
        category=issue.category,
        priority=issue.priority,
        status=status,
        received_at=issue.received_at,
        reporter=issue.reporter or _text(issue.reporter_contact, full),
        phone=_phone(issue.reporter_phone, full),
        place=issue.reporter_address or issue.place,
        steps=steps,
        age_days=max((end - received).days, 0),
        deadline=deadline,
        due_at=due_at,
        state=state,
    )


_STATE_ORDER = ("overdue", "due-today", "on-time", "to-tell", "to-close", "to-rate", "done")


def _urgency(issue: ReportIssue) -> tuple[int, bool, str, int]:
    return (
        _STATE_ORDER.index(issue.state),
        issue.priority != "urgent",
        clock.iso(clock.parse(issue.due_at)) if issue.due_at else issue.received_at,
        issue.id,
    )


# -- the next day ------------------------------------------------------------------------------
def planned(nb: Notebook, day: date, *, full: bool) -> tuple[list[TimelineItem], int]:
    """The starred and timed items already planned for ``day`` (not done), and how many others."""
    from gridnote.services.agenda import timeline

    items = [item for item in timeline(nb, day) if not item.done]
    chosen = [item for item in items if item.starred or item.time is not None]
    if not full:
        chosen = [
            replace(item, text=mask_text(item.text) or "", partners=tuple(mask_text(p) or "" for p in item.partners))
            for item in chosen
        ]
    return chosen, len(items) - len(chosen)
