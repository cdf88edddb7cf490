"""The centre's side of the way down (issue 16): dispatch an issue, set a task, send register
corrections, and write a grid's items as a bundle for a worker with no network.

Every item is written to the centre (:mod:`gridnote.centre.store.down`) in one
transaction, numbered for its grid; ``gridnote sync`` brings the new ones down,
``centre export`` writes them all to a file for ``gridnote sync --in``.
Nothing reaches a notebook but through her inbox (:mod:`gridnote.services.inbox`).

* An issue travels as a GeoReport v2 request (the fields ``issue import`` reads), so a
  12345 order imported at the centre and one typed there reach her the same way,
  with the centre's deadline (``expected_datetime``) and its order number.
* A register correction is a row of ``resident import``'s columns, checked here as
  there, plus what happened (a change column: 更正, 新增/出生, 迁出, 死亡) and, when the
  centre knows the resident, the values the centre last received from her
  (``base``): her side tells a change from a conflict by them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from gridnote import clock
from gridnote.domain.down import REGISTER_FIELDS, REGISTER_OPS
from gridnote.errors import InputError
from gridnote.input.dates import When
from gridnote.store.changes import new_gid


@dataclass
class Sent:
    """What one centre command sent down."""

    grid: str  # the grid code
    kind: str  # issue, task, register
    count: int
    numbers: list[int] = field(default_factory=list)  # the items' numbers for that grid
    ops: Counter[str] = field(default_factory=Counter)  # register: change -> rows


def _send(url: str, grid: str, kind: str, bodies: list[dict[str, Any]], source: str | None) -> Sent:
    from gridnote.centre.store.down import add_items, grid_named
    from gridnote.centre.store.engine import open_centre

    centre = open_centre(url)
    try:
        with centre.begin() as conn:
            row = grid_named(conn, grid)
            numbers = add_items(conn, row.notebook_id, kind, bodies, source)
    finally:
        centre.close()
    return Sent(row.grid_code or grid, kind, len(numbers), numbers)


# -- issues ----------------------------------------------------------------------------------
def _poster(contact: str | None) -> dict[str, str]:
    """``王阿姨 13800001111`` -> the request's poster fields (a Chinese name as last name)."""
    if not contact:
        return {}
    words = contact.split()
    phone = words.pop() if words and sum(ch.isdigit() for ch in words[-1]) >= 5 else None
    found: dict[str, str] = {}
    if words:
        found["last_name"] = " ".join(words)
    if phone:
        found["phone"] = phone
    return found


def typed_request(
    text: str,
    *,
    category: str | None = None,
    address: str | None = None,
    contact: str | None = None,
    due: datetime | None = None,
    order: str | None = None,
) -> dict[str, Any]:
    """A request typed at the centre, in GeoReport v2's fields (what ``issue import`` reads)."""
    from gridnote.input.text import check_length, normalize

    text = normalize(text).strip()
    if not text:
        raise InputError("down.no_text")
    check_length(text)
    now = clock.iso(clock.now())
    raw: dict[str, Any] = {
        "service_request_id": order or "GC-" + new_gid()[:8],
        "status": "open",
        "description": text,
        "service_code": category,
        "address": address,
        "requested_datetime": now,
        "updated_datetime": now,
        "expected_datetime": clock.iso(due) if due else None,
        **_poster(contact),
    }
    return {k: v for k, v in raw.items() if v is not None}


def dispatch(
    url: str, grid: str, requests: list[dict[str, Any]], *, channel: str = "hotline", source: str | None = None
) -> Sent:
    """Send requests (raw GeoReport v2 objects) to a grid, each as an issue for her inbox."""
    from gridnote.domain.issue_terms import CHANNELS
    from gridnote.input.open311 import request_from
    from gridnote.services.issues import code_of

    code = code_of(CHANNELS, channel)
    bodies = []
    for number, raw in enumerate(requests, start=1):
        request_from(raw, number)  # checked here as her import will read it
        bodies.append({"channel": code, "request": raw})
    return _send(url, grid, "issue", bodies, source)


def requests_from(path: Path, ids: list[str]) -> list[dict[str, Any]]:
    """The requests of a GeoReport v2 file (those of ``ids`` only, when given), as raw objects."""
    from gridnote.input.open311 import POSTER_FIELDS, REQUEST_FIELDS, read_requests

    found = read_requests(path)
    if ids:
        missing = [i for i in ids if i not in {r.id for r in found}]
        if missing:
            raise InputError("down.no_such_request", ids=", ".join(missing), path=str(path))
        found = [r for r in found if r.id in ids]
    raws = []
    for r in found:
        raw: dict[str, Any] = {k: v for k, v in r.fields.items() if k in REQUEST_FIELDS and v is not None}
        if r.phone:
            raw["phone"] = r.phone
        if r.name:
            raw["last_name"] = r.name
        raws.append({k: v for k, v in raw.items() if k not in POSTER_FIELDS or v})
    return raws


# -- tasks -----------------------------------------------------------------------------------
def send_task(
    url: str, grid: str, text: str, *, due: When | None = None, starred: bool = False, note: str | None = None
) -> Sent:
    from gridnote.services.tasks import clean_text

    body = {
        "text": clean_text(text),
        "due_date": due.day.isoformat() if due else None,
        "due_time": f"{due.time:%H:%M}" if due and due.time else None,
        "starred": starred,
        "note": note,
    }
    return _send(url, grid, "task", [body], None)


