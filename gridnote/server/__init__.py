"""The command server: gridnote's imports done once, each command run in a fork of them.

``gridnote`` is a small client (:mod:`gridnote.client`, standard library only)
that hands its arguments, environment, working directory, umask and standard
streams to a per-user server over a Unix socket; the server forks a child per
command that adopts them and runs the ordinary in-process CLI
(:func:`gridnote.cli.run`). The server saves imports, nothing else: any doubt
falls back to running in-process. See README.md, "The command server".

* :mod:`gridnote.server.address` — where the socket lives and which install it
  belongs to (imported by the client: standard library only, no imports of its own).
* :mod:`gridnote.server.protocol` — the messages on the socket (client and server).
* :mod:`gridnote.server.serve` — the server's loop: accept, check, fork, reap.
* :mod:`gridnote.server.child` — what a forked child does: adopt and run.
* :mod:`gridnote.server.stamp` — never stale: the files the server has loaded.
* :mod:`gridnote.server.control` — start one in the background, ask its status, stop it.
"""
