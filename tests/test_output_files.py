"""Files she made are never silently replaced: ``-o FILE`` refuses an existing file unless ``--force``."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridnote.errors import FileError
from gridnote.output.files import atomic_write


@pytest.mark.parametrize(
    "command",
    [
        ("report", "-o"),
        ("report", "-f", "json", "-o"),
        ("resident", "export", "-o"),
        ("issue", "export", "-o"),
    ],
)
@pytest.mark.parametrize("name", ["roster.xlsx", "roster.csv"])
def test_an_existing_file_is_refused_and_kept(cli, demo, tmp_path: Path, command, name) -> None:
    if command[0] == "report" and name.endswith(".csv"):
        name = "roster.zip"
    target = tmp_path / name
    target.write_bytes(b"her own spreadsheet")
    result = cli(*command, str(target))
    assert (result.exit_code, result.stdout) == (6, "")
    assert result.stderr == f"Error: {target} already exists; nothing was written (--force replaces it)\n"
    assert target.read_bytes() == b"her own spreadsheet"
    forced = cli(*command, str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_bytes() != b"her own spreadsheet"


def test_the_refusal_in_chinese(cli, demo, tmp_path: Path) -> None:
    target = tmp_path / "周报.xlsx"
    target.write_bytes(b"x")
    result = cli("--lang", "zh", "report", "--week", "-o", str(target))
    assert (result.exit_code, result.stderr) == (6, f"错误：{target} 已经存在，未写入（要替换它请加 --force）\n")


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "day.json"

    def write(handle) -> None:
        target.write_text("written by someone else meanwhile")
        handle.write(b"{}")

    with pytest.raises(FileError) as caught:
        atomic_write(target, write)
    assert caught.value.key == "file.exists"
    assert target.read_text() == "written by someone else meanwhile"
    assert [p.name for p in tmp_path.iterdir() if p.name != "notebook.db"] == ["day.json"]  # no temporary file left


def test_a_new_file_is_written_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    atomic_write(target, lambda handle: handle.write(b"{}"))
    assert target.read_bytes() == b"{}"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name != "notebook.db"] == ["new.json"]


def test_a_killed_writes_part_file_is_removed_by_the_next_write(cli, tmp_path) -> None:
    """Killed while writing e.xlsx, a hidden part file with personal data stayed for good; the next write removes it."""
    import os
    import time

    out = tmp_path / "e.csv"
    stale = tmp_path / ".e.csv.abc123.part"
    stale.write_text("name,phone\n李秀英,13857112345\n", encoding="utf-8")
    hour_ago = time.time() - 3601
    os.utime(stale, (hour_ago, hour_ago))
    running = tmp_path / ".e.csv.def456.part"  # another terminal writing the same file right now
    running.write_bytes(b"...")
    other = tmp_path / ".other.csv.abc123.part"
    other.write_bytes(b"...")
    os.utime(other, (hour_ago, hour_ago))
    result = cli("resident", "export", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert not stale.exists() and running.exists() and other.exists() and out.exists()
