"""``.gnsync`` bundles: a notebook's changes on a USB stick, checked whole before anything is read.

A bundle is gzip-compressed text: one header line (JSON: format, notebook id,
grid code, worker name, street (absent in bundles before it was sent), the change it starts after, its last change, how many,
and a SHA-256 over the header's other fields and the body), then one JSON line
per change (``[seq, at, table, gid, op, row, refs]``). A file damaged or
altered in transit fails the checksum (or cannot be unpacked) and is refused
whole. The checksum guards against damage, not against a forger who rewrites
it: a street that needs that carries bundles on its own network or signs them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridnote.errors import FileError
from gridnote.store.changes import Change, Identity

FORMAT = "gridnote-sync/1"  # a notebook's changes, up to the centre
DOWN = "gridnote-down/1"  # what the centre sends a grid (``centre export``, ``sync --in``)
SUFFIX = ".gnsync"


@dataclass(frozen=True)
class Bundle:
    path: Path
    who: Identity
    after: int  # the last change before this bundle's first
    last: int  # its last change (``after`` when empty)
    changes: list[Change]


def _digest(header: dict[str, Any], body: bytes) -> str:
    fields = json.dumps({k: v for k, v in header.items() if k != "sha256"}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(fields.encode() + b"\n" + body).hexdigest()


def encode(who: Identity, after: int, changes: Iterable[Change]) -> tuple[bytes, int, int]:
    """(the file's bytes, its last change, how many changes)."""
    lines = []
    last = after
    for c in changes:
        lines.append(json.dumps([c.seq, c.at, c.table, c.gid, c.op, c.row, c.refs], ensure_ascii=False))
        last = c.seq
    body = ("\n".join(lines) + "\n" if lines else "").encode()
    header: dict[str, Any] = {
        "format": FORMAT,
        "notebook_id": who.notebook_id,
        "grid_code": who.grid_code,
        "worker_name": who.worker_name,
        "street": who.street,
        "after": after,
        "last": last,
        "count": len(lines),
    }
    return _pack(header, body), last, len(lines)


def _pack(header: dict[str, Any], body: bytes) -> bytes:
    header["sha256"] = _digest(header, body)
    raw = json.dumps(header, ensure_ascii=False).encode() + b"\n" + body
    return gzip.compress(raw, mtime=0)


def _unpack(path: Path, expected: str) -> tuple[dict[str, Any], list[Any]]:
    """(header, the body's lines as JSON), checked whole; a bundle going the other way is named as such."""
    try:
        raw = gzip.decompress(path.read_bytes())
    except FileNotFoundError as exc:
        raise FileError("centre.bundle_missing", path=str(path)) from exc
    except (OSError, EOFError, zlib.error) as exc:
        raise FileError("centre.bundle_damaged", path=str(path)) from exc
    first, _, body = raw.partition(b"\n")
    try:
        header = json.loads(first)
        if not isinstance(header, dict) or header.get("format") not in (FORMAT, DOWN):
            raise ValueError("format")
        if header.get("sha256") != _digest(header, body):
            raise ValueError("checksum")
        lines = [json.loads(line) for line in body.decode().splitlines() if line]
        if len(lines) != header["count"]:
            raise ValueError("count")
    except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        raise FileError("centre.bundle_damaged", path=str(path)) from exc
    if header["format"] != expected:
        raise FileError("centre.bundle_up" if expected == DOWN else "centre.bundle_down", path=str(path))
    return header, lines


def read(path: Path) -> Bundle:
    """A bundle, checked whole; a damaged, altered or foreign file is refused (:class:`FileError`)."""
    header, lines = _unpack(path, FORMAT)
    try:
        changes = [Change(*line) for line in lines]
    except TypeError as exc:
        raise FileError("centre.bundle_damaged", path=str(path)) from exc
    who = Identity(str(header["notebook_id"]), header.get("grid_code"), header.get("worker_name"), header.get("street"))
    return Bundle(path, who, int(header["after"]), int(header["last"]), changes)


# -- down: what the centre sends one grid ----------------------------------------------------
@dataclass(frozen=True)
class DownItem:
    seq: int  # its number among the grid's items
    gid: str
    kind: str  # issue, task, register
    body: dict[str, Any]
    source: str | None
    created_at: str


@dataclass(frozen=True)
class DownBundle:
    path: Path
    notebook_id: str
    grid_code: str | None
    items: list[DownItem]


def encode_down(notebook_id: str, grid_code: str | None, items: Iterable[DownItem]) -> bytes:
    lines = [json.dumps([i.seq, i.gid, i.kind, i.body, i.source, i.created_at], ensure_ascii=False) for i in items]
    body = ("\n".join(lines) + "\n" if lines else "").encode()
    header: dict[str, Any] = {"format": DOWN, "notebook_id": notebook_id, "grid_code": grid_code, "count": len(lines)}
    return _pack(header, body)


def read_down(path: Path) -> DownBundle:
    """A bundle from the centre for one grid, checked whole (:class:`FileError` if not)."""
    header, lines = _unpack(path, DOWN)
    try:
        items = [DownItem(int(s), str(g), str(k), dict(b), src, str(at)) for s, g, k, b, src, at in lines]
    except (TypeError, ValueError) as exc:
        raise FileError("centre.bundle_damaged", path=str(path)) from exc
    return DownBundle(path, str(header["notebook_id"]), header.get("grid_code"), items)
