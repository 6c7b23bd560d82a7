"""Guided-session use cases, part two: what happens during a session (the end and after are
in ``session_after``, re-exported here, so a player needs this one module).

Each cue, pause, skip, rating, pain stop and the end is written as it happens, in its own
transaction, by the one function for it; the terminal, the web API and the reminder only
translate. Every write checks that the session is this person's (the repository is bound to
the profile) and that its state accepts the write: cues, pauses and skips only while it runs;
a "before" rating only while it runs; "after" and "next morning" ratings and "helped most"
only once it has ended. Numbers are bounded by what they mean (``domain.session.status``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from unkink.domain.errors import InvalidInput
from unkink.domain.session.routines import routine_from_dict
from unkink.domain.session.status import EventKind, StopReason
from unkink.domain.session.timeline import Cue, build_timeline
from unkink.services.session_after import RatingNotNow, finish, rate, record_helped_most
from unkink.services.session_guard import SessionEnd, lend, running, seconds
from unkink.services.session_guard import end as end_session

__all__ = [
    "PainStop",
    "RatingNotNow",
    "SessionEnd",
    "finish",
    "leave",
    "pause",
    "rate",
    "record_cue",
    "record_helped_most",
    "resume",
    "skip",
    "stop_for_pain",
]

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.safety.pain import PainDecision, PainReport
    from unkink.services.ports import UowFactory


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
        row, plan = running(u, session_id)
        cues = build_timeline(routine_from_dict(catalogue, plan)).cues
        if isinstance(cue_index, bool) or not 0 <= cue_index < len(cues):
            raise InvalidInput(f"This session has {len(cues)} cues, numbered from 0.")
        cue = cues[cue_index]
        elapsed = seconds("elapsed_s", elapsed_s, plan)
        position = seconds("position_s", position_s, plan)
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
        _, plan = running(u, session_id)
        elapsed = seconds("elapsed_s", elapsed_s, plan)
        position = seconds("position_s", position_s, plan)
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
        row, plan = running(u, session_id)
        if exercise_id is not None and exercise_id not in {e["id"] for e in plan["exercises"]}:
            raise InvalidInput(f"'{exercise_id}' is not in this session.")
        elapsed = seconds("elapsed_s", elapsed_s, plan)
        decision = safety.record_pain(
            uow=lend(u),
            report=report, now=at, session_id=session_id, exercise_id=exercise_id,
        )  # fmt: skip
        u.sessions.add_event(
            session_id, at=at, kind=EventKind.PAIN, exercise_id=exercise_id, actual_s=elapsed,
            detail={"score": report.score, "action": str(decision.action)},
        )  # fmt: skip
        end = None
        if decision.action.rescreen:
            end = end_session(u, row, plan, reached_end=False, reason=StopReason.PAIN,
                       elapsed_s=elapsed, at=at)  # fmt: skip
        elif elapsed is not None:
            u.sessions.save_elapsed(session_id, elapsed_s=elapsed)
        u.commit()
    return PainStop(decision, end)