# -- register corrections --------------------------------------------------------------------
def _row_values(fields: Any) -> dict[str, str]:
    values: dict[str, Any] = {
        "name": fields.name,
        "address": fields.address.canonical() if fields.address else None,
        "alias": fields.alias,
        "gender": fields.gender,
        "birth": fields.birth,
        "phones": ",".join(fields.phones) if fields.phones else None,
        "id_number": fields.id_number,
        "note": fields.note,
    }
    return {k: v for k, v in values.items() if v}


def _known_values(known: dict[str, Any]) -> dict[str, str | None]:
    record = known["record"]
    values = {name: record.get(name) for name in REGISTER_FIELDS if name != "address"}
    values["address"] = known["address"]
    return {k: (v or None) for k, v in values.items()}


def _match(residents: list[dict[str, Any]], values: dict[str, str]) -> dict[str, Any] | None:
    """The resident the centre knows for a row: by ID number, else by name at the address."""
    if values.get("id_number"):
        found = [r for r in residents if r["record"].get("id_number") == values["id_number"]]
        if len(found) == 1:
            return found[0]
    found = [
        r for r in residents if r["record"].get("name") == values.get("name") and r["address"] == values.get("address")
    ]
    return found[0] if len(found) == 1 else None


def register_bodies(path: Path, residents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The corrections of a file (``resident import``'s columns and a change column), all or none."""
    from gridnote.input.roster import map_headers, read_table
    from gridnote.models import ImportProblem
    from gridnote.services.import_rows import ImportRowsError, parse_row

    header, rows, _ = read_table(path)
    mapping = map_headers(header)
    bodies: list[dict[str, Any]] = []
    problems: list[ImportProblem] = []
    for number, row in rows:
        cells = {name: row[i] for i, name in mapping.items() if i < len(row)}
        change = str(cells.get("change") or "").strip()
        op = REGISTER_OPS.lookup(change) if change else "update"
        if op is None:
            from gridnote.messages.i18n import t

            problems.append(ImportProblem(number, t("down.bad_change", text=change, choices=REGISTER_OPS.choices())))
            continue
        try:
            fields = parse_row(cells)
        except InputError as exc:
            problems.append(ImportProblem(number, exc.message))
            continue
        values = _row_values(fields)
        known = _match(residents, values)
        body: dict[str, Any] = {
            "op": op,
            "row": number,
            "values": values,
            "tags": list(fields.tags),
            "resident": known["gid"] if known else None,
            "base": _known_values(known) if known else None,
        }
        bodies.append(body)
    if problems:
        raise ImportRowsError(problems)
    return bodies


def send_register(url: str, grid: str, path: Path, *, source: str | None = None) -> Sent:
    """Send the corrections of a file to a grid, each to be confirmed by her: all rows or none."""
    from gridnote.centre.store.down import add_items, grid_named, known_residents
    from gridnote.centre.store.engine import open_centre

    centre = open_centre(url)
    try:
        with centre.begin() as conn:
            row = grid_named(conn, grid)
            bodies = register_bodies(path, known_residents(conn, row.notebook_id))
            numbers = add_items(conn, row.notebook_id, "register", bodies, source)
    finally:
        centre.close()
    sent = Sent(row.grid_code or grid, "register", len(numbers), numbers)
    sent.ops.update(b["op"] for b in bodies)
    return sent


# -- what was sent, and her answers ----------------------------------------------------------
@dataclass(frozen=True)
class SentItem:
    grid: str
    seq: int
    kind: str
    text: str  # the issue, the task, or the resident's name
    source: str | None
    sent_at: str
    status: str | None  # None: not brought down yet; pending, accepted, declined
    why: str | None
    answered_at: str | None


def _summary(kind: str, body: dict[str, Any]) -> str:
    if kind == "issue":
        request = body.get("request") or {}
        return str(request.get("description") or request.get("service_name") or "")
    if kind == "task":
        return str(body.get("text") or "")
    values = body.get("values") or {}
    return " ".join(v for v in (values.get("name"), values.get("address")) if v)


def sent(url: str, grid: str | None = None) -> list[SentItem]:
    """Every item the centre sent (to ``grid``, or to every grid) and where her answer stands."""
    import json

    from gridnote.centre.store.down import grid_named, sent_items
    from gridnote.centre.store.engine import open_centre

    centre = open_centre(url)
    try:
        with centre.begin() as conn:
            notebook = grid_named(conn, grid).notebook_id if grid else None
            found = sent_items(conn, notebook)
    finally:
        centre.close()
    return [
        SentItem(
            r["grid_code"] or "",
            int(r["seq"]),
            r["kind"],
            _summary(r["kind"], json.loads(r["body"])),
            r["source"],
            r["created_at"],
            r["status"],
            r["why"],
            r["answered_at"],
        )
        for r in found
    ]


# -- a bundle for a grid without a network ---------------------------------------------------
def export_down(url: str, grid: str, out: Path, *, since: int = 0, force: bool = False) -> Sent:
    """The grid's items after ``since`` (all by default) as a bundle for ``gridnote sync --in``."""
    import json

    from gridnote.centre.bundle import DownItem, encode_down
    from gridnote.centre.store.down import grid_named, items_after
    from gridnote.centre.store.engine import open_centre
    from gridnote.output.files import atomic_write, check_target

    check_target(out, force=force)
    centre = open_centre(url)
    try:
        with centre.begin() as conn:
            row = grid_named(conn, grid)
            items = [
                DownItem(r["seq"], r["gid"], r["kind"], json.loads(r["body"]), r["source"], r["created_at"])
                for r in items_after(conn, row.notebook_id, since)
            ]
    finally:
        centre.close()
    data = encode_down(row.notebook_id, row.grid_code, items)
    atomic_write(out, lambda f: f.write(data), force=force)
    return Sent(row.grid_code or grid, "bundle", len(items), [i.seq for i in items])
