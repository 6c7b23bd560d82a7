"""Test doubles for the edges: clocks, and storage in memory for the service unit tests.

Our own components are never mocked in integration or e2e tests; ``FakeUnitOfWork`` is for
``tests/unit`` only, where it implements the same ports as ``storage/`` (services.ports).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from unkink.domain.insights.records import SessionPoint, minutes_done
from unkink.domain.reminders.days import ReminderRecord
from unkink.domain.session.status import (
    EventKind,
    EventRecord,
    Moment,
    RatingRecord,
    SessionRecord,
    SessionStatus,
)


class ManualClock:
    """A monotonic clock that moves only when told (rich's MockClock)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        assert seconds >= 0, "a monotonic clock never goes back"
        self.now += seconds


class ManualWallClock:
    """Local wall time that moves only when told."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    def set(self, when: datetime) -> None:
        self.now = when


# --- storage, in memory (implements unkink.services.ports) -----------------------------------


class FakeSessionRepository:
    """The session repository in memory: the same domain values as the SQL adapter."""

    def __init__(self, store: _Store, profile_id: int) -> None:
        self.store = store
        self.profile_id = profile_id

    def add_routine(self, *, plan: Mapping[str, Any], created_at: datetime) -> int:
        self.store.routines.append((self.profile_id, copy.deepcopy(dict(plan))))
        return len(self.store.routines)

    def get_routine(self, routine_id: int) -> dict[str, Any]:
        profile, plan = self.store.routines[routine_id - 1]
        if profile != self.profile_id:
            raise LookupError(routine_id)
        return copy.deepcopy(plan)

    def add_session(self, *, routine_id: int, started_at: datetime) -> int:
        session_id = len(self.store.sessions) + 1
        self.store.sessions[session_id] = (
            self.profile_id,
            SessionRecord(
                session_id, routine_id, started_at, None, SessionStatus.RUNNING, None, 0.0, 0, None
            ),
        )
        return session_id

    def find_session(self, session_id: int) -> SessionRecord | None:
        found = self.store.sessions.get(session_id)
        return found[1] if found and found[0] == self.profile_id else None

    def _mine(self) -> list[SessionRecord]:
        return [r for p, r in self.store.sessions.values() if p == self.profile_id]

    def latest_running(self) -> SessionRecord | None:
        running = [r for r in self._mine() if r.status is SessionStatus.RUNNING]
        return max(running, key=lambda r: (r.started_at, r.id), default=None)

    def list_sessions(
        self, *, limit: int, before: tuple[datetime, int] | None = None
    ) -> list[SessionRecord]:
        rows = sorted(self._mine(), key=lambda r: (r.started_at, r.id), reverse=True)
        if before is not None:
            rows = [r for r in rows if (r.started_at, r.id) < before]
        return rows[:limit]

    def _change(self, session_id: int, **changes: Any) -> None:
        row = self.find_session(session_id)
        if row is not None:
            self.store.sessions[session_id] = (self.profile_id, replace(row, **changes))

    def save_progress(self, session_id: int, *, cue_index: int, elapsed_s: float) -> None:
        self._change(session_id, cue_index=cue_index, elapsed_s=elapsed_s)

    def save_elapsed(self, session_id: int, *, elapsed_s: float) -> None:
        self._change(session_id, elapsed_s=elapsed_s)

    def stop_running(self, *, reason: str, at: datetime) -> int:
        running = [r for r in self._mine() if r.status is SessionStatus.RUNNING]
        for r in running:
            self._change(r.id, status=SessionStatus.STOPPED, stop_reason=str(reason), ended_at=at)
        return len(running)

    def end_session(
        self, session_id: int, *, status: SessionStatus, reason: str | None, at: datetime,
        elapsed_s: float,
    ) -> None:  # fmt: skip
        self._change(
            session_id, status=SessionStatus(status), stop_reason=None if reason is None
            else str(reason), ended_at=at, elapsed_s=elapsed_s,
        )  # fmt: skip

    def set_helped_most(self, session_id: int, exercise_id: str | None) -> None:
        self._change(session_id, helped_most=exercise_id)

    def add_event(
        self, session_id: int, *, at: datetime, kind: EventKind, exercise_id: str | None = None,
        step: int | None = None, planned_s: float | None = None, actual_s: float | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:  # fmt: skip
        events = self.store.events.setdefault(session_id, [])
        n = sum(len(e) for e in self.store.events.values()) + 1
        events.append(
            EventRecord(n, at, EventKind(kind), exercise_id, step, planned_s, actual_s, detail)
        )

    def events(self, session_id: int) -> list[EventRecord]:
        return list(self.store.events.get(session_id, []))

    def add_rating(
        self, session_id: int, *, moment: Moment, stiffness: int | None, pain: int | None,
        at: datetime,
    ) -> None:  # fmt: skip
        ratings = self.store.ratings.setdefault(session_id, [])
        ratings.append(RatingRecord(Moment(moment), stiffness, pain))

    def ratings(self, session_id: int) -> list[RatingRecord]:
        return list(self.store.ratings.get(session_id, []))

    def history_parts(
        self, session_rows: list[SessionRecord]
    ) -> tuple[dict[int, dict[str, Any]], dict[int, list[RatingRecord]]]:
        plans = {r.routine_id: self.get_routine(r.routine_id) for r in session_rows}
        return plans, {r.id: self.ratings(r.id) for r in session_rows}

    def session_points(self) -> list[SessionPoint]:
        points = []
        for row in sorted(self._mine(), key=lambda r: (r.started_at, r.id)):
            plan = self.get_routine(row.routine_id)
            rated = {r.moment: (r.stiffness, r.pain) for r in self.ratings(row.id)}
            points.append(
                SessionPoint(
                    started_at=row.started_at,
                    place=str(plan["where"]),
                    exercises=tuple(dict.fromkeys(str(e["id"]) for e in plan["exercises"])),
                    before=rated.get(Moment.BEFORE, (None, None)),
                    after=rated.get(Moment.AFTER, (None, None)),
                    helped_most=row.helped_most,
                    status=str(row.status),
                    stop_reason=row.stop_reason,
                    minutes=minutes_done(row.elapsed_s),
                )
            )
        return points

    def add_feedback(
        self, session_id: int, *, exercise_id: str, helped: bool, at: datetime
    ) -> None:
        self.store.feedback.append((session_id, exercise_id, helped))


class FakeReminderLog:
    """The reminder records the session services read (the week's desk breaks)."""

    def __init__(self, store: _Store) -> None:
        self._s = store

    def events(self, *, since: date, until: date) -> list[ReminderRecord]:
        return [e for e in self._s.reminder_events if since <= e.at.date() <= until]


@dataclass
class FakeScreening:
    taken_at: datetime
    urgency: Any
    rules: tuple[str, ...] = ()
    advice: str = ""
    answers: dict[str, Any] = field(default_factory=dict)


class FakeSafetyRepository:
    """Just what the session path reads of the safety repository: the gate and pain reports."""

    def __init__(self, store: _Store) -> None:
        self.store = store

    def acknowledged_at(self) -> datetime | None:
        return self.store.acknowledged_at

    def latest_screening(self) -> FakeScreening | None:
        return self.store.screening

    def pain_stop_since(self, since: datetime) -> datetime | None:
        return next((at for at, rescreen in self.store.pain if rescreen and at >= since), None)

    def active_conditions(self, today: date) -> list[Any]:
        return []

    def worse_mornings(self) -> dict[str, list[bool]]:
        return {}

    def add_pain_report(self, *, at: datetime, decision: Any, **_: Any) -> None:
        self.store.pain.append((at, bool(decision.rescreen)))


@dataclass
class _Store:
    routines: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    sessions: dict[int, tuple[int, SessionRecord]] = field(default_factory=dict)
    events: dict[int, list[EventRecord]] = field(default_factory=dict)
    ratings: dict[int, list[RatingRecord]] = field(default_factory=dict)
    feedback: list[tuple[int, str, bool]] = field(default_factory=list)
    acknowledged_at: datetime | None = None
    screening: FakeScreening | None = None
    pain: list[tuple[datetime, bool]] = field(default_factory=list)
    profiles: set[int] = field(default_factory=set)
    reminder_events: list[ReminderRecord] = field(default_factory=list)


class FakeUnitOfWork:
    """A unit of work in memory: changes become visible to the next one only on commit.

    Use the instance itself as the factory (``uow=fake``): each call opens a new unit on the
    same committed store, as ``app.uow`` does on one database."""

    def __init__(
        self,
        *,
        profile_id: int = 1,
        store: _Store | None = None,
        parent: FakeUnitOfWork | None = None,
    ) -> None:
        self.profile_id = profile_id
        self.committed = store if store is not None else _Store()
        self.commits = 0
        self._parent = parent
        self._work: _Store | None = None

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(profile_id=self.profile_id, store=self.committed, parent=self)

    def for_profile(self, profile_id: int) -> FakeUnitOfWork:
        """Another person's factory on the same store."""
        return FakeUnitOfWork(profile_id=profile_id, store=self.committed)

    def __enter__(self) -> FakeUnitOfWork:
        self._work = copy.deepcopy(self.committed)
        return self

    def __exit__(self, *exc: object) -> None:
        self._work = None

    def commit(self) -> None:
        assert self._work is not None, "commit outside 'with'"
        for name in self.committed.__dataclass_fields__:
            setattr(self.committed, name, getattr(self._work, name))
        self._work = copy.deepcopy(self.committed)
        if self._parent is not None:
            self._parent.commits += 1

    def rollback(self) -> None:
        self._work = copy.deepcopy(self.committed)

    def ensure_profile(self, *, now: datetime) -> int:
        assert self._work is not None
        self._work.profiles.add(self.profile_id)
        return self.profile_id

    @property
    def sessions(self) -> FakeSessionRepository:
        assert self._work is not None, "repositories live inside 'with uow() as u'"
        return FakeSessionRepository(self._work, self.profile_id)

    @property
    def reminders(self) -> FakeReminderLog:
        assert self._work is not None, "repositories live inside 'with uow() as u'"
        return FakeReminderLog(self._work)

    @property
    def safety(self) -> FakeSafetyRepository:
        assert self._work is not None, "repositories live inside 'with uow() as u'"
        return FakeSafetyRepository(self._work)
