"""Typer/Click's own texts (help pages, usage errors) in the interface language, wrapped by width."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer

from gridnote.cli import app
from gridnote.cli._help import cell_width, wrap
from gridnote.cli._usage import LocalizedUsageError, UsageError, localized_error
from gridnote.messages import i18n
from gridnote.messages.cli import MESSAGES

ZH = {"LANG": "zh_CN.UTF-8"}
CLICK_ENGLISH = (
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Show this message",
    "[required]",
    "[default:",
    "<str>",
    "<int",
    "<path>",
    "[OPTIONS]",
    "COMMAND [ARGS]",
)


def walk(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in getattr(command, "commands", {}).items():
        found += walk(sub, (*path, name))
    return found


PATHS = walk(typer.main.get_command(app))


# -- usage errors: each pattern of messages/cli.py, triggered for real --------------------------
USAGE_ERRORS = [
    (
        "cli.err.no_such_option_possible",
        ("task", "add", "x", "--du"),
        "No such option: --du (Possible options: --due)",
        "没有选项 --du（可能是：--due）",
    ),
    ("cli.err.no_such_option", ("task", "list", "--bogus"), "No such option: --bogus", "没有选项 --bogus"),
    (
        "cli.err.no_such_command_suggest",
        ("taks",),
        "No such command 'taks'. Did you mean 'task'?",
        "没有命令 'taks'。是不是要用 'task'？",
    ),
    ("cli.err.no_such_command", ("xyzzy",), "No such command 'xyzzy'.", "没有命令 'xyzzy'。"),
    ("cli.err.missing_command", ("--db", "x.db"), "Missing command.", "缺少子命令。"),
    ("cli.err.missing_argument", ("task", "add"), "Missing argument 'TEXT'.", "缺少参数 'TEXT'。"),
    ("cli.err.missing_option", ("resident", "redeem", "王阿姨", "5"), "Missing option '--for'.", "缺少选项 '--for'。"),
    (
        "cli.err.extra_arguments",
        ("task", "list", "a", "b"),
        "Got unexpected extra argument(s) (a b)",
        "多出了参数：a b",
    ),
    (
        "cli.err.requires_value",
        ("task", "list", "--status"),
        "Option '--status' requires an argument.",
        "选项 '--status' 后面要跟一个值。",
    ),
    (
        "cli.err.takes_no_value",
        ("task", "list", "--starred=3"),
        "Option '--starred' does not take a value.",
        "选项 '--starred' 不带值。",
    ),
    (
        "cli.err.not_int",
        ("find", "李", "-n", "x"),
        "Invalid value for '--limit' / '-n': 'x' is not a valid int range.",
        "'--limit' / '-n' 的值无效：'x' 不是整数。",
    ),
    (
        "cli.err.not_int",
        ("resident", "edit", "李奶奶", "--remove-contact", "x"),
        "Invalid value for '--remove-contact': 'x' is not a valid int.",
        "'--remove-contact' 的值无效：'x' 不是整数。",
    ),
    (
        "cli.err.not_in_range",
        ("find", "李", "-n", "0"),
        "Invalid value for '--limit' / '-n': 0 is not in the range x>=1.",
        "'--limit' / '-n' 的值无效：0 不在 x>=1 范围内。",
    ),
    ("cli.err.invalid_for", ("--lang", "fr", "today"), "Invalid value for --lang: zh | en", "--lang 的值无效：zh | en"),
]


HINT = re.compile(r" See '(gridnote(?: [\w-]+)* -h)'\.$|（帮助：(gridnote(?: [\w-]+)* -h)）$")


def one_line(stderr: str) -> tuple[str, str | None]:
    """A usage error is one line: the error, and the help command it names (None: none named)."""
    lines = stderr.splitlines()
    assert len(lines) == 1 and stderr.endswith("\n"), stderr
    found = HINT.search(lines[0])
    if found is None:
        return lines[0], None
    return lines[0][: found.start()], found.group(1) or found.group(2)


@pytest.mark.parametrize("key, args, english, chinese", USAGE_ERRORS, ids=[k for k, *_ in USAGE_ERRORS])
def test_usage_error_in_both_languages(cli, key, args, english, chinese) -> None:
    en = cli(*args)
    assert en.exit_code == 2 and en.stdout == ""
    message, _ = one_line(en.stderr)
    assert message.rstrip(".") == f"Error: {english}".rstrip(".")  # a whole sentence before the hint
    zh = cli(*args, env=ZH)
    assert zh.exit_code == 2 and zh.stdout == ""
    assert one_line(zh.stderr)[0] == f"错误：{chinese}"


def test_every_error_pattern_is_triggered() -> None:
    """A pattern no test triggers may no longer match what Click writes."""
    patterns = {key for key in MESSAGES if key.startswith("cli.err.")}
    assert patterns == {key for key, *_ in USAGE_ERRORS}


def test_a_usage_error_is_one_line_that_says_where_help_is(cli) -> None:
    assert cli("task", "add", env=ZH).stderr == "错误：缺少参数 'TEXT'。（帮助：gridnote task add -h）\n"
    assert cli("task", "add").stderr == "Error: Missing argument 'TEXT'. See 'gridnote task add -h'.\n"
    # Click's sentence without a full stop gets one before the hint
    assert cli("task", "list", "--bogus").stderr == "Error: No such option: --bogus. See 'gridnote task list -h'.\n"
    assert one_line(cli("bogus").stderr)[1] == "gridnote -h"
    assert one_line(cli("log", "李奶奶", "x", "--bp").stderr)[1] is None  # the parser's own: no command to name


@pytest.mark.parametrize(
    "args, usage, missing",
    [
        (("issue", "add"), "gridnote issue add {OPTIONS} {TEXT}", "TEXT"),
        (("config", "set"), "gridnote config set {OPTIONS} {KEY} {VALUE}", "KEY"),
        (("issue", "rate", "1"), "gridnote issue rate {OPTIONS} {N} {RATING}", "RATING"),
    ],
)
def test_arguments_are_named_in_capitals_in_both_languages(cli, args, usage, missing) -> None:
    command = usage.split(" {")[0].split()[1:]
    assert cli(*command, "-h").stdout.splitlines()[0] == "Usage: " + usage.replace("{OPTIONS}", "[OPTIONS]")
    assert one_line(cli(*args).stderr) == (
        f"Error: Missing argument '{missing}'.",
        " ".join(["gridnote", *command, "-h"]),
    )
    assert cli(*command, "-h", env=ZH).stdout.splitlines()[0] == "用法：" + usage.replace("{OPTIONS}", "[选项]")
    assert one_line(cli(*args, env=ZH).stderr)[0] == f"错误：缺少参数 '{missing}'。"


def test_an_unknown_usage_error_keeps_clicks_words_in_one_line() -> None:
    i18n.set_lang("zh")
    shown = localized_error(UsageError("Something Click may say one day."))
    assert isinstance(shown, LocalizedUsageError)
    assert (shown.format_message(), shown.exit_code) == ("Something Click may say one day.", 2)


@pytest.mark.parametrize(
    "args, chinese",
    [
        (("find", "李", "--limit=0"), "'--limit' / '-n' 的值无效：0 不在 x>=1 范围内。"),
        (("find", "李", "-n0"), "'--limit' / '-n' 的值无效：0 不在 x>=1 范围内。"),
        (("find", "李", "-n", "5", "-n", "y"), "'--limit' / '-n' 的值无效：'y' 不是整数。"),
        (("task", "list", "--starred", "c", "d"), "多出了参数：c d"),
        (("--lang", "zh", "taks"), "没有命令 'taks'。是不是要用 'task'？"),
        (("--lang", "zh", "task", "lsit"), "没有命令 'lsit'。是不是要用 'list'？"),
    ],
)
def test_usage_errors_are_told_from_what_was_typed(cli, args, chinese) -> None:
    """The value in the message is the one Click refused, however the option was written."""
    result = cli(*args, env=ZH)
    assert (result.exit_code, result.stdout) == (2, "")
    assert one_line(result.stderr)[0] == f"错误：{chinese}"


@pytest.mark.in_process  # patches this process: never through a server
def test_abort_in_chinese(cli, demo, monkeypatch) -> None:
    def abort(nb, query, **kwargs):
        raise typer.Abort()

    monkeypatch.setattr("gridnote.services.resolve.resolve_resident", abort)
    result = cli("resident", "show", "李", env=ZH)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "已取消。\n")
    assert cli("resident", "show", "李").stderr == "Aborted!\n"


# -- help pages --------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", PATHS, ids=[".".join(p) or "gridnote" for p in PATHS])
def test_help_page_in_chinese_has_none_of_clicks_english(cli, path) -> None:
    result = cli(*path, "--help", env=ZH)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("用法：gridnote")
    leaks = [phrase for phrase in CLICK_ENGLISH if phrase in result.stdout]
    assert leaks == [], result.stdout
    assert "显示此帮助并退出。" in result.stdout


@pytest.mark.parametrize("env", [{}, ZH], ids=["en", "zh"])
@pytest.mark.parametrize("path", PATHS, ids=[".".join(p) or "gridnote" for p in PATHS])
def test_help_pages_fit_80_columns(cli, path, env) -> None:
    lines = cli(*path, "--help", env=env).stdout.splitlines()
    too_wide = [line for line in lines if cell_width(line) > 80]
    assert too_wide == []


def test_chinese_help_keeps_option_column_aligned(cli) -> None:
    text = cli("task", "add", "--help", env=ZH).stdout
    lines = text[text.index("选项：") :].splitlines()[1:]
    columns = set()
    for line in lines:
        if line.startswith("   "):  # a wrapped help text: spaces up to the help column
            columns.add(len(line) - len(line.lstrip()))
        else:
            match = re.match(r"^(  \S.*?\s{2,})\S", line)
            assert match, line
            columns.add(cell_width(match[1]))
    assert len(columns) == 1, lines
    assert any(line.startswith("   ") for line in lines)  # (some help text did wrap)


def test_chinese_help_of_the_root(cli) -> None:
    text = cli("--help", env=ZH).stdout
    assert text.splitlines()[0] == "用法：gridnote [选项] 命令 [参数]..."
    assert "选项：\n  --db PATH             笔记本文件（默认：$GRIDNOTE_DB，其次是用户数据目录）。\n" in text
    assert "\n命令：\n" in text
    assert "-b, --building BUILDING" in cli("task", "add", "--help", env=ZH).stdout  # as STATUS, WHO: not <文字>
    assert "[默认：10；x>=1]" in cli("find", "--help", env=ZH).stdout
    assert "[必填]" in cli("find", "--help", env=ZH).stdout


def test_default_group_usage_lines_align_in_chinese(cli) -> None:
    lines = cli("log", "--help", env=ZH).stdout.splitlines()
    assert lines[0] == "用法：gridnote log [选项] [WHO] [NOTE]..."
    assert lines[1] == "      gridnote log edit [选项] [N]"  # under "gridnote", past 用法： (6 columns)
    english = cli("log", "--help").stdout.splitlines()
    assert english[1] == "       gridnote log edit [OPTIONS] [N]"


# -- which language: the notebook's setting counts for help and usage errors too --------------------
def test_config_lang_switches_help_and_usage_errors(cli, db_path) -> None:
    assert cli("config", "set", "lang", "zh").exit_code == 0
    assert cli("--help").stdout.startswith("用法：gridnote [选项] 命令 [参数]...")
    assert cli("task").stderr.startswith("用法：gridnote task")  # a group with nothing after it: help
    assert one_line(cli("task", "add").stderr)[0] == "错误：缺少参数 'TEXT'。"
    assert cli("--help", env={"GRIDNOTE_LANG": "en"}).stdout.startswith("Usage: ")
    assert one_line(cli("--lang", "en", "task", "add").stderr)[0] == "Error: Missing argument 'TEXT'."
    assert cli("config", "set", "lang", "en").exit_code == 0
    assert cli("--help", env=ZH).stdout.startswith("Usage: ")  # the notebook's choice beats the locale
    assert cli("config", "unset", "lang").exit_code == 0
    assert cli("--help", env=ZH).stdout.startswith("用法：")


def test_help_of_another_notebook_reads_that_notebook(cli, tmp_path) -> None:
    other = tmp_path / "other.db"
    assert cli("init", str(other)).exit_code == 0
    assert cli("--db", str(other), "config", "set", "lang", "zh").exit_code == 0
    assert cli("--db", str(other), "--help").stdout.startswith("用法：")
    assert cli("--help").stdout.startswith("Usage: ")


def test_help_creates_no_notebook(cli, tmp_path) -> None:
    elsewhere = {"GRIDNOTE_DB": str(tmp_path / "not-yet.db")}
    assert cli("--help", env=elsewhere).exit_code == 0
    assert cli("task", "add", env=elsewhere).exit_code == 2
    assert not (tmp_path / "not-yet.db").exists()


# -- wrapping by display width ------------------------------------------------------------------------
def test_wrap_counts_two_columns_for_chinese() -> None:
    text = "走访、电话或巡楼之后马上记一笔；也可以修改或撤销一条记录。"
    lines = wrap(text, 20)
    assert all(cell_width(line) <= 20 for line in lines)
    assert "".join(lines) == text
    assert not any(line[0] in "，。、；：）" for line in lines[1:])  # no line starts with closing punctuation


def test_wrap_keeps_latin_words_whole() -> None:
    lines = wrap("例：gridnote task add 量血压 --due 明天早上6点半 --star", 24, subsequent_indent="  ")
    # the table's rules (gridnote.render.wrap): Latin words and 量血压 whole, a break after a space preferred
    assert lines == ["例：gridnote task add", "  量血压 --due", "  明天早上6点半 --star"]
    assert wrap("请先完成或放弃，再重新打开", 12) == ["请先完成或放", "弃，再重新打", "开"]  # never "，" first
    assert wrap("", 10) == [""]
    assert wrap("abcdefghijklmnop", 6) == ["abcdef", "ghijkl", "mnop"]
