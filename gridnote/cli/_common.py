"""What every command shares: the open notebook, consoles, option aliases, errors, help language.

Commands stay thin: parse options, call one service, hand the result to a
renderer. Errors raised by services (:class:`GridnoteError`) become one line
on stderr and the error's exit code here, in :class:`RootGroup`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from gridnote.cli._tree import LazyCommands
from gridnote.cli._usage import LocalizedUsageError, UsageError
from gridnote.errors import AmbiguousError, GridnoteError, InputError, NotebookError
from gridnote.messages import i18n

if TYPE_CHECKING:
    from rich.console import Console

    from gridnote.models import Resident
    from gridnote.store.notebook import Notebook


class _State:
    """Per-invocation state set by the root callback."""

    def __init__(self) -> None:
        self.db_option: Path | None = None
        self.notebook: Notebook | None = None

    def reset(self) -> None:
        if self.notebook is not None:
            self.notebook.back_up_if_due()  # after the output: a detached process takes it
            self.notebook.close()
        cipher = sys.modules.get("gridnote.store.cipher")
        if cipher is not None:
            cipher.use_key(None)  # a key lives for one command
        self.__init__()  # type: ignore[misc]


STATE = _State()


def notebook(*, create: bool = False) -> Notebook:
    """The notebook for this command, opened on first use (and its settings applied).

    A new notebook is made only at the default location on first use, or when
    the command is there to make one (``create``: ``init``, ``demo``); a
    ``--db``/``GRIDNOTE_DB`` file that is missing or empty is refused (a typo
    should not look like an empty notebook).
    """
    if STATE.notebook is None:
        from gridnote.services.settings import apply_process_settings
        from gridnote.store.notebook import open_notebook
        from gridnote.store.paths import notebook_path

        explicit = STATE.db_option is not None or bool(os.environ.get("GRIDNOTE_DB"))
        path = notebook_path(STATE.db_option)
        key_for(path)
        STATE.notebook = open_notebook(path, create=create or not explicit, make_folder=not explicit)
        apply_process_settings(STATE.notebook)
        if STATE.notebook.created and sys.stderr.isatty():
            typer.echo(i18n.t("notebook.created", path=STATE.notebook.path), err=True)
    return STATE.notebook


def key_for(path: Path) -> None:
    """An encrypted notebook's key for this command: GRIDNOTE_KEY_FILE, GRIDNOTE_KEY, the system's
    keyring (``encrypt --remember``), else asked on a terminal."""
    from gridnote.store import cipher

    if cipher.current_key() is not None or not cipher.is_encrypted(path):
        return
    cipher.driver()  # the extra is missing: say so before asking for a key
    key = cipher.key_from_env()
    if key is None:
        from gridnote.store.keychain import stored_key

        key = stored_key(path)
    if key is None and interactive():
        key = typer.prompt(i18n.t("cipher.ask_key", path=path), hide_input=True, err=True)
    if key is None:
        raise NotebookError("cipher.no_key", path=path, variable=cipher.ENV_KEY_FILE)
    cipher.use_key(key)


def out() -> Console:
    """Console for results (built at run time so colour follows the terminal and NO_COLOR).

    Control characters in what it prints are shown, never sent (:mod:`gridnote.render.visible`).
    """
    from gridnote.render.console import VisibleConsole

    console = VisibleConsole(highlight=False)
    console.on_broken_pipe = _pipe_closed  # type: ignore[method-assign]
    return console


def _pipe_closed() -> None:
    """The reader stopped early (``| head -1``): stdout goes nowhere now, and the command ends as SIGPIPE would.

    Rich's own hook ends with status 1; :class:`RootGroup` turns this into 141.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise BrokenPipeError


def err() -> Console:
    from gridnote.render.console import VisibleConsole

    return VisibleConsole(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Machine-readable output: UTF-8 JSON, keys in a stable order."""
    import json

    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


PROGRESS_AFTER = "GRIDNOTE_PROGRESS_AFTER"  # seconds before a long import or export shows its bar


def _progress_after() -> float:
    try:
        return max(0.0, float(os.environ.get(PROGRESS_AFTER, "1")))
    except ValueError:
        return 1.0


@contextmanager
def progress_bar(delay: float | None = None) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on stderr, only when stderr is a terminal and only once
    the work has taken ``delay`` seconds (``GRIDNOTE_PROGRESS_AFTER``, default 1): a quick import
    or export stays one line, and Rich's progress module is imported only when a bar is drawn."""
    if not sys.stderr.isatty():
        yield None
        return
    import time

    wait = _progress_after() if delay is None else delay
    started = time.monotonic()
    shown: list[Any] = []  # the bar and its task, once drawn

    def tick(done: int, total: int) -> None:
        if not shown:
            if time.monotonic() - started < wait:
                return
            from rich.progress import Progress

            bar = Progress(console=err(), transient=True)
            bar.start()
            shown[:] = [bar, bar.add_task("", total=total)]
        shown[0].update(shown[1], completed=done, total=total)

    try:
        yield tick
    finally:
        if shown:
            shown[0].stop()


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_passphrase(prompt: str, *, confirm: bool) -> str:
    """A portable copy's passphrase: GRIDNOTE_BACKUP_PASSPHRASE, or asked on a terminal (twice for a
    new one); never empty."""
    phrase = os.environ.get("GRIDNOTE_BACKUP_PASSPHRASE")
    if phrase is None and interactive():
        phrase = typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True)
    if not phrase:
        raise InputError("portable.no_passphrase")
    return phrase


