"""Man pages generated from the command tree, in the interface language.

One page per command in section 1 (``gridnote.1``, ``gridnote-task-add.1``):
its summary, usage, help text, arguments and options as ``--help`` shows
them, its sub-commands, and on ``gridnote.1`` the exit codes. One page per
help topic in section 7 (``gridnote-dates.7``). :func:`man_pages` only
renders; ``gridnote help --man DIR`` writes them into ``DIR/man1`` and
``DIR/man7``, where ``man`` finds them once ``DIR`` is on the MANPATH.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gridnote.messages import i18n


def _escape(text: str) -> str:
    """Text as roff reads it literally: backslashes and dashes escaped, no line taken for a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.splitlines())


def _paragraphs(text: str) -> list[str]:
    parts = []
    for block in text.replace("\b\n", "").split("\n\n"):
        block = " ".join(line.strip() for line in block.strip().splitlines())
        if block:
            parts.append(block)
    return parts


def _head(name: str, section: int, summary: str) -> list[str]:
    from gridnote import __version__

    return [
        '.\\" -*- coding: UTF-8 -*-',  # how man-db (preconv) knows the page is UTF-8
        f'.TH "{name.upper()}" "{section}" "" "gridnote {__version__}" "gridnote"',
        ".SH NAME",
        f"{_escape(name)} \\- {_escape(summary)}",
    ]


def walk(command: Any, ctx: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any, Any]]:
    """(path, command, its context) for ``command`` and every command under it, in the order ``--help`` lists them."""
    yield path, command, ctx
    commands = getattr(command, "commands", None)
    if commands is None:
        return
    for name in command.list_commands(ctx):
        sub = commands[name]
        if not sub.hidden:
            yield from walk(sub, type(ctx)(sub, info_name=name, parent=ctx), (*path, name))


def command_page(path: tuple[str, ...], command: Any, ctx: Any) -> str:
    name = "-".join(("gridnote", *path))
    lines = _head(name, 1, command.get_short_help_str(limit=200))
    lines += [".SH SYNOPSIS", f".B {_escape(ctx.command_path)}", _escape(" ".join(command.collect_usage_pieces(ctx)))]
    lines.append(".SH DESCRIPTION")
    for paragraph in _paragraphs(command.help or ""):
        lines += [".PP", _escape(paragraph)]
    arguments = [p for p in command.get_params(ctx) if p.param_type_name == "argument"]
    options = [p for p in command.get_params(ctx) if p.param_type_name == "option"]
    for heading, params in ((i18n.t("cli.arguments"), arguments), (i18n.t("cli.options"), options)):
        records = [record for record in (p.get_help_record(ctx) for p in params) if record]
        if records:
            lines.append(f'.SH "{heading.upper()}"')
            for first, second in records:
                lines += [".TP", f"\\fB{_escape(first)}\\fR", _escape(second)]
    commands = getattr(command, "commands", None)
    if commands is not None:
        lines.append(f'.SH "{i18n.t("cli.commands").upper()}"')
        for sub_name in command.list_commands(ctx):
            sub = commands[sub_name]
            if not sub.hidden:
                page = "-".join((name, sub_name))
                lines += [
                    ".TP",
                    f"\\fB{_escape(sub_name)}\\fR",
                    f"{_escape(sub.get_short_help_str(limit=200))} ({page}(1))",
                ]
    if not path:
        from gridnote.errors import EXIT_CODES

        lines.append(f'.SH "{i18n.t("topic.exit_status").upper()}"')
        for code, key in EXIT_CODES:
            lines += [".TP", f"\\fB{code}\\fR", _escape(i18n.t(key))]
    lines += _see_also(path)
    return "\n".join(lines) + "\n"


def _see_also(path: tuple[str, ...]) -> list[str]:
    from gridnote.cli.help_topics import TOPICS

    pages = ["gridnote(1)"] if path else []
    if len(path) > 1:
        pages.append("-".join(("gridnote", *path[:-1])) + "(1)")
    pages += [f"gridnote-{topic}(7)" for topic in TOPICS]
    return [f'.SH "{i18n.t("topic.see_also").upper()}"', _escape(", ".join(pages))]


def topic_page(topic: str) -> str:
    from gridnote.cli.help_topics import blocks, summary, title

    lines = _head(f"gridnote-{topic}", 7, summary(topic))
    lines += [f'.SH "{_escape(title(topic))}"']
    for block in blocks(topic):
        if block.kind == "para":
            lines += [".PP", _escape(block.text)]
        elif block.kind == "example":
            lines += [".PP", ".RS", f".B {_escape(block.text)}", ".RE"]
        else:
            lines += [f'.SS "{_escape(block.text)}"']
            for left, right in block.rows:
                lines += [".TP", f"\\fB{_escape(left.strip())}\\fR", _escape(right)]
    lines += [f'.SH "{i18n.t("topic.see_also").upper()}"', "gridnote(1)"]
    return "\n".join(lines) + "\n"


def man_pages(root: Any, root_ctx: Any) -> dict[str, str]:
    """Every page by its file name under the man root: ``man1/gridnote-task-add.1`` → its roff text."""
    from gridnote.cli.help_topics import TOPICS

    pages = {}
    for path, command, ctx in walk(root, root_ctx):
        pages["man1/" + "-".join(("gridnote", *path)) + ".1"] = command_page(path, command, ctx)
    for topic in TOPICS:
        pages[f"man7/gridnote-{topic}.7"] = topic_page(topic)
    return pages
