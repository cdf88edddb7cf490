"""Messages: the notebook, files, settings, shared column headers."""

MESSAGES: dict[str, tuple[str, str]] = {
    "core.error": ("Error: {message}", "错误：{message}"),
    # notebook
    "notebook.cannot_create": ("cannot create the notebook {path}: {reason}", "无法创建笔记本 {path}：{reason}"),
    "notebook.cannot_open": ("cannot open the notebook {path}: {reason}", "无法打开笔记本 {path}：{reason}"),
    "notebook.is_dir": ("{path} is a folder, not a notebook file", "{path} 是文件夹，不是笔记本文件"),
    "notebook.locked": ("the notebook {path} is busy in another window; try again",
                        "笔记本 {path} 正在被另一个窗口使用，请稍后再试"),
    "notebook.newer": ("{path} was written by a newer gridnote; upgrade gridnote to open it (the file was not changed)",
                       "{path} 由更新版本的 gridnote 写入，请升级后再打开（文件未改动）"),
    "notebook.not_a_notebook": ("{path} is not a gridnote notebook (the file was not changed)",
                                "{path} 不是 gridnote 笔记本（文件未改动）"),
    "notebook.read_only": ("the notebook {path} is read-only; nothing was changed",
                           "笔记本 {path} 是只读的，未做任何修改"),
    "notebook.sqlite_error": ("the notebook could not be read or written: {reason}", "笔记本读写失败：{reason}"),
    # files
    "file.not_found": ("file not found: {path}", "找不到文件：{path}"),
    "file.is_dir": ("{path} is a folder, not a file", "{path} 是文件夹，不是文件"),
    "file.cannot_read": ("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "file.cannot_write": ("cannot write {path}: {reason}; nothing was written", "无法写入 {path}：{reason}；未写入任何内容"),
    # settings
    "config.unknown_key": ("unknown setting \"{key}\"; known: {known}", "没有名为“{key}”的设置；可用：{known}"),
    "config.bad_number": ("{key} needs a number, not \"{text}\"", "{key} 需要一个数字，而不是“{text}”"),
    "config.out_of_range": ("{key} must be between {low} and {high}, not {text}", "{key} 必须在 {low} 到 {high} 之间，而不是 {text}"),
    "config.bad_choice": ("{key} must be one of {choices}, not \"{text}\"", "{key} 只能是 {choices}，而不是“{text}”"),
    "config.bad_timezone": ("unknown time zone \"{text}\" (e.g. Asia/Shanghai)", "未知时区“{text}”（例如 Asia/Shanghai）"),
    "config.set": ("{key} = {value}", "{key} = {value}"),
    "config.unset": ("{key} is back to its default", "{key} 已恢复默认值"),
    "clock.bad_now": ("GRIDNOTE_NOW is not an ISO date-time: {text}", "GRIDNOTE_NOW 不是 ISO 日期时间：{text}"),
    # look-ups
    "lookup.choose": ("\"{query}\" matches {count} residents:", "“{query}”匹配到 {count} 位居民："),
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
}
