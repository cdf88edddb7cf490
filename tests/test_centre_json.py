"""``gridnote centre report --json``: the documented structure, each grid's numbers and rates as its worker's own."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.report_day import EVENING
from tests.test_centre import evening, grids, run  # noqa: F401 (fixtures)

pytest.importorskip("sqlalchemy", reason="the centre needs the extra gridnote[centre]")
DOCS = Path(__file__).resolve().parent.parent / "docs" / "json.md"


def test_the_report_as_json_agrees_with_each_worker_s_own_report(cli, grids, tmp_path: Path) -> None:  # noqa: F811
    a, b = grids
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    for db in (a, b):
        assert run(cli, db, "sync", "--centre", str(street)).exit_code == 0
    done = run(cli, None, "centre", "report", "--centre", str(street), "--from", "11-23", "--to", "11-29", "--json")
    assert done.exit_code == 0, done.stderr
    doc = json.loads(done.stdout)
    schema = json.loads(re.search(r"```json schema=centre-report\n(.*?)```", DOCS.read_text("utf-8"), re.S)[1])
    import jsonschema

    jsonschema.validate(doc, schema)
    assert doc["version"] == 1
    assert doc["range"] == {"from": "2026-11-23", "to": "2026-11-29", "days": 7, "period": "range"}
    assert doc["generated_at"] == EVENING
    assert [g["grid_code"] for g in doc["grids"]] == ["冬梅轩-03", "冬梅轩-04"]
    assert [g["worker_name"] for g in doc["grids"]] == ["刘玉莹", "王芳"]
    for grid, db in zip(doc["grids"], (a, b), strict=True):
        own = json.loads(run(cli, db, "report", "--from", "11-23", "--to", "11-29", "--format", "json").stdout)
        for key in ("visits", "contacts", "residents_reached", "households_reached", "walks", "readings", "events"):
            assert grid["numbers"][key] == own["numbers"][key], key
        assert grid["numbers"]["issues"] == own["numbers"]["issues"]
        assert grid["rates"] == own["rates"]
    # grid 03 by hand (the scripted day): 3 readings, 2 flagged (139/90 and 37.5); 2 issues received, 1 resolved
    first = doc["grids"][0]["numbers"]
    assert first["readings"] == {"taken": 3, "flagged": 2}
    assert (first["issues"]["received"], first["issues"]["resolved"]) == (2, 1)
    total: dict[str, Any] = doc["total"]
    assert total["grids"] == 2
    for key in ("contacts", "residents_reached"):
        assert total["numbers"][key] == sum(g["numbers"][key] for g in doc["grids"])
    for rate in ("response", "resolution", "satisfaction"):
        for part in ("numerator", "denominator", "pending"):
            assert total["rates"][rate][part] == sum(g["rates"][rate][part] for g in doc["grids"])


def test_an_empty_centre_reports_no_grid(cli, tmp_path: Path) -> None:
    street = tmp_path / "street.db"
    run(cli, None, "centre", "init", str(street))
    doc = json.loads(run(cli, None, "centre", "report", "--centre", str(street), "--json").stdout)
    assert doc["grids"] == [] and doc["total"]["grids"] == 0
    assert doc["total"]["numbers"]["contacts"] == 0
    assert doc["range"]["period"] == "week"
