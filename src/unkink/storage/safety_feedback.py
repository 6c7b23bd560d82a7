"""SQL for the safety feature's feedback: pain stops, the morning after, and ratings.

A mixin of ``safety_repo.SqlSafetyRepo`` (same connection and ``profile_id``), kept apart so
both modules stay short. Rows become domain values here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select

from unkink.domain.safety.pain import PainAction
from unkink.domain.safety.referral import ScorePoint
from unkink.domain.session.next_morning import PendingMorning
from unkink.storage.records import DONE_KINDS, window_start
from unkink.storage.tables import exercise_feedback, pain_reports, ratings, session_events, sessions

__all__ = ["DONE_KINDS", "SafetyFeedbackQueries"]


class SafetyFeedbackQueries:
    connection: Connection
    profile_id: int

    # --- pain stops, next-day feedback, ratings ----------------------------------------------

    def add_pain_report(
        self,
        *,
        at: datetime,
        score: int,
        answers: dict[str, Any],
        decision: PainAction,
        session_id: int | None,
        exercise_id: str | None,
    ) -> None:
        self.connection.execute(
            insert(pain_reports).values(
                profile_id=self.profile_id,
                session_id=session_id,
                exercise_id=exercise_id,
                at=at,
                score=score,
                answers=answers,
                decision=str(decision),
            )
        )

    def pain_stop_since(self, when: datetime) -> datetime | None:
        """The first stop-and-rescreen pain report after ``when``, if any.

        Decision: times are stored to the second, so a stop in the same second as the screening
        counts as after it (the cautious reading: ask for the re-check).
        """
        return self.connection.execute(
            select(pain_reports.c.at)
            .where(
                pain_reports.c.profile_id == self.profile_id,
                pain_reports.c.decision == str(PainAction.STOP_SESSION_AND_RESCREEN),
                pain_reports.c.at >= when,
            )
            .order_by(pain_reports.c.at)
            .limit(1)
        ).scalar()

    def worse_mornings(self) -> dict[str, list[bool]]:
        """Per exercise, the next-morning answers in session order (oldest first)."""
        rows = self.connection.execute(
            select(exercise_feedback.c.exercise_id, exercise_feedback.c.worse_next_morning)
            .join(sessions, sessions.c.id == exercise_feedback.c.session_id)
            .where(
                sessions.c.profile_id == self.profile_id,
                exercise_feedback.c.worse_next_morning.is_not(None),
            )
            .order_by(sessions.c.started_at, exercise_feedback.c.id)
        ).all()
        out: dict[str, list[bool]] = {}
        for row in rows:
            out.setdefault(row.exercise_id, []).append(bool(row.worse_next_morning))
        return out

    def last_session_for_morning(self) -> tuple[PendingMorning, bool] | None:
        """The latest finished session with exercises done, and whether its morning is rated."""
        row = self.connection.execute(
            select(sessions.c.id, sessions.c.started_at)
            .where(sessions.c.profile_id == self.profile_id, sessions.c.status != "running")
            .order_by(sessions.c.started_at.desc(), sessions.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        done = self.connection.execute(
            select(session_events.c.exercise_id)
            .where(
                session_events.c.session_id == row.id,
                session_events.c.exercise_id.is_not(None),
                session_events.c.kind.in_(DONE_KINDS),
            )
            .group_by(session_events.c.exercise_id)
            .order_by(func.min(session_events.c.id))
        ).scalars()
        answered = self.connection.execute(
            select(ratings.c.id).where(
                ratings.c.session_id == row.id, ratings.c.moment == "next_morning"
            )
        ).first()
        pending = PendingMorning(row.id, row.started_at.date(), tuple(done))
        return pending, answered is not None

    def add_next_morning(self, pending: PendingMorning, *, worse: bool, at: datetime) -> None:
        self.connection.execute(
            insert(ratings).values(
                session_id=pending.session_id, moment="next_morning", recorded_at=at
            )
        )
        for exercise_id in pending.exercise_ids:
            self.connection.execute(
                insert(exercise_feedback).values(
                    session_id=pending.session_id,
                    exercise_id=exercise_id,
                    worse_next_morning=worse,
                    recorded_at=at,
                )
            )

    def score_points(self, *, within_days: int | None = None) -> list[ScorePoint]:
        """Before-session ratings as 0-10 points (the higher of pain and stiffness).

        ``within_days``: only the points on or after the day ``within_days`` days before the
        latest point's day (the referral rule looks back 56 days; three years hold ~1,100)."""
        scored = or_(ratings.c.pain.is_not(None), ratings.c.stiffness.is_not(None))
        where = [sessions.c.profile_id == self.profile_id, ratings.c.moment == "before", scored]
        if within_days is not None:
            latest = self.connection.execute(
                select(func.max(ratings.c.recorded_at))
                .join(sessions, sessions.c.id == ratings.c.session_id)
                .where(*where)
            ).scalar()
            if latest is None:
                return []
            where.append(ratings.c.recorded_at >= window_start(latest, within_days))
        rows = self.connection.execute(
            select(ratings.c.recorded_at, ratings.c.pain, ratings.c.stiffness)
            .join(sessions, sessions.c.id == ratings.c.session_id)
            .where(*where)
            .order_by(ratings.c.recorded_at)
        ).all()
        return [ScorePoint(r.recorded_at.date(), max(_scores(r.pain, r.stiffness))) for r in rows]


def _scores(*values: int | None) -> list[int]:
    return [v for v in values if v is not None]
