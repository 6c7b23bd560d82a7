"""Database failures as plain messages: what went wrong, with which database, what to do.

The engine's ``handle_error`` hook, and the standard-library adapter (``storage/lite``) for
its own ``sqlite3`` errors, turn the driver errors a person can act on (server down, file
damaged, read-only, disk full) into ``DatabaseProblem``, an ``Unavailable`` error, so the CLI
prints it and the web answers 503 without knowing SQL. One table of rules serves both: an
SQLAlchemy error carries the driver's error as ``.orig``, a bare ``sqlite3`` error is its own.
Lock timeouts and constraint errors are left as they are: code above may retry or handle them
(``is_lock`` tells a unit of work to raise ``DatabaseBusy``). Only PostgreSQL messages mention
a server; a SQLite file has none. Imports no SQLAlchemy: the sqlite3 hot path uses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from unkink.domain.errors import Busy, Unavailable

if TYPE_CHECKING:
    from sqlalchemy import Engine

_SQLITE: dict[str, str] = {
    "SQLITE_NOTADB": "{file} is not an unkink database (it is not a SQLite file, or it is "
    "damaged). Point --db at another file, or move this one away to start afresh.",
    "SQLITE_CORRUPT": "{file} is damaged, so unkink can't read it. Keep a copy, then point "
    "--db at another file.",
    "SQLITE_CANTOPEN": "can't open the database file {file}. Check that its folder exists "
    "and that you may write to it.",
    "SQLITE_READONLY": "the database file {file} is read-only, so nothing new can be saved. "
    "What was saved before is safe. Make the file writable, or give --db another file.",
    "SQLITE_FULL": "the disk holding {file} is full, so nothing new can be saved. What was "
    "saved before is safe. Free some space, then carry on (a session can be resumed).",
    "SQLITE_IOERR": "could not read or write {file} (the disk reported an error). "
    "What was saved before is safe. Check the disk, then try again.",
}


_PG_DOWN = ("08", "57", "53")
"""SQLSTATE classes that mean 'the server is gone or out of resources' (no sqlstate: the
client never reached it). Deadlocks and timeouts are left for the caller to retry."""


_LOCKED = ("database is locked", "database is busy", "lock timeout")
"""What SQLite (``SQLITE_BUSY``) and PostgreSQL (lock_timeout) say when a lock was not had."""


class DatabaseBusy(Busy):
    """Another program holds the database's write lock; the same write may succeed later."""

    def __init__(self) -> None:
        super().__init__(
            "The database is busy: another program is writing to it. "
            "unkink keeps your session and tries again."
        )


def is_lock(exc: BaseException | None) -> bool:
    """A lock wait that timed out (SQLAlchemy's or sqlite3's OperationalError): retryable."""
    if exc is None or type(exc).__name__ != "OperationalError":
        return False
    text = str(getattr(exc, "orig", exc)).lower()
    return any(words in text for words in _LOCKED)


class DatabaseProblem(Unavailable):
    """The database can't be used right now. ``server`` is True for PostgreSQL."""

    def __init__(self, message: str, *, server: bool = False) -> None:
        super().__init__(message)
        self.server = server


def _where(url: Any) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[0].strip().rstrip(".") if text else type(exc).__name__
    return line.rsplit(" failed: ", 1)[-1]  # psycopg repeats the address: keep the reason


def explain(exc: BaseException, url: Any = None, *, file: str = "") -> DatabaseProblem | None:
    """A plain ``DatabaseProblem`` for a driver error a person can act on, else None.

    ``url``: SQLAlchemy's URL of the database; ``file``: a SQLite file's path (sqlite3 path)."""
    orig = getattr(exc, "orig", exc)
    module = type(orig).__module__
    if module.startswith("sqlite3") or type(orig).__name__ == "sqlite3.Error":
        code = getattr(orig, "sqlite_errorname", "") or ""
        file = file or getattr(url, "database", None) or ""
        code = _sharpen(code, file)
        for prefix, template in _SQLITE.items():
            if code.startswith(prefix):
                return DatabaseProblem(template.format(file=file or "the database file"))
        return None
    if module.startswith("psycopg"):
        import psycopg

        state = getattr(orig, "sqlstate", None) or ""
        if isinstance(orig, psycopg.OperationalError) and (not state or state[:2] in _PG_DOWN):
            where = _where(url) if url is not None else "its address"
            return DatabaseProblem(
                f"cannot connect to PostgreSQL at {where}: {_first_line(orig)}. "
                "Check that the server is running and that --db or UNKINK_DATABASE_URL is "
                "right. What was saved before is safe.",
                server=True,
            )
    return None


def _sharpen(code: str, file: str) -> str:
    """SQLite says 'can't open' or 'I/O error' for a read-only folder or a full disk: look."""
    if not file or not code.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")):
        return code
    import os
    import shutil

    path = os.path.abspath(file)
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        return code
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        return "SQLITE_READONLY"
    try:
        if shutil.disk_usage(folder).free < 64 * 1024:
            return "SQLITE_FULL"
    except OSError:
        pass
    return code


def install_translation(engine: Engine) -> None:
    from sqlalchemy import event

    url = engine.url

    def _translate(context: Any) -> BaseException | None:
        return explain(context.original_exception, url)

    event.listen(engine, "handle_error", _translate)


def plain_message(exc: BaseException) -> str:
    """For the last guard of a front end: any SQLAlchemy or sqlite3 error in plain words."""
    if isinstance(exc, DatabaseProblem):
        return str(exc)
    found = explain(exc)
    if found is not None:
        return str(found)
    orig = getattr(exc, "orig", exc)
    server = type(orig).__module__.startswith("psycopg")
    tail = " and that the server is running" if server else ""
    return (
        f"the database could not be used: {_first_line(orig)}. "
        f"Check the --db URL or UNKINK_DATABASE_URL{tail}."
    )
