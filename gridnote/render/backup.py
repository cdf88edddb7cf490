"""Backups: the list (``gridnote backup list``) and sizes, as Rich renderables and JSON."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from rich.table import Table

from gridnote.messages.i18n import t
from gridnote.services.backup import Listed


def size_text(size: int) -> str:
    """1 234 567 bytes → 1.2 MB (decimal units, as file managers show them)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"


def backups_table(listed: list[Listed]) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False)
    for key in ("backup.col.taken", "backup.col.size", "backup.col.check", "backup.col.file"):
        table.add_column(t(key), justify="right" if key == "backup.col.size" else "left")
    for item in listed:
        check = t("backup.ok") if not item.findings else t("backup.bad", what=item.findings[0])
        table.add_row(
            item.backup.taken.strftime("%Y-%m-%d %H:%M:%S"), size_text(item.backup.size), check, item.backup.path.name
        )
    return table


def backups_json(listed: list[Listed]) -> list[dict[str, Any]]:
    return [
        {
            "taken": item.backup.taken.isoformat(),
            "size": item.backup.size,
            "ok": not item.findings,
            "findings": item.findings,
            "path": str(item.backup.path),
        }
        for item in listed
    ]


def taken_json(path: Path, size: int, taken: datetime) -> dict[str, Any]:
    """The backup just taken (checked before it was kept), as one element of ``backup list --json``."""
    local = taken.replace(tzinfo=None, microsecond=0)  # as the list reads it from the file name
    return {"taken": local.isoformat(), "size": size, "ok": True, "findings": [], "path": str(path)}
