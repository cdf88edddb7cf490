"""Messages: what the grid centre sends down (dispatch, tasks, register corrections) and her inbox."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the centre's side -------------------------------------------------------------------
    "centre.no_such_grid": (
        "no grid {grid} at the centre: a grid is known once its worker has synced (gridnote centre grids)",
        "网格中心没有网格 {grid}：网格员同步过一次后才有（gridnote centre grids）",
    ),
    "centre.grid_twice": (
        "two notebooks call themselves grid {grid}: name one by its notebook id (gridnote centre grids)",
        "有两个笔记本都叫网格 {grid}：请用笔记本编号指明（gridnote centre grids）",
    ),
    "centre.bundle_up": (
        "{path} is a notebook's bundle for the centre (gridnote centre import), not one from the centre",
        "{path} 是笔记本发往网格中心的同步文件（gridnote centre import），不是中心下发的文件",
    ),
    "centre.bundle_down": (
        "{path} is a bundle from the centre for a grid (gridnote sync --in), not a notebook's changes",
        "{path} 是网格中心下发给网格的文件（gridnote sync --in），不是笔记本的变更",
    ),
    "down.no_text": (
        'what is the issue? gridnote centre dispatch --grid 冬梅轩-03 "5号楼门前装修垃圾" (or --requests FILE)',
        '是什么问题？gridnote centre dispatch --grid 冬梅轩-03 "5号楼门前装修垃圾"（或 --requests 文件）',
    ),
    "down.text_and_file": (
        "either the issue's text or --requests FILE, not both",
        "问题内容和 --requests 文件只能二选一",
    ),
    "down.no_such_request": ("no request {ids} in {path}", "{path} 中没有诉求 {ids}"),
    "down.bad_change": ('unknown change "{text}"; use one of {choices}', "未知的变更类型“{text}”；可用：{choices}"),
    "down.sent": (
        "Sent to grid {grid}: {what} (no. {numbers}); it reaches her inbox with her next sync "
        "(or as a file: gridnote centre export --grid {grid} FILE)",
        "已下发到网格 {grid}：{what}（第 {numbers} 项）；网格员下次同步时进入其收件箱"
        "（或写成文件：gridnote centre export --grid {grid} 文件）",
    ),
    "down.exported": (
        "Bundle {path} for grid {grid}: {what} from the centre (gridnote sync --in {path} on her side)",
        "已为网格 {grid} 写出下发文件 {path}：{what}（网格员一方运行 gridnote sync --in {path}）",
    ),
    # what went: "singular|plural" in English
    "down.n.item": ("{n} item|{n} items", "共 {n} 项"),
    "down.n.issue": ("{n} dispatched issue|{n} dispatched issues", "派单问题 {n} 个"),
    "down.n.task": ("{n} task|{n} tasks", "任务 {n} 项"),
    "down.n.register": ("{n} register change|{n} register changes", "登记变更 {n} 条"),
    "down.other_grid": (
        "{path} is for grid {grid}, not this notebook: nothing was brought in",
        "{path} 是发给网格 {grid} 的，不是本笔记本的：未导入任何内容",
    ),
    # -- her inbox ---------------------------------------------------------------------------
    "inbox.title": ("From the centre: {count}", "网格中心下发：{count} 项"),
    "inbox.empty": (
        "Nothing from the centre waiting for an answer (gridnote inbox --all: the answered ones).",
        "没有待答复的中心下发事项（gridnote inbox --all：已答复的）。",
    ),
    "inbox.empty_all": ("Nothing has come from the centre yet.", "网格中心还没有下发过任何事项。"),
    "inbox.hint": (
        'gridnote inbox accept N (or all) · gridnote inbox decline N --why "…"',
        'gridnote inbox accept 编号（或 all）· gridnote inbox decline 编号 --why "…"',
    ),
    "inbox.kind_op": ("{kind} ({op})", "{kind}（{op}）"),
    "inbox.centre": ("grid centre", "网格中心"),
    "inbox.you": ("you", "你"),
    "inbox.conflict": ("⚠ conflict", "⚠ 冲突"),
    "inbox.conflict_mine": ("yours: {value} ({by}, {at})", "你的：{value}（{by}，{at}）"),
    "inbox.conflict_theirs": ("{source}: {value} ({at})", "{source}：{value}（{at}）"),
    "inbox.empty_value": ("(none)", "（无）"),
    "inbox.no_change": (
        "the register already says so: accepting changes nothing",
        "登记册已是如此：接收不会改动任何内容",
    ),
    "inbox.resolve_by": ("resolve by {time}", "{time} 前办结"),
    "inbox.order": ("order {order}", "工单 {order}"),
    "inbox.task_due": ("due {time}", "{time} 到期"),
    "inbox.why": ("declined: {why}", "已退回：{why}"),
    "inbox.status.pending": ("waiting", "待答复"),
    "inbox.status.accepted": ("accepted", "已接收"),
    "inbox.status.declined": ("declined", "已退回"),
    "inbox.unknown_field": (
        "no field {name} in a register change; fields: {known}",
        "登记变更中没有“{name}”这一项；可选：{known}",
    ),
    "inbox.only_needs_numbers": (
        "--only takes the fields of the items you name: gridnote inbox accept 3 --only phones",
        "--only 只用于指定编号的条目：gridnote inbox accept 3 --only 电话",
    ),
    "inbox.only_not_fields": (
        "item {id} is not a change to fields of a resident you have (a new resident, a move-out, an issue or a task): accept it whole or decline it",
        "第 {id} 条不是对已有居民字段的修改（新增居民、迁出、问题或任务）：请整条接受或拒绝",
    ),
    "inbox.only_unchanged": (
        "item {id} does not change {fields}; it changes: {changed}",
        "第 {id} 条没有修改 {fields}；它修改的是：{changed}",
    ),
    "inbox.field.name": ("name", "姓名"),
    "inbox.field.address": ("address", "住址"),
    "inbox.field.alias": ("called", "称呼"),
    "inbox.field.gender": ("gender", "性别"),
    "inbox.field.birth": ("born", "出生"),
    "inbox.field.phones": ("phone", "电话"),
    "inbox.field.id_number": ("ID number", "身份证号"),
    "inbox.field.note": ("note", "备注"),
    "inbox.field.tags": ("tag", "标签"),
    "inbox.field.moved_out": ("register", "登记"),
    "inbox.accepted": (
        "Accepted {numbers}; the centre hears it with your next sync",
        "已接收 {numbers}；下次同步时网格中心会收到",
    ),
    "inbox.declined": (
        "Declined {numbers}; nothing changed here, the centre hears why with your next sync",
        "已退回 {numbers}；本地没有改动，下次同步时网格中心会收到理由",
    ),
    "inbox.left": (
        "left for you: {numbers} (a conflict with your own edit): accept or decline each by its number",
        "留待你决定：{numbers}（与你自己的修改冲突），请逐项接收或退回",
    ),
    "inbox.nothing_pending": ("Nothing waiting for an answer.", "没有待答复的事项。"),
    "inbox.received": ("From the centre: {what} (gridnote inbox)", "网格中心下发：{what}（gridnote inbox）"),
    "inbox.received_nothing": ("From the centre: nothing new.", "网格中心下发：没有新事项。"),
    "inbox.received_known": (" ({count} already here)", "（已有 {count} 项）"),
    "inbox.no_item": (
        "no item {id} in the inbox (gridnote inbox --all)",
        "收件箱中没有第 {id} 项（gridnote inbox --all）",
    ),
    "inbox.already_accepted": ("item {id} was accepted {at}", "第 {id} 项已于 {at} 接收"),
    "inbox.already_declined": ("item {id} was declined {at}", "第 {id} 项已于 {at} 退回"),
    "inbox.why_needed": (
        'say why: --why "不在本网格" (the centre reads it)',
        '请说明理由：--why "不在本网格"（网格中心会看到）',
    ),
    "number.inbox": ("an inbox item", "收件箱事项"),
    # -- today's first line --------------------------------------------------------------------
    "today.centre": (
        "From the centre: {what} to confirm (gridnote inbox)",
        "网格中心下发：{what}，待确认（gridnote inbox）",
    ),
    # -- what the centre sent, and her answers (centre sent) ----------------------------------------
    "centre.col.no": ("no.", "序号"),
    "centre.col.kind": ("kind", "类型"),
    "centre.col.what": ("what", "内容"),
    "centre.col.sent": ("sent", "下发时间"),
    "centre.col.answer": ("her answer", "答复"),
    "centre.answer.none": ("no word yet", "尚无回音"),
    "centre.answer.pending": ("in her inbox", "在收件箱中待答复"),
    "centre.answer.accepted": ("accepted", "已接收"),
    "centre.answer.declined": ("declined", "已退回"),
    "centre.answer.at": ("{answer} {at}", "{answer} {at}"),
    "centre.answer.why": ("{answer}: {why}", "{answer}：{why}"),
    "centre.nothing_sent": ("Nothing has been sent down yet.", "还没有下发过任何事项。"),
}
