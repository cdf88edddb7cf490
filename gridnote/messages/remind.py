"""Messages: ``gridnote remind`` (what is due soon), its notifications and the timer it installs."""

MESSAGES: dict[str, tuple[str, str]] = {
    "remind.title": ("gridnote reminder · {time}", "gridnote 提醒 · {time}"),
    "remind.bad_within": ("--within {n}: give 1 to {most} minutes", "--within {n}：请填 1 到 {most} 分钟"),
    "remind.install_or_uninstall": ("--install or --uninstall, not both", "--install 和 --uninstall 只能选一个"),
    "remind.via_needs_install": (
        "--via goes with --install or --uninstall",
        "--via 要和 --install 或 --uninstall 一起用",
    ),
    "remind.bad_via": ('unknown --via "{text}"; use systemd or cron', "看不懂 --via“{text}”，可用：systemd、cron"),
    "remind.missing_tool": ("{tool} is not installed here", "这台电脑上没有 {tool}"),
    "remind.tool_failed": ("{tool} failed: {reason}", "{tool} 执行失败：{reason}"),
    "remind.no_notify_send": (
        "notify-send is not installed: no desktop notification was sent (on Debian/Ubuntu: libnotify-bin)",
        "没有安装 notify-send，桌面提醒未发送（Debian/Ubuntu：libnotify-bin）",
    ),
    "remind.install.systemd.done": (
        "✓ Reminders on: a systemd user timer runs gridnote remind each minute",
        "✓ 已开启提醒：systemd 用户定时器每分钟运行一次 gridnote remind",
    ),
    "remind.install.systemd.already": (
        "✓ Reminders were already on (systemd user timer)",
        "✓ 提醒已经开启（systemd 用户定时器）",
    ),
    "remind.install.cron.done": (
        "✓ Reminders on: a crontab line runs gridnote remind each minute",
        "✓ 已开启提醒：crontab 每分钟运行一次 gridnote remind",
    ),
    "remind.install.cron.already": ("✓ Reminders were already on (crontab)", "✓ 提醒已经开启（crontab）"),
    "remind.uninstall.systemd.done": (
        "✓ Reminders off: the systemd user timer is stopped and removed",
        "✓ 已关闭提醒：systemd 用户定时器已停止并删除",
    ),
    "remind.uninstall.systemd.already": (
        "Reminders were not on (no gridnote timer)",
        "提醒本来就没有开启（没有 gridnote 定时器）",
    ),
    "remind.uninstall.cron.done": (
        "✓ Reminders off: the crontab line is removed",
        "✓ 已关闭提醒：crontab 中的这一行已删除",
    ),
    "remind.uninstall.cron.already": (
        "Reminders were not on (no gridnote line in the crontab)",
        "提醒本来就没有开启（crontab 里没有 gridnote 的行）",
    ),
}
