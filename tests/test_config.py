"""``gridnote config``: settings read, checked, written and unset."""

from __future__ import annotations

import json


def test_config_roundtrip(cli) -> None:
    assert cli("config", "get", "care.bedridden").stdout.strip() == "3"
    assert cli("config", "set", "care.bedridden", "2").exit_code == 0
    assert cli("config", "get", "care.bedridden").stdout.strip() == "2"
    assert json.loads(cli("config", "list", "--json").stdout)["care.bedridden"] == 2
    bad = cli("config", "set", "care.bedridden", "zero")
    assert bad.exit_code == 2 and bad.stderr.strip() == 'Error: care.bedridden needs a number, not "zero"'
    assert cli("config", "set", "nope", "1").exit_code == 2
    assert cli("config", "unset", "care.bedridden").exit_code == 0
    assert cli("config", "get", "care.bedridden").stdout.strip() == "3"


def test_config_lang_switches_messages(cli) -> None:
    cli("resident", "add", "王芳", "-a", "5-1-101")
    assert cli("config", "set", "lang", "中文").exit_code == 0
    assert "共 1 人" in cli("resident", "list").stdout
    assert "residents: 1" in cli("resident", "list", env={"GRIDNOTE_LANG": "en"}).stdout
    assert cli("config", "set", "timezone", "Mars/Base").exit_code == 2


def test_threshold_pairs_stay_in_order(cli) -> None:
    result = cli("config", "set", "threshold.glucose.low", "8")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: threshold.glucose.low (8.0) must stay below threshold.glucose.high (7.0)"
    assert cli("config", "set", "threshold.glucose.high", "0").exit_code == 0  # switched off: no order to keep
    assert cli("config", "set", "threshold.glucose.low", "8").exit_code == 0
