"""The afternoon call list (``gridnote calls``) and recording a call's outcome (``calls done N``).

Who to ring today, from what already waits on her (:func:`gridnote.services.followups.followups`)
and her open tasks:

1. ``first-contact`` — an issue nobody has answered yet whose response deadline has come:
   ring the reporter;
2. ``partner`` — a referred issue whose partner's promised date has come (物业 promised by
   11-30), or whose resolution deadline has come: ring the partner's contact (not again on a
   day a call was already noted on it);
3. ``report-back`` — resolved, the reporter not yet told: ring the reporter;
4. ``task`` — an open task due today or earlier whose words say it is a call (电话, 回电, 打给,
   致电, call, phone, ring): ring its resident, or, when it names family (家属, 女儿, relative …),
   her contacts.

Numbers are given in full: this list is hers, to dial from. ``calls done N "…"`` takes
line N of the list as it stands now and, in one transaction, logs the call (a ``phone`` entry
in the visit log when a resident was rung) and moves its issue on: a first contact becomes a
note with the reporter (the response), a partner's call a note by the partner (``--resolved``:
the issue is resolved with those words), a report-back the ``tell`` step; a task is done.
"""

from __future__ import annotations

import re

from gridnote import clock
from gridnote.errors import InputError, NotFoundError
from gridnote.models import Call, CallDone, CallNumber, Followup, Task
from gridnote.store.notebook import Notebook

CALL_WORDS = re.compile(r"电话|回电|打给|致电|通话|\bcall|\bphone|\bring\b", re.IGNORECASE)
FAMILY_WORDS = re.compile(
    r"家属|家人|子女|儿子|女儿|儿媳|女婿|孙|亲属|\brelatives?\b|\bfamily\b|\bson\b|\bdaughter\b", re.IGNORECASE
)
_ORDER = ("first-contact", "partner", "report-back", "task")
_PHONE = re.compile(r"(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")


def _phones(stored: str | None) -> list[str]:
    return [p for p in (stored or "").split(",") if p]


def _in_text(text: str | None) -> tuple[str | None, list[str]]:
    """A contact typed as one text (``王经理 13800001111``): the name and the numbers in it."""
    if not text:
        return None, []
    numbers = _PHONE.findall(text)
    name = " ".join(_PHONE.sub(" ", text).split()) or None
    return name, numbers


def masked(calls: list[Call], *, full: bool) -> list[Call]:
    """Copies whose numbers are masked (138****1111) unless ``full``: for a report, not for her list."""
    if full:
        return calls
    from dataclasses import replace

    from gridnote.output.privacy import mask_text

    return [
        replace(c, numbers=tuple(replace(n, phone=mask_text(n.phone) or n.phone) for n in c.numbers)) for c in calls
    ]


def is_call(task: Task) -> bool:
    return bool(CALL_WORDS.search(task.text))


def call_list(
    nb: Notebook, waiting: list[Followup] | None = None, due: list[Task] | None = None, *, with_numbers: bool = True
) -> list[Call]:
    """Today's calls, numbered in the order to make them.

    ``waiting`` and ``due``: today's follow-ups and the tasks of today and earlier, if already
    at hand (``today`` has read them); ``with_numbers=False``: without looking up the residents'
    numbers (``today`` only counts the calls).
    """
    from gridnote.services.followups import followups
    from gridnote.store.issues import called_on, issues_by_ids

    today = clock.today()
    found: list[tuple[int, Call]] = []
    resident_ids: set[int] = set()
    if waiting is None:
        waiting = followups(nb, today)
    issues = issues_by_ids(nb, {f.id for f in waiting}) if waiting else {}
    called = called_on(nb, today.isoformat()) if waiting else set()
    for f in waiting:
        issue = issues[f.id]
        reasons = set(f.reasons)
        if issue.status == "referred" and reasons & {"referral-due", "resolve-due", "resolve-overdue"}:
            if issue.id in called:  # she has rung the partner today: it waits on them now
                continue
            name, typed = _in_text(issue.referral_contact)
            since = issue.referral_due_at or issue.referral_due_day or issue.resolve_due_at
            call = Call(
                0,
                "partner",
                issue.referred_to or "",
                tuple(CallNumber(p, name) for p in typed),
                issue.text,
                issue_id=issue.id,
                since=since,
                partner=True,
            )
            found.append((1, call))
            continue
        reason = next((r for r in ("response-overdue", "response-due", "report-back") if r in reasons), None)
        if reason is None or not issue.has_reporter:
            continue
        code = "report-back" if reason == "report-back" else "first-contact"
        numbers: tuple[CallNumber, ...] = ()
        if issue.reporter_id is not None:
            resident_ids.add(issue.reporter_id)
        else:
            _, typed = _in_text(issue.reporter_contact)
            numbers = tuple(CallNumber(p) for p in typed)
        call = Call(
            0,
            code,
            issue.reporter or issue.reporter_contact or "",
            numbers,
            issue.text,
            issue_id=issue.id,
            resident_id=issue.reporter_id,
            address=issue.reporter_address,
            since=issue.resolved_at if code == "report-back" else f.deadline,
        )
        found.append((_ORDER.index(code), call))
    for task in _call_tasks(nb, due):
        if task.resident_id is not None:
            resident_ids.add(task.resident_id)
        who = task.resident or task.text
        found.append(
            (
                3,
                Call(
                    0,
                    "task",
                    who,
                    (),
                    task.text,
                    task_id=task.id,
                    resident_id=task.resident_id,
                    address=task.resident_address,
                    since=task.due_date,
                ),
            )
        )
    phones = _resident_numbers(nb, sorted(resident_ids)) if with_numbers else {}
    calls = []
    for n, (_, call) in enumerate(sorted(found, key=lambda pair: pair[0]), start=1):
        dial = call.numbers
        if call.resident_id is not None:
            family = call.reason == "task" and FAMILY_WORDS.search(call.text) is not None
            own, contacts = phones.get(call.resident_id, ((), ()))
            if family:  # tell her family: their numbers first
                dial = (*contacts, *own)
            else:  # her own phone; her contacts only when she has none
                dial = own or contacts
        calls.append(_numbered(call, n, dial))
    return calls


