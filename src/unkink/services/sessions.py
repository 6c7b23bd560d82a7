"""Guided-session use cases: plan, start, log each cue as it happens, rate, stop, resume, history.

Shared by the terminal player and the web JSON API. Every function takes keyword-only
arguments, including a unit-of-work *factory* (``uow=app.uow``), and commits its own short
transaction, so whatever happened is on disk before the next cue. Results are plain frozen
dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import InvalidTransition, UnkinkError
from unkink.domain.safety.precautions import NO_PRECAUTIONS, Precautions
from unkink.domain.session.planner import PlanRequest, plan_routine
from unkink.domain.session.routines import Routine, routine_from_dict
from unkink.domain.session.timeline import Cue, Timeline, build_timeline

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.safety.pain import PainDecision, PainReport
    from unkink.storage.session_repo import SessionRow
    from unkink.storage.unit_of_work import SqlUnitOfWork

UowFactory = Callable[[], "SqlUnitOfWork"]
MOMENTS = ("before", "after", "next_morning")


class SessionError(UnkinkError):
    pass


class SessionNotFound(SessionError):
    def __init__(self, session_id: int) -> None:
        super().__init__(f"There is no session {session_id}. 'unkink history' lists yours.")


class SessionEnded(SessionError, InvalidTransition):
    def __init__(self, session_id: int, status: str) -> None:
        super().__init__(
            f"Session {session_id} is already {status}, so nothing more can be added to it. "
            "Start a new session to carry on."
        )


def _running(u: SqlUnitOfWork, session_id: int) -> None:
    """Refuse to change a session that does not exist or has ended (a late cue, a replay)."""
    row = u.sessions.find_session(session_id)
    if row is None:
        raise SessionNotFound(session_id)
    if row.status != "running":
        raise SessionEnded(session_id, row.status)


@dataclass(frozen=True, slots=True)
class PlannedRoutine:
    routine_id: int
    routine: Routine


@dataclass(frozen=True, slots=True)
class StartedSession:
    session_id: int
    routine_id: int
    routine: Routine
    timeline: Timeline


@dataclass(frozen=True, slots=True)
class ResumeState:
    """Where a stored, unfinished session picks up: from the start of its unfinished step."""

    session_id: int
    routine: Routine
    timeline: Timeline
    cue_index: int
    position_s: float
    elapsed_s: float


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    session_id: int
    started_at: datetime
    area: str
    where: str
    exercises: tuple[str, ...]
    planned_s: float
    done_s: float
    status: str
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
            "status": self.status,
            "stop_reason": self.stop_reason,
            "before": {"stiffness": self.before[0], "pain": self.before[1]},
            "after": {"stiffness": self.after[0], "pain": self.after[1]},
            "helped_most": self.helped_most,
        }


def plan(
    *,
    uow: UowFactory,
    catalogue: Catalogue,
    request: PlanRequest,
    now: datetime,
    precautions: Precautions = NO_PRECAUTIONS,
) -> PlannedRoutine:
    """Plan a routine and store it."""
    routine = plan_routine(catalogue, request, precautions=precautions)
    with uow() as u:
        u.ensure_profile(now=now)
        routine_id = u.sessions.add_routine(plan=routine.as_dict(), created_at=now)
        u.commit()
    return PlannedRoutine(routine_id, routine)


def start_session(
    *, uow: UowFactory, catalogue: Catalogue, routine_id: int, now: datetime
) -> StartedSession:
    with uow() as u:
        routine = routine_from_dict(catalogue, u.sessions.get_routine(routine_id))
        u.sessions.stop_running(reason="not_resumed", at=now)  # --resume only finds this one
        session_id = u.sessions.add_session(routine_id=routine_id, started_at=now)
        u.sessions.add_event(session_id, at=now, kind="start")
        u.commit()
    return StartedSession(session_id, routine_id, routine, build_timeline(routine))


def record_cue(
    *, uow: UowFactory, session_id: int, cue: Cue, actual_s: float, elapsed_s: float, at: datetime
) -> None:
    """Log a cue as shown and move the session's bookmark past it."""
    with uow() as u:
        _running(u, session_id)
        u.sessions.add_event(
            session_id,
            at=at,
            kind=str(cue.kind),
            exercise_id=cue.exercise_id,
            step=cue.step,
            planned_s=cue.planned_s,
            actual_s=round(actual_s, 4),
            detail={"cue": cue.index, "side": cue.side},
        )
        u.sessions.save_progress(session_id, cue_index=cue.index + 1, elapsed_s=elapsed_s)
        u.commit()


