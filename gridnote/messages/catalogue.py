"""The message catalogue: every user-facing text, in English and Chinese, merged from one module per area.

Each area keeps its texts in a module of this package as
``MESSAGES = {"key": ("English", "中文")}``; this module merges them.
Placeholders use ``str.format`` names and must match in both languages
(``tests/test_messages.py`` checks it).
"""

from __future__ import annotations

from gridnote.messages import (
    backup,
    browse,
    calls,
    care,
    centre,
    cipher,
    cli,
    core,
    dates,
    down,
    events,
    find,
    flow,
    help,
    issues,
    remind,
    report,
    residents,
    server,
    tasks,
    topics,
    visits,
)

AREAS = (
    core,
    cipher,
    residents,
    dates,
    tasks,
    visits,
    calls,
    care,
    issues,
    events,
    flow,
    remind,
    report,
    find,
    cli,
    help,
    topics,
    server,
    centre,
    down,
    backup,
    browse,
)

CATALOGUE: dict[str, tuple[str, str]] = {}
for _area in AREAS:
    for _key, _texts in _area.MESSAGES.items():
        if _key in CATALOGUE:
            raise RuntimeError(f"duplicate message key {_key!r} in {_area.__name__}")
        CATALOGUE[_key] = _texts
