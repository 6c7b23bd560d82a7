"""Guided-session use cases, part two: what happens during and after a session.

Each cue, pause, skip, rating, pain stop and the end is written as it happens, in its own
transaction, by the one function for it; the terminal, the web API and the reminder only
translate. Every write checks that the session is this person's (the repository is bound to
the profile) and that its state accepts the write: cues, pauses and skips only while it runs;
a "before" rating only while it runs; "after" and "next morning" ratings and "helped most"
only once it has ended. Numbers are bounded by what they mean (``domain.session.status``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import Conflict, InvalidInput
from unkink.domain.session.routines import routine_from_dict
from unkink.domain.session.status import (
    EventKind,
    Moment,
    SessionStatus,
    StopReason,
    check_score,
    check_seconds,
    end_status,
    rating_allowed,
)
from unkink.domain.session.timeline import Cue, build_timeline
from unkink.services.sessions import SessionEnded, SessionNotFound

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.safety.pain import PainDecision, PainReport
    from unkink.domain.session.records import SessionRecord
    from unkink.services.ports import UnitOfWork, UowFactory


class RatingNotNow(Conflict):
    def __init__(self, moment: Moment, status: SessionStatus) -> None:
        when = "before it starts" if moment is Moment.BEFORE else "once it has ended"
        super().__init__(f"A '{moment}' rating is given {when}; this session is {status}.")


@dataclass(frozen=True, slots=True)
class SessionEnd:
    status: SessionStatus
    reason: StopReason | None
    done_s: float


@dataclass(frozen=True, slots=True)
class PainStop:
    """The safety rules' decision on 'this hurts', and whether it ended the session."""

    decision: PainDecision
    end: SessionEnd | None

    @property
    def ended(self) -> bool:
        """The session is over; the gate now asks for a new safety check."""
        return self.end is not None

    @property
    def skip_exercise(self) -> bool:
        """The player moves on to the next stretch (and logs the skip)."""
        from unkink.domain.safety.pain import PainAction

        return self.decision.action is PainAction.STOP_EXERCISE


def _find(u: UnitOfWork, session_id: int) -> tuple[SessionRecord, dict[str, Any]]:
    row = u.sessions.find_session(session_id)
    if row is None:
        raise SessionNotFound(session_id)
    return row, u.sessions.get_routine(row.routine_id)


def _running(u: UnitOfWork, session_id: int) -> tuple[SessionRecord, dict[str, Any]]:
    """Refuse to change a session that is not this person's or has ended (a late cue)."""
    row, plan = _find(u, session_id)
    if row.status.ended:
        raise SessionEnded(session_id, row.status)
    return row, plan


def _seconds(name: str, value: float | None, plan: dict[str, Any]) -> float | None:
    return None if value is None else check_seconds(name, value, total_s=float(plan["total_s"]))


# --- during ------------------------------------------------------------------------------------


def record_cue(
    *,
    uow: UowFactory,
    catalogue: Catalogue,
    session_id: int,
    cue_index: int,
    elapsed_s: float,
    at: datetime,
    position_s: float | None = None,
) -> Cue:
    """Log cue ``cue_index`` as shown at timeline offset ``position_s`` (default: its planned
    offset) and move the session's bookmark past it. Call it *before* showing the cue."""
    with uow() as u:
        row, plan = _running(u, session_id)
        cues = build_timeline(routine_from_dict(catalogue, plan)).cues
        if isinstance(cue_index, bool) or not 0 <= cue_index < len(cues):
            raise InvalidInput(f"This session has {len(cues)} cues, numbered from 0.")
        cue = cues[cue_index]
        elapsed = _seconds("elapsed_s", elapsed_s, plan)
        position = _seconds("position_s", position_s, plan)
        u.sessions.add_event(
            session_id,
            at=at,
            kind=EventKind.for_cue(cue.kind),
            exercise_id=cue.exercise_id,
            step=cue.step,
            planned_s=cue.planned_s,
            actual_s=round(cue.planned_s if position is None else position, 4),
            detail={"cue": cue.index, "side": cue.side},
        )
        u.sessions.save_progress(
            session_id, cue_index=max(row.cue_index, cue.index + 1), elapsed_s=elapsed or 0.0
        )
        u.commit()
    return cue


def _log(
    uow: UowFactory,
    session_id: int,
    kind: EventKind,
    *,
    at: datetime,
    elapsed_s: float | None,
    position_s: float | None = None,
    exercise_id: str | None = None,
) -> None:
    """An event a person caused; the session's active seconds are kept up to date too."""
    with uow() as u:
        _, plan = _running(u, session_id)
        elapsed = _seconds("elapsed_s", elapsed_s, plan)
        position = _seconds("position_s", position_s, plan)
        detail = None if position is None else {"position_s": round(position, 3)}
        u.sessions.add_event(
            session_id, at=at, kind=kind, exercise_id=exercise_id, actual_s=elapsed, detail=detail
        )
        if elapsed is not None:
            u.sessions.save_elapsed(session_id, elapsed_s=elapsed)
        u.commit()


def pause(
    *, uow: UowFactory, session_id: int, at: datetime, elapsed_s: float,
    position_s: float | None = None, exercise_id: str | None = None,
) -> None:  # fmt: skip
    _log(uow, session_id, EventKind.PAUSE, at=at, elapsed_s=elapsed_s, position_s=position_s,
         exercise_id=exercise_id)  # fmt: skip


