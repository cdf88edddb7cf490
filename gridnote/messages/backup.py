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
    "restore.done": ("✓ Restored from {backup}", "✓ 已从 {backup} 恢复"),
    "restore.kept": (
        "The notebook it replaced is kept as {path}",
        "被替换的笔记本已保留为 {path}",
    ),
    "restore.both": ("give a BACKUP or --date, not both", "请给出 BACKUP 或 --date，不要同时给出"),
    "restore.no_such": (
        "no backup {name} (neither a file nor in {folder}); gridnote backup list shows them",
        "没有备份 {name}（既不是文件，也不在 {folder} 中）；gridnote backup list 可列出备份",
    ),
    "restore.none_of_day": (
        "no backup of {day} in {folder}; gridnote backup list shows them",
        "{folder} 中没有 {day} 的备份；gridnote backup list 可列出备份",
    ),
    "restore.none": (
        "no backups in {folder} to restore from",
        "{folder} 中没有可恢复的备份",
    ),
    "restore.same": ("{path} is the notebook itself", "{path} 就是笔记本本身"),
    "restore.backup_damaged": (
        "the backup {path} is damaged ({what}); nothing was changed. Try an older one (gridnote backup list)",
        "备份 {path} 已损坏（{what}），未做任何改动。请换一个更早的备份（gridnote backup list）",
    ),
    "restore.not_a_backup": (
        "{path} cannot be read as a backup ({what}); nothing was changed",
        "{path} 无法作为备份读取（{what}），未做任何改动",
    ),
    "restore.failed": (
        "the restore could not be written ({reason}); the notebook is unchanged",
        "恢复写入失败（{reason}），笔记本未改动",
    ),
}
