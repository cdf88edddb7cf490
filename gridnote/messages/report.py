"""Messages: report."""

MESSAGES: dict[str, tuple[str, str]] = {
}
