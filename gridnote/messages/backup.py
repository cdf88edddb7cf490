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
    "notebook.damaged_read": (
        "the notebook {path} is damaged where this is kept, so it cannot be read. "
        "Newest good backup: {backup} (gridnote restore {backup})",
        "笔记本 {path} 存放这部分内容的地方已损坏，无法读取。最新的完好备份：{backup}（gridnote restore {backup}）",
    ),
    "notebook.damaged_read_no_backup": (
        "the notebook {path} is damaged where this is kept, so it cannot be read, and it has no good backup. "
        "Copy the file somewhere safe before trying anything on it",
        "笔记本 {path} 存放这部分内容的地方已损坏，无法读取，且没有完好的备份。请先把文件复制到安全的地方，再做任何尝试",
    ),
    "backup.taken": ("✓ Backup taken: {path} ({size})", "✓ 已备份：{path}（{size}）"),
    "portable.taken": (
        "✓ Encrypted copy written: {path} ({size}); put it back with: gridnote restore {path}",
        "✓ 已写入加密副本：{path}（{size}）；恢复：gridnote restore {path}",
    ),
    "portable.needs_extra": (
        "an encrypted copy to carry needs the portable extra: {command}",
        "写加密副本需要安装 portable 扩展：{command}",
    ),
    "portable.needs_to": (
        "--encrypt-to and --passphrase write a copy to carry: say where with --to FILE",
        "--encrypt-to 和 --passphrase 用于写一份随身带走的副本：请用 --to 文件 指定写到哪里",
    ),
    "portable.bad_recipient": (
        "{text} is not an age recipient (age1…) or an SSH public key: {reason}",
        "{text} 不是 age 接收方（age1……）或 SSH 公钥：{reason}",
    ),
    "portable.no_recipient": ("no recipient found in {text}", "{text} 中没有接收方"),
    "portable.bad_identity": (
        "{path} holds no usable age identity (AGE-SECRET-KEY-…) or SSH private key: {reason}",
        "{path} 中没有可用的 age 私钥（AGE-SECRET-KEY-……）或 SSH 私钥：{reason}",
    ),
    "portable.no_passphrase": (
        "no passphrase: type it at the prompt, or set GRIDNOTE_BACKUP_PASSPHRASE",
        "没有口令：请在提示时输入，或设置 GRIDNOTE_BACKUP_PASSPHRASE",
    ),
    "portable.needs_passphrase": (
        "{path} is encrypted with a passphrase: type it at the prompt, or set GRIDNOTE_BACKUP_PASSPHRASE",
        "{path} 用口令加密：请在提示时输入，或设置 GRIDNOTE_BACKUP_PASSPHRASE",
    ),
    "portable.needs_identity": (
        "{path} is encrypted to a key: give its secret key with --identity FILE",
        "{path} 是用密钥加密的：请用 --identity 文件 提供对应的私钥",
    ),
    "portable.cannot_decrypt": (
        "cannot decrypt {path} ({reason}): wrong key or passphrase; nothing was changed",
        "无法解密 {path}（{reason}）：密钥或口令不对；未做任何修改",
    ),
    "portable.not_a_backup": (
        "{path} is not a gridnote copy ({reason}); nothing was changed",
        "{path} 不是 gridnote 的副本（{reason}）；未做任何修改",
    ),
    "portable.ask_passphrase": ("Passphrase for {path}", "{path} 的口令"),
    "portable.ask_new_passphrase": ("Passphrase for the copy", "副本的口令"),
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
    "check.sound": (
        "The notebook is sound: the file, its links, the search index ({entries:|entry|entries}) and {photos:|photo|photos}",
        "笔记本完好：文件、记录间的关联、搜索索引（{entries} 条）和 {photos} 张照片",
    ),
    "check.found": ("{count} to look at (above)", "有 {count} 处需要处理（见上）"),
    "check.damaged": (
        "the file is damaged ({what}); nothing will be written into it. Restore the newest good backup: "
        "gridnote restore {backup}",
        "文件已损坏（{what}），不会再写入。请恢复最新的完好备份：gridnote restore {backup}",
    ),
    "check.damaged_no_backup": (
        "the file is damaged ({what}) and has no good backup; nothing will be written into it. "
        "Copy the file somewhere safe before trying anything on it",
        "文件已损坏（{what}），且没有完好的备份，不会再写入。请先把文件复制到安全的地方，再做任何尝试",
    ),
    "check.and_more": ("{what}; and {count} more", "{what}；另有 {count} 处"),
    "check.unreadable": (
        "the links between records cannot be read ({what}); restore a good backup (gridnote backup list)",
        "无法读取记录间的关联（{what}）；请恢复一份完好的备份（gridnote backup list）",
    ),
    "check.foreign_key": (
        "{count} row(s) of {table} point to a {parent} row that is not there (rows {rows}); "
        "restore a backup from before they went wrong (gridnote backup list)",
        "{table} 中有 {count} 行指向不存在的 {parent} 记录（行 {rows}）；请恢复出错之前的备份（gridnote backup list）",
    ),
    "check.search": (
        "the search index does not match the notebook (missing or out of date: {lacking}, left over: {extra}), "
        "so gridnote find may miss rows; gridnote check --repair rebuilds it",
        "搜索索引与笔记本不一致（缺失或过时：{lacking} 条，多余：{extra} 条），gridnote find 可能漏掉记录；"
        "gridnote check --repair 可重建索引",
    ),
    "check.search_unreadable": (
        "the search index cannot be read ({what}); gridnote check --repair rebuilds it",
        "无法读取搜索索引（{what}）；gridnote check --repair 可重建索引",
    ),
    "check.search_rebuilt": ("Search index rebuilt: {entries:|entry|entries}", "已重建搜索索引：{entries} 条"),
    "check.mark_cleared": (
        "The notebook passes its integrity check: the damaged mark is cleared, writing is allowed again",
        "笔记本通过了完整性检查：已清除损坏标记，可以再次写入",
    ),
    "check.photo_missing": (
        "photo {path} is missing and is not in the backups either; put the file back there if you have it",
        "照片 {path} 缺失，备份中也没有；如果您还有这个文件，请把它放回原处",
    ),
    "check.photo_missing_kept": (
        "photo {path} is missing; gridnote check --repair brings it back from the backups",
        "照片 {path} 缺失；gridnote check --repair 可从备份中找回",
    ),
    "check.photo_back": ("Photo brought back from the backups: {path}", "已从备份中找回照片：{path}"),
    "check.photo_changed": (
        "photo {path} is not the file that was stored (its size differs); put the original back there",
        "照片 {path} 不是当初保存的文件（大小不同）；请把原文件放回原处",
    ),
    "check.photo_orphan": (
        "{path} belongs to no issue or event (left by a restore or copied in by hand); remove it if it is not needed",
        "{path} 不属于任何问题或活动（恢复备份后留下，或是手动放入的）；如不需要可以删除",
    ),
}
