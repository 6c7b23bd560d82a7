"""Reminder events and stretches queued for later: SQL rows <-> plain values."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select

from unkink.storage.records import ReminderEventRow
from unkink.storage.tables import later_stretches, reminder_events

__all__ = ["ReminderEventRow", "SqlReminderRepo"]


class SqlReminderRepo:
    def __init__(self, connection: Connection, profile_id: int) -> None:
        self._c = connection
        self._profile = profile_id

    def add_event(
        self,
        *,
        at: datetime,
        kind: str,
        reasons: Iterable[str] = (),
        sitting_s: float | None = None,
        session_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> int:
        result = self._c.execute(
            insert(reminder_events).values(
                profile_id=self._profile,
                at=at,
                kind=kind,
                reasons=list(reasons) or None,
                sitting_s=sitting_s,
                session_id=session_id,
                detail=detail,
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def events(self, *, since: date, until: date) -> list[ReminderEventRow]:
        """Events from the start of ``since`` to the end of ``until``, oldest first."""
        t = reminder_events.c
        rows = self._c.execute(
            select(reminder_events)
            .where(
                t.profile_id == self._profile,
                t.at >= datetime.combine(since, time.min),
                t.at < datetime.combine(until + timedelta(days=1), time.min),
            )
            .order_by(t.at, t.id)
        )
        return [
            ReminderEventRow(
                id=r.id,
                at=r.at,
                kind=r.kind,
                reasons=tuple(r.reasons or ()),
                sitting_s=r.sitting_s,
                session_id=r.session_id,
                detail=r.detail,
            )
            for r in rows
        ]

    def queue_for_later(self, *, day: date, exercise_ids: Iterable[str], at: datetime) -> None:
        t = later_stretches.c
        queued = set(
            self._c.execute(
                select(t.exercise_id).where(t.profile_id == self._profile, t.day == day)
            ).scalars()
        )
        for exercise_id in exercise_ids:
            if exercise_id not in queued:
                queued.add(exercise_id)
                self._c.execute(
                    insert(later_stretches).values(
                        profile_id=self._profile, day=day, exercise_id=exercise_id, queued_at=at
                    )
                )

    def queued_for_later(self, *, day: date) -> list[str]:
        t = later_stretches.c
        return list(
            self._c.execute(
                select(t.exercise_id)
                .where(t.profile_id == self._profile, t.day == day)
                .order_by(t.id)
            ).scalars()
        )
