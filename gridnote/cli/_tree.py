"""The command tree, built lazily: a command's module is imported when that command runs.

Typer turns every command function into a Click command by inspecting its
signature and evaluating its annotations, about a millisecond per command
(~40 ms for the whole tree), and importing every command module costs more.
So the root group knows each top-level command by its name and by where it
is defined (``"gridnote.cli.task:app"``), and builds it the first time it is
asked for: ``gridnote today`` imports and builds ``today`` only.
``gridnote --help`` lists the commands from their summaries without
building their options. A test that walks the whole tree still gets every
command: asking for all of them builds all of them.

Add a command with one line in :mod:`gridnote.cli`:
``lazy("report", "gridnote.cli.report:app")`` for a group of sub-commands (a
``typer.Typer``), ``lazy("today", "gridnote.cli.today:today")`` for a single
command function. ``app.add_typer(...)`` still works too (built at start-up).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any, NamedTuple

import typer
from typer.core import TyperCommand

from gridnote.messages import i18n


class Lazy(NamedTuple):  # not a dataclass: `--help` would import dataclasses for it alone
    name: str
    target: str  # "module:attribute": a typer.Typer (a group) or a command function
    help: str | None = None  # instead of the group's own help (as ``add_typer(help=...)``)

    def load(self) -> Any:
        module, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module), attribute)


COMMANDS: dict[str, Lazy] = {}
# Commands built before a fork (the command server, gridnote/server/serve.py): every child then
# takes its command from here instead of building it. Empty in any other process.
PREBUILT: dict[str, Any] = {}


def lazy(name: str, target: str, *, help: str | None = None) -> None:
    """Register the top-level command ``name``, defined at ``target`` ("module:attribute")."""
    COMMANDS[name] = Lazy(name, target, help)


def _nothing() -> None:
    """Placeholder callback: makes Typer build a group around the one command wanted."""


def build(entry: Lazy) -> Any:
    """Typer's Click command for one entry, exactly as ``add_typer``/``command`` on the root build it."""
    target = entry.load()
    holder = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
    holder.callback()(_nothing)
    extra: dict[str, Any] = {"help": entry.help} if entry.help else {}  # no help given: the command's own
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=entry.name, **extra)
    else:
        holder.command(entry.name, **extra)(target)
    command = typer.main.get_command(holder).commands[entry.name]  # type: ignore[attr-defined]
    from gridnote.cli import _help

    _help.prepare_command(command, entry.name)
    return command


def prebuild() -> None:
    """Build every command once, in English and for running (no help page), for a process that forks.

    A child that draws a Chinese help page or usage error changes its own copy
    of them (``_help.prepare``); the server's stay as built.
    """
    for name, entry in COMMANDS.items():
        PREBUILT[name] = build(entry)


def summary_help(entry: Lazy) -> str:
    """The help text ``build`` would give the command, without building it."""
    if i18n.lang() == "zh":
        from gridnote.messages.help import HELP_ZH

        if HELP_ZH.get(entry.name):
            return HELP_ZH[entry.name]
    if entry.help:
        return inspect.cleandoc(entry.help)
    target = entry.load()
    if isinstance(target, typer.Typer):
        from typer.models import TyperInfo

        return typer.main.solve_typer_info_help(TyperInfo(target))
    return inspect.getdoc(target) or ""


class LazyCommands(MutableMapping[str, Any]):
    """The root group's commands: those registered with :func:`lazy`, built on first use, then any others."""

    def __init__(self, built: Mapping[str, Any]) -> None:
        self._built: dict[str, Any] = dict(built)
        self._names = [*COMMANDS, *(name for name in built if name not in COMMANDS)]

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            command = PREBUILT.get(name)
            if command is None:
                command = build(COMMANDS[name])
            else:
                from gridnote.cli import _help

                _help.prepare_command(command, name)  # a Chinese help page in this run
            self._built[name] = command
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command
        if name not in self._names:
            self._names.append(name)

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)
        self._built.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def built(self) -> dict[str, Any]:
        """The commands built so far (no import, no building)."""
        return dict(self._built)

    def short_help(self, name: str, limit: int) -> tuple[str, bool]:
        """(summary line, hidden) for ``--help``: from the command if built, else from its help text."""
        command = self._built.get(name)
        if command is None:
            command = TyperCommand(name=name, help=summary_help(COMMANDS[name]), rich_markup_mode=None)
        return command.get_short_help_str(limit), bool(command.hidden)
