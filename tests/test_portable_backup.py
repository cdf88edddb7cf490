"""A copy to carry: ``backup --to FILE --encrypt-to KEY`` or ``--passphrase`` writes one age file
(the checked copy and its photos), and ``restore FILE`` puts it back; real age files, read back
with pyrage itself to show anyone's age tool opens them."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
import tarfile
from pathlib import Path

import pytest

pyrage = pytest.importorskip("pyrage", reason="the portable extra (pip install 'gridnote[portable]')")

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def fails(result, code: int, message: str) -> None:
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", f"Error: {message}\n")


@pytest.fixture
def key(tmp_path: Path) -> tuple[str, Path]:
    identity = pyrage.x25519.Identity.generate()
    secret = tmp_path / "key.txt"
    secret.write_text(f"# a test key\n{identity}\n", encoding="utf-8")
    return str(identity.to_public()), secret


def tasks(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM tasks ORDER BY id")]
    finally:
        conn.close()


def test_a_copy_encrypted_to_a_key_goes_and_comes_back_with_its_photos(cli, db_path, tmp_path, key) -> None:
    public, secret = key
    picture = tmp_path / "waste.jpg"
    picture.write_bytes(JPEG + b"renovation waste at building 5")
    ok(cli("resident", "add", "李秀英", "--alias", "李奶奶", "-a", "8-2-301", "--phone", "13800001111"))
    ok(cli("issue", "add", "5号楼门前有装修垃圾", "-b", "8", "--photo", str(picture)))
    ok(cli("task", "add", "带走之前"))
    usb = tmp_path / "usb" / "grid.age"
    usb.parent.mkdir()
    written = ok(cli("backup", "--to", str(usb), "--encrypt-to", public))
    assert written.startswith(f"✓ Encrypted copy written: {usb} (")
    assert stat.S_IMODE(usb.stat().st_mode) == 0o600
    sealed = usb.read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1\n-> X25519 ")
    assert "李秀英".encode() not in sealed and b"13800001111" not in sealed and b"renovation waste" not in sealed
    assert sorted(p.name for p in usb.parent.iterdir()) == ["grid.age"]  # no part file, no photos beside it
    # any age tool opens it: a tar of the checked copy and its photos
    identity = pyrage.x25519.Identity.from_str(secret.read_text().splitlines()[1])
    with tarfile.open(fileobj=io.BytesIO(pyrage.decrypt(sealed, [identity])), mode="r:gz") as inside:
        names = inside.getnames()
    assert names[0] == "notebook.db" and len(names) == 2 and names[1].startswith("photos/")
    # later work, then the copy is put back: the notebook as it was, photo included
    ok(cli("task", "add", "带走之后"))
    photos = db_path.with_name(db_path.name + "-files") / "photos"
    for photo in photos.iterdir():
        photo.unlink()
    fails(cli("restore", str(usb)), 2, f"{usb} is encrypted to a key: give its secret key with --identity FILE")
    assert tasks(db_path) == ["带走之前", "带走之后"]  # nothing touched
    restored = ok(cli("restore", str(usb), "--identity", str(secret)))
    assert restored.startswith(f"✓ Restored from {usb}")
    assert tasks(db_path) == ["带走之前"]
    assert [p.read_bytes() for p in photos.iterdir()] == [JPEG + b"renovation waste at building 5"]
    shown = json.loads(ok(cli("issue", "show", "1", "--json")))
    assert len(shown["photos"]) == 1


def test_a_copy_with_a_passphrase_and_a_wrong_one(cli, db_path, tmp_path, monkeypatch) -> None:
    ok(cli("task", "add", "口令备份之前"))
    usb = tmp_path / "grid.age"
    monkeypatch.setenv("GRIDNOTE_BACKUP_PASSPHRASE", "山楂树下 2026")
    ok(cli("backup", "--to", str(usb), "--passphrase"))
    assert b"\n-> scrypt " in usb.read_bytes()[:200]
    assert pyrage.passphrase.decrypt(usb.read_bytes(), "山楂树下 2026")[:2] == b"\x1f\x8b"  # a gzip'd tar inside
    ok(cli("task", "add", "之后"))
    before = db_path.read_bytes()
    monkeypatch.setenv("GRIDNOTE_BACKUP_PASSPHRASE", "wrong")
    fails(
        cli("restore", str(usb)),
        5,
        f"cannot decrypt {usb} (Decryption failed): wrong key or passphrase; nothing was changed",
    )
    assert db_path.read_bytes() == before
    monkeypatch.setenv("GRIDNOTE_BACKUP_PASSPHRASE", "山楂树下 2026")
    assert "已从" in ok(cli("--lang", "zh", "restore", str(usb)))
    assert tasks(db_path) == ["口令备份之前"]
    # without a terminal and no passphrase set: refused, nothing written
    monkeypatch.delenv("GRIDNOTE_BACKUP_PASSPHRASE")
    fails(cli("backup", "--to", str(tmp_path / "b.age"), "--passphrase"), 2,
          "no passphrase: type it at the prompt, or set GRIDNOTE_BACKUP_PASSPHRASE")  # fmt: skip
    assert not (tmp_path / "b.age").exists()


def test_what_is_refused_before_anything_is_written(cli, tmp_path, key) -> None:
    public, _ = key
    fails(
        cli("backup", "--encrypt-to", public),
        2,
        "--encrypt-to and --passphrase write a copy to carry: say where with --to FILE",
    )
    result = cli("backup", "--to", str(tmp_path / "x.age"), "--encrypt-to", "age1notakey")
    assert result.exit_code == 2 and result.stderr.startswith("Error: age1notakey is not an age recipient")
    existing = tmp_path / "there.age"
    existing.write_bytes(b"hers")
    fails(cli("backup", "--to", str(existing), "--encrypt-to", public), 6,
          f"{existing} already exists; add --force to replace it")  # fmt: skip
    assert existing.read_bytes() == b"hers"
    recipients = tmp_path / "recipients.txt"
    recipients.write_text(f"# the centre's key\n{public}\n", encoding="utf-8")
    ok(cli("backup", "--to", str(existing), "--encrypt-to", str(recipients), "--force"))
    assert existing.read_bytes().startswith(b"age-encryption.org/v1\n")
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("notebook.db"))
    assert written == ["key.txt", "recipients.txt", "there.age"]  # no part file, no photos folder left beside it


def test_an_archive_is_read_for_its_two_names_only(cli, db_path, tmp_path, key) -> None:
    """A crafted copy (a path out of the folder, a link) writes nothing but the notebook it holds."""
    public, secret = key
    copy = tmp_path / "copy.db"
    conn = sqlite3.connect(db_path)
    conn.execute("VACUUM INTO ?", [str(copy)])
    conn.close()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(copy, arcname="notebook.db")
        for name in ("../escaped.txt", "photos/../../escaped.txt", "/tmp/escaped-abs.txt"):
            data = b"should never be written"
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
        link = tarfile.TarInfo("photos/link.jpg")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
    crafted = tmp_path / "crafted.age"
    crafted.write_bytes(pyrage.encrypt(buffer.getvalue(), [pyrage.x25519.Recipient.from_str(public)]))
    ok(cli("restore", str(crafted), "--identity", str(secret)))
    assert not (tmp_path / "escaped.txt").exists() and not Path("/tmp/escaped-abs.txt").exists()
    assert not (db_path.with_name(db_path.name + "-files") / "photos" / "link.jpg").exists()
    not_ours = tmp_path / "plain.age"
    not_ours.write_bytes(pyrage.encrypt(b"just some text", [pyrage.x25519.Recipient.from_str(public)]))
    result = cli("restore", str(not_ours), "--identity", str(secret))
    assert result.exit_code == 5 and result.stderr.startswith(f"Error: {not_ours} is not a gridnote copy (")
    assert os.path.exists(db_path)
