"""UnitOfWork: one transaction per use case. Explicit commit; rollback on exit otherwise.

Repositories hang off the unit of work as properties so services ask for the role
(``uow.cracks``) and never name SQL classes. Each feature's repository lives in its own
module under ``storage/`` and is imported only when first used.
"""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import OperationalError

from unkink.domain.errors import Unavailable
from unkink.storage.tables import profiles

if TYPE_CHECKING:
    from unkink.storage.safety_repo import SqlSafetyRepo
    from unkink.storage.session_repo import SqlSessionRepository

LOCAL_PROFILE_ID = 1
"""The single local person. The multi-user server will pass its own profile ids."""


class DatabaseBusy(Unavailable):
    """Another program holds the database's write lock; the same write may succeed later."""

    def __init__(self) -> None:
        super().__init__(
            "The database is busy: another program is writing to it. "
            "unkink keeps your session and tries again."
        )


def _is_lock(exc: BaseException | None) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, OperationalError) and (
        "database is locked" in text or "database is busy" in text or "lock timeout" in text
    )


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
        if _is_lock(exc):  # a typed, retryable category instead of a driver's sentence
            raise DatabaseBusy() from exc

    def commit(self) -> None:
        self._tx.commit()
        self._tx = self.connection.begin()

    def rollback(self) -> None:
        self._tx.rollback()
        self._tx = self.connection.begin()

    def ensure_profile(self, *, now: datetime) -> int:
        """Create the profile row on first use; return its id."""
        found = self.connection.execute(
            select(profiles.c.id).where(profiles.c.id == self.profile_id)
        ).scalar()
        if found is None:
            self.connection.execute(insert(profiles).values(id=self.profile_id, created_at=now))
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
