"""Help pages and usage errors in the interface language, wrapped by display width.

Typer ships its own copy of Click, and that copy writes its texts ("Usage:",
"Options", "Show this message and exit.", "No such option: …") as English
literals, not through :mod:`gettext` — there is no catalogue to hand it. So
gridnote translates them where they pass through code it controls, using only
Typer's public names (its Click copy, ``typer._click``, is private):

- help pages are drawn by :class:`Formatter`, which every command's context
  uses (:func:`prepare` sets it on each command of the tree): it translates
  headings, the usage prefix and Click's own option texts, and wraps by
  display width, so Chinese lines are as long as English ones (Click counts
  characters, and a Chinese character takes two columns);
- the command and option help of the tree is swapped for the Chinese of
  :mod:`gridnote.messages.help` (``HELP_ZH``) and
  :mod:`gridnote.messages.option_help` (``OPTION_HELP_ZH``);
- a usage error is told from the pieces Click's error carries (the option's
  name, its possibilities, the parameter and its type, the value typed), never
  from its English message; the few that Click raises as bare text (no such
  command, missing command, extra arguments) gridnote raises itself, from the
  same facts, as a :class:`LocalizedUsageError`.

English output is Click's own, only wrapped by display width.
``tests/test_cli_language.py`` triggers each translated message, so a Typer
release that raises an error differently fails a test instead of going English.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer

from gridnote.cli._usage import LocalizedUsageError
from gridnote.messages import i18n

# Click's classes, reached through Typer's public names: Click's documented hook for a context's
# formatter.
HelpFormatter: Any = typer.Context.formatter_class


# -- display width -----------------------------------------------------------------------
def cell_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for wide (Chinese) characters."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """One paragraph wrapped to ``width`` columns (display width, not characters), by the line
    breaking rules every table uses (:mod:`gridnote.render.wrap`): never inside a word, never a
    Chinese closing mark at a line's start. Spaces are kept as written (Click writes two before
    ``[required]``); a line's own start and end have none."""
    from gridnote.render.wrap import divide_line, east_asian_cells

    rest = " ".join(text.strip().splitlines())
    lines: list[str] = []
    indent = initial_indent
    while True:
        room = max(width - cell_width(indent), 1)
        cuts = divide_line(rest, room, cell_size=east_asian_cells)
        if not cuts:
            lines.append((indent + rest).rstrip())
            return lines
        lines.append((indent + rest[: cuts[0]]).rstrip())
        rest, indent = rest[cuts[0] :].lstrip(), subsequent_indent


def _paragraphs(text: str) -> Iterator[tuple[int, bool, str]]:
    """(indent, keep as is, text) per paragraph; a ``\\b`` line keeps its paragraph unwrapped."""
    for block in re.split(r"\n\s*\n", text.expandtabs().strip("\n")):
        lines = block.splitlines()
        if lines and lines[0].strip() == "\b":
            yield 0, True, "\n".join(lines[1:])
            continue
        first = lines[0] if lines else ""
        yield len(first) - len(first.lstrip()), False, " ".join(line.strip() for line in lines)


# -- Click's own texts ----------------------------------------------------------------------
_SECTIONS = {"Options": "cli.options", "Arguments": "cli.arguments", "Commands": "cli.commands"}
_EXTRA = re.compile(r"\s*\[([^\[\]]*)\]$")


def _extras(text: str) -> str:
    """``[default: open; required]`` → ``[默认：open；必填]`` (parts Click adds after a help text)."""
    match = _EXTRA.search(text)
    if not match:
        return text
    parts = []
    for part in match[1].split("; "):
        if part == "required":
            parts.append(i18n.t("cli.required"))
        elif part.startswith("default: "):
            value = part.removeprefix("default: ")
            if value.startswith("(") and value.endswith(")"):  # how Click shows a label given for a default
                value = value[1:-1]
            parts.append(i18n.t("cli.default", default=value))
        else:
            parts.append(part)
    return text[: match.start()] + "  [" + i18n.t("cli.extra_separator").join(parts) + "]"


def click_text(text: str) -> str:
    """One of Click's fixed texts in the interface language (itself when not known)."""
    if i18n.lang() != "zh":
        return text
    if text == "Show this message and exit.":
        return i18n.t("cli.help_option")
    return _extras(text)


