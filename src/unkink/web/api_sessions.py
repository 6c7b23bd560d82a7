"""Guided-session endpoints: plan, start, each cue and event as it happens, ratings, pain, end.

Each route parses its body, calls the one session service for its use case
(``services.sessions`` / ``services.session_log``, as ``unkink start`` does) and shapes the
answer. No rule lives here: the gate, the bounds on every number, which state accepts which
write and when a pain stop ends the session are the services' decisions.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field, StrictInt

from unkink.domain.session.status import Moment, StopReason
from unkink.web.deps import AppDep
from unkink.web.session_data import (
    PlanIn,
    SessionId,
    SessionOut,
    Strict,
    plan_request,
    session_out,
)

router = APIRouter(prefix="/api", tags=["sessions"])

Score = Annotated[StrictInt, Field(ge=0, le=10)]
Seconds = Annotated[float, Field(ge=0, le=24 * 3600, allow_inf_nan=False)]


class PlanOut(BaseModel):
    routine: dict[str, Any]
    gentle_only: bool
    gate_reason: str


class StartOut(BaseModel):
    id: int
    url: str


class CueIn(Strict):
    index: Annotated[StrictInt, Field(ge=0, le=100_000)]
    position_s: Seconds | None = Field(
        default=None, description="Timeline offset when the cue was shown (default: planned)."
    )
    elapsed_s: Seconds


class EventIn(Strict):
    kind: Literal["pause", "resume", "skip", "skip_step", "resume_session"] = Field(
        description="skip: the rest of this exercise; resume_session: carrying on a session "
        "after a reload or a closed tab."
    )
    position_s: Seconds | None = None
    elapsed_s: Seconds


class RatingIn(Strict):
    moment: Moment = Field(strict=False)  # an enum: its value as a string is the point
    stiffness: Score | None = None
    pain: Score | None = None


class PainIn(Strict):
    score: Score
    exercise_id: Annotated[str, Field(max_length=60)] | None = None
    elapsed_s: Seconds | None = None
    sharp_or_catching: bool = False
    spreads_down_leg: bool = False
    new_numbness_or_weakness: bool = False
    dizziness_or_faint: bool = False
    chest_pain_or_breathless: bool = False
    warning_symptoms: bool = False


class PainOut(BaseModel):
    action: str
    message: str
    rescreen: bool
    ended: bool
    skip_exercise: bool
    status: str
    signs: list[str]


class FinishIn(Strict):
    elapsed_s: Seconds | None = Field(
        default=None, description="Active seconds; empty: the last recorded value."
    )
    position_s: Seconds | None = None
    completed: bool = Field(
        default=True,
        description="The routine played to its end. The server decides the status: most of "
        "it skipped is 'stopped' (skipped_most), not 'completed'.",
    )
    reason: Literal["quit", "pain", "skipped_all", "skipped_most"] | None = None


class FinishOut(BaseModel):
    status: str
    reason: str | None
    minutes_done: float


class HelpedIn(Strict):
    exercise_id: Annotated[str, Field(max_length=60)] | None = None


# --- routes -------------------------------------------------------------------------------------


@router.post("/plans", summary="Plan a routine (as 'unkink plan'), respecting the safety gate")
def plan(body: PlanIn, app: AppDep) -> PlanOut:
    from unkink.services import sessions

    planned = sessions.plan(
        uow=app.uow, catalogue=app.catalogue, request=plan_request(body), now=app.now()
    )
    assert planned.routine is not None
    return PlanOut(
        routine={"routine_id": planned.routine_id, **planned.routine.as_dict()},
        gentle_only=planned.gentle_only,
        gate_reason=planned.reason,
    )


@router.post("/sessions", summary="Plan and start a session (as 'unkink start')", status_code=201)
def start(body: PlanIn, app: AppDep) -> StartOut:
    from unkink.services import sessions

    _, started = sessions.plan_and_start(
        uow=app.uow, catalogue=app.catalogue, request=plan_request(body), now=app.now()
    )
    return StartOut(id=started.session_id, url=f"/session/{started.session_id}")


@router.get("/sessions/{session_id}", summary="A running session's timeline and resume point")
def get_session(session_id: SessionId, app: AppDep) -> SessionOut:
    from unkink.services.sessions import running_session

    return session_out(running_session(uow=app.uow, catalogue=app.catalogue, session_id=session_id))


@router.post("/sessions/{session_id}/cues", summary="A cue was shown", status_code=204)
def record_cue(session_id: SessionId, body: CueIn, app: AppDep) -> None:
    from unkink.services import session_log

    session_log.record_cue(
        uow=app.uow, catalogue=app.catalogue, session_id=session_id, cue_index=body.index,
        position_s=body.position_s, elapsed_s=body.elapsed_s, at=app.now(),
    )  # fmt: skip


@router.post("/sessions/{session_id}/events", summary="Pause, resume or skip", status_code=204)
def record_event(session_id: SessionId, body: EventIn, app: AppDep) -> None:
    from unkink.services import session_log

    at, elapsed, position = app.now(), body.elapsed_s, body.position_s
    if body.kind == "pause":
        session_log.pause(
            uow=app.uow, session_id=session_id, at=at, elapsed_s=elapsed, position_s=position
        )
    elif body.kind in ("resume", "resume_session"):
        session_log.resume(
            uow=app.uow, session_id=session_id, at=at, elapsed_s=elapsed, position_s=position,
            reopened=body.kind == "resume_session",
        )  # fmt: skip
    else:
        session_log.skip(
            uow=app.uow, session_id=session_id, at=at, elapsed_s=elapsed, position_s=position,
            whole_exercise=body.kind == "skip",
        )  # fmt: skip


@router.post("/sessions/{session_id}/ratings", summary="Stiffness and pain, 0-10", status_code=204)
def record_rating(session_id: SessionId, body: RatingIn, app: AppDep) -> None:
    from unkink.services import session_log

    session_log.rate(
        uow=app.uow, session_id=session_id, moment=body.moment, stiffness=body.stiffness,
        pain=body.pain, at=app.now(),
    )  # fmt: skip


@router.post("/sessions/{session_id}/pain", summary="'This hurts': what to do now")
def record_pain(session_id: SessionId, body: PainIn, app: AppDep) -> PainOut:
    from unkink.domain.safety.pain import PainReport
    from unkink.services import session_log

    report = PainReport(**body.model_dump(exclude={"exercise_id", "elapsed_s"}))
    stop = session_log.stop_for_pain(
        uow=app.uow, session_id=session_id, report=report, exercise_id=body.exercise_id,
        elapsed_s=body.elapsed_s, at=app.now(),
    )  # fmt: skip
    return PainOut(
        action=str(stop.decision.action),
        message=stop.decision.message,
        rescreen=stop.decision.action.rescreen,
        ended=stop.ended,
        skip_exercise=stop.skip_exercise,
        status=str(stop.end.status) if stop.end else "running",
        signs=list(stop.decision.signs),
    )


@router.post("/sessions/{session_id}/finish", summary="End the session")
def finish(session_id: SessionId, body: FinishIn, app: AppDep) -> FinishOut:
    from unkink.services import session_log

    end = session_log.finish(
        uow=app.uow, session_id=session_id, reached_end=body.completed,
        reason=StopReason(body.reason) if body.reason else None,
        elapsed_s=body.elapsed_s, at=app.now(),
    )  # fmt: skip
    return FinishOut(
        status=str(end.status),
        reason=None if end.reason is None else str(end.reason),
        minutes_done=round(end.done_s / 60, 1),
    )


@router.post("/sessions/{session_id}/helped", summary="Which stretch helped most", status_code=204)
def helped_most(session_id: SessionId, body: HelpedIn, app: AppDep) -> None:
    from unkink.services import session_log

    session_log.record_helped_most(
        uow=app.uow, session_id=session_id, exercise_id=body.exercise_id, at=app.now()
    )
