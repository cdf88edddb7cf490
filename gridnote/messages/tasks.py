"""Messages: tasks, tomorrow's work and the daily agenda."""

MESSAGES: dict[str, tuple[str, str]] = {
    "task.not_found": ("there is no task {id}", "没有编号为 {id} 的任务"),
}
