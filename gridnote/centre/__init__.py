"""The grid centre (网格中心): many notebooks in one store, on SQLite or PostgreSQL (docs/centre.md).

Imported only by ``gridnote centre …`` and ``gridnote sync``; it needs the
optional extra ``gridnote[centre]`` (SQLAlchemy Core, and psycopg 3 for
PostgreSQL). :mod:`.store` holds all of the centre's SQL (its schema, opening
a centre, merging, the report's rows, what goes down, row-level security);
:mod:`.bundle` reads and writes the ``.gnsync`` files; :mod:`.browse` is what
Datasette shows of the embedded centre.
"""
