"""Reminders outside gridnote: desktop notifications, and the timer that asks for them each minute.

``gridnote remind --install`` sets up, for this user only, something that runs
``gridnote remind --within 1 --notify`` once a minute, so each timed task sends
a notification (``notify-send``) at its minute:

* a **systemd user timer** where systemd runs the session (``systemctl`` on the
  PATH and ``/run/systemd/system`` present): ``gridnote-remind.service`` and
  ``gridnote-remind.timer`` in ``$XDG_CONFIG_HOME/systemd/user`` (default
  ``~/.config/systemd/user``), then ``systemctl --user daemon-reload`` and
  ``enable --now`` of the timer;
* else a **crontab line**, marked with :data:`CRON_MARK`, added to her crontab
  (``crontab -l`` read, ``crontab -`` written back with every other line kept).

``--uninstall`` undoes exactly that. Nothing is installed, started or removed
unless she runs one of the two. Unit files are written whole, and a unit file
that differs from the one gridnote would write is not replaced without ``--force``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from gridnote.errors import FileError, StateError

UNIT = "gridnote-remind"
CRON_MARK = "# gridnote remind"
MECHANISMS = ("systemd", "cron")


@dataclass(frozen=True)
class Installed:
    """What ``--install`` or ``--uninstall`` did: the mechanism, the files or crontab line, and whether
    anything changed (``False``: it was already so)."""

    via: str  # systemd or cron
    paths: tuple[str, ...]  # the unit files (systemd)
    line: str | None  # the crontab line (cron)
    changed: bool


# -- what runs ----------------------------------------------------------------------------
def remind_command(notebook: Path, lang: str | None) -> list[str]:
    """The command the timer runs: this Python and this notebook, so it reads what she writes in."""
    command = [sys.executable, "-m", "gridnote", "--db", str(Path(notebook).resolve())]
    if lang:
        command += ["--lang", lang]
    return [*command, "remind", "--within", "1", "--notify"]


def _quoted(command: list[str]) -> str:
    import shlex

    return " ".join(shlex.quote(part) for part in command)


def service_text(command: list[str]) -> str:
    # systemd reads ExecStart with its own quoting: double quotes around each part, backslashes escaped
    exec_start = " ".join('"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"' for part in command)
    return (
        "[Unit]\n"
        "Description=gridnote reminders: a desktop notification at each timed task's time\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={exec_start}\n"
    )


def timer_text() -> str:
    return (
        "[Unit]\n"
        "Description=gridnote reminders, once a minute\n\n"
        "[Timer]\n"
        "OnCalendar=*-*-* *:*:00\n"
        "AccuracySec=1s\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def cron_line(command: list[str]) -> str:
    """Once a minute; cron has no desktop session, so the line names the user's session bus."""
    bus = f"unix:path=/run/user/{os.getuid()}/bus"
    return f"* * * * * DBUS_SESSION_BUS_ADDRESS={bus} DISPLAY=:0 {_quoted(command)} >/dev/null 2>&1 {CRON_MARK}"


# -- where -------------------------------------------------------------------------------
def unit_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def detect() -> str:
    """systemd when it runs the machine and ``systemctl`` is there; else cron."""
    if shutil.which("systemctl") and Path("/run/systemd/system").is_dir():
        return "systemd"
    return "cron"


def _run(args: list[str], *, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    if shutil.which(args[0]) is None:
        raise StateError("remind.missing_tool", tool=args[0])
    try:
        return subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StateError("remind.tool_failed", tool=" ".join(args), reason=str(exc)) from None


def _ok(args: list[str], *, stdin: str | None = None) -> str:
    done = _run(args, stdin=stdin)
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise StateError("remind.tool_failed", tool=" ".join(args), reason=reason[-1] if reason else done.returncode)
    return done.stdout


# -- systemd --------------------------------------------------------------------------------
def _write(path: Path, text: str, *, force: bool) -> bool:
    """Write ``path`` whole (0644: systemd reads it); False when it already says this."""
    from gridnote.output.files import atomic_write

    if path.exists():
        try:
            if path.read_text(encoding="utf-8") == text:
                return False
        except OSError:
            pass
    if not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            from gridnote.output.files import os_reason

            raise FileError("file.cannot_write", path=path.parent, reason=os_reason(exc)) from exc
    atomic_write(path, lambda handle: handle.write(text.encode("utf-8")), mode=0o644, force=force)
    return True


def install_systemd(command: list[str], *, force: bool = False) -> Installed:
    folder = unit_dir()
    service, timer = folder / f"{UNIT}.service", folder / f"{UNIT}.timer"
    changed = _write(service, service_text(command), force=force)
    changed = _write(timer, timer_text(), force=force) or changed
    _ok(["systemctl", "--user", "daemon-reload"])
    _ok(["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"])
    return Installed("systemd", (str(service), str(timer)), None, changed)


def uninstall_systemd() -> Installed:
    folder = unit_dir()
    paths = [folder / f"{UNIT}.service", folder / f"{UNIT}.timer"]
    present = [p for p in paths if p.exists()]
    if present:
        _run(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"])  # already stopped is fine
        for path in present:
            try:
                path.unlink()
            except OSError as exc:
                from gridnote.output.files import os_reason

                raise FileError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
        _ok(["systemctl", "--user", "daemon-reload"])
    return Installed("systemd", tuple(str(p) for p in present), None, bool(present))


# -- cron -------------------------------------------------------------------------------------
def _crontab() -> list[str]:
    done = _run(["crontab", "-l"])
    if done.returncode != 0:  # "no crontab for her": an empty one
        return []
    return done.stdout.splitlines()


def install_cron(command: list[str]) -> Installed:
    line = cron_line(command)
    lines = _crontab()
    if line in lines:
        return Installed("cron", (), line, False)
    kept = [existing for existing in lines if not existing.endswith(CRON_MARK)]  # an older line of ours
    _ok(["crontab", "-"], stdin="".join(f"{entry}\n" for entry in [*kept, line]))
    return Installed("cron", (), line, True)


def uninstall_cron() -> Installed:
    lines = _crontab()
    ours = [line for line in lines if line.endswith(CRON_MARK)]
    if ours:
        kept = [line for line in lines if not line.endswith(CRON_MARK)]
        _ok(["crontab", "-"], stdin="".join(f"{entry}\n" for entry in kept))
    return Installed("cron", (), ours[0] if ours else None, bool(ours))


# -- notifications --------------------------------------------------------------------------
def notify(title: str, body: str) -> bool:
    """One desktop notification (``notify-send``); False when there is no ``notify-send``."""
    if shutil.which("notify-send") is None:
        return False
    _ok(["notify-send", "--app-name=gridnote", title, body])
    return True
