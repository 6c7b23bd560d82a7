"""Reminder events and stretches queued for later on sqlite3: the twin of
``storage/reminder_repo.py``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from unkink.storage.lite.connection import LiteConnection
from unkink.storage.lite.values import day as day_text
from unkink.storage.lite.values import from_json, stamp, to_json, when
from unkink.storage.records import ReminderEventRow


class LiteReminderRepo:
    def __init__(self, connection: LiteConnection, profile_id: int) -> None:
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
        cursor = self._c.write(
            "INSERT INTO reminder_events (profile_id, at, kind, reasons, sitting_s, session_id,"
            " detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                self._profile, stamp(at), kind, to_json(list(reasons) or None), sitting_s,
                session_id, to_json(detail),
            ),
        )  # fmt: skip
        return int(cursor.lastrowid or 0)

    def events(self, *, since: date, until: date) -> list[ReminderEventRow]:
        """Events from the start of ``since`` to the end of ``until``, oldest first."""
        rows = self._c.rows(
            "SELECT id, at, kind, reasons, sitting_s, session_id, detail FROM reminder_events"
            " WHERE profile_id = ? AND at >= ? AND at < ? ORDER BY at, id",
            (
                self._profile,
                stamp(datetime.combine(since, time.min)),
                stamp(datetime.combine(until + timedelta(days=1), time.min)),
            ),
        )
        return [
            ReminderEventRow(
                id=r["id"],
                at=when(r["at"]),
                kind=r["kind"],
                reasons=tuple(from_json(r["reasons"]) or ()),
                sitting_s=r["sitting_s"],
                session_id=r["session_id"],
                detail=from_json(r["detail"]),
            )
            for r in rows
        ]

    def queue_for_later(self, *, day: date, exercise_ids: Iterable[str], at: datetime) -> None:
        queued = set(self.queued_for_later(day=day))
        for exercise_id in exercise_ids:
            if exercise_id not in queued:
                queued.add(exercise_id)
                self._c.write(
                    "INSERT INTO later_stretches (profile_id, day, exercise_id, queued_at)"
                    " VALUES (?, ?, ?, ?)",
                    (self._profile, day_text(day), exercise_id, stamp(at)),
                )

    def queued_for_later(self, *, day: date) -> list[str]:
        rows = self._c.rows(
            "SELECT exercise_id FROM later_stretches WHERE profile_id = ? AND day = ? ORDER BY id",
            (self._profile, day_text(day)),
        )
        return [r[0] for r in rows]
