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


def upgrade_database(url: str) -> Upgraded:
    """Run the migrations up to the newest revision."""
    from unkink.storage.engine import make_engine
    from unkink.storage.migrate import HEAD, current_revision, upgrade

    engine = make_engine(url)
    try:
        before = current_revision(engine)
        upgrade(engine)
        return Upgraded(before, current_revision(engine), HEAD)
    finally:
        engine.dispose()


def shown_url(url: str) -> str:
    """The database URL with any password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
