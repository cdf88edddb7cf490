"""The --json structures of issues, categories, points and events: validated against JSON Schemas.

docs/json.md documents them; a key added here must be documented there (checked below).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs" / "json.md"

STAMP = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"}
DAY = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DAY_OR_STAMP = {"anyOf": [DAY, STAMP]}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def closed(properties: dict, **extra) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        **extra,
    }


STATUS = {"enum": ["received", "verified", "rejected", "referred", "resolved", "reported", "closed"]}
ISSUE = closed(
    {
        "id": {"type": "integer", "minimum": 1},
        "text": {"type": "string", "minLength": 1},
        "status": STATUS,
        "kind": {"enum": ["complaint", "enquiry"]},
        "category": {"type": "string", "pattern": r"^[a-z][a-z0-9-]+$"},
        "category_group": nullable({"enum": ["emergency", "utility", "general", "complex"]}),
        "upward_code": nullable({"type": "string"}),
        "channel": {"enum": ["in-person", "phone", "wechat", "app", "hotline", "walk"]},
        "priority": {"enum": ["urgent", "normal"]},
        "reporter": nullable(
            closed(
                {
                    "id": {"type": "integer"},
                    "name": {"type": "string"},
                    "address": nullable({"type": "string"}),
                    "phone": nullable({"type": "string"}),
                }
            )
        ),
        "reporter_contact": nullable({"type": "string"}),
        "place": nullable({"type": "string"}),
        "building": nullable({"type": "string"}),
        "received_at": STAMP,
        "response_due_at": nullable(STAMP),  # null: an enquiry without a deadline group
        "resolve_due_at": nullable(STAMP),
        "city_due_at": nullable(STAMP),  # the deadline a dispatched case came with
        "first_response_at": nullable(STAMP),
        "verified_at": nullable(STAMP),
        "rejected": nullable(
            closed(
                {
                    "at": STAMP,
                    "reason": {"enum": ["duplicate", "not-ours", "not-real"]},
                    "duplicate_of": nullable({"type": "integer"}),
                }
            )
        ),
        "referral": nullable(
            closed(
                {
                    "to": {
                        "enum": [
                            "property",
                            "police",
                            "street-office",
                            "utility",
                            "city-management",
                            "committee",
                            "other",
                        ]
                    },
                    "contact": nullable({"type": "string"}),
                    "at": STAMP,
                    "due": nullable(DAY_OR_STAMP),
                }
            )
        ),
        "resolved_at": nullable(STAMP),
        "resolution": nullable({"type": "string"}),
        "reported_at": nullable(STAMP),
        "rating": nullable({"enum": ["satisfied", "basically-satisfied", "dissatisfied"]}),
        "rated_at": nullable(STAMP),
        "closed_at": nullable(STAMP),
        "reopen_count": {"type": "integer", "minimum": 0},
        "overdue": {"type": "array", "items": {"enum": ["response", "resolve"]}, "uniqueItems": True},
    }
)
STEP = {"enum": ["receive", "verify", "reject", "refer", "note", "resolve", "tell", "rate", "close", "reopen", "edit"]}
DETAIL = {
    **ISSUE,
    "properties": {
        **ISSUE["properties"],
        "affects": {
            "type": "array",
            "items": closed(
                {"id": {"type": "integer"}, "name": {"type": "string"}, "address": nullable({"type": "string"})}
            ),
        },
        "photos": {
            "type": "array",
            "items": closed(
                {
                    "path": {"type": "string", "pattern": r"^photos/[0-9a-f]{20}(\.[a-z0-9]+)?$"},
                    "name": {"type": "string"},
                    "sha256": {"type": "string", "pattern": r"^[0-9a-f]{64}$"},
                    "size": {"type": "integer", "minimum": 0},
                    "added_at": STAMP,
                }
            ),
        },
        "timeline": {
            "type": "array",
            "minItems": 1,
            "items": closed(
                {
                    "id": {"type": "integer"},
                    "step": STEP,
                    "at": STAMP,
                    "recorded_at": STAMP,
                    "from": nullable(STATUS),
                    "to": nullable(STATUS),
                    "actor": nullable({"type": "string"}),
                    "text": nullable({"type": "string"}),
                    "data": {"type": "object"},
                }
            ),
        },
    },
    "required": [*ISSUE["required"], "affects", "photos", "timeline"],
}
CATEGORY = closed(
    {
        "code": {"type": "string"},
        "en": {"type": "string"},
        "zh": {"type": "string"},
        "parent": nullable({"type": "string"}),
        "group": {"enum": ["emergency", "utility", "general", "complex"]},
        "response_hours": {"type": "integer", "minimum": 1},
        "resolve_hours": {"type": "integer", "minimum": 1},
        "upward": nullable({"type": "string"}),
        "synonyms": {"type": "array", "items": {"type": "string"}},
        "custom": {"type": "boolean"},
    }
)
POINTS = closed(
    {
        "resident": closed(
            {"id": {"type": "integer"}, "name": {"type": "string"}, "address": nullable({"type": "string"})}
        ),
        "balance": {"type": "integer", "minimum": 0},
        "entries": {
            "type": "array",
            "items": closed(
                {
                    "id": {"type": "integer"},
                    "at": STAMP,
                    "delta": {"type": "integer", "not": {"const": 0}},
                    "reason": {"enum": ["report", "redeem"]},
                    "issue_id": nullable({"type": "integer"}),
                    "note": nullable({"type": "string"}),
                }
            ),
        },
    }
)
EVENT = closed(
    {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "kind": {"enum": ["anti-fraud", "safety", "health", "policy", "culture", "other"]},
        "day": DAY,
        "at": nullable(STAMP),
        "partners": {"type": "array", "items": {"type": "string"}},
        "contacts": {"type": "object", "additionalProperties": {"type": "string"}},
        "building": nullable({"type": "string"}),
        "attendees": nullable({"type": "integer", "minimum": 0}),
        "residents": {
            "type": "array",
            "items": closed(
                {
                    "id": {"type": "integer"},
                    "name": {"type": "string"},
                    "address": nullable({"type": "string"}),
                    "living_alone": {"type": "boolean"},
                    "age": nullable({"type": "integer", "minimum": 0}),
                }
            ),
        },
        "photos": {"type": "array", "items": closed({"path": {"type": "string"}, "name": {"type": "string"}})},
        "note": nullable({"type": "string"}),
    }
)


def run(cli, *args: str, env: dict | None = None):
    result = cli(*args, env=env)
    assert result.exit_code == 0, result.stderr
    return result


def as_json(cli, *args: str):
    return json.loads(run(cli, *args, "--json").stdout)


@pytest.fixture
def busy_grid(cli, demo, tmp_path):
    """Issues in every state, with photos, a referral, a rejection, a reopen and points."""
    pic = tmp_path / "p.JPG"
    pic.write_bytes(b"\xff\xd8\xff picture")
    run(cli, "issue", "add", "5号楼门前有装修垃圾", "-c", "app", "-b", "5", "-r", "高阿姨", "--photo", str(pic))
    run(cli, "issue", "add", "下水道堵了", "-r", "李奶奶", "-a", "8-2", "--affects", "张大爷,曾奶奶")
    run(cli, "issue", "add", "又有装修垃圾", "-c", "12345", "--contact", "王先生", "-b", "5")
    run(cli, "issue", "add", "楼道里有异味", "-c", "phone", "-p", "urgent", "-a", "7-3-1102")
    run(cli, "issue", "refer", "1", "--to", "物业", "--contact", "王经理", "--due", "tomorrow 18:00")
    run(cli, "issue", "note", "1", "物业在路上", "--kind", "call", "--by", "物业", "-R")
    run(cli, "issue", "resolve", "1", "清运了", env={"GRIDNOTE_NOW": "2026-11-29T10:00:00+08:00"})
    run(cli, "issue", "rate", "1", "不满意", env={"GRIDNOTE_NOW": "2026-11-29T10:30:00+08:00"})
    run(cli, "issue", "reject", "3", "duplicate", "--of", "1")
    run(cli, "issue", "refer", "2", "--to", "property", "--due", "3d")
    run(cli, "issue", "edit", "4", "-k", "fire")
    run(cli, "event", "add", "防诈骗宣讲", "--at", "8:30", "--with", "社区民警、楼栋长", "-b", "8", "--attendees", "23")
    run(cli, "event", "add", "垃圾分类宣传周", "--at", "today")
    run(cli, "resident", "redeem", "高阿姨", "1", "--for", "纸巾")


def test_issue_list_and_show(cli, busy_grid) -> None:
    listing = as_json(cli, "issue", "list", "--all")
    assert len(listing) == 4
    jsonschema.validate(listing, {"type": "array", "items": ISSUE})
    statuses = {i["id"]: i["status"] for i in listing}
    assert statuses == {1: "referred", 2: "referred", 3: "rejected", 4: "received"}
    for number in (1, 2, 3, 4):
        jsonschema.validate(as_json(cli, "issue", "show", str(number)), DETAIL)
    first = as_json(cli, "issue", "show", "1")
    assert [s["step"] for s in first["timeline"]] == [
        "receive",
        "verify",
        "refer",
        "note",
        "resolve",
        "tell",
        "rate",
        "reopen",
    ]
    assert first["timeline"][2]["data"] == {"to": "property", "contact": "王经理", "due": "2026-11-30T18:00:00+08:00"}
    second = as_json(cli, "issue", "show", "2")
    assert [a["name"] for a in second["affects"]] == ["曾俊华（曾奶奶）", "张国华（张大爷）"]


def test_categories_points_events(cli, busy_grid) -> None:
    jsonschema.validate(as_json(cli, "issue", "category", "list"), {"type": "array", "items": CATEGORY})
    gao = as_json(cli, "resident", "points", "高阿姨")
    jsonschema.validate(gao, POINTS)
    assert [e["delta"] for e in gao["entries"]] == [1, -1] and gao["balance"] == 0
    events = as_json(cli, "event", "list")
    jsonschema.validate(events, {"type": "array", "items": EVENT})
    assert [e["title"] for e in events] == ["垃圾分类宣传周", "防诈骗宣讲"]  # all day first
    assert events[0]["at"] is None and events[1]["at"] == "2026-11-29T08:30:00+08:00"
    assert events[1]["partners"] == ["社区民警", "楼栋长"] and events[1]["attendees"] == 23


def test_every_key_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for schema in (DETAIL, CATEGORY, POINTS, EVENT):
        for key in schema["properties"]:
            assert re.search(rf"`{key}`|\b{key}\b", text), f"docs/json.md does not mention {key!r}"
    assert "## issues" in text and "## events" in text
