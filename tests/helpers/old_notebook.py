"""A notebook as an older gridnote left it: migrated up to a given step, stamped as ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gridnote.store import migrations
from gridnote.store.notebook import APPLICATION_ID


def notebook_at(path: Path, last: str) -> Path:
    """Create ``path`` with the migrations up to and including ``last`` (a step's name)."""
    import sqlite_utils

    done = migrations.NAMES.index(last) + 1
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    if done < len(migrations.NAMES):
        migrations.migrations().apply(db, stop_before=migrations.NAMES[done])
    else:
        migrations.migrations().apply(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {done}")
    conn.commit()
    conn.close()
    return path
