"""Where the notebook lives: ``--db`` > ``GRIDNOTE_DB`` > the per-user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "GRIDNOTE_DB"
FILE_NAME = "notebook.db"
PHOTO_TABLES = ("issue_photos", "event_photos")  # rows that name a file in files_dir(); a backup keeps them all


def notebook_path(option: str | os.PathLike[str] | None = None) -> Path:
    """The notebook file to use, from the ``--db`` option, the environment, or the default."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_notebook_path()


def default_notebook_path() -> Path:
    """``~/.local/share/gridnote/notebook.db`` on Linux; the platform's data folder elsewhere."""
    from platformdirs import user_data_path

    return user_data_path("gridnote", appauthor=False) / FILE_NAME


def files_dir(notebook: Path) -> Path:
    """The folder beside a notebook for files it keeps (photos): ``notebook.db-files/``."""
    return notebook.with_name(notebook.name + "-files")