def record_event(
    *,
    uow: UowFactory,
    session_id: int,
    kind: str,
    at: datetime,
    elapsed_s: float | None = None,
    exercise_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Pause, resume, skip_step, skip_exercise, pain, quit...: logged as they happen.

    The session's active seconds are kept up to date too, so history is right after a quit."""
    with uow() as u:
        _running(u, session_id)
        u.sessions.add_event(
            session_id, at=at, kind=kind, exercise_id=exercise_id, actual_s=elapsed_s, detail=detail
        )
        if elapsed_s is not None:
            u.sessions.save_elapsed(session_id, elapsed_s=elapsed_s)
        u.commit()


def record_pain(
    *,
    uow: UowFactory,
    session_id: int,
    report: PainReport,
    exercise_id: str | None,
    at: datetime,
    elapsed_s: float | None = None,
) -> PainDecision:
    """'This hurts' during a session: the safety rules decide and store the report (its own
    transaction), then the session's log notes it. The caller acts on the decision."""
    from unkink.services import safety

    decision = safety.record_pain(
        uow=uow, report=report, now=at, session_id=session_id, exercise_id=exercise_id
    )
    record_event(
        uow=uow,
        session_id=session_id,
        kind="pain",
        at=at,
        elapsed_s=elapsed_s,
        exercise_id=exercise_id,
        detail={"score": report.score, "action": str(decision.action)},
    )
    return decision


def record_rating(
    *,
    uow: UowFactory,
    session_id: int,
    moment: str,
    stiffness: int | None,
    pain: int | None,
    at: datetime,
) -> None:
    if moment not in MOMENTS:
        raise SessionError(f"A rating is for {', '.join(MOMENTS)}, not '{moment}'.")
    for name, value in (("stiffness", stiffness), ("pain", pain)):
        if value is not None and not 0 <= value <= 10:
            raise SessionError(f"{name.capitalize()} must be a number from 0 to 10.")
    with uow() as u:
        u.sessions.add_rating(session_id, moment=moment, stiffness=stiffness, pain=pain, at=at)
        u.commit()


def record_helped_most(
    *, uow: UowFactory, session_id: int, exercise_id: str | None, at: datetime
) -> None:
    with uow() as u:
        u.sessions.set_helped_most(session_id, exercise_id)
        if exercise_id is not None:
            u.sessions.add_feedback(session_id, exercise_id=exercise_id, helped=True, at=at)
        u.commit()


def end_session(
    *,
    uow: UowFactory,
    session_id: int,
    completed: bool,
    reason: str | None,
    elapsed_s: float,
    at: datetime,
) -> None:
    """Finish (``completed``) or stop (with a reason: quit, pain, ...) a session."""
    status = "completed" if completed else "stopped"
    with uow() as u:
        _running(u, session_id)
        u.sessions.add_event(
            session_id, at=at, kind=status, actual_s=elapsed_s, detail={"reason": reason}
        )
        u.sessions.end_session(session_id, status=status, reason=reason, at=at, elapsed_s=elapsed_s)
        u.commit()


def resume_state(*, uow: UowFactory, catalogue: Catalogue) -> ResumeState | None:
    """The latest unfinished session, rewound to the start of the step it was in."""
    with uow() as u:
        row = u.sessions.latest_running()
        if row is None:
            return None
        routine = routine_from_dict(catalogue, u.sessions.get_routine(row.routine_id))
    timeline = build_timeline(routine)
    position = 0.0
    if row.cue_index > 0:
        last_shown = timeline.cues[min(row.cue_index, len(timeline.cues)) - 1]
        position = float(timeline.segments[last_shown.segment].start_s)
    cue_index = timeline.first_cue_from(position)
    return ResumeState(row.id, routine, timeline, cue_index, position, row.elapsed_s)


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


def _entry(u: SqlUnitOfWork, row: SessionRow) -> HistoryEntry:
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
        before=rated.get("before", (None, None)),
        after=rated.get("after", (None, None)),
        helped_most=row.helped_most,
    )