def resolve_resident(nb: Notebook, query: str, *, current: bool = False) -> Resident:
    """A resident from what she typed; on a terminal an ambiguous match offers a numbered choice.

    ``current=True`` for commands that record something about the person: a
    resident who moved out is refused rather than written to.
    """
    from gridnote.errors import SoundsLikeError, StateError
    from gridnote.services.resolve import resolve_resident as lookup

    try:
        return lookup(nb, query, current=current)
    except SoundsLikeError as exc:  # 里奶奶 for 李奶奶: on a terminal, offer the one who sounds the same
        chosen = exc.candidate
        if not interactive():
            raise
        prompt = i18n.t("resident.sounds_like_prompt", name=chosen.display_name, address=chosen.address or "-")
        if not typer.confirm(prompt, default=True, err=True):
            raise
        return chosen
    except AmbiguousError as exc:
        if not interactive() or not exc.candidates:
            raise
        chosen = _choose(exc.candidates, query)
        if current and chosen.moved_out:
            key = "resident.is_deceased" if chosen.deceased else "resident.is_moved_out"
            raise StateError(
                key, name=chosen.display_name, date=(chosen.moved_out_at or "")[:10], query=query
            ) from None
        return chosen


def _choose(candidates: list[Resident], query: str) -> Resident:
    shown = candidates[:20]
    from gridnote.render.visible import visible

    typer.echo(visible(i18n.t("lookup.choose", query=query, count=len(candidates))), err=True)
    for number, resident in enumerate(shown, start=1):
        line = f"  {number:>2}. #{resident.id} {resident.display_name}  {resident.address or '-'}"
        typer.echo(visible(line), err=True)
    choice = typer.prompt(i18n.t("lookup.choose_prompt"), type=int, err=True)
    if not 1 <= choice <= len(shown):
        raise typer.Exit(2)
    return shown[choice - 1]


