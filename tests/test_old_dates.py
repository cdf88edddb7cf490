"""A date in another year always shows its year (render/when.py), so last year's 11-29 never reads as upcoming."""

from __future__ import annotations

from datetime import date

from gridnote.messages import i18n
from gridnote.render.dates import month_day, month_day_weekday, short_date, short_time

TODAY = date(2026, 11, 29)


def test_short_forms_keep_the_year_of_another_year() -> None:
    assert month_day("2026-11-29", TODAY) == "11-29"
    assert month_day(date(2025, 11, 29), TODAY) == "2025-11-29"
    assert month_day_weekday("2025-11-29", TODAY) == "2025-11-29 Sat"
    assert month_day_weekday("2026-12-01", TODAY) == "12-01 Tue"
    assert short_time("2025-11-29T09:40:00+08:00", TODAY) == "2025-11-29 09:40"
    assert short_time("2026-12-01", TODAY) == "12-01"
    assert short_date(date(2026, 11, 30), TODAY) == "Mon 30 Nov"
    assert short_date(date(2027, 1, 1), TODAY) == "Friday 1 January 2027"
    i18n.set_lang("zh")
    assert month_day_weekday("2025-11-29", TODAY) == "2025-11-29 周六"


def test_a_visit_of_last_year_shows_its_year_everywhere(cli, demo) -> None:
    result = cli("log", "高阿姨", "去年", "--at", "2025-11-29", "--bp", "150/95")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "✓ Logged home visit #1: 高玉兰（高阿姨） 5-1-502 · 2025-11-29 Sat 12:00"
    assert lines[-1] == "  Care round: next visit due by 2025-12-06 Sat (living alone: every 7 days)"
    assert cli("log", "高阿姨", "今天", "--bp", "150/95").exit_code == 0
    card = cli("resident", "show", "高阿姨").stdout
    assert "2025-11-29 09:00" not in card  # the old visit is at noon (a day without a time)
    assert "│ 2025-11-29 12:00  home visit  去年" in card
    assert "│ 11-29 09:00       home visit  今天" in card
    assert "mmHg  2025-11-29…11-29" in card
    table = cli("visits", "-r", "高阿姨").stdout
    assert " 1   2025-11-29 12:00 " in table and " 2   11-29 09:00 " in table


def test_last_care_visit_of_another_year_in_today(cli, demo) -> None:
    assert cli("log", "高阿姨", "x", "--at", "2025-11-29").exit_code == 0
    out = cli("today", "--all").stdout
    assert "358 days overdue · last 2025-11-29" in out
