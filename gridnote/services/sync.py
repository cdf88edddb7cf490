"""``gridnote sync`` and ``gridnote centre import``: a notebook's changes into the grid centre.

Directly (``sync --centre URL``): the centre says the last change it has of
this notebook, and every change after it goes in batches, each merged in one
centre transaction (:func:`gridnote.centre.store.merge.merge`): a repeated or killed
sync resends what the centre had not acknowledged, and nothing twice. By hand
(``sync --out F``): the changes after the last one sent go into a bundle;
``centre import`` merges bundles the same way.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from gridnote.errors import FileError, InputError, StateError
from gridnote.models.inbox import Received
from gridnote.store.changes import Identity
from gridnote.store.notebook import Notebook

BATCH = 5000  # changes per centre transaction (GRIDNOTE_SYNC_BATCH overrides it)


@dataclass
class SyncResult:
    centre: str  # where it went (no password), or the bundle's path
    grid: str
    changes: int  # changes sent (for a bundle: written)
    rows: Counter[str] = field(default_factory=Counter)  # table -> rows changed
    last_seq: int = 0
    down: Received | None = None  # what came down from the centre (a direct sync)


@dataclass
class ImportResult:
    path: Path
    grid: str
    changes: int
    skipped: int
    rows: Counter[str]


def _batch() -> int:
    try:
        return max(1, int(os.environ.get("GRIDNOTE_SYNC_BATCH", BATCH)))
    except ValueError:
        return BATCH


def _who(nb: Notebook) -> Identity:
    from gridnote.store.changes import identity

    who = identity(nb)
    if not who.grid_code:
        raise StateError("sync.no_grid_code")
    return who


def centre_url(nb: Notebook, given: str | None) -> str:
    url = given or nb.settings().get("centre.url")
    if not url:
        raise InputError("sync.no_centre")
    return url


def _bring_down(nb: Notebook, centre: object, who: Identity) -> Received:
    """File in her inbox what the centre sent her grid after the last item she has (one transaction)."""
    import json

    from gridnote.centre.bundle import DownItem
    from gridnote.centre.store.down import items_after
    from gridnote.services.inbox import receive
    from gridnote.store.settings import put

    after = int(nb.settings().get("centre.received") or 0)
    with centre.begin() as conn:  # type: ignore[attr-defined]
        found = [
            DownItem(r["seq"], r["gid"], r["kind"], json.loads(r["body"]), r["source"], r["created_at"])
            for r in items_after(conn, who.notebook_id, after)
        ]
    if not found:
        return Received()
    with nb.transaction():
        got = receive(nb, found)
        put(nb, "centre.received", str(max(i.seq for i in found)))
    nb.forget_settings()
    return got


def push(nb: Notebook, given: str | None) -> SyncResult:
    """Bring down what the centre sent, then send every change it has not acknowledged (her
    inbox's new rows with them); remember the centre for next time."""
    from gridnote.centre.store.engine import open_centre, safe_url
    from gridnote.centre.store.merge import Merged, acknowledged, merge
    from gridnote.store.changes import changes_after, last_seq
    from gridnote.store.settings import put

    url = centre_url(nb, given)
    who = _who(nb)
    centre = open_centre(url)
    try:
        down = _bring_down(nb, centre, who)
        full = centre.full_readings
        with centre.begin() as conn:
            after = acknowledged(conn, who.notebook_id)
        mine = last_seq(nb)
        if after > mine:
            raise StateError("sync.centre_ahead", have=after, mine=mine)
        total = Merged(last_seq=after)
        size = _batch()
        while True:
            batch = changes_after(nb, after, limit=size)
            if not batch:
                break
            with centre.begin() as conn:
                total.add(merge(conn, who, after, batch, full_readings=full))
            after = total.last_seq
    finally:
        centre.close()
    with nb.transaction():
        if given:
            put(nb, "centre.url", given)
        put(nb, "centre.sent", str(after))
    nb.forget_settings()
    return SyncResult(safe_url(url), who.grid_code or "", total.changes, total.rows, after, down)


def bring_in(nb: Notebook, path: Path) -> Received:
    """A bundle the centre wrote for this grid (``centre export``) into her inbox; items she has are skipped."""
    from gridnote.centre.bundle import read_down
    from gridnote.services.inbox import receive

    bundle = read_down(path)
    who = _who(nb)
    if bundle.notebook_id != who.notebook_id:
        raise FileError("down.other_grid", path=str(path), grid=bundle.grid_code or bundle.notebook_id)
    return receive(nb, bundle.items)


def write_bundle(nb: Notebook, out: Path, *, since: int | None = None, force: bool = False) -> SyncResult:
    """The changes after ``since`` (default: the last one sent) as a bundle at ``out``."""
    from gridnote.centre.bundle import encode
    from gridnote.output.files import atomic_write
    from gridnote.store.changes import changes_after
    from gridnote.store.settings import put

    who = _who(nb)
    after = since if since is not None else int(nb.settings().get("centre.sent") or 0)
    changes = changes_after(nb, after)
    data, last, count = encode(who, after, changes)
    atomic_write(out, lambda f: f.write(data), force=force)
    with nb.transaction():
        put(nb, "centre.sent", str(last))
    nb.forget_settings()
    rows: Counter[str] = Counter()
    for table, _gid in {(c.table, c.gid) for c in changes}:
        rows[table] += 1
    return SyncResult(str(out), who.grid_code or "", count, rows, last)


def import_bundles(url: str, paths: list[Path]) -> list[ImportResult]:
    """Merge bundles into the centre: every file is checked before any is merged, each in one transaction."""
    from gridnote.centre.bundle import read
    from gridnote.centre.store.engine import open_centre
    from gridnote.centre.store.merge import merge

    bundles = sorted((read(p) for p in paths), key=lambda b: (b.who.notebook_id, b.after, b.last))
    centre = open_centre(url)
    found = []
    try:
        full = centre.full_readings
        for b in bundles:
            with centre.begin() as conn:
                m = merge(conn, b.who, b.after, b.changes, full_readings=full)
            found.append(ImportResult(b.path, b.who.grid_code or b.who.notebook_id, m.changes, m.skipped, m.rows))
    finally:
        centre.close()
    return found


def init_centre(url: str, *, full_readings: bool = False) -> str:
    from gridnote.centre.store.engine import connect, create, safe_url

    centre = connect(url, create=True)
    try:
        create(centre, full_readings=full_readings)
    finally:
        centre.close()
    return safe_url(url)


def policy_sql() -> str:
    """PostgreSQL's row-level security for the centre, as SQL to read (``centre init --print-sql``)."""
    from gridnote.centre.store.access import policy_sql as sql

    return sql()


def apply_policies(url: str) -> str:
    """Apply the row-level security on the centre at ``url``; the staff role's name."""
    from gridnote.centre.store.access import STAFF
    from gridnote.centre.store.access import apply_policies as apply

    apply(url)
    return STAFF
