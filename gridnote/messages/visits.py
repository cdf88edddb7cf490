"""Messages: visits, calls, building walks and readings (``gridnote log``, ``gridnote visits``).

Readings are recorded and flagged against thresholds; no text here diagnoses.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "visit.who_and_building": (
        '"{who}" is a resident and --building names a building: log one of them (a walk: gridnote log --building 5 NOTE)',
        "“{who}”是居民，而 --building 指的是楼栋：请只记其中之一（巡楼：gridnote log --building 5 备注）",
    ),
    # reading what she typed
    "visit.bad_kind": ('unknown kind "{text}"; use {choices}', "看不懂类型“{text}”，可用：{choices}"),
    "visit.until_before": (
        '"{text}" is not after {at}, when it began; --until is when it ended (back from a call-out)',
        "“{text}”不晚于开始时间 {at}；--until 是回来的时间",
    ),
    "visit.in_future": (
        '"{text}" ({at}) is in the future; a log records what already happened',
        "“{text}”（{at}）还没到；记录的是已经发生的事",
    ),
    "visit.follow_up_unreadable": (
        'cannot tell when to follow up from "{text}": write WHEN: TEXT, e.g. "后天: 复测血压", '
        '"tomorrow 9:00: re-check BP", or a day alone: "fri"',
        "看不出“{text}”是什么时候跟进：请写成 时间: 内容，例如 “后天: 复测血压”、“明天9点: 复测血压”，或只写日期：“周五”",
    ),
    "visit.follow_up_past": (
        'the follow-up "{text}" falls on {day}, which has passed',
        "跟进时间“{text}”是 {day}，已经过去了",
    ),
    "visit.who_missing": (
        "say who: a resident (李奶奶), a household (8-2-301) or --building 5",
        "请指明对象：居民（李奶奶）、住户（8-2-301）或 --building 5",
    ),
    "visit.ask_who": ("Who (resident, 8-2-301 or 5号楼)", "对象（居民、8-2-301 或 5号楼）"),
    "visit.ask_note": ("Note (Enter to skip)", "记录内容（直接回车跳过）"),
    "visit.no_household": ("there is no household at {address}", "没有 {address} 这一户"),
    "visit.readings_need_resident": (
        "readings belong to one resident, not to {who}; name the person (e.g. 李奶奶)",
        "读数必须记在某位居民名下，而不是 {who}；请写出是谁（如 李奶奶）",
    ),
    "visit.readings_need_member": (
        "readings belong to one resident; {address} has {count}: {members}",
        "读数必须记在某位居民名下；{address} 住着 {count} 人：{members}",
    ),
    "visit.walk_in_their_building": (
        "a walk is logged for a building, not {who}: gridnote log --building {code} … (their building)",
        "巡查要记在楼栋上，而不是 {who}：gridnote log --building {code} …（所住的楼）",
    ),
    "visit.walk_needs_building": (
        "a walk is logged for a building, not {who}: gridnote log --building 5 …",
        "巡查要记在楼栋上，而不是 {who}：gridnote log --building 5 …",
    ),
    # edit and undo
    "visit.twin": (
        "not logged: the same entry as #{id}, written at {time} (same who, kind, note and readings,"
        " within {minutes:|minute|minutes}). To log it again all the same: add --again",
        "未记录：与 {time} 写下的 #{id} 完全相同（{minutes} 分钟内，对象、类型、内容和读数都一样）。"
        "确要再记一次，请加 --again",
    ),
    "visit.not_found": ("there is no visit #{id}", "没有编号为 #{id} 的记录"),
    "visit.no_entries": ("nothing has been logged yet", "还没有任何记录"),
    "visit.all_undone.undo": (
        "nothing left to undo: every entry has been undone",
        "没有可撤销的记录了：所有记录都已撤销",
    ),
    "visit.all_undone.edit": (
        "nothing left to edit: every entry has been undone",
        "没有可修改的记录了：所有记录都已撤销",
    ),
    "visit.nothing_to_edit": (
        "nothing to change: give --note, --bp, --at, --kind, --who, --drop-reading or --follow-up",
        "没有要修改的内容：请给出 --note、--bp、--at、--kind、--who、--drop-reading 或 --follow-up",
    ),
    "visit.edit_undone": ("visit #{id} was undone; log it again instead", "记录 #{id} 已撤销，请重新记录"),
    "visit.no_such_reading": ("visit #{id} has no {kind} reading", "记录 #{id} 没有{kind}读数"),
    "visit.already_undone": ("visit #{id} was already undone at {at}", "记录 #{id} 已于 {at} 撤销"),
    # what is written
    "visit.recheck_task": ("Re-check {what}", "复测{what}"),
    "visit.follow_up_task": ("Follow up: {who}", "回访：{who}"),
    "visit.household_label": ("household {address}", "{address} 户"),
    "visit.building_label": ("building {code}", "{code}号楼"),
    # confirmations
    "visit.logged": ("Logged {kind} #{id}: {who} · {when}", "已记录{kind} #{id}：{who} · {when}"),
    "visit.walked": ("Walked {who} · {when} (#{id}, {kind})", "已巡查 {who} · {when}（#{id}，{kind}）"),
    "visit.walk_task_done": (
        "Task {id} done: {text} (the walk covers it)",
        "任务 {id} 已完成：{text}（巡查已覆盖）",
    ),
    "visit.walk_task_reopened": (
        "Task {id} is open again: {text}, {due} (the walks left do not cover it)",
        "任务 {id} 重新打开：{text}，{due}（剩下的巡查已不能覆盖）",
    ),
    "visit.edited": ("Corrected {kind} #{id}: {who} · {when}", "已修改{kind} #{id}：{who} · {when}"),
    "visit.undone": ("Undid {kind} #{id}: {who} · {when}", "已撤销{kind} #{id}：{who} · {when}"),
    "visit.undone_hint": (
        "Kept in the notebook, marked undone: gridnote visits --all -d {day}",
        "记录仍保留，标为已撤销：gridnote visits --all -d {day}",
    ),
    "visit.task_dropped": (
        "Its follow-up task #{id} is dropped too: {text}",
        "对应的跟进任务 #{id} 已一并取消：{text}",
    ),
    "visit.recheck_dropped": (
        "No longer flagged: re-check task #{id} is dropped ({text})",
        "读数已不再异常：复测任务 #{id} 已取消（{text}）",
    ),
    "visit.recheck_moved": (
        "Visit #{visit} is still flagged: re-check task #{id} due {due}: {text}",
        "走访 #{visit} 的读数仍异常，已为它建复测任务 #{id}，{due}：{text}",
    ),
    "visit.follow_up_added": ("Follow-up task #{id} due {due}: {text}", "已建跟进任务 #{id}，{due}：{text}"),
    "visit.recheck_suggested": (
        'Re-check suggested ({what}): gridnote log edit {id} -f "in 2 days"',
        "建议复测（{what}）：gridnote log edit {id} -f 后天",
    ),
    "visit.recheck_open": (
        "Already open for this: re-check task #{id} due {due}: {text}",
        "已有复测任务 #{id}，{due}：{text}",
    ),
    "visit.care_due": (
        "Care round: next visit due by {day} ({tag}: every {every:|day|days})",
        "关怀走访：下次走访应在 {day} 前（{tag}：每 {every} 天）",
    ),
    # listing
    "visit.none": (
        'Nothing logged for these days. Try: gridnote log 李奶奶 "note" --bp 139/90',
        '这段时间没有记录。可以这样记：gridnote log 李奶奶 "记录内容" --bp 139/90',
    ),
    "visit.count": ("entries: {count}", "共 {count} 条"),
    "visit.title_day": ("Visits on {day}", "{day} 的记录"),
    "visit.title_range": ("Visits {start} … {end}", "{start} … {end} 的记录"),
    "visit.title_until": ("Visits until {end}", "截至 {end} 的记录"),
    "visit.flagged_count": (" · flagged readings: {count}", " · {count} 个读数被标记"),
    "visit.undone_mark": ("(undone)", "（已撤销）"),
    "visit.col.when": ("When", "时间"),
    "visit.col.kind": ("Kind", "类型"),
    "visit.col.who": ("Who", "对象"),
    "visit.col.note": ("Note and readings", "内容与读数"),
    "card.visits": ("Recent visits", "最近走访"),
    "card.readings": ("Readings (oldest → newest)", "读数（从早到近）"),
    # readings
    "reading.bad_bp": (
        'cannot read the blood pressure "{text}"; write systolic/diastolic, e.g. 139/90',
        "看不懂血压“{text}”，请写成 收缩压/舒张压，如 139/90",
    ),
    "reading.bp_order": (
        "systolic {systolic} must be higher than diastolic {diastolic}; write it as 139/90",
        "收缩压 {systolic} 应高于舒张压 {diastolic}，请写成 139/90 的形式",
    ),
    "reading.bad_number": (
        'cannot read the {what} "{text}"; write a number, e.g. {example}',
        "看不懂{what}“{text}”，请写一个数字，如 {example}",
    ),
    "reading.implausible": (
        "{measure} {value} {unit} is not a plausible reading (expected {low}–{high}); nothing was stored",
        "{measure} {value} {unit} 不是合理的读数（应在 {low}–{high} 之间），未保存",
    ),
    "reading.bad_kind": ('unknown reading "{text}"; use {choices}', "没有“{text}”这种读数，可用：{choices}"),
    "reading.flag": ("⚠ {measure} {value} {op} {threshold}", "⚠ {measure} {value} {op} {threshold}"),
    "reading.measure.systolic": ("systolic", "收缩压"),
    "reading.measure.diastolic": ("diastolic", "舒张压"),
    "reading.measure.pulse": ("pulse", "脉搏"),
    "reading.measure.glucose": ("glucose", "血糖"),
    "reading.measure.temp": ("temperature", "体温"),
    "reading.measure.weight": ("weight", "体重"),
    "reading.unit.per_minute": ("/min", "次/分"),
    "reading.short.bp": ("BP", "血压"),
    "reading.short.pulse": ("P", "脉搏"),
    "reading.short.glucose": ("Glu", "血糖"),
    "reading.short.temp": ("T", "体温"),
    "reading.short.weight": ("Wt", "体重"),
}
