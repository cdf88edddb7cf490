"""The report as one standalone, printable HTML page (no scripts, no external files)."""

from __future__ import annotations

from html import escape

from gridnote.messages.i18n import lang
from gridnote.models import Report
from gridnote.render.report_parts import Percent, Section, cell_text
from gridnote.render.report_tables import heading_lines, sections, title

_STYLE = """
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em auto;
       max-width: 60em; color: #222; line-height: 1.4; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .4em; border-bottom: 1px solid #999; }
p.meta { margin: .1em 0; color: #555; }
p.full { color: #b00; font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: .95em; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
p.note { color: #555; font-size: .9em; margin: .3em 0; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _table(section: Section) -> str:
    numeric = [
        all(isinstance(row[i], (int, float, Percent)) or row[i] is None for row in section.rows)
        for i in range(len(section.columns))
    ]
    head = "".join(f"<th>{escape(c)}</th>" for c in section.columns)
    body = []
    for row in section.rows:
        cells = "".join(
            f'<td class="n">{escape(cell_text(cell))}</td>' if numeric[i] else f"<td>{escape(cell_text(cell))}</td>"
            for i, cell in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    notes = "".join(f'<p class="note">{escape(line)}</p>' for line in section.notes)
    return (
        f'<section id="{escape(section.code)}">\n<h2>{escape(section.title)}</h2>\n'
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n"
        f"{notes}</section>"
    )


def report_html(report: Report) -> str:
    name = escape(title(report))
    meta = []
    for i, line in enumerate(heading_lines(report)):
        css = "meta full" if report.full and i == 1 else "meta"
        meta.append(f'<p class="{css}">{escape(line)}</p>')
    body = "\n".join(_table(s) for s in sections(report))
    html_lang = "zh-CN" if lang() == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{name}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<h1>{name}</h1>\n"
        + "\n".join(meta)
        + f"\n{body}\n</body>\n</html>\n"
    )
