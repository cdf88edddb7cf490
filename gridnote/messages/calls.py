"""Messages: the afternoon call list (``gridnote calls``, ``calls done``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "calls.n.first-contact": ("{n} first contact|{n} first contacts", "首次响应 {n} 个"),
    "calls.n.partner": ("{n} partner|{n} partners", "转办单位 {n} 个"),
    "calls.n.report-back": ("{n} report-back|{n} report-backs", "回访告知 {n} 个"),
    "calls.n.task": ("{n} call task|{n} call tasks", "电话任务 {n} 个"),
    "today.calls": ("Calls to make: {what} (gridnote calls)", "今天要打的电话：{what}（gridnote calls）"),
    "calls.title": ("Calls to make: {count}", "今天要打的电话：{count} 个"),
    "calls.none": ("No calls to make today.", "今天没有要打的电话。"),
    "calls.hint": (
        'After a call: gridnote calls done N "what was said"',
        "打完电话：gridnote calls done N “说了什么”",
    ),
    "calls.no_number": ("no number in the notebook", "笔记本里没有号码"),
    "calls.task": ("task {id} {text}", "任务 {id} {text}"),
    "calls.reason.first-contact": ("first contact, answer due {when}", "首次响应，时限 {when}"),
    "calls.reason.partner": ("the partner's promised date: {when}", "转办承诺时间：{when}"),
    "calls.reason.report-back": ("tell the outcome (resolved {when})", "告知办理结果（{when} 办结）"),
    "calls.reason.task": ("a call, due {when}", "电话任务，{when} 到期"),
    "calls.outcome_empty": ('say what was said: calls done N "…"', "请写下通话内容：calls done N “……”"),
    "calls.no_such": (
        "no call {n} on today's list ({count:|call|calls}; see gridnote calls)",
        "今天的电话清单里没有第 {n} 个（共 {count} 个，见 gridnote calls）",
    ),
    "calls.resolved_needs_partner": (
        "--resolved is for a partner's call; call {n} is not one",
        "--resolved 只用于给转办单位的电话；第 {n} 个不是",
    ),
    "calls.done": ("✓ Call {n} recorded: {who}", "✓ 已记录第 {n} 个电话：{who}"),
    "calls.logged": ("phone call #{id} in the visit log", "走访记录 #{id}（电话）"),
    "calls.step.note": ("issue #{id}: the call noted · {status}", "问题 #{id}：已记下通话 · {status}"),
    "calls.step.tell": ("issue #{id}: reported back · {status}", "问题 #{id}：已回访告知 · {status}"),
    "calls.step.resolve": ("issue #{id}: resolved · {status}", "问题 #{id}：已办结 · {status}"),
    "calls.step.done": ("task {id} done", "任务 {id} 已完成"),
    "calls.then_rate": ("next, the rating: gridnote issue rate {id} …", "下一步，评价：gridnote issue rate {id} ……"),
}
