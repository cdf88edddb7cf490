"""Messages: the command line's own texts (help pages and usage errors written by Typer/Click).

The ``cli.err.*`` entries are Click's usage errors. Their English side is
the message as Click writes it: gridnote shows it for the errors it raises
itself (no such command, missing command, extra arguments); the others are
shown in English as Click wrote them, and in Chinese from the pieces of the
error (gridnote/cli/_help.py). ``tests/test_cli_language.py`` triggers each.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # help pages
    "cli.usage": ("Usage: ", "用法："),
    "cli.heading": ("{name}:", "{name}："),
    "cli.options": ("Options", "选项"),
    "cli.arguments": ("Arguments", "参数"),
    "cli.commands": ("Commands", "命令"),
    "cli.help_option": ("Show this message and exit.", "显示此帮助并退出。"),
    "cli.required": ("required", "必填"),
    "cli.default": ("default: {default}", "默认：{default}"),
    "cli.value.flagged": ("flagged", "标记的"),
    "cli.extra_separator": ("; ", "；"),
    "cli.options_metavar": ("[OPTIONS]", "[选项]"),
    "cli.subcommand_metavar": ("COMMAND [ARGS]...", "命令 [参数]..."),
    "cli.error_see_help": ("{error} See '{command}'.", "{error}（帮助：{command}）"),
    "cli.aborted": ("Aborted!", "已取消。"),
    # exit codes (gridnote.errors.EXIT_CODES), the epilogue of `gridnote --help`
    "cli.exit_codes": ("Exit codes", "退出码"),
    "exit.ok": ("done", "完成"),
    "exit.cancelled": (
        "cancelled: a question left unanswered (Ctrl-D or Ctrl-C at the question)",
        "已取消：问题没有回答（在提问时按了 Ctrl-D 或 Ctrl-C）",
    ),
    "exit.input": (
        "what was typed cannot be used: a usage error, a date or reading not understood, several residents match",
        "输入无法使用：用法错误、看不懂的日期或读数、匹配到多位居民",
    ),
    "exit.not_found": (
        "nothing matches: no such resident, task, issue …",
        "没有找到：没有这位居民、这项任务、这个问题……",
    ),
    "exit.state": (
        "not possible in the record's present state (a task already done, an issue already closed …)",
        "记录当前的状态不允许（任务已完成、问题已结案……）",
    ),
    "exit.notebook": ("the notebook cannot be opened or written", "笔记本无法打开或写入"),
    "exit.server": (
        "the command server could not take the command (GRIDNOTE_SERVER=require) or was lost while it ran it",
        "命令服务无法执行该命令（GRIDNOTE_SERVER=require），或在执行中意外结束",
    ),
    "exit.interrupted": ("interrupted by Ctrl-C; nothing was half-written", "被 Ctrl-C 中断；不会只写入一半"),
    "exit.pipe_closed": (
        "the output's reader stopped early (gridnote … | head): nothing more is said",
        "读取输出的程序提前结束了（gridnote … | head）：不再输出任何内容",
    ),
    "exit.file": (
        "a file to read or write is missing, unreadable, unwritable or already there",
        "要读写的文件不存在、无法读取、无法写入或已经存在",
    ),
    # usage errors (see the module docstring)
    "cli.err.no_such_option_possible": (
        "No such option: {name} (Possible options: {possible})",
        "没有选项 {name}（可能是：{possible}）",
    ),
    "cli.err.no_such_option": ("No such option: {name}", "没有选项 {name}"),
    "cli.err.no_such_command_suggest": (
        "No such command {name}. Did you mean {suggestions}?",
        "没有命令 {name}。是不是要用 {suggestions}？",
    ),
    "cli.err.no_such_command": ("No such command {name}.", "没有命令 {name}。"),
    "cli.err.missing_command": ("Missing command.", "缺少子命令。"),
    "cli.err.missing_argument": ("Missing argument {name}.", "缺少参数 {name}。"),
    "cli.err.missing_option": ("Missing option {name}.", "缺少选项 {name}。"),
    "cli.err.extra_arguments": ("Got unexpected extra argument(s) ({args})", "多出了参数：{args}"),
    "cli.err.requires_value": ("Option {name} requires an argument.", "选项 {name} 后面要跟一个值。"),
    "cli.err.takes_no_value": ("Option {name} does not take a value.", "选项 {name} 不带值。"),
    "cli.err.invalid_for": ("Invalid value for {hint}: {message}", "{hint} 的值无效：{message}"),
    "cli.err.not_int": ("{value} is not a valid integer.", "{value} 不是整数。"),
    "cli.err.not_in_range": ("{value} is not in the range {range}.", "{value} 不在 {range} 范围内。"),
}