def resume(
    *, uow: UowFactory, session_id: int, at: datetime, elapsed_s: float,
    position_s: float | None = None, reopened: bool = False,
) -> None:  # fmt: skip
    """Go on after a pause; ``reopened``: carrying on a stored session (resume, reload)."""
    kind = EventKind.RESUME_SESSION if reopened else EventKind.RESUME
    _log(uow, session_id, kind, at=at, elapsed_s=elapsed_s, position_s=position_s)


def skip(
    *, uow: UowFactory, session_id: int, at: datetime, elapsed_s: float, whole_exercise: bool,
    position_s: float | None = None, exercise_id: str | None = None,
) -> None:  # fmt: skip
    kind = EventKind.SKIP_EXERCISE if whole_exercise else EventKind.SKIP_STEP
    _log(uow, session_id, kind, at=at, elapsed_s=elapsed_s, position_s=position_s,
         exercise_id=exercise_id)  # fmt: skip


def leave(*, uow: UowFactory, session_id: int, at: datetime, elapsed_s: float) -> None:
    """Stop for now, to carry on later: the session stays unfinished (``--resume``)."""
    _log(uow, session_id, EventKind.QUIT, at=at, elapsed_s=elapsed_s)


def stop_for_pain(
    *,
    uow: UowFactory,
    session_id: int,
    report: PainReport,
    exercise_id: str | None,
    at: datetime,
    elapsed_s: float | None = None,
) -> PainStop:
    """'This hurts': the safety rules decide and the report is stored; a decision that asks
    for a new check ends the session (``stopped``, reason ``pain``), all in one transaction."""
    from unkink.services import safety

    with uow() as u:
        row, plan = _running(u, session_id)
        if exercise_id is not None and exercise_id not in {e["id"] for e in plan["exercises"]}:
            raise InvalidInput(f"'{exercise_id}' is not in this session.")
        elapsed = _seconds("elapsed_s", elapsed_s, plan)
        decision = safety.record_pain(
            uow=u,
            report=report, now=at, session_id=session_id, exercise_id=exercise_id,
        )  # fmt: skip
        u.sessions.add_event(
            session_id, at=at, kind=EventKind.PAIN, exercise_id=exercise_id, actual_s=elapsed,
            detail={"score": report.score, "action": str(decision.action)},
        )  # fmt: skip
        end = None
        if decision.action.rescreen:
            end = _end(u, row, plan, reached_end=False, reason=StopReason.PAIN,
                       elapsed_s=elapsed, at=at)  # fmt: skip
        elif elapsed is not None:
            u.sessions.save_elapsed(session_id, elapsed_s=elapsed)
        u.commit()
    return PainStop(decision, end)


# --- the end and after -------------------------------------------------------------------------


def _end(
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


def finish(
    *,
    uow: UowFactory,
    session_id: int,
    reached_end: bool,
    at: datetime,
    elapsed_s: float | None = None,
    reason: StopReason | None = None,
) -> SessionEnd:
    """End a session. ``reached_end``: the routine played to its last cue; the status rule
    (``domain.session.status.end_status``) decides completed or stopped. ``elapsed_s``:
    active seconds (default: the last stored value)."""
    with uow() as u:
        row, plan = _running(u, session_id)
        elapsed = _seconds("elapsed_s", elapsed_s, plan)
        end = _end(u, row, plan, reached_end=reached_end, reason=reason, elapsed_s=elapsed, at=at)
        u.commit()
    return end


def rate(
    *,
    uow: UowFactory,
    session_id: int,
    moment: Moment | str,
    stiffness: int | None,
    pain: int | None,
    at: datetime,
) -> None:
    """Stiffness and pain, 0-10: before (while it runs), after or next morning (once ended)."""
    try:
        moment = Moment(moment)
    except ValueError:
        raise InvalidInput(
            f"A rating is for {', '.join(m.value for m in Moment)}, not '{moment}'."
        ) from None
    stiffness, pain = check_score("stiffness", stiffness), check_score("pain", pain)
    if stiffness is None and pain is None:
        raise InvalidInput("Give stiffness, pain or both (0 to 10).")
    with uow() as u:
        row, _ = _find(u, session_id)
        if not rating_allowed(moment, row.status):
            raise RatingNotNow(moment, row.status)
        u.sessions.add_rating(session_id, moment=moment, stiffness=stiffness, pain=pain, at=at)
        u.commit()


def record_helped_most(
    *, uow: UowFactory, session_id: int, exercise_id: str | None, at: datetime
) -> None:
    """Which stretch helped most (None: none or not sure), once the session has ended."""
    with uow() as u:
        row, plan = _find(u, session_id)
        if not row.status.ended:
            raise Conflict("Say which stretch helped most once the session has ended.")
        if exercise_id is not None and exercise_id not in {e["id"] for e in plan["exercises"]}:
            raise InvalidInput(f"'{exercise_id}' was not in this session.")
        u.sessions.set_helped_most(session_id, exercise_id)
        if exercise_id is not None:
            u.sessions.add_feedback(session_id, exercise_id=exercise_id, helped=True, at=at)
        u.commit()
