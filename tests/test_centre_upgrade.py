"""An existing centre is brought up to the schema of this gridnote when opened, and only then inspected.

The centre records the shape of the schema it was last brought up to; a centre
made by an older gridnote (a table or an index missing, no shape or another
one recorded) gets what is missing on its next opening, by any command.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="the centre needs the extra gridnote[centre]")


def _names(path: Path, kind: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind])}
    finally:
        conn.close()


def _older(path: Path, shape: str | None) -> None:
    """What an older gridnote left: no event_photos table, no covering index of the visits."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE event_photos")
    conn.execute("DROP INDEX visits_day_cover")
    if shape is None:
        conn.execute("DELETE FROM centre_settings WHERE key = 'shape'")
    else:
        conn.execute("UPDATE centre_settings SET value = ? WHERE key = 'shape'", [shape])
    conn.commit()
    conn.close()


@pytest.mark.parametrize("shape", [None, "0123456789abcdef"])
def test_an_older_centre_gets_what_is_missing_on_opening(cli: Any, tmp_path: Path, shape: str | None) -> None:
    street = tmp_path / "street.db"
    assert cli("centre", "init", str(street)).exit_code == 0
    tables, indexes = _names(street, "table"), _names(street, "index")
    assert {"event_photos", "visits"} <= tables and "visits_day_cover" in indexes
    _older(street, shape)
    assert "event_photos" not in _names(street, "table")
    listed = cli("centre", "grids", "--centre", str(street))
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert _names(street, "table") == tables
    assert _names(street, "index") == indexes
    conn = sqlite3.connect(street)
    recorded = conn.execute("SELECT value FROM centre_settings WHERE key = 'shape'").fetchone()
    conn.close()
    assert recorded is not None and recorded[0] != shape and len(recorded[0]) == 16
