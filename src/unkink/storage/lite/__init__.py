"""The SQLite adapter on the standard library's ``sqlite3``: the everyday path of a local file.

Same repositories, same stored formats and the same plain errors as the SQLAlchemy adapter,
which stays for PostgreSQL and for the schema (Alembic). A file written by one reads the same
with the other. Importing this package imports no SQLAlchemy; see ``store.py`` for when the
SQLAlchemy path still runs (a new file, or one behind the newest layout).
"""
