"""The one composition root: builds the engine, unit-of-work factory, catalogue and clocks.

The CLI and the web app each call ``build`` once. Tests call it with their own settings and
clocks. Heavy modules (SQLAlchemy) are imported only when the database is first touched, so
commands that never need it start fast.
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
    from unkink.storage.unit_of_work import SqlUnitOfWork


def _local_zone() -> tzinfo | None:
    from unkink.localzone import local_zone

    return local_zone()


def _local_now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass
class App:
    settings: Settings
    clock: Callable[[], float] = time.monotonic
    """Monotonic seconds, for timing sessions."""
    wall_clock: Callable[[], datetime] = field(default=_local_now)
    """Local wall time (naive), for what is stored and for day boundaries."""
    zone: tzinfo | None = field(default_factory=lambda: _local_zone())
    """The local time zone, for clock changes (``None``: compare wall times as they are)."""
    notice: Callable[[str], None] = field(default=lambda _message: None)
    """Where to tell the person about something skipped (the CLI prints it to stderr)."""

    @cached_property
    def engine(self) -> Engine:
        from unkink.storage.engine import make_engine
        from unkink.storage.migrate import ensure_current

        engine = make_engine(
            self.settings.resolved_database_url,
            create_folder=self.settings.uses_default_database,
        )
        ensure_current(engine)
        return engine

    def uow(self) -> SqlUnitOfWork:
        from unkink.storage.unit_of_work import SqlUnitOfWork

        return SqlUnitOfWork(self.engine)

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