def call_counts(calls: list[Call]) -> dict[str, int]:
    """How many of each reason the call list holds, in the list's order (``today`` says them in one line)."""
    return {reason: n for reason in _ORDER if (n := sum(1 for c in calls if c.reason == reason))}


def _numbered(call: Call, n: int, numbers: tuple[CallNumber, ...]) -> Call:
    from dataclasses import replace

    return replace(call, n=n, numbers=numbers)


def _call_tasks(nb: Notebook, due: list[Task] | None) -> list[Task]:
    from gridnote.store.tasks import overdue_tasks, tasks_due_on

    if due is None:
        today = clock.today()
        due = tasks_due_on(nb, today) + overdue_tasks(nb, today)
    tasks = [t for t in due if t.status == "open"]
    return sorted((t for t in tasks if is_call(t)), key=lambda t: (t.due_date or "", t.due_at or "", t.id))


def _resident_numbers(nb: Notebook, ids: list[int]) -> dict[int, tuple[tuple[CallNumber, ...], tuple[CallNumber, ...]]]:
    """Each resident's own numbers and her contacts' (nearby first): (own, contacts)."""
    from gridnote.store.residents import contacts_of, first_phones

    stored = first_phones(nb, ids) if ids else {}
    found = {}
    for resident_id in ids:
        own = tuple(CallNumber(p) for p in _phones(stored.get(resident_id)))
        contacts = tuple(CallNumber(c.phone, c.name, c.relation) for c in contacts_of(nb, resident_id) if c.phone)
        found[resident_id] = (own, contacts)
    return found


# -- after the call -------------------------------------------------------------------------
def call_done(nb: Notebook, n: int, outcome: str, *, resolved: bool = False) -> CallDone:
    """Log call ``n`` of today's list with what was said, and move its issue (or task) on."""
    from gridnote.input.text import one_line
    from gridnote.services import issue_flow
    from gridnote.services.issues import get_issue

    outcome = one_line(outcome)
    if not outcome:
        raise InputError("calls.outcome_empty")
    calls = call_list(nb)
    if not 1 <= n <= len(calls):
        raise NotFoundError("calls.no_such", n=n, count=len(calls))
    call = calls[n - 1]
    if resolved and call.reason != "partner":
        raise InputError("calls.resolved_needs_partner", n=n)
    with nb.transaction():
        visit_id = _log_phone(nb, call, outcome)
        if call.reason == "task":
            from gridnote.services.task_changes import complete

            assert call.task_id is not None
            complete(nb, [call.task_id])
            return CallDone(call, visit_id, "done", None)
        assert call.issue_id is not None
        if call.reason == "first-contact":
            issue_flow.add_note(nb, call.issue_id, outcome, kind="call", with_reporter=True)
            step = "note"
        elif call.reason == "report-back":
            issue_flow.tell(nb, call.issue_id, note=outcome)
            step = "tell"
        elif resolved:
            issue_flow.resolve(nb, call.issue_id, outcome)
            step = "resolve"
        else:
            issue_flow.add_note(nb, call.issue_id, outcome, kind="call", by=call.who or None)
            step = "note"
    return CallDone(call, visit_id, step, get_issue(nb, call.issue_id).status)


def _log_phone(nb: Notebook, call: Call, outcome: str) -> int | None:
    """The call in the visit log, when a resident was rung (a partner's call is the issue's note)."""
    if call.resident_id is None:
        return None
    from gridnote.services.residents import get_resident
    from gridnote.services.visit_targets import resident_target
    from gridnote.services.visits import log_visit

    target = resident_target(nb, get_resident(nb, call.resident_id))
    result = log_visit(nb, [target], kind="phone", at=clock.now(), note=outcome, again=True)
    return result.visits[0].id
