"""Run inside a private mount namespace (tests/test_disk_full.py): a small tmpfs, a notebook on it,
the disk filled to ``free`` KB, then each command; prints what each did as JSON."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

folder, notebook, free = sys.argv[1], sys.argv[2], int(sys.argv[3])
commands = [c.split("\t") for c in sys.argv[4:]]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", folder], check=True)
db = os.path.join(folder, "notebook.db")
shutil.copyfile(notebook, db)
with open(os.path.join(folder, "fill"), "wb") as fill:
    block = b"\0" * 1024
    while True:
        stat = os.statvfs(folder)
        if stat.f_bavail * stat.f_frsize <= free * 1024:
            break
        try:
            fill.write(block)
            fill.flush()
        except OSError:
            break
before = Path(db).read_bytes()
env = {**os.environ, "GRIDNOTE_DB": db, "GRIDNOTE_SERVER": "0"}
results = []
for args in commands:
    done = subprocess.run(
        [sys.executable, "-m", "gridnote", "--lang", "en", *args], env=env, capture_output=True, text=True
    )
    results.append([done.returncode, done.stdout, done.stderr])
unchanged = Path(db).read_bytes() == before
listing = sorted(
    n for n in os.listdir(folder) if n not in ("fill", "notebook.db", "notebook.db-wal", "notebook.db-shm")
)
print(json.dumps({"results": results, "unchanged": unchanged, "left": listing}))
