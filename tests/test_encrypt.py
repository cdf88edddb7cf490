"""gridnote encrypt / decrypt: SQLCipher at rest, opened transparently, backups encrypted, never half-converted.

Needs the ``encrypt`` extra (sqlcipher3, in the ``test`` extra): skipped with the reason where it
is missing, and run under CI=true whatever happens (a missing extra then fails).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("sqlcipher3") is None and not os.environ.get("CI"),
    reason="sqlcipher3 (pip install -e '.[encrypt]') is not installed here",
)

PLAIN = b"SQLite format 3\x00"
KEY = "冬梅轩 grid key 2026"
RAW = "9f" * 32


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "grid.key"
    path.write_text(KEY + "\n", encoding="utf-8")
    return path


def _head(path: Path) -> bytes:
    return path.read_bytes()[:16]


def _open_with(db: Path, key: str) -> sqlite3.Connection:
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(db))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = '" + (f"x''{key}''" if key == RAW else key) + "'")
    return conn


def _tasks(conn: object) -> list[str]:
    return [r[0] for r in conn.execute("SELECT text FROM tasks ORDER BY id")]  # type: ignore[attr-defined]


def test_encrypt_then_every_command_opens_it_with_the_key(cli, db_path: Path, key_file: Path) -> None:
    with_key = {"GRIDNOTE_KEY_FILE": str(key_file)}
    assert cli("resident", "add", "李秀英", "--alias", "李奶奶", "-a", "8-2-301", "-n", "早上量血压最准").exit_code == 0
    assert cli("task", "add", "量血压 李奶奶").exit_code == 0
    done = cli("encrypt", env=with_key)
    assert (done.exit_code, done.stderr) == (0, "")
    assert done.stdout == (
        f"✓ Encrypted {db_path}; 0 backups encrypted too. Keep the key safe: without it nothing can be read\n"
    )
    assert _head(db_path) != PLAIN and PLAIN not in db_path.read_bytes()
    assert "李秀英".encode() not in db_path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn = _open_with(db_path, KEY)
    assert _tasks(conn) == ["量血压 李奶奶"]
    conn.close()
    assert cli("task", "add", "复测血压", env=with_key).stdout == "✓ Added task 2: 复测血压 · no date\n"
    found = cli("find", "量血压", env=with_key)  # the trigram index works inside SQLCipher
    assert found.exit_code == 0 and "#1 李秀英（李奶奶）" in found.stdout
    decrypted = cli("decrypt", env=with_key)
    assert decrypted.stdout == f"✓ Decrypted {db_path}; 0 backups decrypted too\n"
    zh = cli("--lang", "zh", "encrypt", env=with_key)
    assert zh.stdout == f"✓ 已加密 {db_path}，0 份备份也已加密。请妥善保管密钥：没有它，任何内容都无法读取\n"
    again = cli("encrypt", env=with_key)
    assert (again.exit_code, again.stderr) == (4, f"Error: the notebook {db_path} is already encrypted\n")


def test_without_the_key_or_with_a_wrong_one_one_line_and_nothing_touched(cli, db_path: Path, key_file: Path) -> None:
    assert cli("task", "add", "量血压").exit_code == 0
    assert cli("encrypt", env={"GRIDNOTE_KEY_FILE": str(key_file)}).exit_code == 0
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    none = cli("task", "add", "x")
    assert (none.exit_code, none.stdout) == (5, "")
    assert none.stderr == (
        f"Error: the notebook {db_path} is encrypted: give its key in GRIDNOTE_KEY_FILE (a file) or GRIDNOTE_KEY, "
        "or run the command on a terminal to be asked\n"
    )
    wrong = cli("today", env={"GRIDNOTE_KEY": "not the key"})
    assert (wrong.exit_code, wrong.stdout) == (5, "")
    assert wrong.stderr == f"Error: the key does not open {db_path} (or it is not a notebook); nothing was changed\n"
    zh = cli("--lang", "zh", "task", "add", "y", env={"GRIDNOTE_KEY": "not the key"})
    assert zh.stderr == f"错误：该密钥打不开 {db_path}（或者它不是笔记本），未做任何改动\n"
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    empty = key_file.with_name("empty.key")
    empty.write_text("", encoding="utf-8")
    refused = cli("today", env={"GRIDNOTE_KEY_FILE": str(empty)})
    assert (refused.exit_code, refused.stderr) == (6, f"Error: the key file {empty} is empty\n")


def test_a_raw_key_of_64_hex_digits_and_decrypt(cli, db_path: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw.key"
    raw.write_text(RAW + "\n", encoding="ascii")
    with_key = {"GRIDNOTE_KEY_FILE": str(raw)}
    assert cli("task", "add", "量血压").exit_code == 0
    assert cli("encrypt", env=with_key).exit_code == 0
    conn = _open_with(db_path, RAW)  # the raw key itself, no passphrase derivation
    assert _tasks(conn) == ["量血压"]
    conn.close()
    done = cli("--lang", "zh", "decrypt", env=with_key)
    assert (done.exit_code, done.stdout, done.stderr) == (0, f"✓ 已解密 {db_path}，0 份备份也已解密\n", "")
    assert _head(db_path) == PLAIN
    assert cli("task", "list").exit_code == 0  # no key needed any more
    conn = sqlite3.connect(db_path)
    assert _tasks(conn) == ["量血压"]
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47524E54
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    plain = cli("decrypt")
    assert (plain.exit_code, plain.stderr) == (4, f"Error: the notebook {db_path} is not encrypted\n")


def test_backups_of_an_encrypted_notebook_are_encrypted_and_restore_reads_them(
    cli, db_path: Path, key_file: Path, tmp_path: Path
) -> None:
    with_key = {"GRIDNOTE_KEY_FILE": str(key_file)}
    folder = tmp_path / "notebook.db-backups"
    assert cli("task", "add", "备份之前").exit_code == 0
    assert cli("backup").exit_code == 0
    (plain_backup,) = folder.glob("*.db")
    assert _head(plain_backup) == PLAIN
    done = cli("encrypt", env=with_key)
    assert done.stdout.startswith(f"✓ Encrypted {db_path}; 1 backups encrypted too.")
    assert _head(plain_backup) != PLAIN  # no plain copy left beside an encrypted notebook
    assert cli("task", "add", "备份之后", env=with_key).exit_code == 0
    assert cli("backup", "--to", str(tmp_path / "usb.db"), env=with_key).exit_code == 0
    assert _head(tmp_path / "usb.db") != PLAIN
    listed = cli("backup", "list", "--json", env=with_key)
    assert listed.exit_code == 0 and '"ok": true' in listed.stdout and '"ok": false' not in listed.stdout
    restored = cli("restore", str(tmp_path / "usb.db"), env=with_key)
    assert restored.exit_code == 0, restored.stderr
    assert _head(db_path) != PLAIN
    conn = _open_with(db_path, KEY)
    assert _tasks(conn) == ["备份之前", "备份之后"]
    conn.close()
    wrong = cli("restore", plain_backup.name, env={"GRIDNOTE_KEY": "not the key"})
    assert wrong.exit_code == 5 and wrong.stderr.startswith("Error: the key does not open ")


def test_the_daily_backup_of_an_encrypted_notebook_gets_the_key_on_a_pipe(cli, key_file: Path, tmp_path: Path) -> None:
    with_key = {"GRIDNOTE_KEY_FILE": str(key_file)}
    assert cli("task", "add", "量血压").exit_code == 0
    assert cli("encrypt", env=with_key).exit_code == 0
    folder = tmp_path / "notebook.db-backups"
    assert cli("today", env={**with_key, "GRIDNOTE_BACKUP": "on"}).exit_code == 0
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(folder.glob("2026-11-29T*.db")):
        time.sleep(0.1)
    (made,) = list(folder.glob("2026-11-29T*.db"))
    assert _head(made) != PLAIN
    conn = _open_with(made, KEY)
    assert _tasks(conn) == ["量血压"]
    conn.close()


def test_an_encrypt_killed_at_any_moment_leaves_the_plain_or_the_encrypted_notebook(
    cli, db_path: Path, key_file: Path
) -> None:
    with_key = {"GRIDNOTE_KEY_FILE": str(key_file)}
    assert cli("demo").exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tasks = _tasks(conn)
    conn.close()
    env = dict(os.environ, GRIDNOTE_SERVER="0", **with_key)
    for step in range(16):
        proc = subprocess.Popen(
            [sys.executable, "-m", "gridnote", "encrypt"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(0.08 * step)  # from before it starts to after it is done
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        encrypted = _head(db_path) != PLAIN
        conn = _open_with(db_path, KEY) if encrypted else sqlite3.connect(db_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _tasks(conn) == tasks
        conn.close()
        if encrypted:
            assert cli("decrypt", env=with_key).exit_code == 0
    assert cli("encrypt", env=with_key).exit_code == 0  # and the copies killed ones left are removed
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".part")] == []
    assert cli("today", env=with_key).exit_code == 0


def test_without_the_extra_one_line_names_it(cli, db_path: Path, key_file: Path) -> None:
    blocked = "import sys; sys.modules['sqlcipher3'] = None; from gridnote.cli import run; sys.exit(run())"
    env = dict(os.environ, GRIDNOTE_SERVER="0", GRIDNOTE_KEY_FILE=str(key_file))

    def without(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", blocked, *args], env=env, capture_output=True, text=True)

    refused = without("encrypt")
    assert (refused.returncode, refused.stdout) == (5, "")
    assert refused.stderr == "Error: encrypting needs the encrypt extra: pip install 'gridnote[encrypt]'\n"
    assert _head(db_path) == PLAIN
    assert cli("encrypt", env={"GRIDNOTE_KEY_FILE": str(key_file)}).exit_code == 0
    for args in (["today"], ["decrypt"]):
        done = without(*args)
        assert (done.returncode, done.stdout) == (5, "")
        assert done.stderr == (
            "Error: this notebook is encrypted, and opening it needs the encrypt extra: pip install 'gridnote[encrypt]'\n"
        )


class _MemoryKeyring:
    """A keyring backend held in this process: what the system's would keep."""

    priority = 1

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.kept.get((service, name))

    def set_password(self, service: str, name: str, password: str) -> None:
        self.kept[(service, name)] = password

    def delete_password(self, service: str, name: str) -> None:
        del self.kept[(service, name)]


