"""The notebook on disk: opening it, its migrations and search schema, and the SQL of each table group."""
