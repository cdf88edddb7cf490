"""``gridnote server …``: the background command server (see README.md, "The command server")."""

import typer

from gridnote.cli._common import new_app

app = new_app("The command server: commands answered by a warm background process; see it, stop it.")


@app.command("status")
def server_status() -> None:
    """Say whether this installation's command server runs, since when, and how many commands it served.

    Example: gridnote server status
    """
    from gridnote.messages.i18n import t
    from gridnote.server import control

    why = control.off_reason(_setting())
    if why:
        detail = {"env": t("server.off_env", value=_env_value()), "setting": t("server.off_setting")}
        typer.echo(t("server.off", why=detail.get(why) or t("server.unsupported")))
        return
    status = control.status()
    if status is None:
        typer.echo(t("server.not_running"))
        return
    from datetime import UTC, datetime

    from gridnote import clock

    started = clock.to_local(datetime.fromtimestamp(status.started, UTC)).strftime("%Y-%m-%d %H:%M")
    idle = (
        t("server.minutes", count=status.idle // 60)
        if status.idle % 60 == 0
        else t("server.seconds", count=status.idle)
    )
    typer.echo(
        t("server.running", pid=status.pid, started=started, served=status.served, running=status.running, idle=idle)
    )
    typer.echo(t("server.socket", path=status.path))


@app.command("stop")
def server_stop() -> None:
    """Stop this installation's command server (the next command runs in-process and starts a new one).

    Example: gridnote server stop
    """
    from gridnote.messages.i18n import t
    from gridnote.server import control

    pid = control.stop()
    typer.echo(t("server.stopped", pid=pid) if pid else t("server.none"))


def _setting() -> str | None:
    """The notebook's ``server`` setting, read without creating or opening the notebook for writing."""
    from gridnote.cli._common import STATE
    from gridnote.store.notebook import peek_setting
    from gridnote.store.paths import notebook_path

    return peek_setting(notebook_path(STATE.db_option), "server")


def _env_value() -> str:
    import os

    return os.environ.get("GRIDNOTE_SERVER", "")