@pytest.mark.in_process  # sets this process's keyring: never through a server
def test_a_key_remembered_in_the_system_keyring_opens_the_notebook(
    cli, db_path: Path, key_file: Path, monkeypatch
) -> None:
    keyring = pytest.importorskip("keyring")
    from keyring.backend import KeyringBackend

    memory = type("Memory", (_MemoryKeyring, KeyringBackend), {})()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        assert cli("task", "add", "量血压 李奶奶").exit_code == 0
        done = cli("encrypt", "--remember", env={"GRIDNOTE_KEY_FILE": str(key_file)})
        assert done.exit_code == 0, done.stderr
        assert (
            done.stdout.splitlines()[-1]
            == "  The key is kept in the system's keyring: commands here need not ask for it"
        )
        assert memory.kept == {("gridnote", str(db_path.resolve())): KEY}
        # no key file, no variable, no terminal: the keyring's key opens it
        monkeypatch.delenv("GRIDNOTE_KEY_FILE", raising=False)
        monkeypatch.delenv("GRIDNOTE_KEY", raising=False)
        from gridnote.store import cipher

        cipher.use_key(None)
        listed = cli("task", "list", "--json")
        assert listed.exit_code == 0, listed.stderr
        assert "量血压 李奶奶" in listed.stdout
        # decrypting forgets it
        cipher.use_key(None)
        assert cli("decrypt").exit_code == 0
        assert memory.kept == {}
    finally:
        keyring.set_keyring(previous)


def test_remember_without_a_keyring_says_so_and_encrypts_anyway(cli, db_path: Path, key_file: Path) -> None:
    done = cli("encrypt", "--remember", env={"GRIDNOTE_KEY_FILE": str(key_file)})  # no backend on a test machine
    assert done.exit_code == 0 and _head(db_path) != PLAIN
    assert done.stderr == "no system keyring here: the key is not remembered (use GRIDNOTE_KEY_FILE)\n"


def test_encrypt_and_decrypt_in_json(cli, db_path: Path, key_file: Path) -> None:
    with_key = {"GRIDNOTE_KEY_FILE": str(key_file)}
    assert cli("task", "add", "x").exit_code == 0
    done = cli("encrypt", "--remember", "--json", env=with_key)  # no keyring on a test machine
    assert done.exit_code == 0, done.stderr
    import json

    assert json.loads(done.stdout) == {
        "version": 1,
        "path": str(db_path),
        "backups": 0,
        "left": [],
        "remembered": False,
    }
    back = json.loads(cli("decrypt", "--json", env=with_key).stdout)
    assert back == {"version": 1, "path": str(db_path), "backups": 0, "left": []}
