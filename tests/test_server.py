"""The command server: the same answers as in-process, on a terminal, through pipes and signals; never stale.

Every test runs the real ``gridnote`` client as a process, with a server of its
own in a runtime folder of its own (``GRIDNOTE_RUNTIME_DIR``). ``require``
makes a command fail (exit 7) rather than fall back, so a pass through the
server is a pass through the server.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.server_run import gridnote_command, start_server, stop_server

pytestmark = pytest.mark.skipif(
    not hasattr(socket, "SO_PEERCRED") or not hasattr(os, "fork"), reason="no command server on this system"
)


def base_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("GRIDNOTE_")}


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("server") / "run"
    start_server(folder, base_env())
    yield folder
    stop_server(folder, base_env())


def env_for(runtime: Path, mode: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "GRIDNOTE_SERVER": mode, "GRIDNOTE_RUNTIME_DIR": str(runtime), **extra}


def run(args: tuple[str | bytes, ...], env: dict[str, str], **kwargs: object) -> tuple[int, str, str]:
    done = subprocess.run([*gridnote_command(), *args], capture_output=True, env=env, timeout=60, **kwargs)  # type: ignore[call-overload]
    return done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace")


def status(runtime: Path, env: dict[str, str] | None = None) -> str:
    return run(("server", "status"), env or env_for(runtime, "1"))[1]


def running_now(runtime: Path) -> int | None:
    text = status(runtime)
    if "running now" not in text:
        return None
    return int(text.split(" running now")[0].rsplit(" ", 1)[1])


def alive(pid: int) -> bool:
    """Whether a process runs (an exited one whose parent is gone may linger unreaped as a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


def wait_for(condition: object, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


# -- the same answers -------------------------------------------------------------------------------
SAME = [
    ("today",),
    ("today", "--json"),
    ("resident", "show", "李奶奶"),
    ("resident", "show", "nobody"),  # exit 3, one line on stderr
    ("task", "list", "--bogus"),  # a usage error: exit 2
    ("--lang", "zh", "today"),
    ("log", "李奶奶", "血压正常", "--bp", "132/84"),  # a write, then its confirmation
    ("task", "add", "回访高阿姨", "--due", "明天"),
    ("--help",),
    ("resident", "show", b"\xff"),  # bytes that are not UTF-8
]


@pytest.mark.parametrize("extra", [{}, {"LANG": "zh_CN.UTF-8"}, {"COLUMNS": "40"}, {"FORCE_COLOR": "1"}])
def test_the_server_answers_exactly_as_in_process(runtime: Path, demo: Path, tmp_path: Path, extra: dict) -> None:
    served = tmp_path / "served.db"
    shutil.copy(demo, served)
    for args in SAME:
        alone = run(args, env_for(runtime, "0", **extra))
        through = run(args, env_for(runtime, "require", GRIDNOTE_DB=str(served), **extra))
        assert through == alone, args
    assert run(("resident", "show", "nobody"), env_for(runtime, "require"))[0] == 3


def test_the_working_folder_and_relative_paths_are_the_clients(runtime: Path, demo: Path, tmp_path: Path) -> None:
    for mode in ("0", "require"):
        folder = tmp_path / mode
        folder.mkdir()
        code, out, err = run(("resident", "export", "-o", "roster.csv"), env_for(runtime, mode), cwd=folder)
        assert (code, err) == (0, "")
        assert (folder / "roster.csv").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "0" / "roster.csv").read_bytes() == (tmp_path / "require" / "roster.csv").read_bytes()


def test_status_counts_what_it_served(runtime: Path) -> None:
    before = status(runtime)
    assert before.startswith("The command server is running: pid ")
    assert "0 running now" in before  # the status command itself is not counted
    assert (runtime / "").stat().st_mode & 0o777 == 0o700


# -- a terminal: prompts, Ctrl-C -------------------------------------------------------------------
def on_terminal(args: tuple[str, ...], env: dict[str, str], keys: bytes, after: bytes = b"Number") -> tuple[int, str]:
    """Run with a pseudo-terminal as the controlling terminal; type ``keys`` once ``after`` shows."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def own_terminal() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [*gridnote_command(), *args], stdin=slave, stdout=slave, stderr=slave, env=env, preexec_fn=own_terminal
    )
    os.close(slave)
    seen, typed = b"", False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal's other end is closed: the command ended
                break
            if not chunk:
                break
            seen += chunk
        if not typed and after in seen:
            time.sleep(0.2)  # reading the prompt's line
            os.write(master, keys)
            typed = True
    os.close(master)
    return process.wait(timeout=30), seen.decode(errors="replace").replace("\r\n", "\n")


@pytest.mark.parametrize("mode", ["0", "require"])
def test_a_prompt_on_a_terminal_is_answered(runtime: Path, demo: Path, mode: str) -> None:
    import sqlite3

    code, screen = on_terminal(("log", "王", "问候"), env_for(runtime, mode), b"2\n")
    assert code == 0, screen
    assert '"王" matches' in screen and "Number: 2" in screen and "✓" in screen
    rows = sqlite3.connect(demo).execute("SELECT resident_id FROM visits").fetchall()
    assert rows == [(163,)]


@pytest.mark.parametrize("mode", ["0", "require"])
def test_ctrl_c_at_a_prompt_aborts_and_writes_nothing(runtime: Path, demo: Path, mode: str) -> None:
    import sqlite3

    code, screen = on_terminal(("log", "王", "问候"), env_for(runtime, mode), b"\x03")
    assert code == 1, screen
    assert screen.rstrip().endswith("Aborted!")
    assert sqlite3.connect(demo).execute("SELECT count(*) FROM visits").fetchone() == (0,)
    assert wait_for(lambda: running_now(runtime) == 0)


def waiting_client(runtime: Path, mode: str) -> subprocess.Popen[bytes]:
    """A client whose command waits on a prompt, reading from a pipe (on a terminal: interactive)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [*gridnote_command(), "log", "王", "问候"], stdin=slave, stdout=slave, stderr=slave, env=env_for(runtime, mode)
    )
    os.close(slave)
    deadline, seen = time.monotonic() + 30, b""
    while b"Number" not in seen and time.monotonic() < deadline:
        if select.select([master], [], [], 0.5)[0]:
            seen += os.read(master, 4096)
    process.master = master  # type: ignore[attr-defined]
    return process


