"""Every session as insights see it, on sqlite3: three queries, no plan parsed in Python.

The twin of ``storage/insight_rows.py``. A routine's exercise ids come out of its stored plan
with SQLite's ``json_each`` (the plan's text is never loaded into Python), its place from the
``routines.place`` column (``add_routine`` stores ``plan["where"]`` there), and of a session's
ratings the last one at each moment counts, as in ``services.session_history``.
"""

from __future__ import annotations

from unkink.domain.insights.records import SessionPoint, minutes_done
from unkink.storage.lite.connection import LiteConnection
from unkink.storage.lite.values import when

_SESSIONS = (
    "SELECT s.id, s.routine_id, s.started_at, r.place, s.status, s.stop_reason, s.elapsed_s,"
    " s.helped_most FROM sessions s JOIN routines r ON r.id = s.routine_id"
    " WHERE s.profile_id = ? ORDER BY s.started_at, s.id"
)
_EXERCISES = (
    "SELECT r.id, json_extract(e.value, '$.id') FROM routines r,"
    " json_each(r.plan, '$.exercises') e WHERE r.profile_id = ?"
    " AND r.id IN (SELECT routine_id FROM sessions WHERE profile_id = ?) ORDER BY r.id, e.key"
)
_RATINGS = (  # CROSS JOIN keeps ratings outermost: read in id order, no sort (1.5 -> 1.1 ms)
    "SELECT g.session_id, g.moment, g.stiffness, g.pain FROM ratings g"
    " CROSS JOIN sessions s ON s.id = g.session_id"
    " WHERE s.profile_id = ? AND g.moment IN ('before', 'after') ORDER BY g.id"
)
_UNRATED = (None, None)


def session_points(connection: LiteConnection, profile_id: int) -> list[SessionPoint]:
    """Oldest first, by (started_at, id)."""
    listed: dict[int, list[str]] = {}
    for routine_id, exercise_id in connection.rows(_EXERCISES, (profile_id, profile_id)):
        listed.setdefault(routine_id, []).append(str(exercise_id))
    exercises = {k: tuple(dict.fromkeys(v)) for k, v in listed.items()}
    before: dict[int, tuple[int | None, int | None]] = {}
    after: dict[int, tuple[int | None, int | None]] = {}
    for session_id, moment, stiffness, pain in connection.rows(_RATINGS, (profile_id,)):
        (before if moment == "before" else after)[session_id] = (stiffness, pain)
    return [  # positional: SessionPoint's field order (started_at, place, ... minutes)
        SessionPoint(
            when(started_at),
            place,
            exercises.get(routine_id, ()),
            before.get(session_id, _UNRATED),
            after.get(session_id, _UNRATED),
            helped_most,
            status,
            stop_reason,
            minutes_done(elapsed_s),
        )
        for (
            session_id, routine_id, started_at, place, status, stop_reason, elapsed_s,
            helped_most,
        ) in connection.rows(_SESSIONS, (profile_id,))
    ]  # fmt: skip
