"""Usage errors in the interface language, told from the facts Click's error carries, never from its English.

See :mod:`gridnote.cli._help` for why; ``tests/test_cli_language.py`` triggers each one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

import typer

from gridnote.messages import i18n

# The base class of the one usage error Typer exports (every usage error's class), through its public names.
UsageError: Any = typer.BadParameter.__mro__[1]


# -- ---------------------------------------------------------------------------------
class LocalizedUsageError(UsageError):
    """A usage error shown in one line, in the interface language: the error, then where help is
    (``Error: Missing argument 'N'. See 'gridnote task show -h'.``). Click's own four lines (usage,
    a hint, a blank line, the error) read as output, and a script's caller saw the usage line first.

    Either a catalogue key and its values (the errors gridnote raises itself,
    rendered when shown, once the language is known) or a ready message.
    """

    def __init__(self, ctx: Any, key: str = "", *, message: str = "", **values: Any) -> None:
        super().__init__(message or key, ctx)
        self.key, self.values, self.text = key, values, message

    def format_message(self) -> str:
        return i18n.t(self.key, **self.values) if self.key else self.text

    def show(self, file: IO[Any] | None = None) -> None:
        message = self.format_message().rstrip()
        helped = self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None
        if helped and i18n.lang() != "zh" and message[-1:] not in (".", "!", "?"):
            message += "."  # Click ends some sentences, not others: the hint follows a whole one
        line = i18n.t("core.error", message=message)
        if helped:
            command = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
            line = i18n.t("cli.error_see_help", error=line, command=command)
        typer.echo(line, file=file, err=file is None)


def _kinds(exc: Exception) -> set[str]:
    """The names of an error's classes (Click's own are private to Typer: told apart by name, as Typer does)."""
    return {cls.__name__ for cls in type(exc).__mro__}


def localized_error(exc: Any, argv: Sequence[str] = ()) -> Any:
    """``exc`` as a :class:`LocalizedUsageError`: one line, in Chinese when the interface is (Click's
    English kept where gridnote does not know the error); a help page Click shows as an error stays one."""
    if isinstance(exc, LocalizedUsageError) or "NoArgsIsHelpError" in _kinds(exc):
        return exc
    message = chinese_message(exc, argv) if i18n.lang() == "zh" else None
    error = LocalizedUsageError(exc.ctx, message=message or exc.format_message())
    error.exit_code = exc.exit_code
    return error


def chinese_message(exc: Any, argv: Sequence[str] = ()) -> str | None:
    """The Chinese of one of Click's usage errors, from the pieces it carries (None: not one gridnote knows).

    ``argv`` is the command line: a value Click could not convert is read back
    from it (Click's error keeps the value only inside its English sentence).
    """
    kinds = _kinds(exc)
    if "NoSuchOption" in kinds:
        if exc.possibilities:
            possible = ", ".join(sorted(exc.possibilities))
            return i18n.t("cli.err.no_such_option_possible", name=exc.option_name, possible=possible)
        return i18n.t("cli.err.no_such_option", name=exc.option_name)
    if "BadOptionUsage" in kinds:  # (the parser raises it without a context: told from the command line)
        name = exc.option_name
        if any(arg.startswith(name + "=") for arg in argv):  # --starred=3
            return i18n.t("cli.err.takes_no_value", name=repr(name))
        if argv and argv[-1] == name:  # --status, and nothing after it
            return i18n.t("cli.err.requires_value", name=repr(name))
        return None
    if "MissingParameter" in kinds:
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else None)
        if kind not in ("argument", "option"):
            return None
        return i18n.t(f"cli.err.missing_{kind}", name=_hint(exc))
    if "BadParameter" in kinds:
        # Click's types refuse values in English; gridnote's own refusals (a text option's check,
        # a callback, the root's --lang) are in the interface language already
        problem = None if exc.param is None else _number_problem(exc.param, argv)
        if problem is None and exc.param is not None and exc.param.type.name not in ("text", *_INTEGERS):
            return None
        return i18n.t("cli.err.invalid_for", hint=_hint(exc), message=problem or exc.message)
    return None


def _hint(exc: Any) -> str:
    """Which parameter, as Click names it: ``'--limit' / '-n'``, ``'TEXT'``, ``--lang``."""
    hint = exc.param_hint if exc.param_hint is not None else exc.param.get_error_hint(exc.ctx)
    if isinstance(hint, (list, tuple)):
        return " / ".join(repr(part) for part in hint)
    return str(hint)


_INTEGERS = ("integer", "integer range", "int", "int range")  # as Click's types name themselves


def _number_problem(param: Any, argv: Sequence[str]) -> str | None:
    """Why the value typed for an integer option was refused (None: it was not refused as a number).

    Click's integer types refuse a value for two reasons only: it is not an
    integer, or it is outside the type's range (``IntRange``'s min and max).
    """
    typed = _typed(param, argv)
    if param.type.name not in _INTEGERS or typed is None:
        return None
    try:
        value = int(typed)
    except ValueError:
        return i18n.t("cli.err.not_int", value=repr(typed))
    low, high = getattr(param.type, "min", None), getattr(param.type, "max", None)
    low_open, high_open = getattr(param.type, "min_open", False), getattr(param.type, "max_open", False)
    too_low = low is not None and (value <= low if low_open else value < low)
    too_high = high is not None and (value >= high if high_open else value > high)
    if not (too_low or too_high):
        return None
    low_sign, high_sign = ("<" if low_open else "<="), ("<" if high_open else "<=")
    if low is None:
        span = f"x{high_sign}{high}"
    elif high is None:
        span = f"x{'>' if low_open else '>='}{low}"
    else:
        span = f"{low}{low_sign}x{high_sign}{high}"
    return i18n.t("cli.err.not_in_range", value=value, range=span)


def _typed(param: Any, argv: Sequence[str]) -> str | None:
    """The last value given on the command line for option ``param`` (``-n 0``, ``--limit=0``, ``-n0``)."""
    found = None
    for at, arg in enumerate(argv):
        for opt in param.opts if param.param_type_name == "option" else ():
            if arg == opt and at + 1 < len(argv):
                found = argv[at + 1]
            elif opt.startswith("--") and arg.startswith(opt + "="):
                found = arg[len(opt) + 1 :]
            elif not opt.startswith("--") and arg.startswith(opt) and len(arg) > len(opt):
                found = arg[len(opt) :]
    return found
