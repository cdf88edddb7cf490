"""The examples folder and the example grid behave as the README says."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_example_files_behave_as_documented(cli) -> None:
    ok = cli("resident", "import", str(EXAMPLES / "residents-gb18030.csv"))
    assert ok.exit_code == 0 and "3 added" in ok.stdout
    bad = cli("resident", "import", str(EXAMPLES / "residents-bad-row.csv"))
    assert bad.exit_code == 2 and "row 5:" in bad.stderr
    again = cli("resident", "import", str(EXAMPLES / "residents.xlsx"))
    assert "3 unchanged" in again.stdout


def test_example_grid_is_the_same_every_time() -> None:
    from gridnote.services.demo import generate

    first = [(p.fields.name, p.fields.alias, p.household.canonical(), tuple(p.fields.tags)) for p in generate()]
    second = [(p.fields.name, p.fields.alias, p.household.canonical(), tuple(p.fields.tags)) for p in generate()]
    assert first == second and len(first) == 752
    assert len({p[2] for p in first}) == 317
    by_alias = {p[1]: p for p in first if p[1]}
    assert by_alias["李奶奶"][2] == by_alias["张大爷"][2] == "8-2-301"
    assert "bedridden" in by_alias["李奶奶"][3] and "hypertension" in by_alias["李奶奶"][3]
    assert "living-alone" in by_alias["高阿姨"][3]
