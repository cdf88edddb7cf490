"""Every command has help, in English and Chinese; a user can learn the tool from --help."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer

from gridnote.cli import app
from gridnote.messages.help import HELP_ZH
from gridnote.messages.option_help import OPTION_HELP_ZH, option_help_chain, option_key


def walk(command: Any, path: str = "") -> list[tuple[str, Any]]:
    found = [(path, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += walk(sub, f"{path}.{name}" if path else name)
    return found


ROOT = typer.main.get_command(app)
ROOT._completion_options()  # type: ignore[attr-defined]  # (added when help is shown or completion used)
COMMANDS = walk(ROOT)


@pytest.mark.parametrize("path, command", COMMANDS, ids=[p or "gridnote" for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path: str, command: Any) -> None:
    assert command.help and command.help.strip(), f"{path or 'gridnote'} has no help"
    if not getattr(command, "commands", None):  # leaf commands show how they are used
        assert "Example" in command.help or "gridnote " in command.help, path


@pytest.mark.parametrize("path, command", COMMANDS, ids=[p or "gridnote" for p, _ in COMMANDS])
def test_every_command_has_chinese_help(path: str, command: Any) -> None:
    assert HELP_ZH.get(path), f"messages/help.py HELP_ZH has no entry for {path!r}"


def test_no_chinese_help_for_commands_that_do_not_exist() -> None:
    paths = {p for p, _ in COMMANDS}
    assert set(HELP_ZH) <= paths, sorted(set(HELP_ZH) - paths)


PARAMS = [
    (path, f"{path or 'gridnote'} {param.opts[0]}", param) for path, command in COMMANDS for param in command.params
]


def chinese_entry(path: str, param: Any) -> tuple[str, str] | None:
    """(where, key) of the OPTION_HELP_ZH entry that gives this parameter its Chinese."""
    key = option_key(param)
    return next(((where, key) for where in option_help_chain(path) if key in OPTION_HELP_ZH.get(where, {})), None)


@pytest.mark.parametrize("path, where, param", PARAMS, ids=[w for _, w, _ in PARAMS])
def test_every_argument_and_option_has_help_in_both_languages(path: str, where: str, param: Any) -> None:
    assert param.help and param.help.strip(), f"{where} has no help"
    entry = chinese_entry(path, param)
    assert entry, f"messages/option_help.py OPTION_HELP_ZH has no Chinese for {where}: {param.help!r}"
    assert OPTION_HELP_ZH[entry[0]][entry[1]] != param.help


def test_one_chinese_entry_serves_one_english_help() -> None:
    """An entry for a group or for "*" must not give its Chinese to an option that says something else."""
    english: dict[tuple[str, str], set[str]] = {}
    for path, _, param in PARAMS:
        english.setdefault(chinese_entry(path, param) or ("", ""), set()).add(param.help)
    mixed = {entry: texts for entry, texts in english.items() if len(texts) > 1}
    assert mixed == {}


def test_chinese_option_help_is_shown(cli) -> None:
    page = cli("task", "add", "--help", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "要做的事（引号可加可不加）。" in page  # from "*"
    assert "日期和时间：明天6:30、明早6点半、周五、12-01。" in page  # from "task"
    assert "楼栋，例如 5 或 5号楼。" in page  # from "*", though --building is defined in each command


ARGUMENTS = [
    (f"{path} {param.name}", param)
    for path, command in COMMANDS
    for param in command.params
    if param.param_type_name == "argument"
]
METAVAR = re.compile(r"\[?[A-Z]+\]?(\.\.\.)?")  # WHO, N..., [N], [NOTE]...


@pytest.mark.parametrize("where, param", ARGUMENTS, ids=[w for w, _ in ARGUMENTS])
def test_every_argument_has_an_uppercase_metavar(where: str, param: Any) -> None:
    """Usage lines and "missing argument" errors name arguments alike: {WHO} {N}, never {text}."""
    assert param.metavar and METAVAR.fullmatch(param.metavar), f"{where}: metavar {param.metavar!r}"
    assert param.metavar.startswith("[") == (not param.required), f"{where}: brackets mark an optional argument"


def test_no_chinese_option_help_that_is_not_used() -> None:
    used = {chinese_entry(path, param) for path, _, param in PARAMS}
    entries = {(where, key) for where, options in OPTION_HELP_ZH.items() for key in options}
    assert entries - used == set()


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS])
def test_help_runs(cli, path: str) -> None:
    args = [*filter(None, path.split(".")), "--help"]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert "Usage:" in result.stdout


def test_help_in_chinese(cli) -> None:
    result = cli("--lang", "zh", "resident", "add", "--help")
    assert result.exit_code == 0
    assert "登记居民" in result.stdout
    assert "登记居民" in cli("resident", "add", "--help", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "Register a resident" in cli("resident", "add", "--help", env={"LANG": "C"}).stdout
    listing = cli("--help", env={"GRIDNOTE_LANG": "zh"}).stdout
    assert "居民：登记、查找" in listing


def test_version(cli) -> None:
    from gridnote import __version__

    assert cli("--version").stdout.strip() == f"gridnote {__version__}"


OPTIONS = [
    (f"{path or 'gridnote'} {param.opts[0]}", param)
    for path, command in COMMANDS
    for param in command.params
    if param.param_type_name == "option" and not param.is_flag and param.type.name != "choice"
]
PLACEHOLDER = re.compile(r"<[^<>\s]+(?: [^<>\s]+)*>")  # Click's own <str>, <int range>, <path>


@pytest.mark.parametrize("where, param", OPTIONS, ids=[w for w, _ in OPTIONS])
def test_every_option_value_has_a_metavar(where: str, param: Any) -> None:
    """Options name their value like arguments do (BUILDING, N, PATH), never Click's <str>."""
    assert param.metavar and not PLACEHOLDER.search(param.metavar), f"{where}: metavar {param.metavar!r}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_lowercase_placeholder_on_any_help_page(cli, lang: str) -> None:
    for path, _ in COMMANDS:
        page = cli("--lang", lang, *filter(None, path.split(".")), "--help")
        assert page.exit_code == 0, page.stderr
        options = page.stdout.split("\n\n")[-1]  # the option list is the last block
        assert not PLACEHOLDER.search(page.stdout), f"{lang} {path or 'gridnote'}:\n{options}"


def test_a_code_default_is_shown_by_its_name_in_chinese(cli) -> None:
    zh = {"GRIDNOTE_LANG": "zh"}
    cases = [
        (("issue", "add"), "[默认：当面]", "[default: in-person]"),  # --channel
        (("issue", "add"), "[默认：一般]", "[default: normal]"),  # --priority
        (("issue", "note"), "[默认：进展]", "[default: progress]"),  # --kind
        (("issue", "import"), "[默认：一网通]", "[default: app]"),  # --channel
        (("centre", "dispatch"), "[默认：12345热线]", "[default: hotline]"),
        (("task", "list"), "[默认：未完成]", "[default: open]"),  # --status
        (("report",), "[默认：标记的]", "[default: flagged]"),  # --readings
    ]
    for args, chinese, english in cases:
        page = "".join(cli(*args, "--help", env=zh).stdout.split())  # however the lines wrap
        assert chinese in page and "默认：(" not in page, args
        page = "".join(cli(*args, "--help", env={"GRIDNOTE_LANG": "en"}).stdout.split())
        assert english.replace(" ", "") in page, args
