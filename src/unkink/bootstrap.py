"""The one composition root: builds the engine, unit-of-work factory, catalogue and clocks.

The CLI and the web app each call ``build`` once. Tests call it with their own settings and
clocks. ``App.uow`` picks the adapter: a SQLite file is served by ``storage.lite`` on the
standard library's sqlite3, PostgreSQL (and any URL that adapter does not take) by the
SQLAlchemy one. SQLAlchemy is imported only for PostgreSQL, for ``unkink db``, and for a
SQLite file that is new or behind the newest layout (Alembic brings it up to date once), so
everyday commands on an up-to-date file never import it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import cached_property
from typing import TYPE_CHECKING

from unkink.settings import Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from unkink.domain.exercises import Catalogue
    from unkink.storage.lite.store import LiteStore
    from unkink.storage.lite.unit_of_work import LiteUnitOfWork
    from unkink.storage.unit_of_work import SqlUnitOfWork


def _local_now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass
class App:
    settings: Settings
    clock: Callable[[], float] = time.monotonic
    """Monotonic seconds, for timing sessions."""
    wall_clock: Callable[[], datetime] = field(default=_local_now)
    """Local wall time (naive), for what is stored and for day boundaries."""
    notice: Callable[[str], None] = field(default=lambda _message: None)
    """Where to tell the person about something skipped (the CLI prints it to stderr)."""
    sqlite_on_sqlalchemy: bool = False
    """Serve a SQLite file through SQLAlchemy too (the contract tests run both adapters)."""

    @cached_property
    def zone(self) -> tzinfo | None:
        """The local time zone, for clock changes (``None``: compare wall times as they are).

        Read on first use: only the crack log needs it (zoneinfo and /etc/localtime cost a
        few ms of every other start)."""
        from unkink.localzone import local_zone

        return local_zone()

    @cached_property
    def engine(self) -> Engine:
        """SQLAlchemy's engine, migrated to the newest layout: PostgreSQL, and SQLite's cold
        path (the first start, or after an upgrade of unkink)."""
        from unkink.storage.engine import make_engine
        from unkink.storage.migrate import ensure_current

        engine = make_engine(
            self.settings.resolved_database_url,
            create_folder=self.settings.uses_default_database,
        )
        ensure_current(engine)
        return engine

    @cached_property
    def lite_store(self) -> LiteStore | None:
        """The SQLite file served on sqlite3, or None (PostgreSQL, or a URL left to SQLAlchemy)."""
        from unkink.storage.lite.store import LiteStore, lite_path

        path = lite_path(self.settings.resolved_database_url)
        if path is None or self.sqlite_on_sqlalchemy:
            return None
        return LiteStore(
            path,
            create_folder=self.settings.uses_default_database,
            cold=lambda: self.engine,
        )

    def uow(self) -> SqlUnitOfWork | LiteUnitOfWork:
        store = self.lite_store
        if store is not None:
            from unkink.storage.lite.unit_of_work import LiteUnitOfWork

            return LiteUnitOfWork(store)
        from unkink.storage.unit_of_work import SqlUnitOfWork

        return SqlUnitOfWork(self.engine)

    def data_stamp(self) -> object | None:
        """A value that changes whenever a write reaches the database (any table, any
        process), or None where that can't be told cheaply (PostgreSQL, SQLite through
        SQLAlchemy): what is kept under it (rendered pages) must be read afresh then."""
        store = self.lite_store
        return None if store is None else store.stamp()

    @cached_property
    def catalogue(self) -> Catalogue:
        from unkink.catalogue.cache import load_catalogue_cached

        return load_catalogue_cached(
            self.settings.catalogue_dir,
            cache_dir=self.settings.data_dir / "cache",
            report=self.notice,
        )

    def now(self) -> datetime:
        return self.wall_clock()

    def today(self) -> date:
        return self.wall_clock().date()


def build(
    settings: Settings | None = None,
    *,
    clock: Callable[[], float] | None = None,
    wall_clock: Callable[[], datetime] | None = None,
) -> App:
    app = App(settings=settings or load_settings())
    if clock is not None:
        app.clock = clock
    if wall_clock is not None:
        app.wall_clock = wall_clock
    return app
