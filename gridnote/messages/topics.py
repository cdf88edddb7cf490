"""Messages: the ``gridnote help TOPIC`` pages (and their man pages), in English and Chinese.

A page is its title, paragraphs ``topic.<name>.<n>`` in order, and tables
drawn from the rules themselves (gridnote/cli/help_topics.py), so the figures
shown are the ones gridnote uses.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "topic.list": ("Help topics (gridnote help TOPIC):", "帮助主题（gridnote help 主题）："),
    "topic.unknown": (
        "no help topic or command {name!r}; topics: {topics}",
        "没有帮助主题或命令“{name}”；可用主题：{topics}",
    ),
    "topic.man_written": ("✓ Wrote {count} man pages to {folder}", "✓ 已把 {count} 个 man 手册页写入 {folder}"),
    "topic.man_exists": (
        "{path} already exists; add --force to replace the man pages there",
        "{path} 已存在；加 --force 以替换那里的 man 手册页",
    ),
    "topic.see_also": ("See also", "另见"),
    "topic.exit_status": ("Exit status", "退出码"),
    # -- dates ----------------------------------------------------------------------------
    "topic.dates.title": ("Dates and times", "日期和时间"),
    "topic.dates.summary": ("typing days, times and periods", "日期、时刻和时间段的写法"),
    "topic.dates.1": (
        "Days and times are typed as she says them, in English or Chinese: 明天早上6点半, tomorrow 6:30, "
        "周五, next mon, 3天后, in 2 days, 12-01, 2026-12-01, 下个月5号, the 5th of next month, 下月底, "
        "昨夜11点, last night 8pm. Full-width digits (６：３０) are read like half-width ones.",
        "日期和时间照平时说的写，中英文都行：明天早上6点半、tomorrow 6:30、周五、next mon、3天后、"
        "in 2 days、12-01、2026-12-01、下个月5号、下月底、昨夜11点、last night 8pm。全角数字（６：３０）与半角一样。",
    ),
    "topic.dates.2": (
        "Plans look ahead, records look back. For a task, a time alone that has passed today (--due 6:30 "
        "typed at noon) is tomorrow's, and 周五 is the coming Friday; for a visit or an issue, --at 20:00 "
        "typed at 14:00 is last night, 周五 is the last Friday, and a day that has not come yet is refused. "
        "A past day without a time is recorded at noon.",
        "计划往前看，记录往回看。任务的时刻如果今天已过（中午写 --due 6:30）就是明天的，周五是即将到来的周五；"
        "走访或问题的 --at 20:00 在下午2点写就是昨晚，周五是刚过去的周五，还没到的时间会被拒绝。"
        "只写过去的日期、不写时刻，按中午12点记。",
    ),
    "topic.dates.3": (
        "A period is one of: --date DAY (one day), --from DAY --to DAY (a range; --to defaults to today), "
        "--week or --month (the calendar week Mon–Sun or month; with --date, the one holding that day). "
        "They do not mix, and a range that runs backwards is refused. Years outside 1900–2100 are taken "
        "for typos. A day is a local day, in the notebook's time zone (gridnote config set timezone).",
        "时间段写法只能选一种：--date 某天、--from 某天 --to 某天（--to 默认今天）、--week 或 --month"
        "（自然周一到周日、自然月；与 --date 合用时为那一天所在的周或月）。不能混用，倒过来的时间段会被拒绝。"
        "1900–2100 年以外的年份视为笔误。一天指本地的一天，按笔记本的时区（gridnote config set timezone）。",
    ),
    "topic.dates.examples": (
        'gridnote task add "BP for Grandma Li" --due "tomorrow 6:30" · gridnote log 李奶奶 "BP normal" '
        '--at "yesterday 3pm" · gridnote visits --from 11-01 --to today · gridnote report --week',
        'gridnote task add "送降压药" --due 明天早上6点半 · gridnote log 李奶奶 "测血压" --at 昨天下午3点 · '
        "gridnote visits --from 11-01 --to 今天 · gridnote report --week",
    ),
    # -- care rounds ------------------------------------------------------------------------
    "topic.care.title": ("Care rounds", "关怀走访"),
    "topic.care.summary": ("who is due a visit, and when", "谁该走访了，多久一次"),
    "topic.care.1": (
        "Residents in a care group are due a home visit every so many days, counted from their last care "
        "visit: a home visit or an emergency call-out in the visit log (a phone or WeChat contact does not "
        "count). A visit to a household counts for everyone living there. With several tags, the shortest "
        "interval applies.",
        "关怀对象每隔若干天应上门走访一次，从上一次关怀走访算起：走访记录中的入户走访或应急出动才算"
        "（电话、微信联系不算）。走访住户对该户每个人都算。一个人有多个标签时，按最短的间隔。",
    ),
    "topic.care.2": (
        "gridnote today lists who is due: never visited first, then the most overdue, with address and "
        "tags; the report counts the coverage. The intervals are settings: gridnote config set "
        "care.bedridden 2.",
        "gridnote today 列出该走访的人：从没走访过的排在最前，其次是逾期最久的，附地址和标签；"
        "报表统计覆盖率。间隔是设置项：gridnote config set care.bedridden 2。",
    ),
    "topic.care.table": ("Default intervals", "默认间隔"),
    "topic.care.days": ("every {days} days", "每 {days} 天"),
    # -- categories and deadlines ---------------------------------------------------------------
    "topic.categories.title": ("Issue categories and deadlines", "问题类别和办理时限"),
    "topic.categories.summary": (
        "what an issue is filed under, and how long each step may take",
        "问题的类别和各环节时限",
    ),
    "topic.categories.1": (
        "Every issue has a category (--category 下水道, blocked-drain, or any of its other names). Each "
        "category belongs to a deadline group, which sets two deadlines counted from when the issue was "
        "received: the first response (contact with the reporter) and the resolution. An urgent issue "
        "gets the emergency deadlines when they are shorter. Late issues are marked in gridnote today, "
        "issue list --overdue and the report's rates.",
        "每个问题都有类别（--category 下水道、blocked-drain 或它的其他叫法）。每个类别属于一个时限类型，"
        "从受理时起算两个时限：首次响应（与反映人联系）和办结。紧急问题如果紧急类时限更短，就按紧急类。"
        "超时的问题会在 gridnote today、issue list --overdue 和报表的三率中标出。",
    ),
    "topic.categories.2": (
        "Add your own with gridnote issue category add, change an upward code or deadline group with "
        "issue category set, and the deadlines with gridnote config set deadline.utility.resolve_hours 48.",
        "用 gridnote issue category add 添加自己的类别，用 issue category set 修改上报编码或时限类型，"
        "用 gridnote config set deadline.utility.resolve_hours 48 修改时限。",
    ),
    "topic.categories.groups": ("Deadline groups (hours from receipt)", "时限类型（从受理起的小时数）"),
    "topic.categories.group_row": (
        "respond {response} h, resolve {resolve} h",
        "响应 {response} 小时，办结 {resolve} 小时",
    ),
    "topic.categories.list": ("Categories", "类别"),
    # -- readings and thresholds ------------------------------------------------------------------
    "topic.readings.title": ("Readings and thresholds", "测量读数和阈值"),
    "topic.readings.summary": ("blood pressure, pulse, glucose, temperature, weight", "血压、脉搏、血糖、体温、体重"),
    "topic.readings.1": (
        "A visit may carry readings: --bp 139/90, --pulse 63, --glucose 6.1 (mmol/L), --temp 36.8 (or "
        "36.8℃), --weight 52.5 (kg, or 105斤). A value no real measurement can have is refused with the "
        "reason and nothing is stored (a typo, or glucose in mg/dL).",
        "走访可以附带测量：--bp 139/90、--pulse 63、--glucose 6.1（mmol/L）、--temp 36.8（或 36.8℃）、"
        "--weight 52.5（公斤，或 105斤）。不可能是真实测量的数值会说明原因并拒绝，什么都不记"
        "（笔误，或以 mg/dL 记的血糖）。",
    ),
    "topic.readings.2": (
        "gridnote flags a reading that reaches a threshold; it never diagnoses. The flag keeps the "
        "threshold in force when the reading was taken. Defaults follow China's primary-care guidance; "
        "change one with gridnote config set threshold.bp.systolic 135 (0 switches it off), and have a "
        "re-check task made after a flag with gridnote config set recheck.after 2.",
        "读数达到阈值时 gridnote 会标出，但从不做诊断。标记会保留测量当时的阈值。默认值依照国家基层诊疗指南；"
        "可用 gridnote config set threshold.bp.systolic 135 修改（设为 0 则关闭），"
        "用 gridnote config set recheck.after 2 让标记后自动建复测任务。",
    ),
    "topic.readings.thresholds": ("Default thresholds", "默认阈值"),
    "topic.readings.plausible": ("Accepted as a real measurement", "可接受的测量范围"),
    # -- privacy ----------------------------------------------------------------------------------
    "topic.privacy.title": ("Privacy", "隐私"),
    "topic.privacy.summary": ("what leaves the notebook, and how", "哪些内容会离开笔记本，以何种方式"),
    "topic.privacy.1": (
        "The notebook is one local file, private to you (mode 0600 in a 0700 folder); what is in it "
        "leaves the machine only in the files you write with it. Files gridnote writes (exports, reports) are private too, and written whole or not at "
        "all.",
        "笔记本是一个本地文件，只有你能读写（文件权限 0600，所在文件夹 0700）；其中的内容只会通过你用它写出的文件离开这台电脑。"
        "gridnote 写出的文件（导出、报表）同样私有，要么完整写入，要么不写。",
    ),
    "topic.privacy.2": (
        "Phone and ID numbers are masked in every export and report (138****5678, +86-138-****-5678, "
        "330106********1234), also inside notes, however they are written (0571****7777, (0571)**** 9999, full-width "
        "digits, old 15-digit ID numbers, passports E******78); --full includes them in full and the report says so. "
        "Health readings are listed only when flagged, unless --readings all. The screen shows numbers "
        "in full: it is yours.",
        "在所有导出和报表中，电话和身份证号都会打码（138****5678、+86-138-****-5678、330106********1234），"
        "备注中的也一样，无论怎样书写（0571****7777、(0571)**** 9999、全角数字、15 位旧身份证号、护照 E******78）；加 --full 才会完整输出，报表会注明。健康读数只列出被标记的，除非加 --readings all。"
        "屏幕上显示完整号码：那是你自己看的。",
    ),
}
