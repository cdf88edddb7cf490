"""Messages: the command server (``gridnote server …`` and the client's own lines).

The client (:mod:`gridnote.client`) reads ``server.lost`` and ``server.required``
from here directly, so this module imports nothing.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "server.lost": (
        "gridnote: the command server ended while it ran this command; check what it did before running it again",
        "gridnote：命令服务在执行本命令时意外结束；请先确认命令是否已生效，再决定是否重新执行",
    ),
    "server.required": (
        "gridnote: GRIDNOTE_SERVER=require, but no command server could take the command ({reason})",
        "gridnote：GRIDNOTE_SERVER=require，但没有可用的命令服务（{reason}）",
    ),
    "server.running": (
        "The command server is running: pid {pid}, started {started}, {served:|command|commands} served, "
        "{running} running now; it exits after {idle} idle.",
        "命令服务正在运行：进程 {pid}，启动于 {started}，已执行 {served} 条命令，"
        "正在执行 {running} 条；空闲 {idle} 后退出。",
    ),
    "server.socket": ("Socket: {path}", "套接字：{path}"),
    "server.not_running": (
        "No command server is running for this installation; the next command starts one.",
        "本安装没有正在运行的命令服务；下一条命令会启动一个。",
    ),
    "server.off": (
        "The command server is off ({why}): every command runs in this process.",
        "命令服务已关闭（{why}）：每条命令都在本进程中执行。",
    ),
    "server.off_env": ("GRIDNOTE_SERVER={value}", "环境变量 GRIDNOTE_SERVER={value}"),
    "server.off_setting": ("gridnote config set server off", "已执行 gridnote config set server off"),
    "server.unsupported": (
        "this system has no fork, descriptor passing or SO_PEERCRED",
        "本系统不支持 fork、传递文件描述符或 SO_PEERCRED",
    ),
    "server.untrusted": (
        "the runtime folder {path} is not a private folder of this user",
        "运行目录 {path} 不是当前用户的私有目录",
    ),
    "server.none": ("No command server is running for this installation.", "本安装没有正在运行的命令服务。"),
    "server.stopped": ("✓ Stopped the command server (pid {pid}).", "✓ 已停止命令服务（进程 {pid}）。"),
    "server.minutes": ("{count} min", "{count} 分钟"),
    "server.seconds": ("{count} s", "{count} 秒"),
}
