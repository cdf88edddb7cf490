"""gridnote restore: checked first, the current notebook kept, one atomic swap, photos back, the mark cleared."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


def _tasks(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM tasks ORDER BY id")]
    finally:
        conn.close()


def _checkpoint(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _damage_page_5(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(4096 * 4)
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff" * 8)


def test_restore_a_damaged_notebook_from_the_newest_backup(cli, tmp_path: Path) -> None:
    assert cli("demo").exit_code == 0
    assert cli("task", "add", "备份之前").exit_code == 0
    assert cli("backup").exit_code == 0
    folder = tmp_path / "notebook.db-backups"
    (good,) = list(folder.glob("*.db"))
    db = tmp_path / "notebook.db"
    _checkpoint(db)
    os.remove(folder / ".checked")
    _damage_page_5(db)
    damaged_bytes = db.read_bytes()
    assert cli("--lang", "en", "task", "add", "不该写入").exit_code == 5
    assert (folder / ".damaged").exists()
    done = cli("--lang", "en", "restore")
    assert done.exit_code == 0, done.stderr
    kept = folder / "2026-11-29T090000-before.db"
    assert done.stdout == f"✓ Restored from {good}\nThe notebook it replaced is kept as {kept}\n"
    assert done.stderr == ""
    assert kept.read_bytes() == damaged_bytes  # damaged: kept byte for byte
    assert not (folder / ".damaged").exists()
    assert "备份之前" in _tasks(db)
    assert cli("task", "add", "恢复之后").exit_code == 0
    assert _tasks(db)[-2:] == ["备份之前", "恢复之后"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_restore_by_date_and_by_name_keeps_the_current_notebook(cli, tmp_path: Path) -> None:
    assert cli("task", "add", "第一条").exit_code == 0
    assert cli("backup").exit_code == 0
    (first,) = list((tmp_path / "notebook.db-backups").glob("*.db"))
    assert cli("task", "add", "第二条").exit_code == 0
    done = cli("--lang", "en", "restore", "--date", "11-29")
    assert done.exit_code == 0, done.stderr
    db = tmp_path / "notebook.db"
    assert _tasks(db) == ["第一条"]
    kept = tmp_path / "notebook.db-backups" / "2026-11-29T090000-before.db"
    assert _tasks(kept) == ["第一条", "第二条"]  # what it replaced, whole
    again = cli("--lang", "en", "restore", kept.name)
    assert again.exit_code == 0, again.stderr
    assert _tasks(db) == ["第一条", "第二条"]
    assert first.exists()


def test_restore_refuses_a_missing_day_or_a_damaged_backup_and_changes_nothing(cli, tmp_path: Path) -> None:
    assert cli("task", "add", "原样").exit_code == 0
    db = tmp_path / "notebook.db"
    folder = tmp_path / "notebook.db-backups"
    none = cli("--lang", "en", "restore", "--date", "11-01")
    assert none.exit_code == 3
    assert none.stderr == f"Error: no backup of 2026-11-01 in {folder}; gridnote backup list shows them\n"
    zh = cli("--lang", "zh", "restore")
    assert zh.exit_code == 3
    assert zh.stderr == f"错误：{folder} 中没有可恢复的备份\n"
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a notebook" * 100)
    before = _tasks(db)
    refused = cli("--lang", "en", "restore", str(bad))
    assert refused.exit_code == 5
    assert refused.stderr.count("\n") == 1 and "nothing was changed" in refused.stderr
    assert _tasks(db) == before
    assert not folder.exists() or not list(folder.glob("*-before.db"))


def test_photos_come_back(cli, tmp_path: Path) -> None:
    assert cli("demo").exit_code == 0
    pic = tmp_path / "p.JPG"
    pic.write_bytes(b"\xff\xd8\xff picture")
    assert cli("issue", "add", "门前垃圾", "-c", "app", "-b", "5", "--photo", str(pic)).exit_code == 0
    assert cli("backup").exit_code == 0
    photos = tmp_path / "notebook.db-files" / "photos"
    (stored,) = list(photos.iterdir())
    content = stored.read_bytes()
    stored.unlink()
    assert cli("restore").exit_code == 0
    assert (photos / stored.name).read_bytes() == content


def test_a_restore_killed_at_any_moment_leaves_the_old_or_the_new_notebook(cli, tmp_path: Path) -> None:
    assert cli("demo").exit_code == 0
    assert cli("task", "add", "旧的").exit_code == 0
    assert cli("backup").exit_code == 0
    assert cli("task", "add", "新的").exit_code == 0
    db = tmp_path / "notebook.db"
    _checkpoint(db)
    old, restored = _tasks(db), _tasks(db)[:-1]
    env = dict(os.environ, GRIDNOTE_SERVER="0")
    for step in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-m", "gridnote", "restore"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.04 * step)  # from before it starts to after it is done
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        now = _tasks(db)
        assert now in (old, restored)
        if now == restored:
            assert cli("task", "add", "新的").exit_code == 0
            _checkpoint(db)
    final = cli("restore")
    assert final.exit_code == 0, final.stderr
    assert _tasks(db) == restored
