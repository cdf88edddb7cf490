"""Messages: dates and recurrence (filled by the date parser)."""

MESSAGES: dict[str, tuple[str, str]] = {}
