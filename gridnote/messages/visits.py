"""Messages: visits."""

MESSAGES: dict[str, tuple[str, str]] = {
}
