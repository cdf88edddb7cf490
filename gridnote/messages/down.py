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
}
