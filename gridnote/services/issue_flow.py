"""The steps of an issue after it is received, and which step may follow which.

::

    received ─verify─▶ verified ─refer─▶ referred ─resolve─▶ resolved ─tell─▶ reported ─rate─▶ closed
        │                  │   (refer again)   │                                      └─close─▶ closed
        └──────────────────┴──────reject───────┴─▶ rejected

* ``refer`` and ``resolve`` on a received issue verify it first (she checked
  it on the spot); ``rate`` on a resolved issue reports back first (asking
  for a rating is telling the resident). Each implied step is its own line
  of the timeline.
* A dissatisfied rating reopens the issue; ``reopen`` does the same for a
  resolved, reported or closed one ("not actually fixed") and puts a rejected
  one back to received. A reopened issue goes back to referred (if it was
  referred) or verified; its resolution and report-back are cleared (they
  stay in the timeline). A dissatisfied rating is kept until a new one is
  given (it counts against satisfaction); a manual reopen clears a
  satisfied rating, which the problem coming back proved wrong. The
  resolution deadline stays as it was unless ``--due`` sets a new one, which
  must not be in the past.
* An issue she found herself on patrol (channel ``walk``, no reporter) has
  no one to tell or to rate it: once resolved it is closed. One that came in
  through the city app or the hotline is told and rated through them.
* ``close`` ends a reported-back issue nobody rated, or a resolved one that
  nobody reported (found on patrol: there is no one to tell).
* ``reject`` fits until the issue is resolved: a duplicate or a report that
  is not real is often found only after verifying it, or when the partner it
  was referred to looks at it (the referral is then moot; she tells the
  partner herself). Rejecting a verified report takes back the point it
  earned (a new line of the ledger, :mod:`gridnote.services.points`). Once
  resolved, the work is done and on record: it is not rejected afterwards.
* ``note`` and ``edit`` fit every state. A step that does not fit is refused
  with the steps that do.
* ``--at`` records a step that happened earlier: not in the future, and a
  change of state not before the previous one (a note only not before receipt).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from gridnote import clock
from gridnote.domain.issue_terms import NOTE_KINDS, PARTNERS, RATINGS, REJECT_REASONS
from gridnote.errors import InputError, StateError
from gridnote.input.dates import When
from gridnote.input.text import one_line
from gridnote.models import Issue, IssueChange
from gridnote.services.issue_edit import edit as edit
from gridnote.services.issue_steps import ALWAYS as ALWAYS
from gridnote.services.issue_steps import NEXT as NEXT
from gridnote.services.issue_steps import allowed_steps as allowed_steps
from gridnote.services.issue_steps import first_response, future, moment_of, open_for, touch
from gridnote.services.issue_steps import next_steps as next_steps
from gridnote.services.issues import code_of, get_issue, write_step
from gridnote.store.notebook import Notebook


# -- the steps (each writes in one transaction and returns what it did) ------------------
def _verify(nb: Notebook, issue: Issue, at: datetime, note: str | None, implied: bool) -> tuple[int, int | None]:
    """Write the verification; award the reporter's point. Returns (points, balance)."""
    from gridnote.services.points import award_for_report

    stamp = clock.iso(at)
    touch(nb, issue.id, {"status": "verified", "verified_at": stamp, **first_response(issue, at)})
    write_step(
        nb,
        issue.id,
        "verify",
        at,
        text=note,
        from_status=issue.status,
        to_status="verified",
        data={"implied": True} if implied else None,
    )
    return award_for_report(nb, issue, at)


def verify(nb: Notebook, issue_id: int, *, note: str | None = None, at: datetime | None = None) -> IssueChange:
    with nb.transaction():
        issue = open_for(nb, issue_id, "verify")
        points, balance = _verify(nb, issue, moment_of(nb, issue, at), note, implied=False)
    return IssueChange(get_issue(nb, issue_id), ("verify",), points, balance)