class Formatter(HelpFormatter):
    """Click's help formatter, speaking the interface language and wrapping by display width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = usage_prefix()
        head = f"{'':>{self.current_indent}}{prefix}{prog} "
        width = self.width - self.current_indent
        if width >= cell_width(head) + 20:
            lines = wrap(args, width, initial_indent=head, subsequent_indent=" " * cell_width(head))
        else:
            indent = " " * (max(self.current_indent, cell_width(prefix)) + 4)
            lines = [head.rstrip(), *wrap(args, width, initial_indent=indent, subsequent_indent=indent)]
        self.write("\n".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{i18n.t('cli.heading', name=heading)}\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = _SECTIONS.get(name)
        with super().section(i18n.t(key) if key else name):
            yield

    def write_text(self, text: str) -> None:
        self.write("\n\n".join(self._fill(text, self.width, " " * self.current_indent)) + "\n")

    def _fill(self, text: str, width: int, indent: str) -> list[str]:
        out = []
        for extra, raw, body in _paragraphs(text):
            pad = indent + " " * extra
            if raw:
                out.append("\n".join(pad + line for line in body.splitlines()))
            else:
                out.append("\n".join(wrap(body, width, initial_indent=pad, subsequent_indent=pad)))
        return out

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(first, click_text(second)) for first, second in rows]
        first_col = min(max((cell_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if cell_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = "\n\n".join(self._fill(second, max(self.width - first_col - 2, 10), "")).splitlines()
            self.write((lines[0] if lines else "") + "\n")
            for line in lines[1:]:
                self.write((f"{'':>{first_col + self.current_indent}}{line}" if line else "") + "\n")


class LocalizedContext(typer.Context):
    """Every command's context: help drawn by :class:`Formatter`, extra arguments refused by gridnote.

    Click refuses arguments a command does not take with a bare English
    sentence that keeps no pieces; so the context lets the parser keep them
    (``ctx.args``) and refuses them itself before the command runs.
    """

    formatter_class = Formatter

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.refuses_extra_args = not self.allow_extra_args
        self.allow_extra_args = True

    def invoke(self, callback: Any, /, *args: Any, **kwargs: Any) -> Any:
        own: Any = self.command.callback
        if callback is not own or self.invoked_subcommand is not None:
            return super().invoke(callback, *args, **kwargs)
        if self.refuses_extra_args and self.args:
            raise LocalizedUsageError(self, "cli.err.extra_arguments", args=" ".join(self.args))
        if not sys.stdout.isatty():  # a pipe or a file: never paged (and the pager module not loaded)
            return super().invoke(callback, *args, **kwargs)
        from gridnote.cli.pager import paged

        with paged(self.path, off=bool(self.find_root().params.get("no_pager"))):
            return super().invoke(callback, *args, **kwargs)

    @property
    def path(self) -> str:
        """The command's path in the tree: ``task.list``."""
        names: list[str] = []
        ctx: Any = self
        while ctx.parent is not None:
            names.append(ctx.info_name or "")
            ctx = ctx.parent
        return ".".join(reversed(names))


def usage_prefix() -> str:
    """``Usage: `` / ``用法：``."""
    return i18n.t("cli.usage")


# -- the command tree -------------------------------------------------------------------------
_TYPE_METAVARS = {
    "int": "N",
    "integer": "N",
    "int range": "N",
    "integer range": "N",
    "float": "NUMBER",
    "float range": "NUMBER",
    "path": "PATH",
}


def option_metavar(param: Any) -> str:
    """The placeholder for an option that names none: N, NUMBER, PATH by type, else its own name.

    Click would write ``<str>``, ``<int range>``, ``<path>`` — lowercase, unlike
    the explicit ones (STATUS, WHO, DAY) and the arguments; ``--building BUILDING``
    reads like the rest of the page, in both languages.
    """
    by_type = _TYPE_METAVARS.get(param.type.name)
    if by_type:
        return by_type
    longest = max(param.opts, key=len).lstrip("-")
    return longest.replace("-", "_").upper()


_PAGES = {"pages": False, "completing": False}  # what this run may draw or offer (see prepare)


