"""A real Datasette for a test: started on a free local port, read through its JSON API.

Skips with the reason when Datasette is not installed (``pip install -e '.[test]'``
installs it through the ``browse`` extra); under ``CI=true`` a missing Datasette fails.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest


def need_datasette() -> None:
    from importlib.util import find_spec

    if find_spec("datasette") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Datasette is not installed, and CI must run this test: pip install -e '.[test]'")
        pytest.skip("Datasette is not installed (the 'browse' extra): pip install -e '.[browse]'")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"

    def get(self, path: str) -> tuple[int, Any]:
        """(HTTP status, the JSON body or None)."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, None


@contextmanager
def serving(command: list[str], port: int, *, env: dict[str, str] | None = None) -> Iterator[Server]:
    """Run ``command`` (a Datasette serving on ``port``) until the block ends."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
    )
    server = Server(port)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode(errors="replace") if process.stdout else ""
                pytest.fail(f"Datasette ended with {process.returncode}: {output}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("Datasette did not start within 30 s")
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