# -- help and usage errors in the interface language ----------------------------
def _is_text(arg: str) -> bool:
    """False for bytes that were not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _peek_option(args: list[str], name: str) -> str | None:
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _notebook_language(args: list[str]) -> None:
    """Read the notebook's ``lang`` setting before parsing (help pages and usage errors only).

    A command that runs opens the notebook anyway and applies its settings;
    this cheap read-only peek is for the pages Click draws before that.
    """
    page_language(_peek_option(args, "--db"))


def page_language(db: str | Path | None = None) -> None:
    """Follow the ``lang`` setting of the notebook at ``db`` (default: the usual one) without opening it."""
    if i18n.language_decided():
        return
    from gridnote.store.notebook import peek_setting
    from gridnote.store.paths import notebook_path

    i18n.set_notebook_lang(peek_setting(notebook_path(db), "lang"))


class Group(TyperGroup):
    """Command groups list sub-commands in the order they were declared.

    A command that does not exist, or none given, is refused here as a
    :class:`LocalizedUsageError` (Click's own refusal is a bare English sentence).
    """

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if ctx.token_normalize_func is not None:
            name = ctx.token_normalize_func(name)
        if self.get_command(ctx, name) is None and name[:1].isalnum() and not ctx.resilient_parsing:
            from difflib import get_close_matches

            matches = get_close_matches(args[0], list(self.commands)) if self.suggest_commands else []
            if matches:
                suggestions = ", ".join(repr(match) for match in matches)
                raise LocalizedUsageError(
                    ctx, "cli.err.no_such_command_suggest", name=repr(args[0]), suggestions=suggestions
                )
            raise LocalizedUsageError(ctx, "cli.err.no_such_command", name=repr(args[0]))
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            # Click, given options but no command, fails with a bare UsageError before naming one
            if type(exc) is UsageError and exc.ctx is ctx and ctx.invoked_subcommand is None:
                raise LocalizedUsageError(ctx, "cli.err.missing_command") from None
            raise


class RootGroup(Group):
    """The ``gridnote`` group: commands built when used, help and usage errors in the user's language,
    errors as one line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(self.commands)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list of ``gridnote --help``, from summaries: no command is built for it."""
        commands: LazyCommands = self.commands  # type: ignore[assignment]
        limit = formatter.width - 6 - max(len(name) for name in commands)
        rows = [(name, text) for name in commands for text, hidden in [commands.short_help(name, limit)] if not hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        """The exit codes, after the command list of ``gridnote --help``."""
        from gridnote.errors import EXIT_CODES

        with formatter.section(i18n.t("cli.exit_codes")):
            formatter.write_dl([(str(code), i18n.t(key)) for code, key in EXIT_CODES])

    def main(self, args: Any = None, *posargs: Any, **kwargs: Any) -> Any:
        from gridnote.cli import _help

        argv = list(sys.argv[1:] if args is None else args)
        if not all(_is_text(arg) for arg in argv):
            typer.echo(i18n.t("core.error", message=i18n.t("core.bad_command_line")), err=True)
            raise SystemExit(2)
        lang = _peek_option(argv, "--lang")
        if lang:
            i18n.set_lang(lang)
        pages = _help.help_requested(self, argv)
        if pages:
            _notebook_language(argv)
        self._argv = argv
        completing = bool(os.environ.get("_GRIDNOTE_COMPLETE"))  # the shell asks what Tab may offer
        if pages or completing or any(arg.startswith(("--install-completion", "--show-completion")) for arg in argv):
            self._completion_options()
        _help.prepare(self, pages=pages, completing=completing)
        try:
            return super().main(argv, *posargs, **kwargs)
        finally:
            from gridnote import clock

            i18n.reset()
            clock.set_timezone(None)

    def _completion_options(self) -> None:
        """Typer's ``--install-completion`` and ``--show-completion``, added only when they may be used or shown.

        Building them takes longer than the rest of the root (``add_completion=False`` on the app).
        """
        if not any(param.name == "install_completion" for param in self.params):
            self.params.extend(typer.main.get_install_completion_arguments())

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            raise self._usage_error(exc) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except GridnoteError as exc:
            _report(exc)
            raise typer.Exit(exc.exit_code) from None
        except UsageError as exc:
            raise self._usage_error(exc) from None
        except BrokenPipeError:  # the reader stopped early (`| head -1`): quietly, as SIGPIPE would
            from gridnote.cli.pager import PIPE_CLOSED

            raise typer.Exit(PIPE_CLOSED) from None
        except typer.Abort:  # a question left unanswered (Ctrl-D, Ctrl-C): the line after the prompt
            typer.echo(("\n" if sys.stderr.isatty() else "") + i18n.t("cli.aborted"), err=True)
            raise typer.Exit(1) from None
        except Exception as exc:
            if not _is_sqlite_error(exc):
                raise
            error = _sqlite_error(exc)
            _report(error)
            raise typer.Exit(error.exit_code) from None
        finally:
            STATE.reset()

    def _usage_error(self, exc: UsageError) -> UsageError:
        from gridnote.cli import _help

        _notebook_language(getattr(self, "_argv", []))
        _help.prepare(self)  # the usage line shown with the error, in the language now known
        from gridnote.cli._usage import localized_error

        return localized_error(exc, getattr(self, "_argv", []))


def _is_sqlite_error(exc: Exception) -> bool:
    """A database error (sqlite3 loads with the notebook; ``--help`` never imports it)."""
    cipher = sys.modules.get("gridnote.store.cipher")
    return cipher is not None and isinstance(exc, cipher.ERROR)


def _sqlite_error(exc: Exception) -> NotebookError:
    from gridnote.store.notebook import is_corrupt

    if is_corrupt(exc) and STATE.notebook is not None:
        return STATE.notebook._damage(exc)
    return NotebookError("notebook.sqlite_error", reason=str(exc))


def _report(exc: GridnoteError) -> None:
    from gridnote.render.visible import visible

    typer.echo(visible(i18n.t("core.error", message=exc.message)), err=True)
    for line in exc.details:
        typer.echo(visible("  " + line), err=True)


def new_app(help_text: str, cls: type[Group] = Group) -> typer.Typer:
    """A sub-command group (``resident``, ``task`` …) with gridnote's conventions."""
    return typer.Typer(
        cls=cls,
        help=help_text,
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )


# -- shared options ------------------------------------------------------------
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (a stable structure for scripts).")]
BuildingOption = Annotated[str | None, typer.Option("--building", "-b", help="Building, e.g. 5 or 5号楼.")]
