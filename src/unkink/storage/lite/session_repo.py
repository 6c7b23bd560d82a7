"""Routines, sessions, their events and ratings on sqlite3: the twin of ``storage/session_repo.py``.

Implements ``services.ports.SessionRepository`` with plain SQL, storing what SQLAlchemy stores
(``values.py``) and returning the same ``domain.session.status`` records.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from unkink.domain.insights.records import SessionPoint
from unkink.domain.session.status import (
    EventKind,
    EventRecord,
    Moment,
    RatingRecord,
    SessionRecord,
    SessionStatus,
)
from unkink.storage.lite import insight_rows
from unkink.storage.lite.connection import LiteConnection
from unkink.storage.lite.values import as_datetime, from_json, stamp, to_json, when

_RUNNING = SessionStatus.RUNNING.value
_SESSION = (
    "SELECT id, routine_id, started_at, ended_at, status, stop_reason, elapsed_s, cue_index,"
    " helped_most FROM sessions"
)
_NEWEST = " ORDER BY started_at DESC, id DESC LIMIT ?"
_RATING = "SELECT session_id, moment, stiffness, pain FROM ratings"


def _session(row: sqlite3.Row) -> SessionRecord:
    return SessionRecord(
        id=row["id"],
        routine_id=row["routine_id"],
        started_at=when(row["started_at"]),
        ended_at=as_datetime(row["ended_at"]),
        status=SessionStatus(row["status"]),
        stop_reason=row["stop_reason"],
        elapsed_s=float(row["elapsed_s"]),
        cue_index=int(row["cue_index"]),
        helped_most=row["helped_most"],
    )


def _rating(row: sqlite3.Row) -> RatingRecord:
    return RatingRecord(Moment(row["moment"]), row["stiffness"], row["pain"])


class LiteSessionRepository:
    def __init__(self, connection: LiteConnection, profile_id: int) -> None:
        self.connection = connection
        self.profile_id = profile_id

    # --- routines ---
    def add_routine(self, *, plan: Mapping[str, Any], created_at: datetime) -> int:
        cursor = self.connection.write(
            "INSERT INTO routines (profile_id, created_at, area, place, minutes_requested,"
            " total_s, plan) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                self.profile_id, stamp(created_at), plan["area"], plan["where"],
                plan["minutes_requested"], plan["total_s"], to_json(dict(plan)),
            ),
        )  # fmt: skip
        return int(cursor.lastrowid or 0)

    def get_routine(self, routine_id: int) -> dict[str, Any]:
        found = self.connection.row(
            "SELECT plan FROM routines WHERE id = ? AND profile_id = ?",
            (routine_id, self.profile_id),
        )
        if found is None:
            raise LookupError(f"no routine {routine_id}")  # SQLAlchemy's scalar_one: NoResultFound
        return dict(from_json(found["plan"]))

    # --- sessions ---
    def add_session(self, *, routine_id: int, started_at: datetime) -> int:
        cursor = self.connection.write(
            "INSERT INTO sessions (profile_id, routine_id, started_at, status, elapsed_s,"
            " cue_index) VALUES (?, ?, ?, ?, 0.0, 0)",
            (self.profile_id, routine_id, stamp(started_at), _RUNNING),
        )
        return int(cursor.lastrowid or 0)

    def get_session(self, session_id: int) -> SessionRecord:
        found = self.find_session(session_id)
        if found is None:
            raise LookupError(f"no session {session_id}")
        return found

    def find_session(self, session_id: int) -> SessionRecord | None:
        row = self.connection.row(
            f"{_SESSION} WHERE id = ? AND profile_id = ?", (session_id, self.profile_id)
        )
        return _session(row) if row is not None else None

    def latest_running(self) -> SessionRecord | None:
        row = self.connection.row(
            f"{_SESSION} WHERE profile_id = ? AND status = ?{_NEWEST}",
            (self.profile_id, _RUNNING, 1),
        )
        return _session(row) if row is not None else None

    def list_sessions(
        self, *, limit: int, before: tuple[datetime, int] | None = None
    ) -> list[SessionRecord]:
        """Newest first; ``before`` = (started_at, id) of the last row of the previous page."""
        sql = f"{_SESSION} WHERE profile_id = ?"
        params: tuple[Any, ...] = (self.profile_id,)
        if before is not None:
            at = stamp(before[0])
            sql += " AND (started_at < ? OR (started_at = ? AND id < ?))"
            params = (*params, at, at, before[1])
        return [_session(r) for r in self.connection.rows(sql + _NEWEST, (*params, limit))]

    def _update(self, session_id: int, assignments: str, values: tuple[Any, ...]) -> None:
        self.connection.write(
            f"UPDATE sessions SET {assignments} WHERE id = ? AND profile_id = ?",
            (*values, session_id, self.profile_id),
        )

    def save_progress(self, session_id: int, *, cue_index: int, elapsed_s: float) -> None:
        self._update(session_id, "cue_index = ?, elapsed_s = ?", (cue_index, elapsed_s))

    def save_elapsed(self, session_id: int, *, elapsed_s: float) -> None:
        self._update(session_id, "elapsed_s = ?", (elapsed_s,))

    def stop_running(self, *, reason: str, at: datetime) -> int:
        """Close every unfinished session of this person (a new one replaces them)."""
        cursor = self.connection.write(
            "UPDATE sessions SET status = ?, stop_reason = ?, ended_at = ?"
            " WHERE profile_id = ? AND status = ?",
            (SessionStatus.STOPPED.value, str(reason), stamp(at), self.profile_id, _RUNNING),
        )
        return int(cursor.rowcount or 0)

    def end_session(
        self,
        session_id: int,
        *,
        status: SessionStatus,
        reason: str | None,
        at: datetime,
        elapsed_s: float,
    ) -> None:
        reason = None if reason is None else str(reason)
        values = (SessionStatus(status).value, reason, stamp(at), elapsed_s)
        self._update(session_id, "status = ?, stop_reason = ?, ended_at = ?, elapsed_s = ?", values)

    def set_helped_most(self, session_id: int, exercise_id: str | None) -> None:
        self._update(session_id, "helped_most = ?", (exercise_id,))

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
        self.connection.write(
            "INSERT INTO session_events (session_id, at, kind, exercise_id, step, planned_s,"
            " actual_s, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id, stamp(at), EventKind(kind).value, exercise_id, step, planned_s,
                actual_s, to_json(detail),
            ),
        )  # fmt: skip

    def events(self, session_id: int) -> list[EventRecord]:
        rows = self.connection.rows(
            "SELECT id, at, kind, exercise_id, step, planned_s, actual_s, detail"
            " FROM session_events WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        return [
            EventRecord(
                r["id"],
                when(r["at"]),
                EventKind(r["kind"]),
                r["exercise_id"],
                r["step"],
                r["planned_s"],
                r["actual_s"],
                from_json(r["detail"]),
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
        self.connection.write(
            "INSERT INTO ratings (session_id, moment, stiffness, pain, recorded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (session_id, Moment(moment).value, stiffness, pain, stamp(at)),
        )

    def history_parts(
        self, session_rows: list[SessionRecord]
    ) -> tuple[dict[int, dict[str, Any]], dict[int, list[RatingRecord]]]:
        """Plans (by routine id) and ratings (by session id) of many sessions: two queries.

        The ids go in as one JSON array (``json_each``), so no limit on bound variables."""
        routine_ids = to_json(sorted({row.routine_id for row in session_rows}))
        session_ids = [row.id for row in session_rows]
        plans = {
            r["id"]: dict(from_json(r["plan"]))
            for r in self.connection.rows(
                "SELECT id, plan FROM routines WHERE id IN (SELECT value FROM json_each(?))"
                " AND profile_id = ?",
                (routine_ids, self.profile_id),
            )
        }
        rated: dict[int, list[RatingRecord]] = {i: [] for i in session_ids}
        for r in self.connection.rows(
            f"{_RATING} WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (to_json(session_ids),),
        ):
            rated[r["session_id"]].append(_rating(r))
        return plans, rated

    def session_points(self) -> list[SessionPoint]:
        return insight_rows.session_points(self.connection, self.profile_id)

    def ratings(self, session_id: int) -> list[RatingRecord]:
        rows = self.connection.rows(f"{_RATING} WHERE session_id = ? ORDER BY id", (session_id,))
        return [_rating(r) for r in rows]

    def add_feedback(
        self, session_id: int, *, exercise_id: str, helped: bool, at: datetime
    ) -> None:
        self.connection.write(
            "INSERT INTO exercise_feedback (session_id, exercise_id, helped, recorded_at)"
            " VALUES (?, ?, ?, ?)",
            (session_id, exercise_id, int(bool(helped)), stamp(at)),
        )
