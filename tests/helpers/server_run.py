"""Running the real ``gridnote`` client as a process, through a command server started for the test."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


class Finished:
    """What CliRunner's result offers, from a finished client process."""

    def __init__(self, done: subprocess.CompletedProcess[bytes]) -> None:
        self.exit_code = done.returncode
        self.stdout = done.stdout.decode("utf-8", "replace")
        self.stderr = done.stderr.decode("utf-8", "replace")
        self.output = self.stdout + self.stderr
        self.exception = None


def gridnote_command() -> list[str]:
    """The console script of the environment running the tests (what a user runs)."""
    script = Path(sys.executable).with_name("gridnote")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gridnote"]


class ServerRun:
    """Invoke the real CLI as a client process that must be served by the session's command server."""

    def __init__(self, runtime: Path) -> None:
        self.runtime = runtime

    def __call__(self, *args: str, input: str | None = None, env: dict[str, str | None] | None = None) -> Finished:
        environ = {**os.environ, "GRIDNOTE_SERVER": "require", "GRIDNOTE_RUNTIME_DIR": str(self.runtime)}
        for key, value in (env or {}).items():
            if value is None:
                environ.pop(key, None)
            else:
                environ[key] = value
        done = subprocess.run(
            [*gridnote_command(), *args], input=(input or "").encode(), capture_output=True, env=environ, timeout=120
        )
        if args[:2] == ("server", "stop"):  # a test stopped the session's server: the next test needs one
            start_server(self.runtime, {k: v for k, v in os.environ.items() if not k.startswith("GRIDNOTE_")})
        return Finished(done)


def start_server(runtime: Path, env: dict[str, str]) -> None:
    """Start a command server for this checkout in ``runtime`` and wait until it answers."""
    environ = {**env, "GRIDNOTE_SERVER": "1", "GRIDNOTE_RUNTIME_DIR": str(runtime)}
    subprocess.run([*gridnote_command(), "--version"], env=environ, capture_output=True, check=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = subprocess.run([*gridnote_command(), "server", "status"], env=environ, capture_output=True, text=True)
        if "pid" in status.stdout:
            return
        time.sleep(0.1)
    raise RuntimeError("the command server did not start: " + status.stdout + status.stderr)


def stop_server(runtime: Path, env: dict[str, str]) -> None:
    environ = {**env, "GRIDNOTE_SERVER": "1", "GRIDNOTE_RUNTIME_DIR": str(runtime)}
    subprocess.run([*gridnote_command(), "server", "stop"], env=environ, capture_output=True)
