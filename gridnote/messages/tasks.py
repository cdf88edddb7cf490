"""Messages: tasks, tomorrow's work and the daily agenda."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- errors ------------------------------------------------------------------
    "task.weekday_on_weekend": (
        "{day} is a weekend day; a weekday task starts on a weekday",
        "{day} 是周末；工作日重复的任务要从工作日开始",
    ),
    "task.series_open": (
        "task {id} is an earlier time of repeating task {other}; only its last time can be taken back:"
        " gridnote task reopen {other}",
        "任务 {id} 是重复任务 {other} 较早的一次；只能撤回最近一次：gridnote task reopen {other}",
    ),
    "task.not_found": ("there is no task {id}", "没有编号为 {id} 的任务"),
    "task.text_empty": ("a task needs some text", "任务内容不能为空"),
    "task.text_too_long": (
        "the task text is too long ({limit} characters at most)",
        "任务内容太长（最多 {limit} 个字）",
    ),
    "task.at_needs_time": (
        '--at needs a time of day, e.g. 6:30 or 早上6点半; not "{text}"',
        "--at 需要一个时刻，例如 6:30 或 早上6点半，而不是“{text}”",
    ),
    "task.at_and_due_time": (
        '--due "{due}" already gives the time {time}, and --at "{at}" says {other}: give the time once',
        "--due “{due}”已经写了时刻 {time}，--at “{at}”又写了 {other}：时刻只写一次",
    ),
    "task.move_past": (
        "task {id} would be due {due}, which has passed: move it to a day or time still ahead "
        "(done already? gridnote task done {id})",
        "任务 {id} 会移到 {due}，这个时间已经过去了：请移到还没到的日期或时刻（已经做完了？gridnote task done {id}）",
    ),
    "task.at_other_day": (
        '--at "{text}" is on another day than {day}; give the day with --due',
        "--at “{text}”与日期 {day} 不是同一天；日期请用 --due 指定",
    ),
    "task.already_done": (
        "task {id} ({text}) is already done; reopen it with: gridnote task reopen {id}",
        "任务 {id}（{text}）已完成；如需重新打开：gridnote task reopen {id}",
    ),
    "task.is_dropped": (
        "task {id} ({text}) was dropped; reopen it first: gridnote task reopen {id}",
        "任务 {id}（{text}）已放弃；请先重新打开：gridnote task reopen {id}",
    ),
    "task.is_skipped": (
        "task {id} ({text}) was skipped; reopen it first: gridnote task reopen {id}",
        "任务 {id}（{text}）已跳过；请先重新打开：gridnote task reopen {id}",
    ),
    "task.already_open": ("task {id} ({text}) is still open", "任务 {id}（{text}）本来就未完成"),
    "task.already_starred": ("task {id} ({text}) is already starred", "任务 {id}（{text}）已经标星"),
    "task.not_starred": ("task {id} ({text}) is not starred", "任务 {id}（{text}）没有标星"),
    "task.conflicting_edit": (
        "a field cannot be set and cleared at once (e.g. --due with --no-due)",
        "同一项不能既修改又清除（例如 --due 和 --no-due 同时使用）",
    ),
    "task.nothing_to_change": (
        "nothing to change; see: gridnote task edit --help",
        "没有要修改的内容；参见：gridnote task edit --help",
    ),
    "task.repeat_needs_due": (
        "a repeating task needs a due day; add --due (task {id})",
        "重复任务需要日期，请加上 --due（任务 {id}）",
    ),
    "task.bad_status": (
        'unknown status "{text}"; use open, done, dropped, skipped or all',
        "未知状态“{text}”，可用：未完成、已完成、已放弃、已跳过、全部（open/done/dropped/skipped/all）",
    ),
    "task.skip_not_repeating": (
        "task {id} ({text}) does not repeat, so there is no next time to skip to; "
        "move it (gridnote task move {id} tomorrow) or drop it (gridnote task drop {id})",
        "任务 {id}（{text}）不是重复任务，没有下一次可跳到；"
        "请改期（gridnote task move {id} 明天）或放弃（gridnote task drop {id}）",
    ),
    "task.overdue_with_status": (
        "--overdue lists open tasks only; it cannot go with --status {status}",
        "--overdue 只列出未完成的任务，不能与 --status {status} 同用",
    ),
    "task.move_needs_when": (
        "say where to move it: gridnote task move 12 tomorrow",
        "请写明移到哪天：gridnote task move 12 明天",
    ),
    # -- confirmations -------------------------------------------------------------
    "task.added": ("Added task {id}: {text}", "已添加任务 {id}：{text}"),
    "task.done": ("Done {id}: {text}", "已完成 {id}：{text}"),
    "task.next": ("next time: {due}", "下一次：{due}"),
    "task.series_ended": (
        "it does not repeat any more: its next date would be after {last}",
        "不再重复：下一次已在{last}年之后",
    ),
    "task.reopened": ("Reopened {id}: {text}", "已重新打开 {id}：{text}"),
    "task.withdrawn": ("its next occurrence, task {id}, is dropped", "它的下一次（任务 {id}）已放弃"),
    "task.taken_back": ("back to {due}: its last time taken back", "回到{due}：已撤回最近一次"),
    "task.dropped": (
        "Dropped {id}: {text} (kept; undo with: gridnote task reopen {id})",
        "已放弃 {id}：{text}（记录保留；撤销：gridnote task reopen {id}）",
    ),
    "task.dropped_series": (
        "Dropped {id}: {text} · the repeating series ends: no next time",
        "已放弃 {id}：{text} · 重复任务整个系列到此结束，不再安排下一次",
    ),
    "task.dropped_series_hint": (
        "undo: gridnote task reopen {id} · miss one time only: gridnote task skip N",
        "撤销：gridnote task reopen {id} · 只跳过一次：gridnote task skip 编号",
    ),
    "task.skipped": (
        "Skipped {id}: {text} (not done) · next time: {due}",
        "已跳过 {id}：{text}（不算完成）· 下一次：{due}",
    ),
    "task.skipped_hint": ("undo: gridnote task reopen {id}", "撤销：gridnote task reopen {id}"),
    "task.skipped_last": ("Skipped {id}: {text} (not done)", "已跳过 {id}：{text}（不算完成）"),
    "task.starred": ("Starred {id}: {text}", "已标星 {id}：{text}"),
    "task.unstarred": ("Unstarred {id}: {text}", "已取消标星 {id}：{text}"),
    "task.moved": ("Moved {id} to {due}: {text}", "已把 {id} 移到 {due}：{text}"),
    "task.edited": ("Changed task {id}: {text}", "已修改任务 {id}：{text}"),
    "task.none": (
        'No tasks match. Add one: gridnote task add "…" --due tomorrow',
        '没有符合条件的任务。添加任务：gridnote task add "……" --due 明天',
    ),
    "task.none_status": ("No {status} tasks match.", "没有符合条件的{status}任务。"),
    "task.none_overdue": ("Nothing overdue.", "没有逾期未办的任务。"),
    "task.none_overdue_match": ("No overdue task matches these filters.", "没有符合这些条件的逾期任务。"),
    "task.count": ("{count:|task|tasks}", "共 {count} 项"),
    "task.count_one": ("1 task", "共 1 项"),
    # -- task card and table ---------------------------------------------------------
    "task.field.status": ("Status", "状态"),
    "task.field.due": ("Due", "日期"),
    "task.field.for": ("For", "对象"),
    "task.field.repeat": ("Repeats", "重复"),
    "task.field.note": ("Note", "备注"),
    "task.field.source": ("From", "来源"),
    "task.source.task": ("the next time of task {id}", "由任务 {id} 重复生成"),
    "task.source.visit": ("a follow-up of visit #{id}", "走访记录 #{id} 的跟进"),
    "task.source.recheck": (
        "the automatic re-check of visit #{id}'s flagged reading",
        "走访记录 #{id} 读数异常后自动安排的复测",
    ),
    "task.field.created": ("Written", "创建"),
    "task.field.done": ("Done", "完成"),
    "task.field.dropped": ("Dropped", "放弃"),
    "task.field.skipped": ("Skipped", "跳过"),
    "task.field.series": ("Series", "系列"),
    "task.series_of": ("repeats task {id}", "重复自任务 {id}"),
    "task.undated": ("no date", "未定日期"),
    "task.status_mark": ("({status})", "（{status}）"),
    "col.task": ("Task", "任务"),
    "col.due": ("Due", "日期"),
    "col.for": ("For", "对象"),
    # -- days and times ------------------------------------------------------------------
    "when.today": ("today", "今天"),
    "when.tomorrow": ("tomorrow", "明天"),
    "when.yesterday": ("yesterday", "昨天"),
    "when.all_day": ("all day", "全天"),
    "when.weekdays": ("Mon Tue Wed Thu Fri Sat Sun", "周一 周二 周三 周四 周五 周六 周日"),
    "when.weekdays_long": (
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
        "星期一 星期二 星期三 星期四 星期五 星期六 星期日",
    ),
    "when.months": (
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    ),
    "when.months_long": (
        "January February March April May June July August September October November December",
        "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    ),
    "when.date": ("{weekday} {day} {month}", "{month}{day}日 {weekday}"),
    "when.date_long": ("{weekday} {day} {month} {year}", "{year}年{month}{day}日 {weekday}"),
    "when.span_minutes": ("{m} min", "{m}分钟"),
    "when.span_hours": ("{h}h", "{h}小时"),
    "when.span_hours_minutes": ("{h}h {m}m", "{h}小时{m}分"),
    "when.span_days": ("{d} days", "{d}天"),
    "when.relative": ("{word}, {date}", "{word}（{date}）"),
    # -- the agenda ----------------------------------------------------------------------
    "today.header": ("{word} · {date}", "{word} · {date}"),
    "today.schedule": ("Schedule", "日程"),
    "today.overdue": ("Overdue: {count}", "逾期未办：{count} 项"),
    "today.day_late": ("1 day late", "逾期1天"),
    "today.days_late": ("{n} days late", "逾期{n}天"),
    "today.care": ("Care round: {count} due a visit", "走访提醒：{count} 人到期"),
    "today.never_visited": ("never visited", "从未走访"),
    "today.due_today": ("due today", "今天到期"),
    "today.day_overdue": ("1 day overdue", "逾期1天"),
    "today.days_overdue": ("{n} days overdue", "逾期{n}天"),
    "today.last_visit": ("last {date}", "上次 {date}"),
    "today.every_days": ("every {n} days", "每{n}天"),
    "today.care_more": ("… {count} more due a visit: {command}", "……另有 {count} 人到期：{command}"),
    "today.overdue_more": ("… {count} more overdue: {command}", "……另有 {count} 项逾期：{command}"),
    "today.walk": ("Daily walk: {walked} of {total:|building|buildings} walked", "每日巡楼：已巡 {walked}/{total} 栋"),
    "today.walk_all": ("Daily walk: all buildings walked ({total}) ✓", "每日巡楼：{total} 栋楼已全部巡查 ✓"),
    "today.not_walked": ("not yet", "未巡"),
    "today.empty": (
        'Nothing on {date}. Plan tomorrow: gridnote tomorrow add "…" --at 6:30 --star',
        '{date}没有待办事项。写明日工作：gridnote tomorrow add "……" --at 6:30 --star',
    ),
    "today.figure.open_tasks": ("open tasks: {n}", "未完成任务 {n}"),
    "today.figure.done_tasks": ("done: {n}", "已完成 {n}"),
    "today.figure.open_issues": ("open issues: {n}", "未办结问题 {n}"),
    "today.followups": ("Waiting on you: {count}", "待跟进问题：{count} 件"),
    "today.callouts": ("Emergency call-outs, last 24 hours: {count}", "近24小时应急出动：{count} 次"),
    "today.followup_due": ("by {time}", "{time} 前"),
    "today.followup_late": ("since {time}", "{time} 起超时"),
    "today.time_left": ("{span} left", "还剩{span}"),
    "today.time_late": ("{span} late", "已超{span}"),
    "today.followup_resolved": ("resolved {time}", "{time} 办结"),
    "today.followup_asked": ("asked {time}", "{time} 咨询"),
    "today.event_with": ("with {partners}", "与{partners}"),
    "today.figure.visits": ("contacts: {n}", "走访联系 {n}"),
    # -- tomorrow's list -------------------------------------------------------------------
    "tomorrow.empty": (
        'Nothing for {date} yet. Add: gridnote tomorrow add "…" --at 6:30 --star',
        '{date}还没有安排。添加：gridnote tomorrow add "量血压 李奶奶" --at 6:30 --star',
    ),
    "tomorrow.carry_over": (
        "Still open from earlier: {count} · move with: gridnote task move N tomorrow",
        "之前还有 {count} 项未完成 · 改期：gridnote task move 编号 明天",
    ),
}
