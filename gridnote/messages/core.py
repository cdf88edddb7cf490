"""Messages: the notebook, files, settings, shared column headers."""

MESSAGES: dict[str, tuple[str, str]] = {
    # record numbers (gridnote.cli.params.record_number)
    "number.bad": ('"{text}" is not {what} number (e.g. 12 or #12)', "“{text}”不是{what}编号（例如 12 或 #12）"),
    "number.task": ("a task", "任务"),
    "number.issue": ("an issue", "问题"),
    "number.visit": ("a visit", "记录"),
    "core.error": ("Error: {message}", "错误：{message}"),
    "core.text_too_long": (
        "the text is too long ({count} characters; {limit} at most)",
        "文字太长（{count} 个字，最多 {limit} 个）",
    ),
    "core.text_not_one_line": (
        "the text has {what} at character {position}: type it on one line, without tabs or control characters",
        "文字第 {position} 个字符是{what}：请在一行内输入，不要含制表符或控制字符",
    ),
    "core.char_line_break": ("a line break", "换行"),
    "core.char_tab": ("a tab", "制表符"),
    "core.char_control": ("a control character ({code})", "控制字符（{code}）"),
    "core.number_too_large": ("that number is too large", "数字太大了"),
    "core.bad_command_line": (
        "the command line is not valid UTF-8; set the terminal to UTF-8",
        "命令行不是有效的 UTF-8 文本，请把终端编码设为 UTF-8",
    ),
    # notebook
    "notebook.cannot_create": ("cannot create the notebook {path}: {reason}", "无法创建笔记本 {path}：{reason}"),
    "notebook.cannot_open": ("cannot open the notebook {path}: {reason}", "无法打开笔记本 {path}：{reason}"),
    "notebook.no_folder": (
        "there is no folder {folder} for the notebook {path}; check --db or GRIDNOTE_DB",
        "笔记本 {path} 所在的文件夹 {folder} 不存在；请检查 --db 或 GRIDNOTE_DB",
    ),
    "notebook.created": ("New notebook created at {path}", "已新建笔记本：{path}"),
    "notebook.missing": (
        "there is no notebook {path}: check the name, or create it with {command}",
        "没有笔记本 {path}：请检查文件名，或用 {command} 新建",
    ),
    "notebook.empty": (
        "{path} is an empty file, not a notebook: check the name, or make it one with {command}",
        "{path} 是空文件，不是笔记本：请检查文件名，或用 {command} 把它建成笔记本",
    ),
    "notebook.initialised": ("✓ New notebook at {path}", "✓ 已新建笔记本：{path}"),
    "notebook.already": ("{path} is already a notebook; nothing changed", "{path} 已经是笔记本，未作改动"),
    "notebook.is_dir": ("{path} is a folder, not a notebook file", "{path} 是文件夹，不是笔记本文件"),
    "notebook.locked": (
        "the notebook {path} is busy in another window; try again",
        "笔记本 {path} 正在被另一个窗口使用，请稍后再试",
    ),
    "notebook.newer": (
        "{path} was written by a newer gridnote; upgrade gridnote to open it (the file was not changed)",
        "{path} 由更新版本的 gridnote 写入，请升级后再打开（文件未改动）",
    ),
    "notebook.not_a_notebook": (
        "{path} is not a gridnote notebook, or it is damaged (the file was not changed)",
        "{path} 不是 gridnote 笔记本，或者已损坏（文件未改动）",
    ),
    "notebook.reason.cannot_open": ("the file cannot be opened as a notebook", "该文件无法作为笔记本打开"),
    "notebook.replaced": (
        "the notebook {path} was restored from a backup while this command waited; nothing was written. "
        "Run the command again",
        "等待期间笔记本 {path} 已从备份恢复，未写入任何内容。请重新运行该命令",
    ),
    "notebook.disk_full": (
        "the disk holding the notebook {path} is full; nothing was changed. Free some space and try again",
        "笔记本 {path} 所在的磁盘已满，未做任何修改。请腾出一些空间后再试",
    ),
    "notebook.wal_unreadable": (
        "the notebook {path} cannot be written and its latest changes, in {wal}, cannot be read without"
        " writing; nothing was read or changed. Free some space or make its folder writable, then try again",
        "笔记本 {path} 无法写入，而它最近的修改在 {wal} 里，不写入就读不到；没有读取也没有修改任何内容。"
        "请腾出磁盘空间或让所在文件夹可写后再试",
    ),
    "notebook.read_only": (
        "the notebook {path} is read-only; nothing was changed",
        "笔记本 {path} 是只读的，未做任何修改",
    ),
    "notebook.sqlite_error": ("the notebook could not be read or written: {reason}", "笔记本读写失败：{reason}"),
    # files
    "encoding.big5": ("Big5 (Traditional Chinese)", "Big5（繁体中文）"),
    "encoding.shift_jis": ("Shift_JIS (Japanese)", "Shift_JIS（日文）"),
    "encoding.euc_jp": ("EUC-JP (Japanese)", "EUC-JP（日文）"),
    "encoding.korean": ("EUC-KR (Korean)", "EUC-KR（韩文）"),
    "file.not_found": ("file not found: {path}", "找不到文件：{path}"),
    "file.is_dir": ("{path} is a folder, not a file", "{path} 是文件夹，不是文件"),
    "file.cannot_read": ("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "file.exists": (
        "{path} already exists; nothing was written (--force replaces it)",
        "{path} 已经存在，未写入（要替换它请加 --force）",
    ),
    "file.cannot_write": (
        "cannot write {path}: {reason}; nothing was written",
        "无法写入 {path}：{reason}；未写入任何内容",
    ),
    # why (gridnote.output.files.os_reason): the system's words for the common errors
    "file.reason.not_found": ("no such file or folder", "文件或文件夹不存在"),
    "file.reason.not_a_folder": ("part of the path is not a folder", "路径中有一部分不是文件夹"),
    "file.reason.is_a_folder": ("it is a folder", "这是一个文件夹"),
    "file.reason.denied": ("permission denied", "没有权限"),
    "file.reason.disk_full": ("the disk is full", "磁盘空间不足"),
    "file.reason.read_only": ("the disk is read-only", "磁盘是只读的"),
    "file.reason.not_a_file": ("not a regular file", "不是普通文件"),
    # settings
    "config.unknown_key": ('unknown setting "{key}"; known: {known}', "没有名为“{key}”的设置；可用：{known}"),
    "config.bad_number": ('{key} needs a number, not "{text}"', "{key} 需要一个数字，而不是“{text}”"),
    "config.out_of_range": (
        "{key} must be between {low} and {high}, not {text}",
        "{key} 必须在 {low} 到 {high} 之间，而不是 {text}",
    ),
    "config.bad_choice": ('{key} must be one of {choices}, not "{text}"', "{key} 只能是 {choices}，而不是“{text}”"),
    "config.bad_timezone": (
        'unknown time zone "{text}" (e.g. Asia/Shanghai)',
        "未知时区“{text}”（例如 Asia/Shanghai）",
    ),
    "config.out_of_order": (
        "{low_key} ({low}) must stay below {high_key} ({high})",
        "{low_key}（{low}）必须小于 {high_key}（{high}）",
    ),
    "config.set": ("{key} = {value}", "{key} = {value}"),
    "config.unset": ("{key} is back to its default", "{key} 已恢复默认值"),
    "clock.bad_now": ("GRIDNOTE_NOW is not an ISO date-time: {text}", "GRIDNOTE_NOW 不是 ISO 日期时间：{text}"),
    # look-ups
    "lookup.choose": ('"{query}" matches {count:|resident|residents}:', "“{query}”匹配到 {count} 位居民："),
    "lookup.choose_prompt": ("Number", "序号"),
    # column headers shared by tables
    "col.id": ("#", "编号"),
    "col.name": ("Name", "姓名"),
    "col.gender_age": ("Sex/age", "性别/年龄"),
    "col.address": ("Address", "地址"),
    "col.tags": ("Tags", "标签"),
    "col.phone": ("Phone", "电话"),
    "col.members": ("Members", "成员"),
    "col.building": ("Building", "楼栋"),
    "col.households": ("Households", "户数"),
    "col.residents": ("Residents", "人数"),
    "col.setting": ("Setting", "设置"),
    "col.value": ("Value", "值"),
    "col.meaning": ("Meaning", "说明"),
    # long lists on screen
    "list.more": (
        "… {count} more not shown (narrow with --from/--to, or --json for all)",
        "……另有 {count} 条未显示（可用 --from/--to 缩小范围，或用 --json 查看全部）",
    ),
    "list.earlier": (
        "… {count} earlier not shown (narrow with --from/--to, or --json for all)",
        "……更早的 {count} 条未显示（可用 --from/--to 缩小范围，或用 --json 查看全部）",
    ),
}
