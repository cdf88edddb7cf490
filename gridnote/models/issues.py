"""Issues, their categories and timelines, and what waits on her."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridnote.models.residents import Resident


@dataclass(frozen=True)
class Category:
    """An issue category: a default from :mod:`gridnote.domain.categories` or the notebook's own."""

    code: str
    en: str
    zh: str
    parent: str | None = None  # the top-level category this one belongs to
    group: str = "general"  # deadline group: emergency, utility, general, complex
    upward: str | None = None  # the code the grid centre files it under
    synonyms: tuple[str, ...] = ()
    custom: bool = False  # added or changed in this notebook


@dataclass(frozen=True)
class Issue:
    """A resident's problem as it stands: its state, deadlines and milestones (see services.issues)."""

    id: int
    text: str
    category: str
    category_group: str | None  # deadline group; None: an enquiry without deadlines
    upward_code: str | None
    channel: str
    priority: str  # urgent, normal
    status: str  # received, verified, rejected, referred, resolved, reported, closed
    received_at: str
    response_due_at: str | None  # None (and resolve_due_at): an enquiry without a deadline group
    resolve_due_at: str | None
    reporter_id: int | None = None
    reporter: str | None = None  # display name, e.g. 王芳（王阿姨）
    reporter_address: str | None = None
    reporter_phone: str | None = None
    reporter_contact: str | None = None  # someone not in the register: "王先生 138…"
    place: str | None = None  # where: "5" (a building), "8-2" (a unit), "8-2-301"
    building: str | None = None
    first_response_at: str | None = None
    verified_at: str | None = None
    rejected_at: str | None = None
    reject_reason: str | None = None
    duplicate_of: int | None = None
    referred_at: str | None = None
    referred_to: str | None = None
    referral_contact: str | None = None
    referral_due_day: str | None = None
    referral_due_at: str | None = None
    resolved_at: str | None = None
    resolution: str | None = None
    reported_at: str | None = None
    rating: str | None = None  # the latest rating, also a dissatisfied one that reopened it
    rated_at: str | None = None
    closed_at: str | None = None
    reopen_count: int = 0
    updated_at: str = ""
    external_id: str | None = None  # the Open311 request it came in as (city app, 12345)
    city_due_at: str | None = None  # the request's deadline (a dispatched case's expected_datetime), as sent
    back_marked_at: str | None = None  # a change of state marked for the way back to the app
    back_sent_at: str | None = None  # when the way back last carried it
    kind: str = "complaint"  # complaint, enquiry (咨询/建议: answered and told, no point, not in the rates)

    @property
    def is_enquiry(self) -> bool:
        return self.kind == "enquiry"

    @property
    def back_pending(self) -> bool:
        """A change of state the app has not been sent yet."""
        return self.back_marked_at is not None and (
            self.back_sent_at is None or self.back_sent_at < self.back_marked_at
        )

    @property
    def is_open(self) -> bool:
        return self.status not in ("rejected", "closed")

    @property
    def has_reporter(self) -> bool:
        """Someone reported it (a resident, or a contact outside the register): someone to tell and to rate it."""
        return self.reporter_id is not None or bool(self.reporter_contact)

    def next_deadline(self) -> tuple[str, str] | None:
        """The deadline she works against now: the earliest one not yet met.

        ``("response", iso)`` until the first contact, ``("resolve", iso)``
        until resolved; None once resolved, closed or rejected. One
        definition for the list's Due column and its order.
        """
        if not self.is_open:
            return None
        pending: list[tuple[str, str]] = []
        if self.first_response_at is None and self.response_due_at is not None:
            pending.append(("response", self.response_due_at))
        if (
            self.resolved_at is None
            and self.status in ("received", "verified", "referred")
            and self.resolve_due_at is not None
        ):
            pending.append(("resolve", self.resolve_due_at))
        return min(pending, key=lambda due: datetime.fromisoformat(due[1])) if pending else None

    def overdue(self, now: datetime) -> tuple[str, ...]:
        """Which deadlines have passed at ``now`` (an aware datetime): ``response``, ``resolve``."""
        if not self.is_open:
            return ()
        late: list[str] = []
        if (
            self.first_response_at is None
            and self.response_due_at is not None
            and datetime.fromisoformat(self.response_due_at) < now
        ):
            late.append("response")
        if (
            self.resolved_at is None
            and self.status in ("received", "verified", "referred")
            and self.resolve_due_at is not None
            and datetime.fromisoformat(self.resolve_due_at) < now
        ):
            late.append("resolve")
        return tuple(late)


@dataclass(frozen=True)
class IssueUpdate:
    """One line of an issue's timeline: a state change or a note."""

    id: int
    issue_id: int
    kind: str  # a code of gridnote.domain.issue_terms.STEPS
    at: str
    recorded_at: str
    text: str | None = None
    actor: str | None = None  # who acted, when not the grid worker (a partner code or a name)
    from_status: str | None = None
    to_status: str | None = None
    data: dict[str, object] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class IssuePhoto:
    """A photo attached to an issue, stored in the notebook's files folder."""

    id: int
    issue_id: int
    path: str  # relative to the notebook's files folder: photos/<sha256>.jpg
    name: str  # the file's original name
    sha256: str
    size: int
    added_at: str
    update_id: int | None = None


@dataclass(frozen=True)
class IssueDetail:
    """Everything ``issue show`` draws."""

    issue: Issue
    timeline: list[IssueUpdate] = field(default_factory=list)
    affects: list[Resident] = field(default_factory=list)
    photos: list[IssuePhoto] = field(default_factory=list)


@dataclass(frozen=True)
class IssueChange:
    """What one command did to an issue: the steps written (implied ones first) and any points."""

    issue: Issue
    steps: tuple[str, ...]
    points: int = 0
    balance: int | None = None
    photos: int = 0
    points_spent: int = 0  # a rejected report's award not taken back: already spent on a reward


@dataclass(frozen=True)
class Followup:
    """An issue waiting on her on a given day (for ``gridnote today``)."""

    id: int
    text: str
    status: str
    reason: str  # the most urgent of ``reasons``; a code of issue_terms.FOLLOWUP_REASONS
    deadline: str | None  # ISO 8601 of that reason's deadline; None for report-back
    reporter: str | None = None  # display name
    address: str | None = None  # the reporter's address, else where the issue is
    phone: str | None = None
    priority: str = "normal"
    category: str = ""
    reasons: tuple[str, ...] = ()
    since: str | None = None  # report-back: when it was resolved
    minutes_left: int | None = None  # to ``deadline`` (a moment) from when the list was made; < 0: late
