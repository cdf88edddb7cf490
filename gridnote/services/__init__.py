"""Domain logic. Services take a :class:`gridnote.store.notebook.Notebook`, return models, raise errors; they never print."""
