"""Past sessions as history shows them, in the terminal, the web and the clinician summary.

``minutes_done`` is active time (pauses and skipped parts left out); ``status`` is the one
status rule's answer (``domain.session.status``): completed, stopped or running.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from unkink.domain.session.status import Moment, SessionStatus
from unkink.services.session_guard import SessionNotFound

if TYPE_CHECKING:
    from unkink.domain.session.status import SessionRecord
    from unkink.services.ports import UnitOfWork, UowFactory


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    session_id: int
    started_at: datetime
    area: str
    where: str
    exercises: tuple[str, ...]
    planned_s: float
    done_s: float
    status: SessionStatus
    stop_reason: str | None
    before: tuple[int | None, int | None]
    after: tuple[int | None, int | None]
    helped_most: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "session": self.session_id,
            "started_at": self.started_at.isoformat(),
            "area": self.area,
            "where": self.where,
            "exercises": list(self.exercises),
            "planned_minutes": round(self.planned_s / 60, 1),
            "minutes_done": round(self.done_s / 60, 1),
            "status": str(self.status),
            "stop_reason": self.stop_reason,
            "before": {"stiffness": self.before[0], "pain": self.before[1]},
            "after": {"stiffness": self.after[0], "pain": self.after[1]},
            "helped_most": self.helped_most,
        }


# --- history -----------------------------------------------------------------------------------


def history(*, uow: UowFactory, limit: int = 50) -> list[HistoryEntry]:
    with uow() as u:
        return [_entry(u, row) for row in u.sessions.list_sessions(limit=limit)]


def history_entry(*, uow: UowFactory, session_id: int) -> HistoryEntry:
    """One session as history shows it."""
    with uow() as u:
        row = u.sessions.find_session(session_id)
        if row is None:
            raise SessionNotFound(session_id)
        return _entry(u, row)


def _entry(u: UnitOfWork, row: SessionRecord) -> HistoryEntry:
    plan_data = u.sessions.get_routine(row.routine_id)
    rated = {r.moment: (r.stiffness, r.pain) for r in u.sessions.ratings(row.id)}
    return HistoryEntry(
        session_id=row.id,
        started_at=row.started_at,
        area=str(plan_data["area"]),
        where=str(plan_data["where"]),
        exercises=tuple(str(e["id"]) for e in plan_data["exercises"]),
        planned_s=float(plan_data["total_s"]),
        done_s=row.elapsed_s,
        status=row.status,
        stop_reason=row.stop_reason,
        before=rated.get(Moment.BEFORE, (None, None)),
        after=rated.get(Moment.AFTER, (None, None)),
        helped_most=row.helped_most,
    )