@pytest.mark.parametrize("mode", ["0", "require"])
def test_sigterm_ends_the_command_as_in_process(runtime: Path, demo: Path, mode: str) -> None:
    client = waiting_client(runtime, mode)
    client.send_signal(signal.SIGTERM)
    assert client.wait(timeout=30) == -signal.SIGTERM
    os.close(client.master)  # type: ignore[attr-defined]
    assert wait_for(lambda: running_now(runtime) == 0)


def test_a_client_that_dies_takes_its_command_with_it(runtime: Path, demo: Path) -> None:
    client = waiting_client(runtime, "require")
    assert running_now(runtime) == 1
    client.kill()
    client.wait(timeout=30)
    assert wait_for(lambda: running_now(runtime) == 0)
    os.close(client.master)  # type: ignore[attr-defined]


def test_a_command_the_server_cannot_take_says_why_and_runs_in_process(runtime: Path, demo: Path) -> None:
    """Closed stdin (``<&-``): no text stream to adopt, so the child refuses, naming the error it met."""
    refused = subprocess.run(
        [*gridnote_command(), "today"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env_for(runtime, "require"),
        timeout=60,
        preexec_fn=lambda: os.close(0),
    )
    assert refused.returncode == 7
    assert refused.stderr.decode().endswith("(error ValueError stdio)\n")
    alone = subprocess.run(
        [*gridnote_command(), "today"],
        capture_output=True,
        env=env_for(runtime, "1"),
        timeout=60,
        preexec_fn=lambda: os.close(0),
    )
    assert (alone.returncode, alone.stderr) == (0, b"")


def test_a_pipe_closed_before_the_answer_ends_alike(runtime: Path, demo: Path) -> None:
    """``gridnote resident list --json | true``: the same exit code and (no) message either way."""
    results = []
    for mode in ("0", "require"):
        read, write = os.pipe()
        os.close(read)
        done = subprocess.run(
            [*gridnote_command(), "resident", "list", "--json"],
            stdout=write,
            stderr=subprocess.PIPE,
            env=env_for(runtime, mode),
            timeout=60,
        )
        os.close(write)
        results.append((done.returncode, done.stderr))
    assert results == [(141, b""), (141, b"")]  # 128 + SIGPIPE, quietly, as a shell reports it


def test_a_pipe_closed_after_the_first_line_leaves_no_command_behind(runtime: Path, demo: Path) -> None:
    """``gridnote resident list --json | head -1``: the answer is cut, quietly, and the command ends."""
    for mode in ("0", "require"):
        process = subprocess.Popen(
            [*gridnote_command(), "resident", "list", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env_for(runtime, mode),
        )
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == b"[\n"
        process.stdout.close()
        # 141 (128 + SIGPIPE) when the cut falls in a write; 0 when all was written before the reader left
        assert process.wait(timeout=60) in (0, 141)
        assert process.stderr.read() == b""
    assert wait_for(lambda: running_now(runtime) == 0)


# -- who may use it, and when not -----------------------------------------------------------------------
def the_socket(runtime: Path) -> Path:
    (found,) = [p for p in runtime.iterdir() if p.is_socket()]
    return found


def test_a_request_from_another_install_is_refused(runtime: Path) -> None:
    from gridnote.server import protocol

    for body, reply in ((protocol.encode("run", "another install"), b"R identity\n"), (b"\0\0\0\2no", b"R bad\n")):
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(the_socket(runtime)))
            sock.sendmsg([body], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, protocol.pack_fds([0, 1, 2]))])
            assert sock.recv(64) == reply


