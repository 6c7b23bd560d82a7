"""``LiteUnitOfWork``: ``services.ports.UnitOfWork`` on the standard library's sqlite3.

The same contract as ``storage.unit_of_work.SqlUnitOfWork``: one transaction per use case,
nothing kept without ``commit()``, rolled back on exit otherwise, and a lock wait that timed
out raised as ``DatabaseBusy`` (retryable). Repositories are properties, imported when first
used, each the twin of the SQLAlchemy module of the same name one folder up.
"""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Self

from unkink.storage.db_errors import DatabaseBusy, is_lock
from unkink.storage.lite.values import stamp
from unkink.storage.records import LOCAL_PROFILE_ID

if TYPE_CHECKING:
    from unkink.storage.lite.connection import LiteConnection
    from unkink.storage.lite.outcome_repo import LiteOutcomeRepo
    from unkink.storage.lite.reminder_repo import LiteReminderRepo
    from unkink.storage.lite.safety_repo import LiteSafetyRepo
    from unkink.storage.lite.session_repo import LiteSessionRepository
    from unkink.storage.lite.store import LiteStore


class LiteUnitOfWork:
    """Implements ``services.ports.UnitOfWork`` on sqlite3, with plain SQL."""

    connection: LiteConnection

    def __init__(self, store: LiteStore, *, profile_id: int = LOCAL_PROFILE_ID) -> None:
        self._store = store
        self.profile_id = profile_id

    def __enter__(self) -> Self:
        self.connection = self._store.connect()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        clean = exc is None
        try:
            if self.connection.in_transaction:
                self.connection.rollback()
        except Exception:
            clean = False
            if exc is None:
                raise  # else the error that ended the unit of work says more
        finally:
            self._store.release(self.connection, reusable=clean)
        if is_lock(exc):  # a typed, retryable category instead of a driver's sentence
            raise DatabaseBusy() from exc

    def commit(self) -> None:
        self.connection.commit()

    def rollback(self) -> None:
        self.connection.rollback()

    def ensure_profile(self, *, now: datetime) -> int:
        """Create the profile row on first use; return its id.

        Safe when several processes start at once: the insert does nothing if another made
        the row first (a select-then-insert would race to 'UNIQUE constraint failed').
        """
        found = self.connection.value("SELECT id FROM profiles WHERE id = ?", (self.profile_id,))
        if found is None:
            self.connection.write(
                "INSERT INTO profiles (id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (self.profile_id, stamp(now)),
            )
        return self.profile_id

    # --- repositories (each feature adds its own property below) ---

    @property
    def sessions(self) -> LiteSessionRepository:
        from unkink.storage.lite.session_repo import LiteSessionRepository

        return LiteSessionRepository(self.connection, self.profile_id)

    @property
    def safety(self) -> LiteSafetyRepo:
        from unkink.storage.lite.safety_repo import LiteSafetyRepo

        return LiteSafetyRepo(self.connection, self.profile_id)

    @property
    def outcomes(self) -> LiteOutcomeRepo:
        from unkink.storage.lite.outcome_repo import LiteOutcomeRepo

        return LiteOutcomeRepo(self.connection, self.profile_id, self._store.stamp)

    @property
    def reminders(self) -> LiteReminderRepo:
        from unkink.storage.lite.reminder_repo import LiteReminderRepo

        return LiteReminderRepo(self.connection, self.profile_id)
