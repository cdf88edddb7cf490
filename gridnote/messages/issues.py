"""Messages: issues."""

MESSAGES: dict[str, tuple[str, str]] = {
}
