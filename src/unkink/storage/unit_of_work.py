"""UnitOfWork: one transaction per use case. Explicit commit; rollback on exit otherwise.

Repositories hang off the unit of work as properties so services ask for the role
(``uow.cracks``) and never name SQL classes. Each feature's repository lives in its own
module under ``storage/`` and is imported only when first used.
"""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy import Connection, Engine, Insert, select

from unkink.storage.db_errors import DatabaseBusy, is_lock
from unkink.storage.records import LOCAL_PROFILE_ID
from unkink.storage.tables import profiles

if TYPE_CHECKING:
    from unkink.storage.outcome_repo import SqlOutcomeRepo
    from unkink.storage.reminder_repo import SqlReminderRepo
    from unkink.storage.safety_repo import SqlSafetyRepo
    from unkink.storage.session_repo import SqlSessionRepository


def _insert_once(connection: Connection, profile_id: int, now: datetime) -> Insert:
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(profiles).values(id=profile_id, created_at=now).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(profiles).values(id=profile_id, created_at=now).on_conflict_do_nothing()


__all__ = ["LOCAL_PROFILE_ID", "DatabaseBusy", "SqlUnitOfWork"]


class SqlUnitOfWork:
    """Implements ``services.ports.UnitOfWork`` on SQLAlchemy Core."""

    connection: Connection

    def __init__(self, engine: Engine, *, profile_id: int = LOCAL_PROFILE_ID) -> None:
        self._engine = engine
        self.profile_id = profile_id

    def __enter__(self) -> Self:
        self.connection = self._engine.connect()
        self._tx = self.connection.begin()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._tx.is_active:
                self._tx.rollback()
        finally:
            self.connection.close()
        if is_lock(exc):  # a typed, retryable category instead of a driver's sentence
            raise DatabaseBusy() from exc

    def commit(self) -> None:
        self._tx.commit()
        self._tx = self.connection.begin()

    def rollback(self) -> None:
        self._tx.rollback()
        self._tx = self.connection.begin()

    def ensure_profile(self, *, now: datetime) -> int:
        """Create the profile row on first use; return its id.

        Safe when several processes start at once: the insert does nothing if another made
        the row first (a select-then-insert would race to 'UNIQUE constraint failed').
        """
        found = self.connection.execute(
            select(profiles.c.id).where(profiles.c.id == self.profile_id)
        ).scalar()
        if found is None:
            self.connection.execute(_insert_once(self.connection, self.profile_id, now))
        return self.profile_id

    # --- repositories (each feature adds its own property below) ---

    @property
    def sessions(self) -> SqlSessionRepository:
        from unkink.storage.session_repo import SqlSessionRepository

        return SqlSessionRepository(self.connection, self.profile_id)

    @property
    def safety(self) -> SqlSafetyRepo:
        from unkink.storage.safety_repo import SqlSafetyRepo

        return SqlSafetyRepo(self.connection, self.profile_id)

    @property
    def outcomes(self) -> SqlOutcomeRepo:
        from unkink.storage.outcome_repo import SqlOutcomeRepo

        return SqlOutcomeRepo(self.connection, self.profile_id)

    @property
    def reminders(self) -> SqlReminderRepo:
        from unkink.storage.reminder_repo import SqlReminderRepo

        return SqlReminderRepo(self.connection, self.profile_id)
