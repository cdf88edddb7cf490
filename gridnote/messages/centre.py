"""Messages: the grid centre (``gridnote centre …``) and ``gridnote sync``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "centre.extra_missing": (
        "the grid centre needs {name}: pip install 'gridnote[centre]'",
        "网格中心需要 {name}：pip install 'gridnote[centre]'",
    ),
    "centre.no_file": (
        "no centre at {path}: make it with `gridnote centre init {path}`",
        "{path} 不是网格中心文件：先运行 `gridnote centre init {path}`",
    ),
    "centre.unreachable": ("cannot reach the centre {url}: {reason}", "无法连接网格中心 {url}：{reason}"),
    "centre.gap": (
        "grid {grid}: the centre has its changes up to {have}, this bundle starts after {after}; "
        "bring the bundles before it first, or make one with `gridnote sync --out FILE --since {have}`",
        "网格 {grid}：中心已有其变更至第 {have} 条，本文件从第 {after} 条之后开始；"
        "请先导入之前的文件，或用 `gridnote sync --out 文件 --since {have}` 重新生成",
    ),
    "centre.browse_file_only": (
        "browse opens an embedded centre file (street.db); a PostgreSQL centre is read with its own tools",
        "浏览只能打开网格中心文件（street.db）；PostgreSQL 中心请用其自带的工具查看",
    ),
    "centre.no_datasette": (
        "Datasette is not installed: pip install 'gridnote[browse]'",
        "未安装 Datasette：pip install 'gridnote[browse]'",
    ),
    "centre.browsing": (
        "The centre in Datasette: http://127.0.0.1:{port}/ (Ctrl-C stops it){masked}",
        "网格中心已在 Datasette 中打开：http://127.0.0.1:{port}/（按 Ctrl-C 停止）{masked}",
    ),
    "centre.browsing_masked": (" · phone and ID numbers masked", " · 电话和身份证号已遮挡"),
    "centre.refused": ("the centre {url} refused it: {reason}", "网格中心 {url} 拒绝了本次操作：{reason}"),
    "centre.bundle_missing": ("no bundle at {path}", "找不到同步文件 {path}"),
    "centre.bundle_damaged": (
        "{path} is damaged or was altered (its checksum does not match): nothing was imported",
        "{path} 已损坏或被改动（校验和不符）：未导入任何内容",
    ),
    "centre.created": ("Grid centre ready: {url}", "网格中心已建立：{url}"),
    "centre.imported": (
        "{path}: grid {grid}, {changes:|change|changes} merged ({rows}), {skipped} already there",
        "{path}：网格 {grid}，合并变更 {changes} 条（{rows}），已有 {skipped} 条",
    ),
    "centre.no_grids": ("No grid has synced yet.", "还没有网格同步过。"),
    "centre.grids.title": ("Grids", "网格"),
    "centre.col.grid": ("grid", "网格"),
    "centre.col.worker": ("worker", "网格员"),
    "centre.col.street": ("street", "街道"),
    "centre.col.changes": ("changes", "变更"),
    "centre.col.last_sync": ("last sync", "最近同步"),
    "centre.col.residents": ("residents", "居民"),
    "centre.street": ("street total", "街道合计"),
    "centre.report.title": ("Grid centre report {start} – {end}", "网格中心报表 {start} 至 {end}"),
    "centre.report.written": ("Report written to {path}", "报表已写入 {path}"),
    "centre.policies_applied": (
        "Row-level security applied: worker roles read and write only their grid; {staff} reads all.",
        "已启用行级安全：网格员角色只能读写本网格；{staff} 可读全部。",
    ),
    "sync.no_grid_code": (
        "set the grid code first: gridnote config set grid.code 冬梅轩-03",
        "请先设置网格编号：gridnote config set grid.code 冬梅轩-03",
    ),
    "sync.no_centre": (
        "which centre? gridnote sync --centre street.db (or postgresql://…); it is remembered",
        "同步到哪个网格中心？gridnote sync --centre street.db（或 postgresql://…），之后会记住",
    ),
    "sync.centre_ahead": (
        "the centre has {have:|change|changes} of this notebook but it holds only {mine}: "
        "was it restored from a backup? Nothing was sent",
        "网格中心已有本笔记本的 {have} 条变更，而本笔记本只有 {mine} 条：是否从备份恢复过？未发送任何内容",
    ),
    "sync.sent": ("Synced to {centre}: {rows}.", "已同步到 {centre}：{rows}。"),
    "sync.nothing": ("Synced to {centre}: nothing new.", "已同步到 {centre}：没有新变更。"),
    "sync.bundled": (
        "Bundle {path}: {changes:|change|changes} ({rows}), up to change {last}.",
        "同步文件 {path}：{changes} 条变更（{rows}），至第 {last} 条。",
    ),
    "sync.changed": ("{list} changed", "{list} 有变动"),
    "sync.none": ("nothing", "无"),
    # table -> "singular|plural" in English, the noun and its measure word in Chinese
    "sync.rows.buildings": ("{n} building|{n} buildings", "楼栋 {n} 栋"),
    "sync.rows.households": ("{n} household|{n} households", "住户 {n} 户"),
    "sync.rows.residents": ("{n} resident|{n} residents", "居民 {n} 人"),
    "sync.rows.resident_tags": ("{n} tag|{n} tags", "标签 {n} 个"),
    "sync.rows.contacts": ("{n} contact|{n} contacts", "联系方式 {n} 条"),
    "sync.rows.care_baselines": ("{n} starting date|{n} starting dates", "走访起始日 {n} 条"),
    "sync.rows.visits": ("{n} visit|{n} visits", "走访 {n} 条"),
    "sync.rows.readings": ("{n} reading|{n} readings", "测量 {n} 条"),
    "sync.rows.tasks": ("{n} task|{n} tasks", "工作 {n} 条"),
    "sync.rows.issue_categories": ("{n} category|{n} categories", "问题类别 {n} 个"),
    "sync.rows.issues": ("{n} issue|{n} issues", "问题 {n} 个"),
    "sync.rows.issue_updates": ("{n} issue step|{n} issue steps", "办理记录 {n} 条"),
    "sync.rows.issue_residents": ("{n} issue resident|{n} issue residents", "问题涉及居民 {n} 人次"),
    "sync.rows.issue_photos": ("{n} photo|{n} photos", "照片 {n} 张"),
    "sync.rows.event_residents": ("{n} event attendee|{n} event attendees", "活动参加居民 {n} 人次"),
    "sync.rows.event_photos": ("{n} event photo|{n} event photos", "活动照片 {n} 张"),
    "sync.rows.points": ("{n} points line|{n} points lines", "积分 {n} 条"),
    "sync.rows.events": ("{n} event|{n} events", "活动 {n} 场"),
    "sync.rows.inbox": ("{n} inbox item|{n} inbox items", "收件箱 {n} 项"),
}
MESSAGES.update(
    {
        "centre.sheet.grids": ("grids", "网格"),
        "centre.sheet.categories": ("issues by category", "问题分类"),
        "centre.h.grid": ("grid", "网格"),
        "centre.h.worker": ("worker", "网格员"),
        "centre.h.street": ("street", "街道"),
        "centre.h.contacts": ("contacts", "走访联系"),
        "centre.h.reached": ("residents reached", "覆盖居民"),
        "centre.h.walks": ("walks", "巡查"),
        "centre.h.readings": ("readings", "测量"),
        "centre.h.flagged": ("flagged", "异常"),
        "centre.h.received": ("received", "受理"),
        "centre.h.resolved": ("resolved", "办结"),
        "centre.h.overdue": ("overdue", "超时"),
        "centre.h.response": ("response", "响应率"),
        "centre.h.resolution": ("resolution", "办结率"),
        "centre.h.satisfaction": ("satisfaction", "满意率"),
        "centre.h.events": ("events", "活动"),
        "centre.h.attendees": ("attendees", "参与人次"),
        "centre.h.coverage": ("{group} covered", "{group}覆盖"),
        "centre.h.category": ("category", "类别"),
        "centre.h.num": ("numerator", "分子"),
        "centre.h.den": ("denominator", "分母"),
        "centre.h.pct": ("%", "%"),
    }
)
