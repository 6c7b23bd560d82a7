"""Apply migrations: on first use (fast check first) and by ``unkink db upgrade``.

First use may happen in several processes at once (the reminder and a terminal on a new
machine), so the upgrade runs under a lock and checks the revision again once it holds it:
SQLite takes its write lock up front (``BEGIN IMMEDIATE``), PostgreSQL an advisory lock for
the transaction. The loser of the race waits, then finds the schema there and does nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from unkink.domain.errors import Unavailable

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

HEAD = "0005"
"""The newest revision id. A test checks it equals Alembic's head, so new migrations update it."""

_SCRIPTS = Path(__file__).parent / "migrations"
_PG_LOCK_KEY = 0x756E6B696E6B  # "unkink": one advisory lock id for schema upgrades


class DatabaseTooNew(Unavailable):
    """The database was upgraded by a newer unkink than this one."""


def _config(connection: object) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_SCRIPTS))
    cfg.attributes["connection"] = connection
    return cfg


def _revision_on(conn: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision_on(conn)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config(None))  # type: ignore[arg-type]
    return {rev.revision for rev in script.walk_revisions()}


def _refuse_unknown(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        from unkink import __version__

        raise DatabaseTooNew(
            f"this database was set up by a newer unkink (layout {revision}); this is unkink "
            f"{__version__}. Update unkink to use it. Nothing was changed."
        )


def _lock(conn: Connection) -> None:
    """Hold the schema lock until this connection's transaction ends."""
    from sqlalchemy import text

    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock; waits up to the busy timeout
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade under the schema lock; a database from a newer unkink is refused, unchanged."""
    from alembic import command

    with engine.connect() as conn:
        _lock(conn)
        _refuse_unknown(_revision_on(conn))
        command.upgrade(_config(conn), revision)  # type: ignore[arg-type]
        conn.commit()


def ensure_current(engine: Engine) -> None:
    """Upgrade to head unless the database already is there (a single cheap query)."""
    if current_revision(engine) != HEAD:
        upgrade(engine)


def script_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(None)).get_current_head()  # type: ignore[arg-type]


def make_revision(message: str) -> None:
    """Developer helper: autogenerate a migration against a scratch SQLite database."""
    import tempfile

    from alembic import command

    from unkink.storage.engine import make_engine

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/scratch.db")
        upgrade(engine)
        with engine.begin() as conn:
            command.revision(_config(conn), message=message, autogenerate=True)  # type: ignore[arg-type]
