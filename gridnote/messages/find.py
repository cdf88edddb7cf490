"""Messages: find."""

MESSAGES: dict[str, tuple[str, str]] = {
    "find.empty_query": (
        'nothing to look for in "{text}"; type a name, a word or a number',
        "“{text}”里没有可查找的内容；请输入姓名、词语或号码",
    ),
    "find.bad_kind": ('unknown kind "{text}"; choose {choices}', "没有“{text}”这一类；可选：{choices}"),
    "find.none": ('Nothing found for "{query}".', "没有找到“{query}”。"),
    "find.header": ('"{query}": {counts}', "“{query}”：{counts}"),
    "find.count.resident": ("residents {count}", "居民 {count}"),
    "find.count.issue": ("issues {count}", "问题 {count}"),
    "find.count.task": ("tasks {count}", "任务 {count}"),
    "find.count.visit": ("visits {count}", "走访 {count}"),
    "find.group.resident": ("Residents ({count})", "居民（{count}）"),
    "find.group.issue": ("Issues ({count})", "问题（{count}）"),
    "find.group.task": ("Tasks ({count})", "任务（{count}）"),
    "find.group.visit": ("Visits ({count})", "走访记录（{count}）"),
    "find.more": ("… {count} more: {command}", "……另有 {count} 条：{command}"),
    "find.moved_out": ("(moved out)", "（已迁出）"),
    "find.deceased": ("(deceased)", "（已故）"),
}
