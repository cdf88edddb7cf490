"""Messages: find."""

MESSAGES: dict[str, tuple[str, str]] = {
}