def test_a_runtime_folder_others_can_enter_is_not_used(tmp_path: Path, demo: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    assert run(("today",), env_for(folder, "1"))[0] == 0
    time.sleep(0.5)
    assert list(folder.iterdir()) == []  # no server started there
    code, out, err = run(("today",), env_for(folder, "require"))
    assert (code, out) == (7, "")
    assert err == "gridnote: GRIDNOTE_SERVER=require, but no command server could take the command (absent)\n"


def test_off_means_none_is_started(tmp_path: Path, demo: Path) -> None:
    folder = tmp_path / "run"
    assert run(("today",), env_for(folder, "0"))[0] == 0
    time.sleep(0.5)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert status(folder, env_for(folder, "0")) == (
        "The command server is off (GRIDNOTE_SERVER=0): every command runs in this process.\n"
    )


def test_the_setting_off_stops_it_and_starts_none(tmp_path: Path, demo: Path) -> None:
    folder = tmp_path / "run"
    start_server(folder, base_env())
    assert run(("config", "set", "server", "off"), env_for(folder, "require"))[0] == 0
    assert wait_for(lambda: not any(p.is_socket() for p in folder.iterdir()))
    assert run(("today",), env_for(folder, "1"))[0] == 0
    time.sleep(1)
    assert not any(p.is_socket() for p in folder.iterdir())
    assert status(folder).startswith("The command server is off (gridnote config set server off)")


def test_it_exits_when_idle(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    start_server(folder, {**base_env(), "GRIDNOTE_SERVER_IDLE": "1"})
    assert wait_for(lambda: not any(p.is_socket() for p in folder.iterdir()))


def test_the_clients_exit_code_for_a_lost_server_is_the_documented_one() -> None:
    from gridnote.client import EXIT_SERVER
    from gridnote.errors import ServerError

    assert EXIT_SERVER == ServerError.exit_code == 7


# -- never stale ---------------------------------------------------------------------------------------
def test_a_stale_server_after_a_reinstall_is_refused_and_replaced(tmp_path: Path) -> None:
    """A private install of this checkout; its files change under a running server."""
    import gridnote

    site = tmp_path / "site"
    shutil.copytree(Path(gridnote.__file__).parent, site / "gridnote", ignore=shutil.ignore_patterns("__pycache__"))
    script = tmp_path / "bin" / "gridnote"
    script.parent.mkdir()
    script.write_text(f"#!{sys.executable}\nimport sys\nfrom gridnote.client import main\nsys.exit(main())\n")
    script.chmod(0o755)
    folder = tmp_path / "run"
    env = {
        **base_env(),
        "PYTHONPATH": str(site),
        "GRIDNOTE_RUNTIME_DIR": str(folder),
        "GRIDNOTE_DB": str(tmp_path / "n.db"),
    }

    def gridnote_(*args: str, mode: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [str(script), *args], capture_output=True, text=True, env={**env, "GRIDNOTE_SERVER": mode}
        )
        return done.returncode, done.stdout, done.stderr

    assert gridnote_("--version", mode="1") == (0, "gridnote 0.1.0\n", "")  # starts one
    assert wait_for(lambda: "pid" in gridnote_("server", "status", mode="1")[1])
    assert gridnote_("--version", mode="require") == (0, "gridnote 0.1.0\n", "")
    old = gridnote_("server", "status", mode="require")[1].split("pid ")[1].split(",")[0]

    cli_init = site / "gridnote" / "cli" / "__init__.py"  # the reinstall: new files, same version
    cli_init.write_text(cli_init.read_text().replace('f"gridnote {__version__}"', 'f"gridnote {__version__} (new)"'))
    assert gridnote_("--version", mode="require") == (
        7,
        "",
        "gridnote: GRIDNOTE_SERVER=require, but no command server could take the command (stale)\n",
    )
    assert gridnote_("--version", mode="1") == (0, "gridnote 0.1.0 (new)\n", "")  # in-process, and a new one starts
    assert wait_for(lambda: "pid" in gridnote_("server", "status", mode="1")[1])
    assert gridnote_("--version", mode="require") == (0, "gridnote 0.1.0 (new)\n", "")
    new = gridnote_("server", "status", mode="require")[1].split("pid ")[1].split(",")[0]
    assert new != old
    assert wait_for(lambda: not alive(int(old)))
    gridnote_("server", "stop", mode="1")


@pytest.mark.parametrize("mode", ["0", "require"])
def test_long_output_on_a_terminal_goes_through_the_pager(runtime: Path, demo: Path, mode: str) -> None:
    """The pager runs on the client's terminal: ``GRIDNOTE_PAGER`` here keeps the first line only."""
    env = env_for(runtime, mode, GRIDNOTE_PAGER="sed -n 1p; echo PAGED")
    code, screen = on_terminal(("resident", "list"), env, b"", after=b"\n")
    assert code == 0, screen
    assert screen.splitlines()[-1] == "PAGED" and len(screen.splitlines()) == 2, screen
