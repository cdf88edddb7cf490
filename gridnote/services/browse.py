"""``gridnote browse``: get the notebook ready for Datasette (the views written afresh) and say what it holds."""

from __future__ import annotations

from gridnote.models.browse import BrowseNames
from gridnote.store import browse as store
from gridnote.store.notebook import Notebook


def prepare(nb: Notebook) -> BrowseNames:
    """Write the browse views (one transaction) and return the notebook's tables and views."""
    with nb.transaction():
        store.write_views(nb)
    tables, views = store.tables_and_views(nb)
    return BrowseNames(tables, views)
