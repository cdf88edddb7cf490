"""Messages: backups, restore and checks (``gridnote backup``, ``restore``, ``check``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "notebook.damaged": (
        "the notebook {path} is damaged; nothing was written. Newest good backup: {backup} (gridnote restore {backup})",
        "笔记本 {path} 已损坏，未写入任何内容。最新的完好备份：{backup}（gridnote restore {backup}）",
    ),
    "notebook.damaged_no_backup": (
        "the notebook {path} is damaged and has no good backup; nothing was written. "
        "Copy the file somewhere safe before trying anything on it",
        "笔记本 {path} 已损坏，且没有完好的备份，未写入任何内容。请先把文件复制到安全的地方，再做任何尝试",
    ),
    "backup.taken": ("✓ Backup taken: {path} ({size})", "✓ 已备份：{path}（{size}）"),
    "backup.exists": (
        "{path} already exists; add --force to replace it",
        "{path} 已存在；如需替换请加 --force",
    ),
    "backup.none": (
        "No backups yet in {folder}; `gridnote backup` takes one now.",
        "{folder} 中还没有备份；`gridnote backup` 可立即备份。",
    ),
    "backup.col.taken": ("Taken", "时间"),
    "backup.col.size": ("Size", "大小"),
    "backup.col.check": ("Check", "检查"),
    "backup.col.file": ("File", "文件"),
    "backup.ok": ("ok", "完好"),
    "backup.bad": ("damaged: {what}", "已损坏：{what}"),
    "backup.folder": ("Backups in {folder}", "备份位置：{folder}"),
    "backup.failed": ("the backup could not be written: {reason}", "备份写入失败：{reason}"),
    "backup.source_damaged": (
        "the notebook {path} is damaged ({what}); no backup was taken",
        "笔记本 {path} 已损坏（{what}），未备份",
    ),
}
