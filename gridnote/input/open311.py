"""Reading Open311 GeoReport v2 service requests, as the city app or the hotline exports them.

A file is what ``GET requests`` answers (wiki.open311.org/GeoReport_v2): in JSON
an array of request objects (also accepted: an object holding it under
``service_requests`` or ``requests``), in XML ``<service_requests>`` holding
``<request>`` elements. Each request's fields are the spec's:
``service_request_id``, ``status`` (``open``/``closed``), ``status_notes``,
``service_name``, ``service_code``, ``description``, ``agency_responsible``,
``service_notice``, ``requested_datetime``, ``updated_datetime``,
``expected_datetime``, ``address``, ``address_id``, ``zipcode``, ``lat``,
``long``, ``media_url``; and, as a request is posted, who sent it:
``first_name``, ``last_name``, ``phone``, ``email``. Every request is checked
before anything is written; a bad one is named by its place in the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from gridnote import clock
from gridnote.errors import FileError, GridnoteError, InputError
from gridnote.models.residents import ImportProblem

# The fields of a request in GET requests, in the spec's order (what the export writes).
REQUEST_FIELDS = (
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
)
# Who posted it (POST service request): how a reporter is matched to a resident.
POSTER_FIELDS = ("first_name", "last_name", "phone", "email")
# The fields of a service in GET services.
SERVICE_FIELDS = ("service_code", "service_name", "description", "metadata", "type", "keywords", "group")
STATUSES = ("open", "closed")


@dataclass(frozen=True)
class Request:
    """One service request as read, checked and trimmed (text fields None when empty)."""

    number: int  # its place in the file, from 1
    id: str
    status: str  # open or closed
    fields: dict[str, str | None]  # every request field, as text (datetimes as given)
    requested_at: datetime | None
    updated_at: datetime | None
    expected_at: datetime | None
    phone: str | None
    name: str | None  # last name then first name (as Chinese names are written), or as posted

    @property
    def text(self) -> str:
        """What the resident wrote (the service's name when they wrote nothing)."""
        return self.fields.get("description") or self.fields.get("service_name") or ""

    def snapshot(self) -> dict[str, str | None]:
        """What a re-import compares: every request field as read."""
        return dict(self.fields)


class RequestsError(InputError):
    """Some requests of the file cannot be imported; none was."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        if len(problems) == 1:
            super().__init__("open311.bad_request")
        else:
            super().__init__("open311.bad_requests", count=len(problems))
        self.problems = problems

    @property
    def details(self) -> list[str]:
        from gridnote.messages.i18n import t

        return [t("open311.request_problem", number=p.row, message=p.message) for p in self.problems]


def read_requests(path: Path) -> list[Request]:
    """Every request of a GeoReport v2 file (``.json`` or ``.xml``, told by its name or its first
    character); raises :class:`RequestsError` naming each bad one."""
    from gridnote.input.encoding import decode
    from gridnote.output.files import os_reason

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise FileError("file.not_found", path=path) from exc
    except OSError as exc:
        raise FileError("file.cannot_read", path=path, reason=os_reason(exc)) from exc
    text, _ = decode(data, path)
    text = text.lstrip("\ufeff").strip()
    raws = _xml(text, path) if path.suffix.lower() == ".xml" or text.startswith("<") else _json(text, path)
    requests: list[Request] = []
    problems: list[ImportProblem] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raws, start=1):
        try:
            request = _request(number, raw)
        except GridnoteError as exc:
            problems.append(ImportProblem(number, exc.message))
            continue
        if request.id in seen:
            from gridnote.messages.i18n import t

            problems.append(ImportProblem(number, t("open311.same_id", id=request.id, first=seen[request.id])))
            continue
        seen[request.id] = number
        requests.append(request)
    if problems:
        raise RequestsError(problems)
    return requests


def _json(text: str, path: Path) -> list[Any]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError("open311.not_json", path=path, reason=str(exc)) from exc
    if isinstance(data, dict):
        data = data.get("service_requests", data.get("requests"))
    if not isinstance(data, list):
        raise InputError("open311.not_requests", path=path)
    return data


def _xml(text: str, path: Path) -> list[Any]:
    import xml.etree.ElementTree as ET

    if "<!DOCTYPE" in text or "<!ENTITY" in text:  # no entity expansion from a file off the network
        raise InputError("open311.not_xml", path=path, reason="DOCTYPE")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError("open311.not_xml", path=path, reason=str(exc)) from exc
    if root.tag not in ("service_requests", "requests"):
        raise InputError("open311.not_requests", path=path)
    return [{child.tag: (child.text or "") for child in request} for request in root if request.tag == "request"]


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    text = " ".join(str(value).split())
    return text or None


def _moment(fields: dict[str, str | None], name: str) -> datetime | None:
    value = fields.get(name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError("open311.bad_datetime", field=name, text=value) from exc
    return clock.to_local(moment)


def request_from(raw: Any, number: int = 1) -> Request:
    """One request object (a dict of the spec's fields), checked as a file's are."""
    return _request(number, raw)


def _request(number: int, raw: Any) -> Request:
    from gridnote.input.text import check_length

    if not isinstance(raw, dict):
        raise InputError("open311.not_a_request")
    fields = {name: _text(raw.get(name)) for name in REQUEST_FIELDS}
    request_id = fields["service_request_id"]
    if request_id is None:
        raise InputError("open311.no_id")
    status = (fields["status"] or "open").lower()
    if status not in STATUSES:
        raise InputError("open311.bad_status", text=fields["status"])
    fields["status"] = status
    if not (fields["description"] or fields["service_name"]):
        raise InputError("open311.no_text", id=request_id)
    check_length(fields["description"])
    for name in ("lat", "long"):
        if fields[name] is not None:
            try:
                float(fields[name] or "")
            except ValueError as exc:
                raise InputError("open311.bad_number", field=name, text=fields[name]) from exc
    poster = {name: _text(raw.get(name)) for name in POSTER_FIELDS}
    first, last = poster["first_name"] or "", poster["last_name"] or ""
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in first + last)
    poster_name = (last + first if cjk else " ".join(p for p in (first, last) if p)) or None
    return Request(
        number=number,
        id=request_id,
        status=status,
        fields=fields,
        requested_at=_moment(fields, "requested_datetime"),
        updated_at=_moment(fields, "updated_datetime"),
        expected_at=_moment(fields, "expected_datetime"),
        phone=poster["phone"],
        name=poster_name,
    )
