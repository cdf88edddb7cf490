"""Messages: care rounds — starting dates (``care baseline``) and the walk as a route (``care route``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "care.baseline_future": (
        "{day} is still ahead; a care round starts from today or a day that has passed",
        "{day} 还没到；走访周期只能从今天或已经过去的某一天算起",
    ),
    "care.baseline_set": (
        "Care rounds count from {day}{where}: {residents:|resident|residents}, {on_rounds} on a care round",
        "走访周期自 {day} 起计算{where}：{residents} 位居民，其中 {on_rounds} 位在走访名单上",
    ),
    "care.baseline_where": (" in building {building}", "（{building}号楼）"),
    "care.baseline_not_visit": (
        "A starting date is not a visit: the visit log and care coverage are unchanged.",
        "起算日不是走访：走访记录和走访覆盖率都不变。",
    ),
    "care.baseline_due": (
        "Due a care visit today: {due} ({never} without visit or starting date) · gridnote today",
        "今天该走访 {due} 位（其中 {never} 位既无走访也无起算日）· gridnote today",
    ),
    "card.care": ("Care round", "走访周期"),
    "care.since": ("start {date}", "起算 {date}"),
    "care.start.baseline": ("set with gridnote care baseline", "用 gridnote care baseline 设定"),
    "care.start.import": ("last visit from the roster", "花名册中的上次走访"),
    "care.start_line": (
        "counted from {date} ({source}; not a visit)",
        "自 {date} 起计算（{source}；不是走访记录）",
    ),
    "report.care_since": ("from {day} (starting date), {n} d late", "自 {day} 起（起算日），逾期 {n} 天"),
    "import.bad_last_visit": ('last visit "{text}" is not a date', "上次走访“{text}”不是日期"),
    "import.last_visit_future": ("last visit {day} is still ahead", "上次走访 {day} 还没到"),
    # the route
    "route.title": ("Route: {count} due a visit on the walk", "巡楼路线：{count} 人该走访"),
    "route.title_none": ("Route: nobody due a visit", "巡楼路线：没有人到期该走访"),
    "route.due": ("{count} due", "{count} 人该走访"),
    "route.none_due": ("none due", "无人到期"),
    "route.walked": ("walked {time}", "{time} 已巡"),
    "route.unit_floor": ("unit {unit} {floor}F", "{unit}单元{floor}层"),
    "route.unit": ("unit {unit}", "{unit}单元"),
    "route.elsewhere": ("No address in a building: {count}", "没有楼栋地址：{count} 人"),
}
