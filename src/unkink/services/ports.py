"""Ports: what the services need from storage, as ``typing.Protocol``s (no base classes).

``storage/`` implements them with SQLAlchemy (``SqlUnitOfWork``, ``SqlSessionRepository``);
``tests/fakes.py`` implements them in memory (``FakeUnitOfWork``), so service tests need no
database. Services take a unit-of-work *factory* (``uow=app.uow``): a zero-argument callable
whose result is entered with ``with uow() as u:`` and committed by the service itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Any, Protocol, Self

from unkink.domain.insights.records import SessionPoint
from unkink.domain.session.status import (
    EventKind,
    EventRecord,
    Moment,
    RatingRecord,
    SessionRecord,
    SessionStatus,
)


class SessionRepository(Protocol):
    """Routines, sessions, their events, ratings and feedback, for one person (profile)."""

    def add_routine(self, *, plan: Mapping[str, Any], created_at: datetime) -> int: ...
    def get_routine(self, routine_id: int) -> dict[str, Any]: ...
    def add_session(self, *, routine_id: int, started_at: datetime) -> int: ...
    def find_session(self, session_id: int) -> SessionRecord | None: ...
    def latest_running(self) -> SessionRecord | None: ...
    # newest first; ``before``: the (started_at, id) of the previous page's last row (keyset)
    def list_sessions(
        self, *, limit: int, before: tuple[datetime, int] | None = None
    ) -> list[SessionRecord]: ...
    def save_progress(self, session_id: int, *, cue_index: int, elapsed_s: float) -> None: ...
    def save_elapsed(self, session_id: int, *, elapsed_s: float) -> None: ...
    def stop_running(self, *, reason: str, at: datetime) -> int: ...
    def end_session(
        self,
        session_id: int,
        *,
        status: SessionStatus,
        reason: str | None,
        at: datetime,
        elapsed_s: float,
    ) -> None: ...
    def set_helped_most(self, session_id: int, exercise_id: str | None) -> None: ...
    def add_event(
        self,
        session_id: int,
        *,
        at: datetime,
        kind: EventKind,
        exercise_id: str | None = None,
        step: int | None = None,
        planned_s: float | None = None,
        actual_s: float | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None: ...
    def events(self, session_id: int) -> list[EventRecord]: ...
    def add_rating(
        self,
        session_id: int,
        *,
        moment: Moment,
        stiffness: int | None,
        pain: int | None,
        at: datetime,
    ) -> None: ...
    def ratings(self, session_id: int) -> list[RatingRecord]: ...
    # plans by routine id and ratings by session id of many sessions, in a few queries
    def history_parts(
        self, session_rows: list[SessionRecord]
    ) -> tuple[dict[int, dict[str, Any]], dict[int, list[RatingRecord]]]: ...
    def add_feedback(
        self, session_id: int, *, exercise_id: str, helped: bool, at: datetime
    ) -> None: ...
    # every session as insights see it (no whole plans), oldest first by (started_at, id)
    def session_points(self) -> list[SessionPoint]: ...


class ReminderRow(Protocol):
    """One stored reminder event, as the services read it."""

    @property
    def at(self) -> datetime: ...
    @property
    def kind(self) -> str: ...
    @property
    def sitting_s(self) -> float | None: ...


class ReminderLog(Protocol):
    """What the session services read of the reminder records (the week's desk breaks)."""

    def events(self, *, since: date, until: date) -> Sequence[ReminderRow]: ...


class UnitOfWork(Protocol):
    """One transaction: repositories hang off it; nothing is kept without ``commit()``."""

    profile_id: int

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def ensure_profile(self, *, now: datetime) -> int: ...

    @property
    def sessions(self) -> SessionRepository: ...

    @property
    def reminders(self) -> ReminderLog: ...

    @property
    def safety(self) -> Any:
        """The safety repository (its own port lives with the safety services)."""
        ...


UowFactory = Callable[[], UnitOfWork]
"""What every service takes as ``uow``: ``app.uow`` in the app, ``FakeUnitOfWork`` in tests."""
