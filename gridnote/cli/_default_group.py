"""A command group with a default command: ``gridnote log 李奶奶 …`` is ``gridnote log add 李奶奶 …``."""

from __future__ import annotations

from typing import Any

from gridnote.cli._common import Group


class DefaultGroup(Group):
    """A group whose first argument is a sub-command name or else the default command's arguments.

    ``gridnote log 李奶奶 …`` and ``gridnote log --building 5 …`` run the default
    command (``log add``); ``gridnote log edit 3`` runs ``edit``. ``--help`` on
    the group shows the default command's arguments and options, then the
    other sub-commands. Subclasses name the default in ``default_command``.
    """

    default_command = ""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        from gridnote.cli._help import cell_width, usage_prefix

        default = self.commands[self.default_command]
        formatter.write_usage(ctx.command_path, " ".join(default.collect_usage_pieces(ctx)))
        for name, command in self.commands.items():
            if name != self.default_command and not command.hidden:
                formatter.write_usage(
                    f"{ctx.command_path} {name}",
                    " ".join(command.collect_usage_pieces(ctx)),
                    prefix=" " * cell_width(usage_prefix()),
                )

    def format_options(self, ctx: Any, formatter: Any) -> None:
        self.commands[self.default_command].format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """Tab after ``gridnote log``: the sub-commands, and what the default command's first argument takes."""
        found = super().shell_complete(ctx, incomplete)
        if not incomplete.startswith("-"):
            default = self.commands[self.default_command]
            first = next((param for param in default.params if param.param_type_name == "argument"), None)
            if first is not None:
                found.extend(first.shell_complete(ctx, incomplete))
        return found
