"""The report as Markdown, for pasting into a chat: the sections of ``report_tables`` as pipe tables."""

from __future__ import annotations

from gridnote.messages.i18n import pick, t
from gridnote.models import Report
from gridnote.render.common import on_screen
from gridnote.render.report_parts import Percent, Section, cell_text
from gridnote.render.report_tables import heading_lines, sections, summary_lines, title


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(section: Section) -> list[str]:
    shown, left_out = on_screen(section.rows, limit=section.screen_rows)
    right = [
        all(isinstance(row[i], (int, float, Percent)) or row[i] is None for row in shown)
        for i in range(len(section.columns))
    ]
    lines = [
        f"## {_escape(section.title)}",
        "",
        "| " + " | ".join(_escape(c) for c in section.columns) + " |",
        "|" + "|".join("---:" if r else "---" for r in right) + "|",
    ]
    lines += ["| " + " | ".join(_escape(cell_text(cell)) for cell in row) + " |" for row in shown]
    extra = []
    if left_out:
        extra.append(t("report.more_plain", count=left_out))
    extra += list(section.notes)
    if extra:
        lines += [""] + [f"_{_escape(line)}_" for line in extra]
    return lines


def report_markdown(report: Report) -> str:
    numbers_title, summary = summary_lines(report)
    lines = [f"# {_escape(title(report))}", ""]
    lines += [f"{_escape(line)}  " for line in heading_lines(report)]
    lines += ["", f"## {_escape(numbers_title)}", ""]
    colon = pick(": ", "：")
    lines += [f"- **{_escape(label)}**{colon}{_escape(text)}" for label, text in summary]
    for section in sections(report)[1:]:  # the numbers are the list above
        lines += [""] + _table(section)
    return "\n".join(lines) + "\n"
