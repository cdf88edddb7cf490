"""How many examples a property or fuzz test generates: a bounded number in CI, more on request.

``GRIDNOTE_FUZZ=20 pytest tests/test_fuzz.py`` runs twenty times as many (the
suite's default keeps it within its time budget).
"""

from __future__ import annotations

import os


def examples(n: int) -> int:
    """``n`` examples, times ``GRIDNOTE_FUZZ`` (an integer, default 1)."""
    try:
        scale = int(os.environ.get("GRIDNOTE_FUZZ", "1"))
    except ValueError:
        scale = 1
    return max(1, n * scale)