def prepare(root: Any, *, pages: bool = True, completing: bool = False) -> None:
    """Give the commands built so far the localized formatter; in Chinese, their Chinese help.

    ``pages=False``: no help page will be drawn (a command runs), so the Chinese
    help texts are not loaded; a usage error calls this again with ``pages=True``.
    Commands of the lazy tree (``cli/_tree.py``) built later get the same
    treatment from :func:`prepare_command` when they are built.
    """
    _PAGES["pages"] = pages
    _PAGES["completing"] = completing
    if pages and i18n.lang() == "zh":
        from gridnote.messages.help import HELP_ZH

        if HELP_ZH.get(""):
            root.help = HELP_ZH[""]
    prepare_command(root, "", walk=False)
    commands = getattr(root, "commands", {})
    built = commands.built() if hasattr(commands, "built") else commands
    for name, command in built.items():
        prepare_command(command, name)


def prepare_command(command: Any, path: str, *, walk: bool = True) -> None:
    """One command (and, with ``walk``, everything under it) ready to speak the interface language."""
    chinese = _PAGES["pages"] and i18n.lang() == "zh"
    for sub_path, sub in _walk(command, path) if walk else [(path, command)]:
        sub.context_class = LocalizedContext
        for param in sub.params:
            if (
                param.param_type_name == "option"
                and param.metavar is None
                and not param.is_flag
                and not param.count
                and param.type.name != "choice"
            ):
                param.metavar = option_metavar(param)
        if chinese:
            _chinese(sub, sub_path)
        if _PAGES["completing"]:  # the shell asks what Tab may offer (gridnote/cli/completion.py)
            from gridnote.cli.completion import attach

            attach(sub, sub_path)


def _walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, f"{path}.{name}" if path else name)


def _chinese(command: Any, path: str) -> None:
    from gridnote.messages.help import HELP_ZH
    from gridnote.messages.option_help import option_help_zh, option_key

    text = HELP_ZH.get(path)
    if text and path:
        command.help = text
        command.short_help = None
    if getattr(command, "options_metavar", None) == "[OPTIONS]":
        command.options_metavar = i18n.t("cli.options_metavar")
    if getattr(command, "subcommand_metavar", None) == "COMMAND [ARGS]...":
        command.subcommand_metavar = i18n.t("cli.subcommand_metavar")
    for param in command.params:
        text = option_help_zh(path, option_key(param))
        if text and getattr(param, "help", None):
            param.help = text
        shown = _default_label(param)
        if shown is not None:
            param.show_default = shown


# an option's default that is a code, said by its name: the vocabulary each option's codes come from
_DEFAULT_TERMS = {
    "--channel": ("gridnote.domain.issue_terms", "CHANNELS"),
    "--priority": ("gridnote.domain.issue_terms", "PRIORITIES"),
    "--kind": ("gridnote.domain.issue_terms", "NOTE_KINDS"),
    "--status": ("gridnote.domain.vocab", "TASK_STATUSES"),
}
_DEFAULT_WORDS = {"flagged": "cli.value.flagged"}  # a default that is no vocabulary's code


def _default_label(param: Any) -> str | None:
    """``[默认：一般]``, not ``[默认：normal]``: a code default in the interface language (None: as Click shows it)."""
    default = getattr(param, "default", None)
    if not isinstance(default, str) or not default or getattr(param, "show_default", None) is False:
        return None
    if not getattr(param, "opts", None) or not param.opts[0].startswith("--"):
        return None
    where = _DEFAULT_TERMS.get(max(param.opts, key=len))
    if where is not None:
        from importlib import import_module

        vocabulary = getattr(import_module(where[0]), where[1])
        if default in vocabulary:
            return str(vocabulary.label(default))
    return i18n.t(_DEFAULT_WORDS[default]) if default in _DEFAULT_WORDS else None


# -- when help is asked for ----------------------------------------------------------------------
def help_requested(root: Any, args: list[str]) -> bool:
    """Whether these arguments end in a help page (``-h``, or a group with nothing after it)."""
    if any(arg in ("-h", "--help") for arg in args):
        return True
    command, rest = root, list(args)
    while rest and rest[0].startswith("-"):  # root options: --db PATH, --lang zh
        rest = rest[2:] if "=" not in rest[0] and rest[0] in ("--db", "--lang") else rest[1:]
    while getattr(command, "commands", None) is not None:
        if not rest:
            return bool(getattr(command, "no_args_is_help", False)) or command is root
        sub = command.commands.get(rest[0])
        if sub is None:
            return False
        command, rest = sub, rest[1:]
    return False
