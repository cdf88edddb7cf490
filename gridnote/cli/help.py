"""``gridnote help``: topic pages (dates, care rounds, categories, readings, privacy), command help, man pages."""

from pathlib import Path
from typing import Annotated

import typer


def help_(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TOPIC]...",
            help="A topic (dates, care, categories, readings, privacy; 日期, 走访 …), or a command (task add).",
        ),
    ] = None,
    man: Annotated[
        Path | None,
        typer.Option(
            "--man", metavar="DIR", help="Write man pages of every command and topic into DIR/man1, DIR/man7."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace man pages already in DIR.")] = False,
) -> None:
    """Help topics (dates, care rounds, categories and deadlines, readings, privacy), command help, man pages.

    Without a topic, lists the topics. Pages are in the interface language.

    Example: gridnote help dates · gridnote help 隐私 · gridnote help task add · gridnote help --man ~/.local/share/man
    """
    from gridnote.cli import _help, help_topics
    from gridnote.cli._common import STATE, out, page_language
    from gridnote.errors import NotFoundError
    from gridnote.messages import i18n

    page_language(STATE.db_option)
    root_ctx = ctx.find_root()
    _help.prepare(root_ctx.command, pages=True)  # the tree's help in the interface language
    if man is not None:
        from gridnote.cli.manpages import man_pages
        from gridnote.output.man import write_pages

        count = write_pages(man, man_pages(root_ctx.command, root_ctx), force=force)
        typer.echo(i18n.t("topic.man_written", count=count, folder=man))
        return
    if not words:
        typer.echo(help_topics.topics_text(), nl=False)
        return
    topic = help_topics.topic_named(" ".join(words))
    if topic is not None:
        typer.echo(help_topics.page_text(topic, width=min(out().width, 100)), nl=False)
        return
    command, command_ctx = root_ctx.command, root_ctx
    for word in words:
        sub = getattr(command, "commands", {}).get(word)
        if sub is None:
            raise NotFoundError("topic.unknown", name=" ".join(words), topics=", ".join(help_topics.TOPICS))
        command, command_ctx = sub, _help.LocalizedContext(sub, info_name=word, parent=command_ctx)
    typer.echo(command.get_help(command_ctx))
