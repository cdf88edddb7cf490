"""The centre's store: every SQL statement the grid centre runs, on SQLite and PostgreSQL alike.

:mod:`.schema` is the one schema, :mod:`.engine` opens a centre, :mod:`.merge`
merges a notebook's changes, :mod:`.report` reads the rows the shared figures
are computed from, :mod:`.down` keeps what the centre sends down to a grid,
:mod:`.browse` writes the code tables and views Datasette shows,
:mod:`.access` is PostgreSQL's row-level security, :mod:`.upsert` the one
``INSERT … ON CONFLICT``. The services (:mod:`gridnote.services.centre`,
``sync``, ``down``) call these functions; nothing above them holds SQL.
"""
