"""Datasette over a gridnote file: metadata, a masking plugin, and the command that serves it.

Shared by ``gridnote browse`` (the notebook) and the grid centre's ``gridnote centre
browse`` (the centre file). A caller describes its file as a :class:`Surface`: the
tables and views to show (a Chinese title, a description, facets for the common
questions, the column that labels a row), the internals to hide, and which ones
hold personal data in clear. :func:`write_files` then writes, into a private folder:

- ``metadata.json``: Datasette's metadata (0.6x format). Without ``full``, the tables
  that hold personal data, every table the surface does not name (a new table is
  private until it is declared) and arbitrary SQL are denied, and the file cannot be
  downloaded: what is shown goes through the surface's views.
- ``plugins/gridnote_masking.py``: a Datasette plugin that registers the SQL functions
  the views call (:data:`MASK_FUNCTIONS`): gridnote's own masking
  (:mod:`gridnote.output.privacy`, its source copied in whole, so the plugin works in
  any Datasette, even one installed apart from gridnote), or, with ``full``, functions
  that return the value as it is; and ``gridnote_label(zh, en)``, the name in the
  language of the browse, for views that show a code by its name.

:func:`datasette_command` is the command line serving it on 127.0.0.1; None when
Datasette is not installed (``pip install 'gridnote[browse]'``).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# SQL function -> the function of gridnote.output.privacy it runs (one argument each).
MASK_FUNCTIONS: dict[str, str] = {
    "gridnote_mask_phone": "mask_phone",  # one number
    "gridnote_mask_phones": "mask_phones",  # a comma-separated list (residents.phones)
    "gridnote_mask_id": "mask_id",  # an ID card number
    "gridnote_mask_text": "mask_text",  # free text: the numbers written in it
}
LABEL_FUNCTION = "gridnote_label"  # (zh, en) -> the one in the browse's language
PLUGIN_NAME = "gridnote_masking"
HOST = "127.0.0.1"  # never another address: the notebook holds residents' personal data


@dataclass(frozen=True)
class Table:
    """One table or view as Datasette shows it."""

    name: str
    title: str = ""
    description: str = ""
    facets: tuple[str, ...] = ()
    sort_desc: str | None = None  # newest first, by this column
    label_column: str | None = None  # what a foreign key to this table shows instead of the number
    hidden: bool = False  # an internal (search index, change log): not listed
    personal: bool = False  # personal data in clear: denied unless ``full``
    columns: tuple[tuple[str, str], ...] = ()  # (column, its label): shown as the column's description


@dataclass(frozen=True)
class Surface:
    """What a file shows in Datasette: its title and description, its tables and views."""

    title: str
    description: str
    tables: tuple[Table, ...] = field(default_factory=tuple)

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)


@dataclass(frozen=True)
class BrowseFiles:
    folder: Path
    metadata: Path
    plugins: Path


def metadata(
    surface: Surface, database: str, tables: Iterable[str], views: Iterable[str], *, full: bool
) -> dict[str, Any]:
    """Datasette metadata for the file named ``database`` (its stem) holding these tables and views.

    Hidden tables are left out of the lists; views cannot be hidden in Datasette, so an
    internal view is denied instead (in full mode its rows stay reachable through SQL).
    """
    entries: dict[str, Any] = {}
    view_names = list(views)
    for name in [*tables, *view_names]:
        is_view = name in view_names
        spec = surface.table(name)
        entry: dict[str, Any] = {}
        if spec is None:
            if not full:
                entry.update(hidden=True, allow=False)
        else:
            for key in ("title", "description", "sort_desc", "label_column"):
                if getattr(spec, key):
                    entry[key] = getattr(spec, key)
            if spec.facets:
                entry["facets"] = list(spec.facets)
            if spec.columns:
                entry["columns"] = dict(spec.columns)
            if spec.hidden:
                entry["hidden"] = True
                if is_view:
                    entry["allow"] = False
            if spec.personal and not full:
                entry.update(hidden=True, allow=False)
        if entry:
            entries[name] = entry
    database_entry: dict[str, Any] = {"title": surface.title, "description": surface.description, "tables": entries}
    if not full:
        database_entry.update(allow_sql=False, allow_download=False)
    return {"title": surface.title, "description": surface.description, "databases": {database: database_entry}}


def plugin_source(*, full: bool, lang: str = "zh") -> str:
    """The plugin that registers :data:`MASK_FUNCTIONS` and the label function on every connection Datasette opens."""
    from gridnote.output import privacy

    lines = [
        Path(privacy.__file__).read_text(encoding="utf-8"),
        "",
        "# -- gridnote browse: the masking functions its views call (written by gridnote; do not edit) --",
        "from datasette import hookimpl  # noqa: E402",
        "",
        f"FULL = {full!r}",
        f"FUNCTIONS = {MASK_FUNCTIONS!r}",
        f"CHINESE = {lang == 'zh'!r}",
        "",
        "",
        "def _same(value):",
        "    return value",
        "",
        "",
        "def _label(zh, en):",
        "    return zh if CHINESE else en",
        "",
        "",
        "@hookimpl",
        "def prepare_connection(conn):",
        "    for sql_name, python_name in FUNCTIONS.items():",
        "        conn.create_function(sql_name, 1, _same if FULL else globals()[python_name], deterministic=True)",
        f"    conn.create_function({LABEL_FUNCTION!r}, 2, _label, deterministic=True)",
        "",
    ]
    return "\n".join(lines)


def register_functions(conn: Any, *, full: bool = False, lang: str = "zh") -> None:
    """The same functions on a connection of ours (tests, a script reading the views)."""
    from gridnote.output import privacy

    for sql_name, python_name in MASK_FUNCTIONS.items():
        function = (lambda value: value) if full else getattr(privacy, python_name)
        conn.create_function(sql_name, 1, function, deterministic=True)
    conn.create_function(LABEL_FUNCTION, 2, lambda zh, en: zh if lang == "zh" else en, deterministic=True)


def write_files(
    folder: Path, meta: dict[str, Any], *, full: bool, lang: str = "zh", force: bool = False
) -> BrowseFiles:
    """Write ``metadata.json`` and the plugin into ``folder`` (made private, 0700; files 0600)."""
    from gridnote.output.files import atomic_write

    folder = Path(folder)
    plugins = folder / "plugins"
    for made in (folder, plugins):
        made.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(made, 0o700)
    text = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
    target = folder / "metadata.json"
    atomic_write(target, lambda f: f.write(text.encode("utf-8")), force=force)
    source = plugin_source(full=full, lang=lang)
    atomic_write(plugins / f"{PLUGIN_NAME}.py", lambda f: f.write(source.encode("utf-8")), force=force)
    return BrowseFiles(folder, target, plugins)


def installed() -> list[str] | None:
    """How to run Datasette: in this Python when the extra is installed, else one on PATH; None: none."""
    from importlib.util import find_spec

    if find_spec("datasette") is not None:
        return [sys.executable, "-m", "datasette"]
    found = shutil.which("datasette")
    return [found] if found else None


def datasette_command(db: Path, files: BrowseFiles, *, port: int, runner: list[str] | None = None) -> list[str] | None:
    """The command line that serves ``db`` read-only with these files on 127.0.0.1:``port``."""
    runner = runner or installed()
    if runner is None:
        return None
    return [
        *runner,
        "serve",
        str(db),
        "--host",
        HOST,
        "--port",
        str(port),
        "--metadata",
        str(files.metadata),
        "--plugins-dir",
        str(files.plugins),
    ]


def run(command: list[str]) -> None:
    """Run Datasette until it stops, Ctrl-C or a SIGTERM to gridnote, and never leave it running behind."""
    import signal
    import subprocess

    process = subprocess.Popen(command)

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        process.wait()
    except KeyboardInterrupt:  # Ctrl-C reached Datasette too: it stops by itself
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    sys.stdout.flush()
