"""``gridnote check``: one line per finding (what is wrong and what to do), then one line of summary."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from gridnote.messages.i18n import t
from gridnote.models.check import CheckReport, Finding


def check_lines(report: CheckReport) -> list[Text]:
    lines = [Text("✓ ", style="green") + Text(_say(f)) for f in report.repaired]
    lines += [Text("✗ ", style="red") + Text(_say(f)) for f in report.findings]
    if report.sound:
        lines.append(Text("✓ ", style="green") + Text(t("check.sound", entries=report.entries, photos=report.photos)))
    else:
        lines.append(Text(t("check.found", count=len(report.findings))))
    return lines


def check_json(report: CheckReport) -> dict[str, Any]:
    return {
        "ok": report.sound,
        "findings": [_json(f) for f in report.findings],
        "repaired": [_json(f) for f in report.repaired],
        "search_entries": report.entries,
        "photos": report.photos,
    }


def _say(finding: Finding) -> str:
    values = dict(finding.values)
    more = values.pop("more", 0)
    if more:  # a damaged file: the first thing SQLite said, and how many more
        values["what"] = t("check.and_more", what=values["what"], count=more)
    return t(f"check.{finding.code}", **values)


def _json(finding: Finding) -> dict[str, Any]:
    values = {k: v if isinstance(v, (int, str)) else str(v) for k, v in finding.values.items()}
    return {"code": finding.code, **values, "message": _say(finding)}
