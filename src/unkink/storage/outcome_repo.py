"""Weekly outcome measures (pain 0-10, PSFS), the weekly goal, and the pain-stop log read back
for the clinician summary. Rows become ``domain.insights`` values here."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Text, cast, func, insert, select

from unkink.domain.insights.measures import WeeklyCheck
from unkink.domain.insights.records import Goal
from unkink.domain.safety.pain import PainAction
from unkink.storage.records import PainStop
from unkink.storage.tables import (
    crack_events,
    insight_goals,
    pain_reports,
    psfs_scores,
    ratings,
    reminder_events,
    routines,
    sessions,
    weekly_checks,
)

__all__ = ["PainStop", "SqlOutcomeRepo"]


class SqlOutcomeRepo:
    def __init__(self, connection: Connection, profile_id: int) -> None:
        self.connection = connection
        self.profile_id = profile_id

    def add_check(
        self, *, at: datetime, pain: int | None, scores: Mapping[str, int], skipped: bool
    ) -> int:
        check_id = int(
            self.connection.execute(
                insert(weekly_checks)
                .values(profile_id=self.profile_id, recorded_at=at, pain=pain, skipped=skipped)
                .returning(weekly_checks.c.id)
            ).scalar_one()
        )
        for activity, score in scores.items():
            self.connection.execute(
                insert(psfs_scores).values(check_id=check_id, activity=activity, score=score)
            )
        return check_id

    def checks(self) -> list[WeeklyCheck]:
        """Every weekly check, oldest first, with its PSFS scores in the order given."""
        rows = self.connection.execute(
            select(weekly_checks)
            .where(weekly_checks.c.profile_id == self.profile_id)
            .order_by(weekly_checks.c.recorded_at, weekly_checks.c.id)
        ).all()
        scores: dict[int, dict[str, int]] = {r.id: {} for r in rows}
        if rows:
            for s in self.connection.execute(
                select(psfs_scores)
                .where(psfs_scores.c.check_id.in_(list(scores)))
                .order_by(psfs_scores.c.id)
            ):
                scores[s.check_id][s.activity] = s.score
        return [WeeklyCheck(r.recorded_at, r.pain, scores[r.id], bool(r.skipped)) for r in rows]

    def set_goal(self, *, at: datetime, sessions: int, desk_breaks: int | None) -> None:
        self.connection.execute(
            insert(insight_goals).values(
                profile_id=self.profile_id,
                set_at=at,
                sessions_per_week=sessions,
                desk_breaks_per_week=desk_breaks,
            )
        )

    def goal(self) -> Goal | None:
        row = self.connection.execute(
            select(insight_goals)
            .where(insight_goals.c.profile_id == self.profile_id)
            .order_by(insight_goals.c.set_at.desc(), insight_goals.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return Goal(row.sessions_per_week, row.desk_breaks_per_week, row.set_at.date())

    def revision(self) -> tuple[object, ...]:
        """What insights are computed from, in one query: the twin of the sqlite3 adapter's
        (the database, then count and newest id of each table only ever added to, and every
        session's updated columns, by id: ``json_agg`` on PostgreSQL)."""
        s = sessions.c
        columns = (s.id, s.status, s.stop_reason, s.elapsed_s, s.helped_most)
        listed: Any
        if self.connection.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import aggregate_order_by

            ordered = aggregate_order_by(func.json_build_array(*columns), s.id)
            listed = cast(func.json_agg(ordered), Text)
        else:
            listed = func.json_group_array(func.json_array(*columns))
        added = [
            select(part).select_from(t).scalar_subquery()
            for t in (
                ratings,
                routines,
                crack_events,
                weekly_checks,
                insight_goals,
                reminder_events,
            )
            for part in (func.count(), func.coalesce(func.max(t.c.id), 0))
        ]
        row = self.connection.execute(
            select(func.count(), func.max(s.id), listed, *added).where(
                s.profile_id == self.profile_id
            )
        ).one()
        return (str(self.connection.engine.url), *row)

    def pain_stops(self) -> list[PainStop]:
        """Read-only view of the safety log's pain reports (written by ``services.safety``
        through ``storage.safety_feedback``), with the decision as its enum."""
        rows = self.connection.execute(
            select(pain_reports)
            .where(pain_reports.c.profile_id == self.profile_id)
            .order_by(pain_reports.c.at, pain_reports.c.id)
        )
        return [
            PainStop(
                r.at,
                r.score,
                PainAction(r.decision),
                r.exercise_id,
                r.session_id,
                dict(r.answers or {}),
            )
            for r in rows
        ]
