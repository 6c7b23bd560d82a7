"""What every session write checks first, and how a session ends: shared by
``session_log`` (during) and ``session_after`` (the end and after).

A session is found only among this person's (the repository is bound to the profile); a
write that needs a running session is refused once it has ended; every number is bounded by
what it means (``domain.session.status``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from unkink.domain.session.status import (
    EventKind,
    SessionStatus,
    StopReason,
    check_seconds,
    end_status,
)
from unkink.services.sessions import SessionEnded, SessionNotFound

if TYPE_CHECKING:
    from unkink.domain.session.status import SessionRecord
    from unkink.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class SessionEnd:
    status: SessionStatus
    reason: StopReason | None
    done_s: float


def find(u: UnitOfWork, session_id: int) -> tuple[SessionRecord, dict[str, Any]]:
    row = u.sessions.find_session(session_id)
    if row is None:
        raise SessionNotFound(session_id)
    return row, u.sessions.get_routine(row.routine_id)


def running(u: UnitOfWork, session_id: int) -> tuple[SessionRecord, dict[str, Any]]:
    """Refuse to change a session that is not this person's or has ended (a late cue)."""
    row, plan = find(u, session_id)
    if row.status.ended:
        raise SessionEnded(session_id, row.status)
    return row, plan


def seconds(name: str, value: float | None, plan: dict[str, Any]) -> float | None:
    return None if value is None else check_seconds(name, value, total_s=float(plan["total_s"]))


def end(
    u: UnitOfWork, row: SessionRecord, plan: dict[str, Any], *, reached_end: bool,
    reason: StopReason | None, elapsed_s: float | None, at: datetime,
) -> SessionEnd:  # fmt: skip
    done = row.elapsed_s if elapsed_s is None else elapsed_s
    status, why = end_status(
        reached_end=reached_end, done_s=done, planned_s=float(plan["total_s"]), reason=reason
    )
    # the wall clock may have jumped: the end is never before the start plus the active time
    ended_at = max(at, row.started_at + timedelta(seconds=done))
    kind = EventKind.COMPLETED if status is SessionStatus.COMPLETED else EventKind.STOPPED
    u.sessions.add_event(row.id, at=ended_at, kind=kind, actual_s=done, detail={"reason": why})
    u.sessions.end_session(row.id, status=status, reason=why, at=ended_at, elapsed_s=done)
    return SessionEnd(status, why, done)
