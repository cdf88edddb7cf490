"""gridnote.input.recurrence: reading repeat rules, their labels and the next due day."""

from __future__ import annotations

from datetime import date

import pytest

from gridnote.errors import InputError
from gridnote.input.recurrence import Rule, parse_rule
from gridnote.messages import i18n


@pytest.fixture(autouse=True)
def _reset_lang():
    yield
    i18n.reset()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("day", "day"),
        ("daily", "day"),
        ("every day", "day"),
        ("Every Day", "day"),
        ("每天", "day"),
        ("天天", "day"),
        ("每日", "day"),
        ("1d", "day"),
        ("weekday", "weekday"),
        ("weekdays", "weekday"),
        ("工作日", "weekday"),
        ("每个工作日", "weekday"),
        ("week", "week"),
        ("weekly", "week"),
        ("每周", "week"),
        ("每星期", "week"),
        ("every 1 week", "week"),
        ("month", "month"),
        ("monthly", "month"),
        ("每月", "month"),
        ("每个月", "month"),
        ("2d", "2d"),
        ("every 2 days", "2d"),
        ("每2天", "2d"),
        ("每两天", "2d"),
        ("每２天", "2d"),
        ("隔天", "2d"),
        ("every other day", "2d"),
        ("每十天", "10d"),
        ("3w", "3w"),
        ("every 3 weeks", "3w"),
        ("每3周", "3w"),
        ("每三个星期", "3w"),
        ("biweekly", "2w"),
        ("2m", "2m"),
        ("every 2 months", "2m"),
        ("每2个月", "2m"),
        ("每两个月", "2m"),
        ("  2M  ", "2m"),
    ],
)
def test_parse_rule(text: str, code: str) -> None:
    assert parse_rule(text) == Rule(code)


@pytest.mark.parametrize(
    ("code", "english", "chinese"),
    [
        ("day", "every day", "每天"),
        ("weekday", "every weekday", "每个工作日"),
        ("week", "every week", "每周"),
        ("month", "every month", "每月"),
        ("2d", "every 2 days", "每2天"),
        ("3w", "every 3 weeks", "每3周"),
        ("2m", "every 2 months", "每2个月"),
    ],
)
def test_label(code: str, english: str, chinese: str) -> None:
    i18n.set_lang("en")
    assert Rule(code).label() == english
    i18n.set_lang("zh")
    assert Rule(code).label() == chinese


@pytest.mark.parametrize(
    ("code", "after", "expected"),
    [
        ("day", date(2026, 11, 29), date(2026, 11, 30)),
        ("day", date(2026, 12, 31), date(2027, 1, 1)),
        ("2d", date(2026, 11, 29), date(2026, 12, 1)),
        ("weekday", date(2026, 12, 2), date(2026, 12, 3)),  # Wed → Thu
        ("weekday", date(2026, 12, 4), date(2026, 12, 7)),  # Fri → Mon
        ("weekday", date(2026, 12, 5), date(2026, 12, 7)),  # Sat → Mon
        ("weekday", date(2026, 12, 6), date(2026, 12, 7)),  # Sun → Mon
        ("week", date(2026, 11, 29), date(2026, 12, 6)),
        ("3w", date(2026, 11, 29), date(2026, 12, 20)),
        ("month", date(2026, 11, 29), date(2026, 12, 29)),
        ("month", date(2026, 1, 31), date(2026, 2, 28)),  # clamped
        ("month", date(2028, 1, 31), date(2028, 2, 29)),  # leap year
        ("2m", date(2026, 12, 31), date(2027, 2, 28)),
        ("2m", date(2026, 11, 29), date(2027, 1, 29)),
    ],
)
def test_next_day(code: str, after: date, expected: date) -> None:
    assert Rule(code).next_day(after) == expected


def test_anchor_keeps_the_rhythm() -> None:
    monthly = Rule("month")
    first = date(2026, 1, 31)
    assert monthly.next_day(date(2026, 2, 28), anchor=first) == date(2026, 3, 31)
    assert monthly.next_day(date(2026, 3, 15), anchor=first) == date(2026, 3, 31)
    assert monthly.next_day(date(2026, 3, 31), anchor=first) == date(2026, 4, 30)
    # A fortnightly Monday task done late on Wednesday stays on Mondays.
    fortnightly = Rule("2w")
    assert fortnightly.next_day(date(2026, 12, 9), anchor=date(2026, 11, 30)) == date(2026, 12, 14)
    # Before the series starts, the first due day is next.
    weekly = Rule("week")
    assert weekly.next_day(date(2026, 11, 1), anchor=date(2026, 11, 30)) == date(2026, 11, 30)


@pytest.mark.parametrize("text", ["xyz", "", "0d", "每周一", "every 0 weeks", "999d"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unknown_rule(text: str, lang: str) -> None:
    i18n.set_lang(lang)
    with pytest.raises(InputError) as info:
        parse_rule(text)
    error = info.value
    assert error.key == "recurrence.unknown"
    assert error.exit_code == 2
    message = str(error)
    assert "\n" not in message
    if lang == "en":
        assert message == (
            f'Unknown repeat rule "{text}". Try: day, weekday, week, month, 2d, 3w, 2m, '
            "every 2 days, 每天, 工作日, 每周, 每2天"
        )
    else:
        assert message.startswith(f"看不懂重复规则“{text}”。可以这样写：每天、工作日、")


@pytest.mark.parametrize("code", ["daily", "1d", "0w", "2x", ""])
def test_rule_refuses_non_canonical_codes(code: str) -> None:
    with pytest.raises(ValueError):
        Rule(code)
