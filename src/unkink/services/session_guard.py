"""What every session use case checks first, and how a session ends: shared by
``sessions`` (plan, start, resume), ``session_log`` (during) and ``session_after`` (the end
and after). The safety gate is asked here too, inside the use case's own transaction.

A session is found only among this person's (the repository is bound to the profile); a
write that needs a running session is refused once it has ended; every number is bounded by
what it means (``domain.session.status``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import InvalidTransition, NotFound
from unkink.domain.safety.gate import GateStep
from unkink.domain.session.status import (
    EventKind,
    SessionStatus,
    StopReason,
    check_seconds,
    end_status,
)

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.safety.gate import Gate
    from unkink.domain.safety.precautions import Precautions
    from unkink.domain.session.status import SessionRecord
    from unkink.services.ports import UnitOfWork


class SessionNotFound(NotFound):
    def __init__(self, session_id: int) -> None:
        super().__init__(f"There is no session {session_id}. 'unkink history' lists yours.")


class SessionEnded(InvalidTransition):
    def __init__(self, session_id: int, status: str) -> None:
        super().__init__(
            f"Session {session_id} is already {status}, so nothing more can be added to it. "
            "Start a new session to carry on."
        )


@dataclass(frozen=True, slots=True)
class SessionEnd:
    status: SessionStatus
    reason: StopReason | None
    done_s: float


class Lent:
    """A session service's open unit of work, lent to a safety service for one step of the
    same use case: usable as an entered unit (``uow.safety``) and as a factory
    (``with uow() as u``). Its ``commit`` is left to the session service, which commits the
    whole use case at once (the pain report, the session's event and its end together)."""

    def __init__(self, unit: UnitOfWork) -> None:
        self._unit = unit

    def __call__(self) -> Lent:
        return self

    def __enter__(self) -> Lent:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def commit(self) -> None:
        """Left to the session service that lent the unit."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._unit, name)


def lend(unit: UnitOfWork) -> Any:
    return Lent(unit)


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


# --- the safety gate, asked within a session use case ---------------------------------------


def gate_for(
    u: UnitOfWork, *, catalogue: Catalogue, today: date
) -> tuple[Gate, Precautions | None]:
    """The safety service's gate and precautions (the one place sessions ask for them), read
    in this use case's own transaction."""
    from unkink.services.safety_gate import gate_and_precautions

    gate, precautions = gate_and_precautions(uow=lend(u), today=today, exercises=catalogue)
    return gate, precautions if gate.allowed else None


CHECK_STEPS = frozenset({GateStep.ACKNOWLEDGE, GateStep.SCREEN, GateStep.RECHECK})
"""The gate's typed steps (``Gate.step``) that mean: answer the safety questions now."""


def needs_check(gate: Gate) -> bool:
    """Decided by the gate's typed step only, never by its sentences (issue 9)."""
    return not gate.allowed and gate.step in CHECK_STEPS
