"""Domain logic. Services take a :class:`gridnote.db.Notebook`, return models, raise errors; they never print."""
