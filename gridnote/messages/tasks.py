"""Messages: tasks."""

MESSAGES: dict[str, tuple[str, str]] = {
}
