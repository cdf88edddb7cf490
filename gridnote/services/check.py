"""``gridnote check [--repair]``: is the notebook sound, and what to do about each thing that is not.

The file (``PRAGMA integrity_check``), its foreign keys, the search index against
the rows it is made from, and the photos against the files beside the notebook.
``--repair`` rebuilds the search index and brings missing photos back from the
backups' photos folder; a damaged file is never written into (restore a backup).
A file that passes clears a damaged mark left by an earlier check.
"""

from __future__ import annotations

from gridnote import clock
from gridnote.models.check import CheckReport, Finding
from gridnote.store import backup as backups
from gridnote.store import check as store
from gridnote.store.notebook import Notebook


def run_check(nb: Notebook, *, repair: bool = False) -> CheckReport:
    file = _file(nb)
    findings = file or store.foreign_keys(nb.conn)  # a damaged file: what else it says follows from that
    repaired: list[Finding] = []
    if not file and backups.damaged(nb.path) is not None:
        backups.clear_damaged(nb.path)  # the earlier check's alarm: the whole file passes now
        repaired.append(Finding("mark_cleared"))
    if not file:
        backups.mark_checked(nb.path, clock.today().isoformat())
    search = [] if file else store.search_index(nb.conn)
    pictures = store.photos(nb.conn, nb.path)
    kept = backups.folder(nb.path) / backups.PHOTOS
    if repair and not file:
        if search:
            with nb.transaction():
                entries = store.rebuild_search(nb)
            repaired.append(Finding("search_rebuilt", {"entries": entries}))
            search = [] if file else store.search_index(nb.conn)
        back = [p for p in pictures.missing if store.bring_back_photo(nb.path, p, kept)]
        if back:
            repaired.extend(Finding("photo_back", {"path": _shown(nb, p)}) for p in back)
            pictures = store.photos(nb.conn, nb.path)
    findings.extend(search)
    for relative in pictures.missing:
        code = "photo_missing_kept" if (kept / relative.rsplit("/", 1)[-1]).is_file() else "photo_missing"
        findings.append(Finding(code, {"path": _shown(nb, relative)}))
    findings.extend(Finding("photo_changed", {"path": _shown(nb, p)}) for p in pictures.changed)
    findings.extend(Finding("photo_orphan", {"path": p}) for p in pictures.orphans)
    entries = 0 if search or file else store.search_entries(nb)
    return CheckReport(findings, repaired, entries, pictures.stored)


def _file(nb: Notebook) -> list[Finding]:
    """One finding for a damaged file, however many pages SQLite names: the remedy is the same."""
    lines = store.integrity(nb.conn)
    if not lines:
        return []
    backups.mark_damaged(nb.path, lines[0])
    values = {"what": lines[0], "more": len(lines) - 1}
    good = backups.newest_good(nb.path)
    if good is None:
        return [Finding("damaged_no_backup", values)]
    return [Finding("damaged", {**values, "backup": good})]


def _shown(nb: Notebook, relative: str) -> str:
    from gridnote.store.paths import files_dir

    return str(files_dir(nb.path) / relative)
