"""Database upkeep for the front ends: bring the layout up to date, say where the data is.

The CLI's ``unkink db`` calls these, so no front end imports ``unkink.storage`` itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Upgraded:
    before: str | None
    after: str | None
    newest: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade_database(url: str, *, create_folder: bool = False) -> Upgraded:
    """Run the migrations up to the newest revision (``create_folder``: the default file's)."""
    from unkink.storage.engine import make_engine
    from unkink.storage.migrate import HEAD, current_revision, upgrade

    engine = make_engine(url, create_folder=create_folder)
    try:
        before = current_revision(engine)
        upgrade(engine)
        return Upgraded(before, current_revision(engine), HEAD)
    finally:
        engine.dispose()


def shown_url(url: str) -> str:
    """The database URL (a plain path made a URL) with any password hidden.

    A SQLite file the sqlite3 adapter serves is shown without importing SQLAlchemy (it has no
    password to hide); any other URL is read by SQLAlchemy's own URL parser."""
    from unkink.storage.lite.store import lite_path

    path = lite_path(url)
    if path is not None:
        return f"sqlite:///{path}"
    from sqlalchemy.engine import make_url

    from unkink.storage.engine import normalise_url

    return make_url(normalise_url(url)).render_as_string(hide_password=True)


def failure_message(exc: BaseException) -> tuple[str, bool]:
    """A database driver's error that reached a front end, in plain words (the last guard).

    The second value is True when the database is out of reach (the web's 503, "try again
    later"), False for anything else (a bug: 500)."""
    from unkink.storage.db_errors import explain, plain_message

    return plain_message(exc), explain(exc) is not None
