"""Messages: dates (``gridnote.input.dates``) and repeat rules (``gridnote.input.recurrence``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "dates.range_backwards": (
        "--from {start} is after --to {end}",
        "--from {start} 晚于 --to {end}",
    ),
    # the one period reader (gridnote.input.periods)
    "dates.week_and_month": ("choose one of --week and --month", "--week 和 --month 只能选一个"),
    "dates.period_and_range": (
        "--week/--month take --date (a day inside), not --from/--to",
        "--week/--month 只能配合 --date（其中的某一天），不能配合 --from/--to",
    ),
    "dates.date_and_range": ("give either --date or --from/--to, not both", "--date 和 --from/--to 只能用一种"),
    # Accepted forms, shown in every date error. Both lists show both languages:
    # she may type either whatever the interface language is.
    "dates.examples": (
        "today, tomorrow 6:30, fri, next mon, in 2 days, 3h, 2026-12-01, 12-01, 明天6:30, 下周一, 3天后",
        "今天、明天6:30、明早、下午3点、周五、下周一、3天后、2小时后、12月1日、2026-12-01、tomorrow 6:30",
    ),
    "dates.examples_day": (
        "today, tomorrow, fri, next mon, in 2 days, eom, 2026-12-01, 12-01, 明天, 下周一, 3天后",
        "今天、明天、周五、下周一、3天后、月底、12月1日、2026-12-01、tomorrow",
    ),
    "dates.empty": (
        "No date given. Try: {examples}",
        "没有填写日期。可以这样写：{examples}",
    ),
    "dates.unparseable": (
        'Cannot read the date "{text}". Try: {examples}',
        "看不懂日期“{text}”。可以这样写：{examples}",
    ),
    "dates.invalid": (
        'No such date or time: "{text}". Try: {examples}',
        "没有这个日期或时间：“{text}”。可以这样写：{examples}",
    ),
    "dates.out_of_bounds": (
        '"{text}" is not between the years {first} and {last}: check the year',
        "“{text}”不在{first}年到{last}年之间，请检查年份",
    ),
    "dates.needs_time": (
        '"{text}" has no time of day; give one, e.g. 21:40 or 昨天21:40',
        "“{text}”没有时刻；请写上时间，例如 21:40 或 昨天21:40",
    ),
    "dates.day_only": (
        '"{text}" has a time of day; only a day is expected here. Try: {examples}',
        "“{text}”带有时刻，这里只填日期。可以这样写：{examples}",
    ),
    # Repeat rules of recurring tasks.
    "recurrence.day": ("every day", "每天"),
    "recurrence.weekday": ("every weekday", "每个工作日"),
    "recurrence.week": ("every week", "每周"),
    "recurrence.month": ("every month", "每月"),
    "recurrence.days": ("every {n} days", "每{n}天"),
    "recurrence.weeks": ("every {n} weeks", "每{n}周"),
    "recurrence.months": ("every {n} months", "每{n}个月"),
    "recurrence.examples": (
        "day, weekday, week, month, 2d, 3w, 2m, every 2 days, 每天, 工作日, 每周, 每2天",
        "每天、工作日、每周、每月、每2天、每3周、每2个月、daily、weekly、2d",
    ),
    "recurrence.unknown": (
        'Unknown repeat rule "{text}". Try: {examples}',
        "看不懂重复规则“{text}”。可以这样写：{examples}",
    ),
}
