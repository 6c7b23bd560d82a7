"""The safety feature's feedback on sqlite3: the twin of ``storage/safety_feedback.py``.

Pain stops, the morning after, and ratings; a mixin of ``LiteSafetyRepo`` (same connection and
``profile_id``), kept apart so both modules stay short. Domain modules are imported by the
methods that need them (see ``safety_repo.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from unkink.storage.lite.connection import LiteConnection
from unkink.storage.lite.values import as_datetime, flag, stamp, to_json
from unkink.storage.lite.values import when as stored_time
from unkink.storage.records import DONE_KINDS, window_start

if TYPE_CHECKING:
    from unkink.domain.safety.pain import PainAction
    from unkink.domain.safety.referral import ScorePoint
    from unkink.domain.session.next_morning import PendingMorning

_DONE = ", ".join(f"'{kind}'" for kind in DONE_KINDS)


class LiteSafetyFeedback:
    connection: LiteConnection
    profile_id: int

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
        self.connection.write(
            "INSERT INTO pain_reports (profile_id, session_id, exercise_id, at, score, answers,"
            " decision) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                self.profile_id, session_id, exercise_id, stamp(at), score, to_json(answers),
                str(decision),
            ),
        )  # fmt: skip

    def pain_stop_since(self, when: datetime) -> datetime | None:
        """The first stop-and-rescreen pain report after ``when``, if any (same second counts:
        the cautious reading, as in the SQLAlchemy twin)."""
        from unkink.domain.safety.pain import PainAction

        return as_datetime(
            self.connection.value(
                "SELECT at FROM pain_reports WHERE profile_id = ? AND decision = ? AND at >= ?"
                " ORDER BY at LIMIT 1",
                (self.profile_id, str(PainAction.STOP_SESSION_AND_RESCREEN), stamp(when)),
            )
        )

    def worse_mornings(self) -> dict[str, list[bool]]:
        """Per exercise, the next-morning answers in session order (oldest first)."""
        rows = self.connection.rows(
            "SELECT f.exercise_id, f.worse_next_morning FROM exercise_feedback AS f"
            " JOIN sessions AS s ON s.id = f.session_id"
            " WHERE s.profile_id = ? AND f.worse_next_morning IS NOT NULL"
            " ORDER BY s.started_at, f.id",
            (self.profile_id,),
        )
        out: dict[str, list[bool]] = {}
        for row in rows:
            out.setdefault(row["exercise_id"], []).append(bool(row["worse_next_morning"]))
        return out

    def last_session_for_morning(self) -> tuple[PendingMorning, bool] | None:
        """The latest finished session with exercises done, and whether its morning is rated."""
        row = self.connection.row(
            "SELECT id, started_at FROM sessions WHERE profile_id = ? AND status != 'running'"
            " ORDER BY started_at DESC, id DESC LIMIT 1",
            (self.profile_id,),
        )
        if row is None:
            return None
        from unkink.domain.session.next_morning import PendingMorning

        done = self.connection.rows(
            "SELECT exercise_id FROM session_events WHERE session_id = ?"
            f" AND exercise_id IS NOT NULL AND kind IN ({_DONE})"
            " GROUP BY exercise_id ORDER BY min(id)",
            (row["id"],),
        )
        answered = self.connection.row(
            "SELECT id FROM ratings WHERE session_id = ? AND moment = 'next_morning'",
            (row["id"],),
        )
        pending = PendingMorning(
            row["id"], stored_time(row["started_at"]).date(), tuple(r[0] for r in done)
        )
        return pending, answered is not None

    def add_next_morning(self, pending: PendingMorning, *, worse: bool, at: datetime) -> None:
        self.connection.write(
            "INSERT INTO ratings (session_id, moment, recorded_at) VALUES (?, 'next_morning', ?)",
            (pending.session_id, stamp(at)),
        )
        for exercise_id in pending.exercise_ids:
            self.connection.write(
                "INSERT INTO exercise_feedback (session_id, exercise_id, worse_next_morning,"
                " recorded_at) VALUES (?, ?, ?, ?)",
                (pending.session_id, exercise_id, flag(worse), stamp(at)),
            )

    def score_points(self, *, within_days: int | None = None) -> list[ScorePoint]:
        """Before-session ratings as 0-10 points (the higher of pain and stiffness); with
        ``within_days``, only those on or after that many days before the latest point's day."""
        from unkink.domain.safety.referral import ScorePoint

        where = (
            " FROM ratings AS r JOIN sessions AS s ON s.id = r.session_id"
            " WHERE s.profile_id = ? AND r.moment = 'before'"
            " AND (r.pain IS NOT NULL OR r.stiffness IS NOT NULL)"
        )
        params: tuple[Any, ...] = (self.profile_id,)
        if within_days is not None:
            latest = as_datetime(self.connection.value(f"SELECT max(r.recorded_at){where}", params))
            if latest is None:
                return []
            where += " AND r.recorded_at >= ?"
            params = (*params, stamp(window_start(latest, within_days)))
        rows = self.connection.rows(
            f"SELECT r.recorded_at, r.pain, r.stiffness{where} ORDER BY r.recorded_at", params
        )
        return [
            ScorePoint(
                stored_time(r["recorded_at"]).date(),
                max(v for v in (r["pain"], r["stiffness"]) if v is not None),
            )
            for r in rows
        ]
