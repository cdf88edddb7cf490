"""The grid centre (网格中心): many notebooks in one store, on SQLite or PostgreSQL (docs/centre.md).

Imported only by ``gridnote centre …`` and ``gridnote sync``; it needs the
optional extra ``gridnote[centre]`` (SQLAlchemy Core, and psycopg 3 for
PostgreSQL). :mod:`.schema` is the one schema, :mod:`.engine` opens a centre,
:mod:`.apply` merges a notebook's changes, :mod:`.bundle` reads and writes the
``.gnsync`` files, :mod:`.report` reads the rows the shared figures are
computed from, :mod:`.access` is PostgreSQL's row-level security.
"""
