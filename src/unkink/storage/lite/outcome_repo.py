"""Weekly outcome measures, the weekly goal and the pain-stop log on sqlite3: the twin of
``storage/outcome_repo.py``. Rows become ``domain.insights`` values here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from unkink.domain.insights.measures import WeeklyCheck
from unkink.domain.insights.records import Goal
from unkink.domain.safety.pain import PainAction
from unkink.storage.lite.connection import LiteConnection
from unkink.storage.lite.values import flag, from_json, stamp, to_json, when
from unkink.storage.records import PainStop


class LiteOutcomeRepo:
    def __init__(
        self, connection: LiteConnection, profile_id: int, stamp: Callable[[], tuple[str, int]]
    ) -> None:
        self.connection = connection
        self.profile_id = profile_id
        self._stamp = stamp

    def add_check(
        self, *, at: datetime, pain: int | None, scores: Mapping[str, int], skipped: bool
    ) -> int:
        cursor = self.connection.write(
            "INSERT INTO weekly_checks (profile_id, recorded_at, pain, skipped)"
            " VALUES (?, ?, ?, ?)",
            (self.profile_id, stamp(at), pain, flag(skipped)),
        )
        check_id = int(cursor.lastrowid or 0)
        for activity, score in scores.items():
            self.connection.write(
                "INSERT INTO psfs_scores (check_id, activity, score) VALUES (?, ?, ?)",
                (check_id, activity, score),
            )
        return check_id

    def checks(self) -> list[WeeklyCheck]:
        """Every weekly check, oldest first, with its PSFS scores in the order given."""
        rows = self.connection.rows(
            "SELECT id, recorded_at, pain, skipped FROM weekly_checks WHERE profile_id = ?"
            " ORDER BY recorded_at, id",
            (self.profile_id,),
        )
        scores: dict[int, dict[str, int]] = {r["id"]: {} for r in rows}
        if rows:
            for s in self.connection.rows(
                "SELECT check_id, activity, score FROM psfs_scores"
                " WHERE check_id IN (SELECT value FROM json_each(?)) ORDER BY id",
                (to_json(list(scores)),),
            ):
                scores[s["check_id"]][s["activity"]] = s["score"]
        return [
            WeeklyCheck(when(r["recorded_at"]), r["pain"], scores[r["id"]], bool(r["skipped"]))
            for r in rows
        ]

    def set_goal(self, *, at: datetime, sessions: int, desk_breaks: int | None) -> None:
        self.connection.write(
            "INSERT INTO insight_goals (profile_id, set_at, sessions_per_week,"
            " desk_breaks_per_week) VALUES (?, ?, ?, ?)",
            (self.profile_id, stamp(at), sessions, desk_breaks),
        )

    def goal(self) -> Goal | None:
        row = self.connection.row(
            "SELECT set_at, sessions_per_week, desk_breaks_per_week FROM insight_goals"
            " WHERE profile_id = ? ORDER BY set_at DESC, id DESC LIMIT 1",
            (self.profile_id,),
        )
        if row is None:
            return None
        return Goal(
            row["sessions_per_week"], row["desk_breaks_per_week"], when(row["set_at"]).date()
        )

    def revision(self) -> tuple[object, ...]:
        """``LiteStore.stamp``: the file and its ``data_version``, which moves on every commit
        to the file, whichever table, process or adapter wrote (the web's kept pages use it
        too); no query of the tables (the SQLAlchemy adapter's revision reads them)."""
        return self._stamp()

    def pain_stops(self) -> list[PainStop]:
        """Read-only view of the safety log's pain reports, with the decision as its enum."""
        rows = self.connection.rows(
            "SELECT at, score, decision, exercise_id, session_id, answers FROM pain_reports"
            " WHERE profile_id = ? ORDER BY at, id",
            (self.profile_id,),
        )
        return [
            PainStop(
                when(r["at"]),
                r["score"],
                PainAction(r["decision"]),
                r["exercise_id"],
                r["session_id"],
                dict(from_json(r["answers"]) or {}),
            )
            for r in rows
        ]
