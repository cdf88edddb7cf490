"""The messages between client and server (standard library only: the client imports this).

A **request** is one length-prefixed block of NUL-separated fields, sent with
the client's descriptors 0, 1 and 2 attached (``SCM_RIGHTS``)::

    b"run" | b"status" | b"stop", identity, cwd, umask, stdio, argc, *argv, *env ("KEY=value")

``stdio`` says how Python set up the client's three streams (encoding, errors,
line buffering, write-through), so the child builds the same ones, and which
encoding ``open()`` uses by default (the child must agree, or it refuses). Arguments
and variables travel as the bytes the operating system gave (NUL cannot occur
in them).

**Replies** are lines: ``A <pid>`` (accepted: the command runs now), ``R <reason>``
(refused: nothing ran, run in-process), ``X <code>`` (exit code), ``K <signal>``
(the child was killed by a signal), ``I <text>`` (status); the client sends
``S <signal>`` to forward a signal to the running child.
"""

import os
import sys


class Request:  # not a NamedTuple: importing typing would cost the client more than the rest of it
    __slots__ = ("kind", "identity", "cwd", "umask", "stdio", "argv", "env", "encoding")

    def __init__(
        self,
        kind: str,
        identity: str,
        cwd: bytes,
        umask: int,
        stdio: list[tuple[str, str, bool, bool]],
        argv: list[bytes],
        env: dict[bytes, bytes],
        encoding: str,
    ) -> None:
        self.kind, self.identity, self.cwd, self.umask = kind, identity, cwd, umask
        self.stdio, self.argv, self.env, self.encoding = stdio, argv, env, encoding


def stdio_spec() -> str:
    """The default text encoding, then how Python set up this process's stdin, stdout and stderr
    (nothing more if one is not a text stream)."""
    from gridnote.server.address import text_encoding

    specs = [text_encoding()]
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        try:
            specs.append(
                f"{stream.encoding}:{stream.errors}:{int(stream.line_buffering)}:{int(getattr(stream, 'write_through', False))}"
            )
        except (AttributeError, TypeError):  # not a text stream (or a test's stand-in)
            return specs[0]
    return ";".join(specs)


def encode(kind: str, identity: str) -> bytes:
    """This process's request, length first."""
    env = [k + b"=" + v for k, v in os.environb.items()]
    fields = [
        kind.encode(),
        identity.encode("utf-8", "surrogateescape"),
        os.getcwdb(),
        b"%d" % _umask(),
        stdio_spec().encode(),
        b"%d" % len(sys.argv),
        *(os.fsencode(arg) for arg in sys.argv),
        *env,
    ]
    body = b"\0".join(fields)
    return len(body).to_bytes(4, "big") + body


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def decode(body: bytes) -> Request:
    """A request from its bytes (after the length); ValueError if malformed."""
    fields = body.split(b"\0")
    kind, identity, cwd, umask, stdio, argc = fields[:6]
    count = int(argc)
    argv, rest = fields[6 : 6 + count], fields[6 + count :]
    if len(argv) != count:
        raise ValueError("truncated request")
    env = {}
    for item in rest:
        name, sep, value = item.partition(b"=")
        if not sep:
            raise ValueError("bad variable")
        env[name] = value
    streams = []
    default, _, stdio = stdio.partition(b";")
    for spec in stdio.decode().split(";") if stdio else []:
        encoding, errors, line, through = spec.split(":")
        streams.append((encoding, errors, line == "1", through == "1"))
    if len(streams) not in (0, 3):
        raise ValueError("bad stdio")
    ident = identity.decode("utf-8", "surrogateescape")
    return Request(kind.decode(), ident, cwd, int(umask), streams, argv, env, default.decode())


def pack_fds(fds: list[int]) -> bytes:
    """Descriptors as the ancillary data of ``SCM_RIGHTS`` (C ints), without importing ``array``."""
    return b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in fds)


def unpack_fds(data: bytes) -> list[int]:
    usable = len(data) - len(data) % 4
    return [int.from_bytes(data[i : i + 4], sys.byteorder, signed=True) for i in range(0, usable, 4)]
