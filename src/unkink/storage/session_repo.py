"""Routines, sessions, their events and ratings: SQL rows <-> domain values.

Implements ``services.ports.SessionRepository``; returns ``domain.session.status`` records
with their enums (status, event kind, moment), never rows.

Every write is a single statement in the caller's transaction; services commit as things
happen, so a killed process loses at most the cue being written.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from unkink.domain.insights.records import SessionPoint
from unkink.domain.session.status import (
    EventKind,
    EventRecord,
    Moment,
    RatingRecord,
    SessionRecord,
    SessionStatus,
)
from unkink.storage import insight_rows
from unkink.storage.tables import exercise_feedback, ratings, routines, session_events, sessions

_RUNNING = SessionStatus.RUNNING.value


def _session(row: Any) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        routine_id=row.routine_id,
        started_at=row.started_at,
        ended_at=row.ended_at,
        status=SessionStatus(row.status),
        stop_reason=row.stop_reason,
        elapsed_s=float(row.elapsed_s),
        cue_index=int(row.cue_index),
        helped_most=row.helped_most,
    )


class SqlSessionRepository:
    def __init__(self, connection: Connection, profile_id: int) -> None:
        self.connection = connection
        self.profile_id = profile_id

    # --- routines ---
    def add_routine(self, *, plan: Mapping[str, Any], created_at: datetime) -> int:
        result = self.connection.execute(
            insert(routines)
            .values(
                profile_id=self.profile_id,
                created_at=created_at,
                area=plan["area"],
                place=plan["where"],
                minutes_requested=plan["minutes_requested"],
                total_s=plan["total_s"],
                plan=dict(plan),
            )
            .returning(routines.c.id)
        )
        return int(result.scalar_one())

    def get_routine(self, routine_id: int) -> dict[str, Any]:
        plan = self.connection.execute(
            select(routines.c.plan).where(
                routines.c.id == routine_id, routines.c.profile_id == self.profile_id
            )
        ).scalar_one()
        return dict(plan)

    # --- sessions ---
    def add_session(self, *, routine_id: int, started_at: datetime) -> int:
        result = self.connection.execute(
            insert(sessions)
            .values(
                profile_id=self.profile_id,
                routine_id=routine_id,
                started_at=started_at,
                status=SessionStatus.RUNNING.value,
                elapsed_s=0.0,
                cue_index=0,
            )
            .returning(sessions.c.id)
        )
        return int(result.scalar_one())

    def get_session(self, session_id: int) -> SessionRecord:
        found = self.find_session(session_id)
        if found is None:
            raise LookupError(f"no session {session_id}")
        return found

    def find_session(self, session_id: int) -> SessionRecord | None:
        row = self.connection.execute(
            select(sessions).where(
                sessions.c.id == session_id, sessions.c.profile_id == self.profile_id
            )
        ).first()
        return _session(row) if row is not None else None

    def latest_running(self) -> SessionRecord | None:
        row = self.connection.execute(
            select(sessions)
            .where(sessions.c.profile_id == self.profile_id, sessions.c.status == _RUNNING)
            .order_by(sessions.c.started_at.desc(), sessions.c.id.desc())
            .limit(1)
        ).first()
        return _session(row) if row is not None else None

    def list_sessions(
        self, *, limit: int, before: tuple[datetime, int] | None = None
    ) -> list[SessionRecord]:
        """Newest first; ``before`` = (started_at, id) of the last row of the previous page."""
        query = select(sessions).where(sessions.c.profile_id == self.profile_id)
        if before is not None:
            at, session_id = before
            query = query.where(
                or_(
                    sessions.c.started_at < at,
                    and_(sessions.c.started_at == at, sessions.c.id < session_id),
                )
            )
        rows = self.connection.execute(
            query.order_by(sessions.c.started_at.desc(), sessions.c.id.desc()).limit(limit)
        )
        return [_session(r) for r in rows]

    def save_progress(self, session_id: int, *, cue_index: int, elapsed_s: float) -> None:
        self.connection.execute(
            update(sessions)
            .where(sessions.c.id == session_id, sessions.c.profile_id == self.profile_id)
            .values(cue_index=cue_index, elapsed_s=elapsed_s)
        )

    def save_elapsed(self, session_id: int, *, elapsed_s: float) -> None:
        self.connection.execute(
            update(sessions)
            .where(sessions.c.id == session_id, sessions.c.profile_id == self.profile_id)
            .values(elapsed_s=elapsed_s)
        )

    def stop_running(self, *, reason: str, at: datetime) -> int:
        """Close every unfinished session of this person (a new one replaces them)."""
        result = self.connection.execute(
            update(sessions)
            .where(sessions.c.profile_id == self.profile_id, sessions.c.status == _RUNNING)
            .values(status=SessionStatus.STOPPED.value, stop_reason=str(reason), ended_at=at)
        )
        return int(result.rowcount or 0)

    def end_session(
        self,
        session_id: int,
        *,
        status: SessionStatus,
        reason: str | None,
        at: datetime,
        elapsed_s: float,
    ) -> None:
        self.connection.execute(
            update(sessions)
            .where(sessions.c.id == session_id, sessions.c.profile_id == self.profile_id)
            .values(
                status=SessionStatus(status).value,
                stop_reason=None if reason is None else str(reason),
                ended_at=at,
                elapsed_s=elapsed_s,
            )
        )

    def set_helped_most(self, session_id: int, exercise_id: str | None) -> None:
        self.connection.execute(
            update(sessions)
            .where(sessions.c.id == session_id, sessions.c.profile_id == self.profile_id)
            .values(helped_most=exercise_id)
        )

    # --- events, ratings, feedback ---
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
    ) -> None:
        self.connection.execute(
            insert(session_events).values(
                session_id=session_id,
                at=at,
                kind=EventKind(kind).value,
                exercise_id=exercise_id,
                step=step,
                planned_s=planned_s,
                actual_s=actual_s,
                detail=detail,
            )
        )

    def events(self, session_id: int) -> list[EventRecord]:
        rows = self.connection.execute(
            select(session_events)
            .where(session_events.c.session_id == session_id)
            .order_by(session_events.c.id)
        )
        return [
            EventRecord(
                r.id,
                r.at,
                EventKind(r.kind),
                r.exercise_id,
                r.step,
                r.planned_s,
                r.actual_s,
                r.detail,
            )  # fmt: skip
            for r in rows
        ]

    def add_rating(
        self,
        session_id: int,
        *,
        moment: Moment,
        stiffness: int | None,
        pain: int | None,
        at: datetime,
    ) -> None:
        self.connection.execute(
            insert(ratings).values(
                session_id=session_id,
                moment=Moment(moment).value,
                stiffness=stiffness,
                pain=pain,
                recorded_at=at,
            )
        )

    def history_parts(
        self, session_rows: list[SessionRecord]
    ) -> tuple[dict[int, dict[str, Any]], dict[int, list[RatingRecord]]]:
        """Plans (by routine id) and ratings (by session id) of many sessions: two queries, not
        two per session (history of three years made 1,001 queries). Edges, issue 10."""
        routine_ids = {row.routine_id for row in session_rows}
        session_ids = [row.id for row in session_rows]
        plans = {
            r.id: dict(r.plan)
            for r in self.connection.execute(
                select(routines.c.id, routines.c.plan).where(
                    routines.c.id.in_(routine_ids), routines.c.profile_id == self.profile_id
                )
            )
        }
        rated: dict[int, list[RatingRecord]] = {i: [] for i in session_ids}
        for r in self.connection.execute(
            select(ratings).where(ratings.c.session_id.in_(session_ids)).order_by(ratings.c.id)
        ):
            rated[r.session_id].append(RatingRecord(Moment(r.moment), r.stiffness, r.pain))
        return plans, rated

    def session_points(self) -> list[SessionPoint]:
        return insight_rows.session_points(self.connection, self.profile_id)

    def ratings(self, session_id: int) -> list[RatingRecord]:
        rows = self.connection.execute(
            select(ratings).where(ratings.c.session_id == session_id).order_by(ratings.c.id)
        )
        return [RatingRecord(Moment(r.moment), r.stiffness, r.pain) for r in rows]

    def add_feedback(
        self, session_id: int, *, exercise_id: str, helped: bool, at: datetime
    ) -> None:
        self.connection.execute(
            insert(exercise_feedback).values(
                session_id=session_id, exercise_id=exercise_id, helped=helped, recorded_at=at
            )
        )
