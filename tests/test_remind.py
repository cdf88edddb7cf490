"""``gridnote remind`` (issue 19, item 6): what is due within N minutes, desktop notifications, and the
timer it installs, tested against the files it writes under a temporary HOME and stand-ins for
``systemctl``, ``crontab`` and ``notify-send`` on the PATH (nothing real is started)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

EARLY = "2026-11-29T06:00:00+08:00"


def ok(result) -> str:
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


@pytest.fixture
def day(cli, demo) -> None:
    """A starred 06:30 task, a 07:10 task, an all-day task, a done 06:40 task, a 14:30 event."""
    env = {"GRIDNOTE_NOW": EARLY}
    ok(cli("task", "add", "量血压 李奶奶", "--due", "今天6:30", "--star", env=env))  # 1
    ok(cli("task", "add", "回电话给物业", "--due", "今天7:10", env=env))  # 2
    ok(cli("task", "add", "巡查5号楼", "--due", "今天", env=env))  # 3
    ok(cli("task", "add", "送药", "--due", "今天6:40", env=env))  # 4
    ok(cli("task", "done", "4", env=env))
    ok(cli("event", "add", "老年人防诈骗宣讲", "--at", "今天14:30", "--with", "社区民警", env=env))


def remind(cli, now: str, *args: str, env: dict[str, str] | None = None):
    return cli("remind", *args, env={"GRIDNOTE_NOW": now, **(env or {})})


def test_what_is_due_within_the_next_minutes(cli, day) -> None:
    assert ok(remind(cli, "2026-11-29T06:20:00+08:00")) == "06:30 ★ 量血压 李奶奶 · 李秀英（李奶奶） 8-2-301 (#1)\n"
    assert ok(remind(cli, "2026-11-29T06:10:00+08:00")) == ""  # 06:30 is 20 minutes away
    assert ok(remind(cli, "2026-11-29T06:10:00+08:00", "--within", "60")) == (  # 07:10 is the end: not in
        "06:30 ★ 量血压 李奶奶 · 李秀英（李奶奶） 8-2-301 (#1)\n"
    )
    assert ok(remind(cli, "2026-11-29T06:10:00+08:00", "--within", "61")).splitlines() == [
        "06:30 ★ 量血压 李奶奶 · 李秀英（李奶奶） 8-2-301 (#1)",
        "07:10 回电话给物业 (#2)",
    ]
    assert ok(remind(cli, "2026-11-29T14:25:00+08:00")) == "14:30 老年人防诈骗宣讲 · with 社区民警 (E1)\n"


def test_the_window_starts_at_this_minute(cli, day) -> None:
    """A timer firing at 06:30:40 still sends the 06:30 task; at 06:31 it is gone (sent once)."""
    assert ok(remind(cli, "2026-11-29T06:30:40+08:00", "-w", "1")).startswith("06:30 ★ 量血压")
    assert ok(remind(cli, "2026-11-29T06:29:59+08:00", "-w", "1")) == ""
    assert ok(remind(cli, "2026-11-29T06:31:00+08:00", "-w", "1")) == ""


def test_the_window_crosses_midnight(cli, demo) -> None:
    ok(cli("task", "add", "夜里给高阿姨回电话", "--due", "明天0:05", env={"GRIDNOTE_NOW": EARLY}))
    assert (
        ok(remind(cli, "2026-11-29T23:58:00+08:00", "-w", "10"))
        == "00:05 夜里给高阿姨回电话 · 高玉兰（高阿姨） 5-1-502 (#1)\n"
    )


def test_json(cli, day) -> None:
    data = json.loads(ok(remind(cli, "2026-11-29T06:20:10+08:00", "--json")))
    assert data["version"] == 1
    assert (data["from"], data["to"]) == ("2026-11-29T06:20:00+08:00", "2026-11-29T06:35:00+08:00")
    assert [(i["kind"], i["id"], i["at"], i["starred"]) for i in data["items"]] == [
        ("task", 1, "2026-11-29T06:30:00+08:00", True)
    ]
    assert json.loads(ok(remind(cli, "2026-11-29T08:00:00+08:00", "--json")))["items"] == []


def test_in_chinese(cli, day) -> None:
    out = ok(cli("--lang", "zh", "remind", "-w", "500", env={"GRIDNOTE_NOW": "2026-11-29T06:20:00+08:00"}))
    assert out.splitlines()[-1] == "14:30 老年人防诈骗宣讲 · 与社区民警 (E1)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--within", "0"), "--within 0: give 1 to 1440 minutes"),
        (("--install", "--uninstall"), "--install or --uninstall, not both"),
        (("--via", "cron"), "--via goes with --install or --uninstall"),
        (("--install", "--via", "launchd"), 'unknown --via "launchd"; use systemd or cron'),
    ],
)
def test_bad_options(cli, day, args, message) -> None:
    result = remind(cli, EARLY, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")


# -- stand-ins on the PATH ---------------------------------------------------------------------------
def tool(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A temporary HOME and XDG_CONFIG_HOME, and a PATH of stand-ins that log how they were called."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    calls = tmp_path / "calls.log"
    tool(bin_, "systemctl", f'echo "systemctl $*" >> "{calls}"\n')
    tool(bin_, "notify-send", f'echo "notify-send $*" >> "{calls}"\n')
    crontab = tmp_path / "crontab.txt"
    tool(
        bin_,
        "crontab",
        f'echo "crontab $*" >> "{calls}"\n'
        f'if [ "$1" = "-l" ]; then [ -f "{crontab}" ] || {{ echo "no crontab for her" >&2; exit 1; }}; cat "{crontab}";'
        f' else cat > "{crontab}"; fi\n',
    )
    return {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
        "PATH": f"{bin_}{os.pathsep}/usr/bin{os.pathsep}/bin",
    }


def calls(home: dict[str, str]) -> list[str]:
    log = Path(home["HOME"]).parent / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_notify_sends_each_item(cli, day, home) -> None:
    out = ok(remind(cli, "2026-11-29T06:30:05+08:00", "-w", "1", "--notify", env=home))
    assert out == "06:30 ★ 量血压 李奶奶 · 李秀英（李奶奶） 8-2-301 (#1)\n"
    assert calls(home) == [
        "notify-send --app-name=gridnote gridnote reminder · 06:30 ★ 量血压 李奶奶 · 李秀英（李奶奶） 8-2-301 (#1)"
    ]
    assert ok(remind(cli, "2026-11-29T06:31:05+08:00", "-w", "1", "--notify", env=home)) == ""
    assert len(calls(home)) == 1  # nothing due: nothing sent


def test_notify_without_notify_send_says_so(cli, day, home, tmp_path) -> None:
    (tmp_path / "bin" / "notify-send").unlink()
    result = remind(cli, "2026-11-29T06:30:05+08:00", "-w", "1", "--notify", env=home)
    assert result.exit_code == 0
    assert result.stdout.startswith("06:30 ★ 量血压")
    assert result.stderr == (
        "notify-send is not installed: no desktop notification was sent (on Debian/Ubuntu: libnotify-bin)\n"
    )


def test_install_and_uninstall_a_systemd_user_timer(cli, day, home, db_path) -> None:
    import sys

    out = ok(remind(cli, EARLY, "--install", "--via", "systemd", env=home))
    units = Path(home["XDG_CONFIG_HOME"]) / "systemd" / "user"
    service, timer = units / "gridnote-remind.service", units / "gridnote-remind.timer"
    assert out.splitlines() == [
        "✓ Reminders on: a systemd user timer runs gridnote remind each minute",
        f"  {service}",
        f"  {timer}",
    ]
    # the interpreter is the one running gridnote; under --server that may be named python3 where
    # pytest's is python, so the path is compared as the file it names
    text = service.read_text(encoding="utf-8")
    head, _, command = text.partition('ExecStart="')
    python, _, rest = command.partition('"')
    assert head == (
        "[Unit]\nDescription=gridnote reminders: a desktop notification at each timed task's time\n\n"
        "[Service]\nType=oneshot\n"
    )
    assert Path(python).resolve() == Path(sys.executable).resolve()
    assert rest == f' "-m" "gridnote" "--db" "{db_path.resolve()}" "remind" "--within" "1" "--notify"\n'
    assert "OnCalendar=*-*-* *:*:00\n" in timer.read_text(encoding="utf-8")
    assert "WantedBy=timers.target\n" in timer.read_text(encoding="utf-8")
    assert calls(home) == ["systemctl --user daemon-reload", "systemctl --user enable --now gridnote-remind.timer"]
    assert ok(remind(cli, EARLY, "--install", "--via", "systemd", env=home)).splitlines()[0] == (
        "✓ Reminders were already on (systemd user timer)"
    )
    # a unit file she changed is not replaced without --force
    service.write_text(service.read_text(encoding="utf-8") + "Nice=5\n", encoding="utf-8")
    refused = remind(cli, EARLY, "--install", "--via", "systemd", env=home)
    assert refused.exit_code == 6 and "--force" in refused.stderr
    assert service.read_text(encoding="utf-8").endswith("Nice=5\n")
    ok(remind(cli, EARLY, "--install", "--via", "systemd", "--force", env=home))
    assert not service.read_text(encoding="utf-8").endswith("Nice=5\n")

    data = json.loads(ok(remind(cli, EARLY, "--uninstall", "--via", "systemd", "--json", env=home)))
    assert data == {
        "version": 1,
        "action": "uninstall",
        "via": "systemd",
        "changed": True,
        "paths": [str(service), str(timer)],
        "line": None,
    }
    assert not service.exists() and not timer.exists()
    assert calls(home)[-2:] == [
        "systemctl --user disable --now gridnote-remind.timer",
        "systemctl --user daemon-reload",
    ]
    assert ok(remind(cli, EARLY, "--uninstall", "--via", "systemd", env=home)) == (
        "Reminders were not on (no gridnote timer)\n"
    )


def test_install_and_uninstall_a_crontab_line_keeping_hers(cli, day, home, db_path) -> None:
    crontab = Path(home["HOME"]).parent / "crontab.txt"
    crontab.write_text("0 7 * * * backup.sh\n", encoding="utf-8")
    out = ok(cli("--lang", "zh", "remind", "--install", "--via", "cron", env=home))
    assert out.splitlines()[0] == "✓ 已开启提醒：crontab 每分钟运行一次 gridnote remind"
    lines = crontab.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "0 7 * * * backup.sh"
    assert lines[1].startswith(f"* * * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{os.getuid()}/bus DISPLAY=:0 ")
    assert lines[1].endswith(f"--db {db_path.resolve()} remind --within 1 --notify >/dev/null 2>&1 # gridnote remind")
    assert len(lines) == 2
    ok(cli("remind", "--install", "--via", "cron", env=home))  # again: still one line of ours
    assert len(crontab.read_text(encoding="utf-8").splitlines()) == 2
    assert (
        ok(cli("remind", "--uninstall", "--via", "cron", env=home)) == "✓ Reminders off: the crontab line is removed\n"
    )
    assert crontab.read_text(encoding="utf-8") == "0 7 * * * backup.sh\n"


def test_without_systemd_it_uses_cron(cli, day, home, tmp_path) -> None:
    (tmp_path / "bin" / "systemctl").unlink()
    data = json.loads(ok(remind(cli, EARLY, "--install", "--json", env=home)))
    assert (data["action"], data["via"], data["changed"]) == ("install", "cron", True)
    assert [c.split()[:2] for c in calls(home)] == [["crontab", "-l"], ["crontab", "-"]]


def test_a_missing_tool_is_one_line(cli, day, home, tmp_path) -> None:
    (tmp_path / "bin" / "crontab").unlink()
    result = remind(cli, EARLY, "--install", "--via", "cron", env={**home, "PATH": str(tmp_path / "bin")})
    assert (result.exit_code, result.stdout, result.stderr) == (4, "", "Error: crontab is not installed here\n")
