"""Apply migrations: on first use (fast check first) and by ``unkink db upgrade``."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

HEAD = "0002"
"""The newest revision id. A test checks it equals Alembic's head, so new migrations update it."""

_SCRIPTS = Path(__file__).parent / "migrations"


def _config(connection: object) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_SCRIPTS))
    cfg.attributes["connection"] = connection
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_config(conn), revision)  # type: ignore[arg-type]


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
