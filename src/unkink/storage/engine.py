"""Engines: SQLite with WAL and foreign keys on; PostgreSQL (psycopg 3) by URL alone.

What people may give as ``--db``: a URL (``sqlite:///file.db``, ``postgresql://…``,
``postgres://…``) or a plain file path, which means a SQLite file. Refused: URLs that keep
nothing (in-memory SQLite), and a SQLite file whose folder does not exist (a typo should not
create folders; only the default data folder is created, by the caller saying so).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import InvalidInput, Unavailable

if TYPE_CHECKING:
    from sqlalchemy import Engine

IN_MEMORY = ("", ":memory:")
SQLITE_TIMEOUT_S = 10.0
"""How long a SQLite connection waits for another's write lock (both adapters)."""


class DatabaseUrlError(InvalidInput):
    pass


class DataFolderError(Unavailable):
    pass


def _as_url(url: str) -> str:
    """A plain path (no scheme) is a SQLite file; ``~`` is expanded and made absolute."""
    if "://" in url or url.startswith("sqlite:"):
        return url
    return f"sqlite:///{Path(url).expanduser().absolute()}"


def normalise_url(url: str) -> str:
    """Accept the URLs people paste (``postgres://``, ``postgresql://``) and pick psycopg 3."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(_as_url(url.strip()))
    except Exception:
        raise DatabaseUrlError(
            f"'{url}' is not a database URL. Use a file path, sqlite:///path/to/file.db "
            "or postgresql://user@host/dbname."
        ) from None
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if not parsed.drivername.startswith(("sqlite", "postgresql")):
        raise DatabaseUrlError(
            f"unkink works with SQLite or PostgreSQL, not '{parsed.drivername}'."
        )
    if parsed.drivername.startswith("sqlite") and (
        (parsed.database or "") in IN_MEMORY or "mode=memory" in str(parsed.query)
    ):
        raise DatabaseUrlError(
            f"'{url}' is an in-memory database: everything saved would be lost when unkink "
            "stops. Give a file instead, e.g. --db ~/unkink.db."
        )
    return parsed.render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    return Path(parsed.database or "").expanduser()


def check_folder(path: Path, *, create: bool) -> None:
    """Create the default data folder, or refuse a SQLite file whose folder is missing."""
    folder = path.absolute().parent
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataFolderError(
                f"can't create the data folder {folder} ({exc.strerror or exc}). "
                "Set UNKINK_DATA_DIR to a folder you can write to, or give --db FILE."
            ) from None
        return
    if not folder.is_dir():
        raise DatabaseUrlError(
            f"the folder {folder} does not exist, so the database {path.name} can't be made "
            "there. Check the path, or create the folder first."
        )


def make_engine(url: str, *, create_folder: bool = False) -> Engine:
    """An engine whose failures arrive as plain ``DatabaseProblem`` messages (db_errors.py)."""
    from sqlalchemy import create_engine, event

    from unkink.storage.db_errors import install_translation

    url = normalise_url(url)
    path = sqlite_path(url)
    if path is not None:
        check_folder(path, create=create_folder)
        engine = create_engine(url, connect_args={"timeout": SQLITE_TIMEOUT_S})
        event.listen(engine, "connect", sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    install_translation(engine)
    return engine


def sqlite_pragmas(dbapi_connection: Any, _record: Any = None) -> None:
    """Every SQLite connection, of either adapter: foreign keys on, WAL, NORMAL sync."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
