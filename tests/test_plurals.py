"""English says a count of one in the singular: "1 resident in 1 household", never "1 households"."""

from __future__ import annotations

from pathlib import Path


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_grid_of_one(cli, tmp_path: Path) -> None:
    roster = tmp_path / "one.csv"
    roster.write_text("name,address\n王五,5-1-101\n", encoding="utf-8")
    dry = ok(cli("resident", "import", str(roster), "--dry-run", "--new-buildings"))
    assert (
        dry.splitlines()[0].rstrip() == "✓ Dry run, nothing written: of 1 row (utf-8) it would add 1, update 0, leave 0"
    )
    ok(cli("resident", "import", str(roster), "--new-buildings"))
    ok(cli("log", "王五", "看望"))
    lines = [line.rstrip() for line in ok(cli("report")).splitlines()]
    assert lines[5:8] == [
        "  Visits       1 · home visit 1",
        "  Reached      1 resident in 1 household",
        "  Daily walk   0 of 1 building",
    ]
    zh = [line.rstrip() for line in ok(cli("--lang", "zh", "report")).splitlines()]
    assert [line for line in zh if line.startswith("  服务")] == ["  服务      1 人，1 户"]


def test_two_and_none_are_plural(cli, tmp_path: Path) -> None:
    roster = tmp_path / "two.csv"
    roster.write_text("name,address\n王五,5-1-101\n赵六,5-1-101\n", encoding="utf-8")
    ok(cli("resident", "import", str(roster), "--new-buildings"))
    ok(cli("log", "5-1-101", "全家走访"))

    def reached(*args: str) -> list[str]:
        return [line.rstrip() for line in ok(cli("report", *args)).splitlines() if line.startswith("  Reached")]

    assert reached("--date", "11-28") == ["  Reached      0 residents in 0 households"]
    assert reached() == ["  Reached      2 residents in 1 household"]
