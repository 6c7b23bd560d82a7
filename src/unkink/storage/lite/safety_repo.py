"""The safety feature on sqlite3: the twin of ``storage/safety_repo.py``.

Acknowledgment, the person, the stretch place, screenings, conditions and cracks; pain stops,
the morning after and ratings are in ``safety_feedback.py``. Every query is scoped by the unit
of work's ``profile_id``. The domain modules a method needs are imported in it: ``unkink
crack`` uses none of them, and they cost ~15 ms of its start (exercises, poses, statistics).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from unkink.storage.lite.connection import LiteConnection
from unkink.storage.lite.safety_feedback import LiteSafetyFeedback
from unkink.storage.lite.values import (
    as_date,
    as_datetime,
    day,
    flag,
    from_json,
    stamp,
    to_json,
    when,
)
from unkink.storage.records import StoredCrack, StoredScreening

if TYPE_CHECKING:
    from unkink.domain.safety.precautions import Condition
    from unkink.domain.safety.urgency import Urgency

_CONDITION_EXTRAS = ("weeks", "weeks_since", "approach", "procedure")


class LiteSafetyRepo(LiteSafetyFeedback):
    def __init__(self, connection: LiteConnection, profile_id: int) -> None:
        self.connection = connection
        self.profile_id = profile_id

    # --- profile and intended use -----------------------------------------------------------

    def _profile(self, column: str) -> Any:
        sql = f"SELECT {column} FROM profiles WHERE id = ?"
        return self.connection.value(sql, (self.profile_id,))

    def _set_profile(self, assignments: str, values: tuple[Any, ...]) -> None:
        self.connection.write(
            f"UPDATE profiles SET {assignments} WHERE id = ?", (*values, self.profile_id)
        )

    def acknowledged_at(self) -> datetime | None:
        return as_datetime(self._profile("intended_use_acknowledged_at"))

    def acknowledge(self, now: datetime) -> None:
        self._set_profile("intended_use_acknowledged_at = ?", (stamp(now),))

    def set_person(self, *, age: int | None, sex: str | None) -> None:
        self._set_profile("age = ?, sex = ?", (age, sex))

    def person(self) -> tuple[int | None, str | None]:
        row = self.connection.row("SELECT age, sex FROM profiles WHERE id = ?", (self.profile_id,))
        return (row["age"], row["sex"]) if row else (None, None)

    def stretch_place(self) -> str | None:
        found = self._profile("stretch_place")
        return None if found is None else str(found)

    def set_stretch_place(self, place: str) -> None:
        self._set_profile("stretch_place = ?", (place,))

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
        self.connection.write(
            "INSERT INTO screenings (profile_id, taken_at, answers, urgency, rules, advice,"
            " source, confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.profile_id, stamp(taken_at), to_json(answers), str(urgency),
                to_json(list(rules)), advice, source, to_json(list(confirmed)),
            ),
        )  # fmt: skip

    def latest_screening(self) -> StoredScreening | None:
        row = self.connection.row(
            "SELECT taken_at, urgency, rules, advice, answers, confirmed FROM screenings"
            " WHERE profile_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1",
            (self.profile_id,),
        )
        if row is None:
            return None
        from unkink.domain.safety.urgency import Urgency

        return StoredScreening(
            taken_at=when(row["taken_at"]),
            urgency=Urgency(row["urgency"]),
            rules=tuple(from_json(row["rules"])),
            advice=row["advice"],
            answers=dict(from_json(row["answers"])),
            confirmed=tuple(from_json(row["confirmed"]) or ()),
        )

    # --- conditions --------------------------------------------------------------------------

    def add_condition(self, condition: Condition, *, recorded_on: date) -> None:
        self.connection.write(
            "INSERT INTO conditions (profile_id, code, weeks, weeks_since,"
            " cleared_by_surgical_team, approach, procedure, recorded_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.profile_id, str(condition.code), condition.weeks, condition.weeks_since,
                flag(condition.cleared_by_surgical_team),
                str(condition.approach) if condition.approach else None, condition.procedure,
                day(recorded_on),
            ),
        )  # fmt: skip

    def active_conditions(self, today: date) -> list[Condition]:
        from unkink.domain.safety.precautions import parse_condition

        rows = self.connection.rows(
            "SELECT code, weeks, weeks_since, approach, procedure, cleared_by_surgical_team,"
            " recorded_on FROM conditions WHERE profile_id = ?"
            " AND (ended_on IS NULL OR ended_on > ?) ORDER BY recorded_on, id",
            (self.profile_id, day(today)),
        )
        out = []
        for row in rows:
            raw: dict[str, object] = {"code": row["code"]}
            for name in _CONDITION_EXTRAS:
                if row[name] is not None:
                    raw[name] = row[name]
            raw["cleared_by_surgical_team"] = bool(row["cleared_by_surgical_team"])
            out.append(parse_condition(raw, recorded_on=as_date(row["recorded_on"])))
        return out

    def end_conditions(self, *, today: date, code: str | None = None) -> int:
        """End active conditions (all, or those with ``code``) as of today; returns how many."""
        sql = "UPDATE conditions SET ended_on = ? WHERE profile_id = ? AND ended_on IS NULL"
        params: tuple[Any, ...] = (day(today), self.profile_id)
        if code is not None:
            sql, params = f"{sql} AND code = ?", (*params, code)
        return int(self.connection.write(sql, params).rowcount)

    # --- cracks ------------------------------------------------------------------------------

    def add_crack(
        self, *, at: datetime, region: str | None, relief: int | None, logged_at: datetime
    ) -> None:
        self.connection.write(
            "INSERT INTO crack_events (profile_id, at, region, relief, logged_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (self.profile_id, stamp(at), region, relief, stamp(logged_at)),
        )

    def cracks(self, *, since: datetime, until: datetime) -> list[StoredCrack]:
        rows = self.connection.rows(
            "SELECT at, region, relief FROM crack_events"
            " WHERE profile_id = ? AND at >= ? AND at <= ? ORDER BY at",
            (self.profile_id, stamp(since), stamp(until)),
        )
        return [StoredCrack(when(r["at"]), r["region"], r["relief"]) for r in rows]

    def neck_cracks(self) -> int:
        return int(
            self.connection.value(
                "SELECT count(*) FROM crack_events WHERE profile_id = ? AND region = 'neck'",
                (self.profile_id,),
            )
        )