def reject(
    nb: Notebook,
    issue_id: int,
    reason: str,
    *,
    of: int | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> IssueChange:
    """Not taken on; a verified (or referred) report gives back the point it earned."""
    from gridnote.services.points import take_back_for_report

    code = code_of(REJECT_REASONS, reason)
    with nb.transaction():
        issue = open_for(nb, issue_id, "reject")
        if of is not None:
            if of == issue_id:
                raise InputError("issue.duplicate_of_itself", id=issue_id)
            get_issue(nb, of)
            if code != "duplicate":
                raise InputError("issue.of_needs_duplicate")
        moment = moment_of(nb, issue, at)
        touch(
            nb,
            issue_id,
            {
                "status": "rejected",
                "rejected_at": clock.iso(moment),
                "reject_reason": code,
                "duplicate_of": of,
                **first_response(issue, moment),
            },
        )
        write_step(
            nb,
            issue_id,
            "reject",
            moment,
            text=note,
            from_status=issue.status,
            to_status="rejected",
            data={"reason": code, **({"of": of} if of is not None else {})},
        )
        taken, balance, spent = take_back_for_report(nb, issue, moment)
    return IssueChange(get_issue(nb, issue_id), ("reject",), -taken, balance, points_spent=spent)


def refer(
    nb: Notebook,
    issue_id: int,
    to: str,
    *,
    contact: str | None = None,
    due: When | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> IssueChange:
    partner = code_of(PARTNERS, to)
    with nb.transaction():
        issue = open_for(nb, issue_id, "refer")
        moment = moment_of(nb, issue, at)
        future(due, clock.now())
        steps: tuple[str, ...] = ("refer",)
        points, balance = 0, None
        if issue.status == "received":
            points, balance = _verify(nb, issue, moment, None, implied=True)
            steps = ("verify", "refer")
            issue = get_issue(nb, issue_id)
        due_at = clock.iso(due.to_datetime()) if due and due.time is not None else None
        touch(
            nb,
            issue_id,
            {
                "status": "referred",
                "referred_at": clock.iso(moment),
                "referred_to": partner,
                "referral_contact": contact,
                "referral_due_day": due.day.isoformat() if due else None,
                "referral_due_at": due_at,
            },
        )
        data: dict[str, Any] = {"to": partner}
        if contact:
            data["contact"] = contact
        if due:
            data["due"] = due_at or due.day.isoformat()
        write_step(nb, issue_id, "refer", moment, text=note, from_status=issue.status, to_status="referred", data=data)
    return IssueChange(get_issue(nb, issue_id), steps, points, balance)


def add_note(
    nb: Notebook,
    issue_id: int,
    text: str,
    *,
    kind: str = "progress",
    with_reporter: bool = False,
    by: str | None = None,
    photos: list[Path] | None = None,
    at: datetime | None = None,
) -> IssueChange:
    """A call, a visit, any progress; ``with_reporter`` marks contact with the reporter."""
    from gridnote.services.issues import attach_photos
    from gridnote.services.photos import check_sources, photo_batch

    text = one_line(text)
    if not text:
        raise InputError("issue.note_empty")
    kind_code = code_of(NOTE_KINDS, kind)
    sources = check_sources(photos or [])
    with photo_batch(nb.path) as batch, nb.transaction():
        issue = open_for(nb, issue_id, "note")
        moment = moment_of(nb, issue, at, change=False)
        update_id = write_step(
            nb,
            issue_id,
            "note",
            moment,
            text=text,
            actor=_actor(by),
            data={"kind": kind_code, **({"reporter": True} if with_reporter else {})},
        )
        touch(nb, issue_id, first_response(issue, moment) if with_reporter else {})
        attach_photos(nb, batch, issue_id, update_id, sources)
    return IssueChange(get_issue(nb, issue_id), ("note",), photos=len(sources))


def _actor(by: str | None) -> str | None:
    """Who acted: a partner's code when it is one (物业 → property), else the name as typed."""
    if by is None or not by.strip():
        return None
    return PARTNERS.lookup(by) or one_line(by)


def resolve(
    nb: Notebook,
    issue_id: int,
    text: str,
    *,
    by: str | None = None,
    photos: list[Path] | None = None,
    at: datetime | None = None,
) -> IssueChange:
    """What was done. On a referred issue the partner is taken as who did it unless ``by`` says otherwise."""
    from gridnote.services.issues import attach_photos
    from gridnote.services.photos import check_sources, photo_batch

    text = one_line(text)
    if not text:
        raise InputError("issue.resolution_empty")
    sources = check_sources(photos or [])
    with photo_batch(nb.path) as batch, nb.transaction():
        issue = open_for(nb, issue_id, "resolve")
        moment = moment_of(nb, issue, at)
        steps: tuple[str, ...] = ("resolve",)
        points, balance = 0, None
        if issue.status == "received":
            points, balance = _verify(nb, issue, moment, None, implied=True)
            steps = ("verify", "resolve")
            issue = get_issue(nb, issue_id)
        actor = _actor(by) or (issue.referred_to if issue.status == "referred" else None)
        touch(
            nb,
            issue_id,
            {
                "status": "resolved",
                "resolved_at": clock.iso(moment),
                "resolved_day": clock.day_of(moment),
                "resolution": text,
            },
        )
        update_id = write_step(
            nb, issue_id, "resolve", moment, text=text, actor=actor, from_status=issue.status, to_status="resolved"
        )
        attach_photos(nb, batch, issue_id, update_id, sources)
    return IssueChange(get_issue(nb, issue_id), steps, points, balance, photos=len(sources))


def _tell(nb: Notebook, issue: Issue, at: datetime, note: str | None, implied: bool) -> None:
    touch(
        nb,
        issue.id,
        {
            "status": "reported",
            "reported_at": clock.iso(at),
            "reported_day": clock.day_of(at),
            **first_response(issue, at),
        },
    )
    write_step(
        nb,
        issue.id,
        "tell",
        at,
        text=note,
        from_status=issue.status,
        to_status="reported",
        data={"implied": True} if implied else None,
    )


def tell(nb: Notebook, issue_id: int, *, note: str | None = None, at: datetime | None = None) -> IssueChange:
    """Tell the reporter what was done. An enquiry told its answer is finished: it closes (an
    enquiry is not rated, so nothing else would ever close it)."""
    with nb.transaction():
        issue = open_for(nb, issue_id, "tell")
        moment = moment_of(nb, issue, at)
        _tell(nb, issue, moment, note, implied=False)
        if not issue.is_enquiry:
            return IssueChange(get_issue(nb, issue_id), ("tell",))
        stamp = clock.iso(moment)
        touch(nb, issue_id, {"status": "closed", "closed_at": stamp, "closed_day": clock.day_of(moment)})
        write_step(
            nb,
            issue_id,
            "close",
            moment,
            from_status="reported",
            to_status="closed",
            data={"rating": None, "implied": True},
        )
    return IssueChange(get_issue(nb, issue_id), ("tell", "close"))


def rate(
    nb: Notebook, issue_id: int, rating: str, *, note: str | None = None, at: datetime | None = None
) -> IssueChange:
    """Satisfied or basically satisfied closes the issue; dissatisfied reopens it."""
    code = code_of(RATINGS, rating)
    with nb.transaction():
        issue = get_issue(nb, issue_id)
        if issue.is_enquiry:  # answered and told, it is done: an answer that did not help is reopened
            raise StateError("issue.rate_enquiry", id=issue_id)
        if not issue.has_reporter and issue.status in ("resolved", "reported"):
            raise StateError("issue.rate_no_reporter", id=issue_id)
        issue = open_for(nb, issue_id, "rate")
        moment = moment_of(nb, issue, at)
        steps: tuple[str, ...] = ()
        if issue.status == "resolved":
            _tell(nb, issue, moment, None, implied=True)
            steps = ("tell",)
            issue = get_issue(nb, issue_id)
        stamp, day = clock.iso(moment), clock.day_of(moment)
        rated = {"rating": code, "rated_at": stamp, "rated_day": day, **first_response(issue, moment)}
        if code == "dissatisfied":
            touch(nb, issue_id, rated)
            write_step(nb, issue_id, "rate", moment, text=note, from_status=issue.status, data={"rating": code})
            _reopen(nb, get_issue(nb, issue_id), moment, None, None, automatic=True)
            steps += ("rate", "reopen")
        else:
            touch(nb, issue_id, {**rated, "status": "closed", "closed_at": stamp, "closed_day": day})
            write_step(
                nb,
                issue_id,
                "rate",
                moment,
                text=note,
                from_status=issue.status,
                to_status="closed",
                data={"rating": code},
            )
            steps += ("rate",)
    return IssueChange(get_issue(nb, issue_id), steps)


def close(nb: Notebook, issue_id: int, *, note: str | None = None, at: datetime | None = None) -> IssueChange:
    """Close a reported-back issue the resident did not rate (or a resolved one nobody reported)."""
    with nb.transaction():
        issue = open_for(nb, issue_id, "close")
        moment = moment_of(nb, issue, at)
        touch(nb, issue_id, {"status": "closed", "closed_at": clock.iso(moment), "closed_day": clock.day_of(moment)})
        write_step(
            nb,
            issue_id,
            "close",
            moment,
            text=note,
            from_status=issue.status,
            to_status="closed",
            data={"rating": None},
        )
    return IssueChange(get_issue(nb, issue_id), ("close",))


def reopen_step(nb: Notebook, issue: Issue, at: datetime, reason: str | None, *, data: dict[str, Any]) -> None:
    """Reopen ``issue`` as ``issue reopen`` does, inside the caller's transaction (the city's reopen of a
    request); ``data`` goes into the step's data (who reopened it)."""
    _reopen(nb, issue, at, reason, None, automatic=False, extra=data)


def _reopen(
    nb: Notebook,
    issue: Issue,
    at: datetime,
    reason: str | None,
    due: When | None,
    *,
    automatic: bool,
    extra: dict[str, Any] | None = None,
) -> None:
    if issue.status == "rejected":
        target = "received"
        values: dict[str, Any] = {"rejected_at": None, "reject_reason": None, "duplicate_of": None}
    else:
        target = "referred" if issue.referred_to else "verified"
        values = {
            "resolved_at": None,
            "resolved_day": None,
            "resolution": None,
            "reported_at": None,
            "reported_day": None,
            "closed_at": None,
            "closed_day": None,
        }
    data: dict[str, Any] = {"rating": issue.rating} if automatic else {}
    data.update(extra or {})
    if not automatic and issue.rating is not None:
        values.update({"rating": None, "rated_at": None, "rated_day": None})  # kept in the timeline
        data["rating"] = issue.rating
    if due is not None:
        moment = due.to_datetime() if due.time is not None else clock.at(due.day).replace(hour=23, minute=59)
        values.update({"resolve_due_at": clock.iso(moment), "resolve_due_day": due.day.isoformat()})
        data["due"] = clock.iso(moment)
    touch(nb, issue.id, {**values, "status": target, "reopen_count": issue.reopen_count + 1})
    write_step(nb, issue.id, "reopen", at, text=reason, from_status=issue.status, to_status=target, data=data)


def reopen(
    nb: Notebook, issue_id: int, *, reason: str | None = None, due: When | None = None, at: datetime | None = None
) -> IssueChange:
    with nb.transaction():
        issue = open_for(nb, issue_id, "reopen")
        future(due, clock.now())
        _reopen(nb, issue, moment_of(nb, issue, at), reason, due, automatic=False)
    return IssueChange(get_issue(nb, issue_id), ("reopen",))
