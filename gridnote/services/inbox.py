"""Her inbox: what the grid centre sent down, confirmed by her, never applied behind her back (issue 16).

* :func:`receive` files items as they come (a sync, or ``sync --in FILE``): each once,
  by the centre's gid, so a repeated sync or bundle adds nothing; nothing else changes.
* :func:`accept` applies an item in one transaction: a dispatched issue becomes an
  issue through the Open311 import's own rows (its order number kept, the centre's
  deadline as its resolution deadline); a task goes on her list; a register
  correction changes her register. :func:`decline` keeps her reason.
* A register correction is compared field by field with her register: a field she
  already has as the centre says is no change; one she has as the centre last
  received it (the item's ``base``) is a change; one she changed since, to something
  else, is a conflict, shown with both values and who wrote each. ``accept all``
  leaves conflicts to her; accepting one takes the centre's values, declining keeps hers.
* The inbox table is synced: her answers reach the centre with her next sync.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, time
from typing import TYPE_CHECKING, Any

from gridnote import clock
from gridnote.domain.down import REGISTER_FIELDS
from gridnote.errors import InputError, NotFoundError, StateError
from gridnote.models.inbox import Answered, FieldChange, InboxItem, Received
from gridnote.store import inbox as rows
from gridnote.store import write
from gridnote.store.notebook import Notebook

if TYPE_CHECKING:
    from gridnote.centre.bundle import DownItem
    from gridnote.models import Resident


def receive(nb: Notebook, items: Iterable[DownItem]) -> Received:
    """File the items she does not have yet, in one transaction."""
    items = list(items)
    found = Received()
    now = clock.iso(clock.now())
    with nb.transaction():
        have = rows.known_gids(nb, [i.gid for i in items])
        for i in items:
            if i.gid in have:
                found.known += 1
                continue
            write.insert(
                nb,
                "inbox",
                {
                    "gid": i.gid,
                    "seq": i.seq,
                    "kind": i.kind,
                    "body": json.dumps(i.body, ensure_ascii=False, sort_keys=True),
                    "source": i.source,
                    "sent_at": i.created_at,
                    "arrived_at": now,
                    "status": "pending",
                },
            )
            have.add(i.gid)
            found.new[i.kind] += 1
    return found


# -- reading ---------------------------------------------------------------------------------
def _mine(r: Resident) -> dict[str, str | None]:
    return {
        "name": r.name,
        "address": r.address,
        "alias": r.alias,
        "gender": r.gender,
        "birth": r.birth,
        "phones": ",".join(r.phones) or None,
        "id_number": r.id_number,
        "note": r.note,
    }


def _resident_for(nb: Notebook, body: dict[str, Any]) -> int | None:
    values = body.get("values") or {}
    if body.get("resident"):
        found = rows.resident_by_gid(nb, body["resident"])
        if found is not None:
            return found
    if values.get("id_number"):
        found = rows.resident_by_id_number(nb, values["id_number"])
        if found is not None:
            return found
    if values.get("name") and values.get("address"):
        return rows.resident_at(nb, values["name"], values["address"])
    return None


def _register_changes(nb: Notebook, body: dict[str, Any]) -> tuple[int | None, tuple[FieldChange, ...], Any]:
    """(the resident, the changes, the resident as she has them)."""
    from gridnote.services.residents import get_resident

    resident_id = _resident_for(nb, body)
    values: dict[str, str] = body.get("values") or {}
    op = body.get("op")
    if resident_id is None:
        if op != "add":
            op = "add"  # the centre's resident is not in her register: it would be added
        shown = [FieldChange(name, None, values.get(name)) for name in REGISTER_FIELDS if values.get(name)]
        shown += [FieldChange("tags", None, tag) for tag in body.get("tags") or []]
        return None, tuple(shown), None
    current = get_resident(nb, resident_id)
    if op in ("move-out", "death"):
        # a death is recorded as deceased (off lists and rounds, kept in history), even for one
        # she already marked as moved out; a move-out of one who has left is no change
        if current.deceased or (current.moved_out and op == "move-out"):
            return resident_id, (), current
        return resident_id, (FieldChange("moved_out", None, op),), current
    if op == "add":  # added already (the same person at the same address, or by ID number)
        return resident_id, (), current
    mine = _mine(current)
    base = body.get("base") or mine
    changes = []
    for name in REGISTER_FIELDS:
        theirs = values.get(name)
        if not theirs or theirs == mine[name]:
            continue
        changes.append(FieldChange(name, mine[name], theirs, conflict=mine[name] != base.get(name)))
    changes += [FieldChange("tags", None, tag) for tag in body.get("tags") or [] if tag not in current.tags]
    return resident_id, tuple(changes), current


def _item(nb: Notebook, row: Any, worker: str | None) -> InboxItem:
    body = json.loads(row["body"])
    common: dict[str, Any] = {
        "id": int(row["id"]),
        "seq": int(row["seq"]),
        "gid": row["gid"],
        "kind": row["kind"],
        "source": row["source"],
        "sent_at": row["sent_at"],
        "status": row["status"],
        "why": row["why"],
        "answered_at": row["answered_at"],
        "made": row["made"],
    }
    if row["kind"] == "issue":
        request = body.get("request") or {}
        return InboxItem(
            **common,
            text=request.get("description") or request.get("service_name") or "",
            due=request.get("expected_datetime"),
            order=request.get("service_request_id"),
            address=request.get("address"),
        )
    if row["kind"] == "task":
        due = " ".join(p for p in (body.get("due_date"), body.get("due_time")) if p) or None
        return InboxItem(**common, text=body.get("text") or "", due=due)
    values = body.get("values") or {}
    if row["status"] != "pending":
        return InboxItem(**common, text=values.get("name") or "", address=values.get("address"), op=body.get("op"))
    resident_id, changes, current = _register_changes(nb, body)
    return InboxItem(
        **common,
        text=values.get("name") or "",
        address=values.get("address"),
        op=body.get("op") if resident_id is not None else "add",
        resident_id=resident_id,
        changes=changes,
        mine_by=worker if current is not None else None,
        mine_at=current.updated_at if current is not None else None,
    )


def inbox(nb: Notebook, *, every: bool = False) -> list[InboxItem]:
    """What came down and waits for her answer (``every``: answered items too)."""
    worker = nb.settings().get("worker.name")
    return [_item(nb, r, worker) for r in rows.items(nb, every=every)]


def pending(nb: Notebook) -> dict[str, int]:
    """kind -> items waiting for her answer (what ``today`` says first)."""
    return rows.pending_counts(nb)


# -- answering -------------------------------------------------------------------------------
def _pending_item(nb: Notebook, item_id: int) -> InboxItem:
    row = rows.item(nb, item_id)
    if row is None:
        raise NotFoundError("inbox.no_item", id=item_id)
    found = _item(nb, row, nb.settings().get("worker.name"))
    if found.status != "pending":
        raise StateError(f"inbox.already_{found.status}", id=item_id, at=(found.answered_at or "")[:16])
    return found


def _answer(nb: Notebook, item: InboxItem, status: str, *, why: str | None = None, made: str | None = None) -> None:
    values = {"status": status, "why": why, "answered_at": clock.iso(clock.now()), "made": made}
    write.update(nb, "inbox", item.id, values)


def _apply_issue(nb: Notebook, body: dict[str, Any]) -> str:
    from gridnote.services.open311 import take_request

    return f"issue:{take_request(nb, body['request'], body.get('channel') or 'hotline')}"


def _apply_task(nb: Notebook, body: dict[str, Any]) -> str:
    from gridnote.input.when import When
    from gridnote.services.tasks import add_task

    due = None
    if body.get("due_date"):
        at = time.fromisoformat(body["due_time"]) if body.get("due_time") else None
        due = When(date.fromisoformat(body["due_date"]), at)
    task = add_task(nb, body["text"], due=due, starred=bool(body.get("starred")), note=body.get("note"))
    return f"task:{task.id}"


def _apply_register(nb: Notebook, item: InboxItem, body: dict[str, Any]) -> str | None:
    from gridnote.services import resident_fields as rf
    from gridnote.services import residents

    if not item.changes:
        return f"resident:{item.resident_id}" if item.resident_id else None
    theirs = {c.name: c.theirs for c in item.changes if c.name in REGISTER_FIELDS}
    tags = [c.theirs for c in item.changes if c.name == "tags" and c.theirs]
    if item.resident_id is None:
        values = body.get("values") or {}
        fields = _fields(values, rf)
        fields.tags = tags
        added = residents.add_resident(nb, fields, known_building=True)
        return f"resident:{added.id}"
    left = next((c for c in item.changes if c.name == "moved_out"), None)
    if left is not None:
        residents.move_out(nb, item.resident_id, deceased=left.theirs == "death")
        return f"resident:{item.resident_id}"
    fields = _fields(theirs, rf)
    fields.tags = tags
    residents.edit_resident(nb, item.resident_id, fields, known_building=True)
    return f"resident:{item.resident_id}"


def _fields(values: dict[str, Any], rf: Any) -> Any:
    fields = rf.ResidentInput(name=values.get("name"))
    if values.get("address"):
        fields.address = rf.clean_address(values["address"])
    for name in ("alias", "gender", "birth", "id_number", "note"):
        if values.get(name):
            setattr(fields, name, values[name])
    if values.get("phones"):
        fields.phones = values["phones"].split(",")
    return fields


def _targets(nb: Notebook, numbers: list[int] | None) -> list[InboxItem]:
    if numbers is None:
        return inbox(nb)
    return [_pending_item(nb, n) for n in numbers]


ONLY_FIELDS = (*REGISTER_FIELDS, "tags")  # what ``accept --only`` can name


def only_fields(text: str) -> set[str]:
    """``phones,address`` or ``电话、住址`` → the field codes; an unknown name is refused with the list."""
    from gridnote.input.text import fold
    from gridnote.messages.i18n import t_in

    names = {fold(t_in(lang, f"inbox.field.{code}")): code for code in ONLY_FIELDS for lang in ("en", "zh")}
    names.update({code: code for code in ONLY_FIELDS})
    found: set[str] = set()
    for part in re.split(r"[,，、\s]+", text.strip()):
        if not part:
            continue
        code = names.get(fold(part))
        if code is None:
            raise InputError("inbox.unknown_field", name=part, known=", ".join(ONLY_FIELDS))
        found.add(code)
    if not found:
        raise InputError("inbox.unknown_field", name=text, known=", ".join(ONLY_FIELDS))
    return found


def _only(item: InboxItem, only: set[str]) -> InboxItem:
    """A register correction cut down to the fields she accepts (the others stay as she has them)."""
    if item.kind != "register" or item.resident_id is None or any(c.name == "moved_out" for c in item.changes):
        raise InputError("inbox.only_not_fields", id=item.id)
    kept = tuple(c for c in item.changes if c.name in only)
    missing = sorted(only - {c.name for c in kept})
    if missing:
        changed = ", ".join(dict.fromkeys(c.name for c in item.changes)) or "-"
        raise InputError("inbox.only_unchanged", id=item.id, fields=", ".join(missing), changed=changed)
    return replace(item, changes=kept)


def accept(nb: Notebook, numbers: list[int] | None, *, only: set[str] | None = None) -> Answered:
    """Apply the items (``None``: every pending one but conflicts), all in one transaction.

    ``only``: of register corrections, just these fields (her values stay for the rest, and the
    centre is told which were taken in the answer's ``why``).
    """
    if only is not None and numbers is None:
        raise InputError("inbox.only_needs_numbers")
    done = Answered()
    with nb.transaction():
        for item in _targets(nb, numbers):
            if numbers is None and item.conflict:
                done.left.append(item)
                continue
            why = None
            if only is not None:
                item = _only(item, only)
                why = "only: " + ", ".join(c for c in ONLY_FIELDS if c in only)
            row = rows.item(nb, item.id)
            body = json.loads(row["body"]) if row else {}
            made: str | None
            if item.kind == "issue":
                made = _apply_issue(nb, body)
            elif item.kind == "task":
                made = _apply_task(nb, body)
            else:
                made = _apply_register(nb, item, body)
            _answer(nb, item, "accepted", why=why, made=made)
            done.accepted.append(item)
    return done


def decline(nb: Notebook, numbers: list[int], why: str) -> Answered:
    """Answer no, with her reason (it reaches the centre with her next sync); nothing else changes."""
    from gridnote.input.text import check_length, normalize

    why = normalize(why).strip()
    if not why:
        raise InputError("inbox.why_needed")
    check_length(why)
    done = Answered()
    with nb.transaction():
        for item in _targets(nb, numbers):
            _answer(nb, item, "declined", why=why)
            done.declined.append(item)
    return done
