"""Long lists: the screen draws at most SCREEN_ROWS rows and says how many it left out; --json has all."""

from __future__ import annotations

import json
from datetime import date, timedelta

from gridnote.input.dates import When
from gridnote.render.common import SCREEN_ROWS
from gridnote.services.tasks import add_task
from gridnote.store import write
from tests.helpers.visit_rows import insert_visit

EXTRA = 7


def test_a_long_task_list_draws_the_first_rows(cli, nb) -> None:
    start = date(2026, 12, 1)
    with nb.transaction():
        for n in range(SCREEN_ROWS + EXTRA):
            add_task(nb, f"task {n}", due=When(start + timedelta(days=n), None))
    result = cli("task", "list")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"{SCREEN_ROWS + EXTRA} tasks" in " ".join(lines)
    assert any(" task 0 " in f" {line} " for line in lines)
    assert not any("task 206" in line for line in lines)
    assert lines[-1].startswith(f"… {EXTRA} more not shown (narrow with --from/--to")
    assert len(json.loads(cli("task", "list", "--json").stdout)) == SCREEN_ROWS + EXTRA


def test_a_long_visit_log_draws_the_newest_and_says_how_many_earlier(cli, nb) -> None:
    write.insert(nb, "buildings", {"code": "5", "created_at": "2026-01-01T08:00:00+08:00"})
    start = date(2026, 1, 1)
    with nb.transaction():
        for n in range(SCREEN_ROWS + EXTRA):
            insert_visit(nb, "walk", (start + timedelta(days=n)).isoformat(), building_id=1)
    result = cli("--lang", "zh", "visits", "--from", "2026-01-01", "--to", "2026-11-29")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"……更早的 {EXTRA} 条未显示")
    last_day = start + timedelta(days=SCREEN_ROWS + EXTRA - 1)
    assert any(f"{last_day:%m-%d} 10:00" in line for line in lines)  # the newest is drawn
    assert not any(f"{start:%m-%d} 10:00" in line for line in lines)  # the oldest is not
    visits = json.loads(cli("visits", "--from", "2026-01-01", "--to", "2026-11-29", "--json").stdout)
    assert len(visits["visits"] if isinstance(visits, dict) else visits) == SCREEN_ROWS + EXTRA


def test_a_short_list_says_nothing_about_rows_left_out(cli, nb) -> None:
    with nb.transaction():
        for n in range(3):
            add_task(nb, f"task {n}")
    assert "not shown" not in cli("task", "list").stdout
