"""``gridnote check``'s SQL and file checks: the file, its foreign keys, the search index, the photos.

Every check reads the raw connection and reports what it finds as data
(:class:`Finding`): a damaged page is something to report here, not an error
that stops the command (:meth:`Notebook.execute` would turn it into one).
Rebuilding the search index (``--repair``) is the one write, and it writes
only derived rows (the two FTS5 indexes of ``search_schema.m006_search``,
never synced or logged), so it is done here with the same statements the
migrations filled them with.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gridnote.models.check import Finding
from gridnote.store import cipher
from gridnote.store.notebook import Notebook
from gridnote.store.paths import PHOTO_TABLES, files_dir
from gridnote.store.search_schema import SEARCH_KIND_CODES

PHOTOS = "photos"


def integrity(conn: sqlite3.Connection) -> list[str]:
    """What ``PRAGMA integrity_check`` says (at most 20 lines): [] when the file is sound."""
    from gridnote.store.backup import check

    lines = check(conn, quick=False)
    if len(lines) == 1 and "malformed" in lines[0]:  # integrity_check gave up on a page: quick_check names it
        return check(conn, quick=True) or lines
    return lines


def foreign_keys(conn: sqlite3.Connection) -> list[Finding]:
    """Rows that point at a row that is not there (``PRAGMA foreign_key_check``), one per table and parent."""
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    except cipher.DATABASE as exc:
        return [Finding("unreadable", {"what": str(exc)})]
    counted: dict[tuple[str, str], list[int]] = {}
    for table, rowid, parent, _ in rows:
        counted.setdefault((str(table), str(parent)), []).append(int(rowid or 0))
    return [
        Finding("foreign_key", {"table": table, "parent": parent, "count": len(ids), "rows": _ids(ids)})
        for (table, parent), ids in sorted(counted.items())
    ]


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in sorted(ids)[:5])
    return shown + (", …" if len(ids) > 5 else "")


def search_index(conn: sqlite3.Connection) -> list[Finding]:
    """The search index against its sources: documents missing or out of date, entries left over.

    Counted by document (``rowid = id * 8 + kind``) over both indexes: a document
    missing from either, or whose text is not the row's, is missing; an entry in
    either with no row behind it is left over.
    """
    docs = " UNION ALL ".join(
        f"SELECT ref * 8 + {code} AS id, body FROM search_{kind}_doc WHERE body != ''"
        for kind, code in SEARCH_KIND_CODES.items()
    )
    try:
        sources = {r[0] for r in conn.execute(f"SELECT id FROM ({docs})")}
        stale = {r[0] for r in conn.execute(f"SELECT id FROM ({docs} EXCEPT SELECT rowid, body FROM search)")}
        indexed = {r[0] for r in conn.execute("SELECT rowid FROM search")}
        han = {r[0] for r in conn.execute("SELECT rowid FROM search_han")}
    except cipher.DATABASE as exc:
        return [Finding("search_unreadable", {"what": str(exc)})]
    lacking = len(stale | (sources - han))
    extra = len((indexed | han) - sources)
    return [Finding("search", {"lacking": lacking, "extra": extra})] if lacking or extra else []


def rebuild_search(nb: Notebook) -> int:
    """Fill both search indexes again from their sources (inside the caller's transaction); the entries made."""
    nb.execute("DELETE FROM search")
    nb.execute("INSERT INTO search_han(search_han) VALUES ('delete-all')")
    for kind, code in SEARCH_KIND_CODES.items():
        nb.execute(
            f"INSERT INTO search (rowid, body) SELECT ref * 8 + {code}, body FROM search_{kind}_doc WHERE body != ''"
        )
    nb.execute("INSERT INTO search_han (rowid, body) SELECT id, body FROM search_spaced")
    return search_entries(nb)


def search_entries(nb: Notebook) -> int:
    """How many entries the search index holds."""
    return int(nb.scalar("SELECT count(*) FROM search") or 0)


@dataclass(frozen=True)
class PhotoState:
    stored: int  # photos the notebook refers to
    missing: list[str]  # relative paths (files folder) of photos that are not there
    changed: list[str]  # there, but not the size the notebook recorded
    orphans: list[Path]  # files in the photos folder no issue or event refers to


def photos(conn: sqlite3.Connection, notebook: Path) -> PhotoState:
    """Photos the notebook records against the files in its photos folder."""
    base = files_dir(notebook)
    try:
        rows = conn.execute(" UNION ".join(f"SELECT path, size FROM {table}" for table in PHOTO_TABLES)).fetchall()
    except cipher.DATABASE:
        rows = []
    missing: list[str] = []
    changed: list[str] = []
    known: set[str] = set()
    for path, size in rows:
        known.add(os.path.normpath(str(path)))
        try:
            actual = os.stat(base / str(path)).st_size
        except OSError:
            missing.append(str(path))
            continue
        if actual != size:
            changed.append(str(path))
    orphans: list[Path] = []
    folder = base / PHOTOS
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        entries = []
    for entry in entries:
        if entry.name.startswith("."):  # an unfinished copy (.name.part), not a photo
            continue
        if os.path.normpath(f"{PHOTOS}/{entry.name}") not in known:
            orphans.append(Path(entry.path))
    return PhotoState(len(known), sorted(missing), sorted(changed), orphans)


def bring_back_photo(notebook: Path, relative: str, kept: Path) -> bool:
    """Put a missing photo back from the backups' photos folder (``kept``); False if it is not there either."""
    from gridnote.store.backup import link_photos

    source = kept / Path(relative).name
    if not source.is_file():
        return False
    target = files_dir(notebook) / relative
    link_photos(kept, target.parent, only={source.name})
    return target.is_file()
