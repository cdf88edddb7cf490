"""Issues as confirmation lines, a list and a card with its timeline (JSON: render/issues_json.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from gridnote.domain.issue_terms import (
    CHANNELS,
    KINDS,
    NOTE_KINDS,
    PARTNERS,
    PRIORITIES,
    RATINGS,
    REJECT_REASONS,
    STATUSES,
)
from gridnote.messages.i18n import pick, t
from gridnote.models import Category, Issue, IssueChange, IssueDetail, IssueUpdate
from gridnote.render.common import join_list, note, ok, on_screen, table, with_left_out
from gridnote.render.labels import category_label, place_text, short_time

if TYPE_CHECKING:
    from rich.console import RenderableType


# -- small pieces ---------------------------------------------------------------------
def actor_label(actor: str | None) -> str:
    if not actor:
        return ""
    return PARTNERS.label(actor) if actor in PARTNERS else actor


def who(issue: Issue) -> str:
    """The reporter as she knows them: name, else what was noted about them."""
    return issue.reporter or issue.reporter_contact or "-"


def place_label(issue: Issue) -> str:
    if issue.place is None:
        return t("building.label", code=issue.building) if issue.building else "-"
    return place_text(issue.place)


def _due_cell(issue: Issue, now: datetime) -> Any:
    from rich.text import Text

    if issue.status == "resolved":
        return Text(t("issue.to_tell"), style="yellow")
    if issue.status == "reported":
        return Text(t("issue.to_rate"), style="dim")
    if issue.status in ("closed", "rejected"):  # a labelled day, not something that reads like a deadline
        ended = issue.closed_at if issue.status == "closed" else issue.rejected_at
        return Text(t(f"issue.{issue.status}_short", day=short_time((ended or "")[:10], now.date())), style="dim")
    due = issue.next_deadline()
    if due is None:
        return Text(t("issue.to_answer"), style="yellow") if issue.is_enquiry and issue.is_open else Text("")
    shown = short_time(due[1], now.date())
    if issue.overdue(now):
        return Text(t("issue.overdue_short", when=shown), style="bold red")
    return Text(shown)


# -- confirmations ------------------------------------------------------------------------
def change_lines(change: IssueChange, today: date, cats: list[Category] | None = None) -> RenderableType:
    from rich.console import Group

    issue = change.issue
    lines: list[Any] = []
    for step in change.steps:
        lines.extend(_step_lines(step, issue, today, cats))
        if step in ("verify", "edit") and change.points > 0:
            lines.append(note("points.earned", name=who(issue), points=change.points, balance=change.balance))
        if step in ("reject", "edit") and change.points < 0:
            lines.append(note("points.taken_back", name=who(issue), points=-change.points, balance=change.balance))
        if step in ("reject", "edit") and change.points_spent:
            key = "points.partly_spent" if change.points else "points.already_spent"
            lines.append(note(key, points=change.points_spent))
    if change.photos:
        lines.append(note("issue.photos_kept", count=change.photos))
    hint = _next_hint(issue, change.steps[-1])
    if hint is not None:
        lines.append(hint)
    return Group(*lines)


def _step_lines(step: str, issue: Issue, today: date, cats: list[Category] | None) -> list[Any]:
    i = issue.id
    if step == "receive" and issue.is_enquiry:
        key = "issue.received_enquiry" if issue.response_due_at is None else "issue.received_enquiry_due"
        return [
            ok("issue.received", id=i, text=issue.text),
            note(
                key,
                category=category_label(issue.category, cats),
                response=short_time(issue.response_due_at, today),
                resolve=short_time(issue.resolve_due_at, today),
            ),
        ]
    if step == "receive":
        return [
            ok("issue.received", id=i, text=issue.text),
            note(
                "issue.received_facts",
                category=category_label(issue.category, cats),
                response=short_time(issue.response_due_at, today),
                resolve=short_time(issue.resolve_due_at, today),
            ),
        ]
    if step == "verify":
        return [ok("issue.verified", id=i)]
    if step == "reject":
        reason = REJECT_REASONS.label(issue.reject_reason or "")
        if issue.duplicate_of:
            return [ok("issue.rejected_duplicate", id=i, of=issue.duplicate_of)]
        return [ok("issue.rejected", id=i, reason=reason)]
    if step == "refer":
        due = issue.referral_due_at or issue.referral_due_day
        key = "issue.referred_due" if due else "issue.referred"
        return [ok(key, id=i, to=PARTNERS.label(issue.referred_to or ""), due=short_time(due, today))]
    if step == "note":
        return [ok("issue.noted", id=i)]
    if step == "resolve":
        return [ok("issue.resolved", id=i, text=issue.resolution or "")]
    if step == "tell":
        return [ok("issue.told", id=i, name=who(issue)), *_way_back(issue)]
    if step == "rate":
        key = "issue.rated" if issue.status == "closed" else "issue.rated_unhappy"
        return [ok(key, id=i, rating=RATINGS.label(issue.rating or ""))]
    if step == "close":
        return [ok("issue.closed_answered" if issue.is_enquiry else "issue.closed_unrated", id=i)]
    if step == "reopen":
        return [
            ok("issue.reopened", id=i, status=STATUSES.label(issue.status), due=short_time(issue.resolve_due_at, today))
        ]
    what = category_label(issue.category, cats) + (" · " + KINDS.label("enquiry") if issue.is_enquiry else "")
    if issue.resolve_due_at is None:  # the later deadline gone: none is ahead of her
        return [ok("issue.edited_no_deadlines", id=i, category=what)]
    return [
        ok(
            "issue.edited",
            id=i,
            category=what,
            response=short_time(issue.response_due_at, today),
            resolve=short_time(issue.resolve_due_at, today),
        )
    ]


def _way_back(issue: Issue) -> list[Any]:
    """After the report-back of a request from the app or the hotline: does the app show it, or must she phone?"""
    if issue.external_id is not None:
        return [note("issue.told_app", request=issue.external_id)]
    if issue.channel in ("app", "hotline"):
        phone = issue.reporter_phone or ""
        return [note("issue.told_phone", phone=pick(f" ({phone})", f"（{phone}）") if phone else "")]
    return []


def _next_hint(issue: Issue, last: str) -> Any:
    i = issue.id
    if last == "receive":
        return note("issue.next_answer" if issue.is_enquiry else "issue.next_verify", id=i)
    if last == "resolve":
        phone = issue.reporter_phone or ""
        return (
            note("issue.next_tell", id=i, name=who(issue), phone=phone)
            if issue.reporter or issue.reporter_contact
            else note("issue.next_tell_nobody", id=i)
        )
    if last == "tell":
        return note("issue.next_rate", id=i)
    return None


# -- the list -------------------------------------------------------------------------------
def issue_table(
    issues: list[Issue], now: datetime, *, open_only: bool = True, cats: list[Category] | None = None
) -> RenderableType:
    from rich.text import Text

    if not issues:
        return note("issue.none_open" if open_only else "issue.none")
    grid = table(
        "col.id",
        "issue.col.status",
        "issue.col.issue",
        "issue.col.due",
        caption=t("issue.count", count=len(issues)),
        give_way=("issue.col.status",),  # the words and the deadline stay whole
    )
    grid.columns[0].justify = "right"
    grid.columns[1].no_wrap = True
    grid.columns[2].overflow = "fold"
    grid.columns[3].no_wrap = True
    shown, left_out = on_screen(issues)
    for issue in shown:
        status = Text(STATUSES.label(issue.status))
        if issue.priority == "urgent":
            status.append(" " + PRIORITIES.label("urgent"), style="bold red")
        body = Text(issue.text)
        facts = [category_label(issue.category, cats), place_label(issue), who(issue)]
        body.append("\n" + " · ".join(f for f in facts if f and f != "-"), style="dim")
        grid.add_row(str(issue.id), status, body, _due_cell(issue, now))
    return with_left_out(grid, left_out)


# -- the card -----------------------------------------------------------------------------
def issue_view(detail: IssueDetail, now: datetime, cats: list[Category] | None = None) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    issue, today = detail.issue, now.date()
    late = issue.overdue(now)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")  # Chinese has no spaces to wrap at
    status = STATUSES.label(issue.status)
    if issue.priority == "urgent":
        status += " · " + PRIORITIES.label("urgent")
    if issue.is_enquiry:
        status += " · " + KINDS.label("enquiry")
    facts.add_row(t("issue.f.status"), status)
    upward = f" · {t('issue.upward')} {issue.upward_code}" if issue.upward_code else ""
    parent = _parent_label(issue.category, cats)
    facts.add_row(t("issue.f.category"), category_label(issue.category, cats) + parent + upward)
    facts.add_row(t("issue.f.channel"), CHANNELS.label(issue.channel))
    reporter = who(issue)
    extra = [x for x in (issue.reporter_address, issue.reporter_phone) if x]
    if issue.reporter and issue.reporter_contact:
        extra.append(issue.reporter_contact)
    facts.add_row(t("issue.f.reporter"), "  ".join([reporter, *extra]))
    facts.add_row(t("issue.f.place"), place_label(issue))
    if detail.affects:
        facts.add_row(
            t("issue.f.affects"), join_list(f"{r.display_name} {r.address or ''}".strip() for r in detail.affects)
        )
    ended = None if issue.is_open else STATUSES.label(issue.status)
    if issue.response_due_at is None or issue.resolve_due_at is None:
        facts.add_row(t("issue.f.deadlines"), t("issue.no_deadlines"))
    else:
        response = _deadline_text(issue.response_due_at, issue.first_response_at, "response" in late, today, ended)
        resolve = _deadline_text(issue.resolve_due_at, issue.resolved_at, "resolve" in late, today, ended)
        for text, due in ((response, issue.response_due_at), (resolve, issue.resolve_due_at)):
            if issue.city_due_at is not None and due == issue.city_due_at:  # the city's, not moved since
                text.append("  " + t("issue.city_deadline"), style="dim")
        facts.add_row(t("issue.f.response"), response)
        facts.add_row(t("issue.f.resolve"), resolve)
    if issue.referred_to:
        parts = [PARTNERS.label(issue.referred_to)]
        if issue.referral_contact:
            parts.append(issue.referral_contact)
        due = issue.referral_due_at or issue.referral_due_day
        if due:
            parts.append(t("issue.promised", due=short_time(due, today)))
        facts.add_row(t("issue.f.referral"), " · ".join(parts))
    if issue.resolution:
        facts.add_row(t("issue.f.resolution"), issue.resolution)
    if issue.reject_reason:
        reason = REJECT_REASONS.label(issue.reject_reason)
        if issue.duplicate_of:
            reason += " " + t("issue.of", id=issue.duplicate_of)
        facts.add_row(t("issue.f.rejected"), reason)
    if issue.rating:
        facts.add_row(t("issue.f.rating"), f"{RATINGS.label(issue.rating)}  {short_time(issue.rated_at, today)}")
    for photo in detail.photos:
        facts.add_row(t("issue.f.photo"), f"{photo.path} ({photo.name})")
    timeline = Table.grid(padding=(0, 2))
    timeline.add_column(no_wrap=True, style="dim")
    timeline.add_column(no_wrap=True)
    timeline.add_column(overflow="fold")
    for update in detail.timeline:
        timeline.add_row(short_time(update.at, today), t(f"timeline.{update.kind}"), _update_text(update, cats))
    title = Table.grid(padding=(0, 1))
    title.add_column(no_wrap=True, style="bold")
    title.add_column(overflow="fold", style="bold")
    title.add_row(f"#{issue.id}", issue.text)
    return Group(title, facts, Text(""), Text(t("issue.timeline"), style="bold"), timeline)


def _parent_label(code: str, cats: list[Category] | None) -> str:
    from gridnote.domain.categories import DEFAULT_CATEGORIES

    for c in cats or DEFAULT_CATEGORIES:
        if c.code == code and c.parent:
            return pick(" ({})", "（{}）").format(category_label(c.parent, cats))
    return ""


def _deadline_text(due: str, done: str | None, late: bool, today: date, ended: str | None = None) -> Any:
    """``due 12-06 12:00  done 12-02 09:10``; a deadline never met on a rejected or closed issue
    (``ended``: its state) no longer applies, so it is not shown as something still due."""
    from rich.text import Text

    if done is None and ended is not None:
        return Text(t("issue.deadline_void", status=ended), style="dim")
    text = Text(t("issue.due_by", when=short_time(due, today)))
    if done:
        on_time = done <= due
        text.append("  " + t("issue.done_at", when=short_time(done, today)), style="green" if on_time else "yellow")
        if not on_time:
            text.append(" " + t("issue.late_mark"), style="yellow")
    elif late:
        text.append("  " + t("issue.overdue"), style="bold red")
    return text


def _update_text(update: IssueUpdate, cats: list[Category] | None) -> str:
    data = update.data
    parts: list[str] = []
    kind = update.kind
    if kind == "receive":
        parts.append(CHANNELS.label(str(data.get("channel", ""))))
        if data.get("request"):
            parts.append(t("issue.request", request=data["request"]))
        if data.get("guessed"):
            parts.append(t("issue.guessed", category=category_label(str(data.get("category", "")), cats)))
    elif kind == "reject":
        reason = REJECT_REASONS.label(str(data.get("reason", "")))
        parts.append(reason + (" " + t("issue.of", id=data["of"]) if data.get("of") else ""))
    elif kind == "refer":
        parts.append(PARTNERS.label(str(data.get("to", ""))))
        if data.get("contact"):
            parts.append(str(data["contact"]))
        if data.get("due"):
            parts.append(t("issue.promised", due=short_time(str(data["due"]), date.fromisoformat(update.at[:10]))))
    elif kind == "note" and data.get("from"):  # the city app's own update of a request
        parts.append(
            t(
                "issue.from_channel",
                channel=CHANNELS.label(str(data["from"])),
                status=t(f"open311.status.{data.get('status', 'open')}"),
            )
        )
    elif kind == "note":
        parts.append(NOTE_KINDS.label(str(data.get("kind", "progress"))))
        if data.get("reporter"):
            parts.append(t("issue.with_reporter"))
    elif kind == "rate":
        parts.append(RATINGS.label(str(data.get("rating", ""))))
    elif kind == "close" and data.get("from"):  # the city closed the request
        parts.append(
            t("issue.from_channel", channel=CHANNELS.label(str(data["from"])), status=t("open311.status.closed"))
        )
    elif kind == "close" and not data.get("implied"):  # an enquiry closes when told: it is never rated
        parts.append(t("issue.no_rating"))
    elif kind == "reopen":
        parts.append(t("issue.back_to", status=STATUSES.label(update.to_status or "")))
        if data.get("due"):
            parts.append(t("issue.new_due", due=short_time(str(data["due"]), date.fromisoformat(update.at[:10]))))
    elif kind == "edit":
        for key, (old, new) in data.items():
            if key == "category":
                old, new = category_label(old, cats), category_label(new, cats)
            elif key == "priority":
                old, new = PRIORITIES.label(old), PRIORITIES.label(new)
            elif key == "kind":
                old, new = KINDS.label(old), KINDS.label(new)
            parts.append(t("issue.edit.change", field=t("issue.edit." + key), old=old, new=new))
    if data.get("implied"):
        parts.append(t("issue.implied"))
    if update.actor:
        parts.append(t("issue.by", actor=actor_label(update.actor)))
    head = " · ".join(p for p in parts if p)
    if update.text:
        return head + pick(": ", "：") + update.text if head else update.text
    return head
