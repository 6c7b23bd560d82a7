"""SQL for the safety feature: acknowledgment, screenings, conditions, cracks, pain stops, ratings.

Rows become domain values here; nothing above ``storage/`` sees SQL. Every query is scoped by
the unit of work's ``profile_id``. Uses only the foundation's tables (``storage/tables.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from unkink.domain.safety.precautions import Condition, parse_condition
from unkink.domain.safety.urgency import Urgency
from unkink.storage.records import DONE_KINDS as _DONE_KINDS
from unkink.storage.records import StoredCrack, StoredScreening
from unkink.storage.safety_feedback import SafetyFeedbackQueries
from unkink.storage.tables import (
    conditions,
    crack_events,
    profiles,
    screenings,
)

DONE_KINDS = _DONE_KINDS  # re-exported for callers of the first layout


__all__ = ["DONE_KINDS", "SqlSafetyRepo", "StoredCrack", "StoredScreening"]


class SqlSafetyRepo(SafetyFeedbackQueries):
    def __init__(self, connection: Connection, profile_id: int) -> None:
        self.connection = connection
        self.profile_id = profile_id

    # --- profile and intended use -----------------------------------------------------------

    def acknowledged_at(self) -> datetime | None:
        return self.connection.execute(
            select(profiles.c.intended_use_acknowledged_at).where(profiles.c.id == self.profile_id)
        ).scalar()

    def acknowledge(self, now: datetime) -> None:
        self.connection.execute(
            update(profiles)
            .where(profiles.c.id == self.profile_id)
            .values(intended_use_acknowledged_at=now)
        )

    def set_person(self, *, age: int | None, sex: str | None) -> None:
        self.connection.execute(
            update(profiles).where(profiles.c.id == self.profile_id).values(age=age, sex=sex)
        )

    def person(self) -> tuple[int | None, str | None]:
        row = self.connection.execute(
            select(profiles.c.age, profiles.c.sex).where(profiles.c.id == self.profile_id)
        ).first()
        return (row.age, row.sex) if row else (None, None)

    def stretch_place(self) -> str | None:
        return self.connection.execute(
            select(profiles.c.stretch_place).where(profiles.c.id == self.profile_id)
        ).scalar()

    def set_stretch_place(self, place: str) -> None:
        self.connection.execute(
            update(profiles).where(profiles.c.id == self.profile_id).values(stretch_place=place)
        )

    # --- screenings --------------------------------------------------------------------------

    def add_screening(
        self,
        *,
        taken_at: datetime,
        answers: dict[str, Any],
        urgency: Urgency,
        rules: Iterable[str],
        advice: str,
        source: str,
        confirmed: Iterable[str] = (),
    ) -> None:
        self.connection.execute(
            insert(screenings).values(
                confirmed=list(confirmed),
                profile_id=self.profile_id,
                taken_at=taken_at,
                answers=answers,
                urgency=str(urgency),
                rules=list(rules),
                advice=advice,
                source=source,
            )
        )

    def latest_screening(self) -> StoredScreening | None:
        row = self.connection.execute(
            select(screenings)
            .where(screenings.c.profile_id == self.profile_id)
            .order_by(screenings.c.taken_at.desc(), screenings.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return StoredScreening(
            taken_at=row.taken_at,
            urgency=Urgency(row.urgency),
            rules=tuple(row.rules),
            advice=row.advice,
            answers=dict(row.answers),
            confirmed=tuple(row.confirmed or ()),
        )

    # --- conditions --------------------------------------------------------------------------

    def add_condition(self, condition: Condition, *, recorded_on: date) -> None:
        self.connection.execute(
            insert(conditions).values(
                profile_id=self.profile_id,
                code=str(condition.code),
                weeks=condition.weeks,
                weeks_since=condition.weeks_since,
                cleared_by_surgical_team=condition.cleared_by_surgical_team,
                approach=str(condition.approach) if condition.approach else None,
                procedure=condition.procedure,
                recorded_on=recorded_on,
            )
        )

    def active_conditions(self, today: date) -> list[Condition]:
        rows = self.connection.execute(
            select(conditions)
            .where(
                conditions.c.profile_id == self.profile_id,
                or_(conditions.c.ended_on.is_(None), conditions.c.ended_on > today),
            )
            .order_by(conditions.c.recorded_on, conditions.c.id)
        ).all()
        out = []
        for row in rows:
            raw: dict[str, object] = {"code": row.code}
            for name in ("weeks", "weeks_since", "approach", "procedure"):
                if getattr(row, name) is not None:
                    raw[name] = getattr(row, name)
            raw["cleared_by_surgical_team"] = bool(row.cleared_by_surgical_team)
            out.append(parse_condition(raw, recorded_on=row.recorded_on))
        return out

    def end_conditions(self, *, today: date, code: str | None = None) -> int:
        """End active conditions (all, or those with ``code``) as of today; returns how many."""
        where = [conditions.c.profile_id == self.profile_id, conditions.c.ended_on.is_(None)]
        if code is not None:
            where.append(conditions.c.code == code)
        return self.connection.execute(
            update(conditions).where(and_(*where)).values(ended_on=today)
        ).rowcount

    # --- cracks ------------------------------------------------------------------------------

    def add_crack(
        self, *, at: datetime, region: str | None, relief: int | None, logged_at: datetime
    ) -> None:
        self.connection.execute(
            insert(crack_events).values(
                profile_id=self.profile_id, at=at, region=region, relief=relief, logged_at=logged_at
            )
        )

    def cracks(self, *, since: datetime, until: datetime) -> list[StoredCrack]:
        rows = self.connection.execute(
            select(crack_events.c.at, crack_events.c.region, crack_events.c.relief)
            .where(
                crack_events.c.profile_id == self.profile_id,
                crack_events.c.at >= since,
                crack_events.c.at <= until,
            )
            .order_by(crack_events.c.at)
        ).all()
        return [StoredCrack(r.at, r.region, r.relief) for r in rows]

    def neck_cracks(self) -> int:
        return len(
            self.connection.execute(
                select(crack_events.c.id).where(
                    crack_events.c.profile_id == self.profile_id, crack_events.c.region == "neck"
                )
            ).all()
        )
