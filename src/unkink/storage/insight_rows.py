"""Every session as insights see it, with SQLAlchemy (PostgreSQL; SQLite in the contract test).

The twin of ``storage/lite/insight_rows.py``: three queries, and of each routine's plan only
its ``exercises`` array is read (``plan["exercises"]``: ``->`` on PostgreSQL, ``json_extract``
on SQLite), never the whole plan. The place is the ``routines.place`` column (``add_routine``
stores ``plan["where"]`` there); of a session's ratings the last one at each moment counts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from unkink.domain.insights.records import SessionPoint, minutes_done
from unkink.storage.tables import ratings, routines, sessions

_UNRATED = (None, None)


def session_points(connection: Connection, profile_id: int) -> list[SessionPoint]:
    """Oldest first, by (started_at, id)."""
    used = select(sessions.c.routine_id).where(sessions.c.profile_id == profile_id)
    exercises: dict[int, tuple[str, ...]] = {}
    for routine_id, listed in connection.execute(
        select(routines.c.id, routines.c.plan["exercises"]).where(
            routines.c.profile_id == profile_id, routines.c.id.in_(used)
        )
    ):
        items: list[Any] = listed or []
        exercises[routine_id] = tuple(dict.fromkeys(str(e["id"]) for e in items))
    before: dict[int, tuple[int | None, int | None]] = {}
    after: dict[int, tuple[int | None, int | None]] = {}
    for session_id, moment, stiffness, pain in connection.execute(
        select(ratings.c.session_id, ratings.c.moment, ratings.c.stiffness, ratings.c.pain)
        .join(sessions, sessions.c.id == ratings.c.session_id)
        .where(sessions.c.profile_id == profile_id, ratings.c.moment.in_(("before", "after")))
        .order_by(ratings.c.id)
    ):
        (before if moment == "before" else after)[session_id] = (stiffness, pain)
    rows = connection.execute(
        select(
            sessions.c.id,
            sessions.c.routine_id,
            sessions.c.started_at,
            routines.c.place,
            sessions.c.status,
            sessions.c.stop_reason,
            sessions.c.elapsed_s,
            sessions.c.helped_most,
        )
        .join(routines, routines.c.id == sessions.c.routine_id)
        .where(sessions.c.profile_id == profile_id)
        .order_by(sessions.c.started_at, sessions.c.id)
    )
    return [
        SessionPoint(
            started_at=started_at,
            place=place,
            exercises=exercises.get(routine_id, ()),
            before=before.get(session_id, _UNRATED),
            after=after.get(session_id, _UNRATED),
            helped_most=helped_most,
            status=status,
            stop_reason=stop_reason,
            minutes=minutes_done(float(elapsed_s)),
        )
        for (
            session_id, routine_id, started_at, place, status, stop_reason, elapsed_s,
            helped_most,
        ) in rows
    ]  # fmt: skip
