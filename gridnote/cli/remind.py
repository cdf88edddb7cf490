"""``gridnote remind``: what is due within N minutes; ``--install`` a timer that notifies at each time."""

from typing import Annotated

import typer

from gridnote.cli._common import JsonOption, notebook, out, print_json


def remind(
    within: Annotated[
        int, typer.Option("--within", "-w", metavar="N", help="Minutes ahead to look, from this minute (default 15).")
    ] = 15,
    notify: Annotated[
        bool, typer.Option("--notify", help="Also send each one as a desktop notification (notify-send).")
    ] = False,
    install: Annotated[
        bool,
        typer.Option(
            "--install",
            help="Set up a systemd user timer (or a crontab line without systemd) that notifies at each timed "
            "task's time.",
        ),
    ] = False,
    uninstall: Annotated[bool, typer.Option("--uninstall", help="Remove the timer or crontab line again.")] = False,
    via: Annotated[
        str | None, typer.Option("--via", metavar="systemd|cron", help="With --install/--uninstall: which one.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --install: replace unit files that differ from gridnote's.")
    ] = False,
    json_: JsonOption = False,
) -> None:
    """What is due within N minutes: timed tasks and events, one line each (for a status bar or cron).

    Prints nothing when nothing is due. --notify sends each as a desktop notification.
    --install sets up, for you alone, a systemd user timer (or a crontab line where there is no
    systemd) that runs `gridnote remind --within 1 --notify` each minute, so a starred 06:30 task
    notifies at 06:30; --uninstall removes it. Nothing runs unless you install it.

    Example: gridnote remind   ·   gridnote remind --within 60 --json   ·   gridnote remind --install
    """
    from gridnote.errors import InputError

    if install and uninstall:
        raise InputError("remind.install_or_uninstall")
    if via is not None and not (install or uninstall):
        raise InputError("remind.via_needs_install")
    if install or uninstall:
        _setup(install=install, via=via, force=force, json_=json_)
        return
    from gridnote.render.remind import reminder_line, reminders_json
    from gridnote.services.remind import due_within

    found = due_within(notebook(), within)
    if notify:
        from gridnote.messages.i18n import t
        from gridnote.output.reminders import notify as send

        for reminder in found.items:
            title, body = reminder_line(reminder, split=True)
            if not send(title, body):
                from gridnote.cli._common import err

                err().print(t("remind.no_notify_send"), soft_wrap=True)
                break
    if json_:
        print_json(reminders_json(found))
        return
    for reminder in found.items:
        out().print(reminder_line(reminder), highlight=False, markup=False, soft_wrap=True)


def _setup(*, install: bool, via: str | None, force: bool, json_: bool) -> None:
    from gridnote.errors import InputError
    from gridnote.output import reminders as timer
    from gridnote.render.remind import installed_json, installed_view

    if via is not None and via not in timer.MECHANISMS:
        raise InputError("remind.bad_via", text=via)
    how = via or timer.detect()
    if install:
        command = timer.remind_command(notebook().path, None)
        done = timer.install_systemd(command, force=force) if how == "systemd" else timer.install_cron(command)
    else:
        done = timer.uninstall_systemd() if how == "systemd" else timer.uninstall_cron()
    if json_:
        print_json(installed_json(done, install=install))
        return
    out().print(installed_view(done, install=install), highlight=False, soft_wrap=True)
