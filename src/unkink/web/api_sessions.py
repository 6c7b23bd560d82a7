"""Guided-session endpoints: plan, start, each cue and event as it happens, ratings, pain, end.

The timeline is the one ``unkink start`` plays (``services.sessions`` builds it); the browser
only counts it down. The safety gate and the person's precautions come from the service the
CLI uses too (``services.safety.gate_and_precautions``); ``gentle_only`` narrows the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, ConfigDict, Field

from unkink.web.deps import AppDep

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.domain.safety.precautions import Precautions
    from unkink.domain.session.planner import PlanRequest
    from unkink.domain.session.routines import Routine
    from unkink.services.sessions import HistoryEntry, ResumeState

router = APIRouter(prefix="/api", tags=["sessions"])

Score = Annotated[int, Field(ge=0, le=10)]
SessionId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Seconds = Annotated[float, Field(ge=0, le=24 * 3600)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanIn(Strict):
    area: Literal["upper", "lower", "whole"] = "whole"
    where: Literal["desk", "floor"] = "floor"
    minutes: Annotated[float, Field(ge=1, le=60)] = 10
    exclude: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, max_length=20)


class PlanOut(BaseModel):
    routine: dict[str, Any]
    gentle_only: bool
    gate_reason: str


class StartOut(BaseModel):
    id: int
    url: str


class CueIn(Strict):
    index: Annotated[int, Field(ge=0, le=100_000)]
    position_s: Seconds | None = None
    elapsed_s: Seconds


class EventIn(Strict):
    kind: Literal["pause", "resume", "skip", "resume_session"] = Field(
        description="resume_session: carrying on a session after a reload or a closed tab."
    )
    position_s: Seconds | None = None
    elapsed_s: Seconds


class RatingIn(Strict):
    moment: Literal["before", "after", "next_morning"]
    stiffness: Score | None = None
    pain: Score | None = None


class PainIn(Strict):
    score: Score
    exercise_id: Annotated[str, Field(max_length=60)] | None = None
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
    signs: list[str]


class FinishIn(Strict):
    elapsed_s: Seconds | None = Field(
        default=None, description="Active seconds; empty: the last recorded value."
    )
    position_s: Seconds | None = None
    completed: bool = True
    reason: Literal["quit", "pain", "skipped_all"] | None = None


class HelpedIn(Strict):
    exercise_id: Annotated[str, Field(max_length=60)] | None = None


class SessionOut(BaseModel):
    session_id: int
    status: str
    position_s: float
    elapsed_s: float
    cue_index: int
    timeline: dict[str, Any]
    names: dict[str, str]
    routine: dict[str, Any]


# --- reading helpers, shared with pages.py ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanDecision:
    allowed: bool
    gentle_only: bool
    reason: str
    next_step: str
    precautions: Precautions | None


def gate_for_session(app: App) -> PlanDecision:
    """The CLI's rule: the gate first; then precautions; gentle_only narrows the plan."""
    from unkink.services.safety import gate_and_precautions

    gate, precautions = gate_and_precautions(
        uow=app.uow, today=app.today(), exercises=app.catalogue
    )
    return PlanDecision(gate.allowed, gate.gentle_only, gate.reason, gate.next_step, precautions)


def plan_request(body: PlanIn, *, gentle_only: bool) -> PlanRequest:
    from unkink.domain.session.planner import parse_request

    return parse_request(
        area=body.area,
        where=body.where,
        minutes=body.minutes,
        exclude=body.exclude,
        gentle_only=gentle_only,
    )


def preview_routine(app: App, body: PlanIn) -> tuple[PlanDecision, Routine | None]:
    """What ``unkink plan`` would plan, without storing it (for the Plan and Home pages)."""
    from unkink.domain.session.planner import plan_routine

    decision = gate_for_session(app)
    if not decision.allowed or decision.precautions is None:
        return decision, None
    request = plan_request(body, gentle_only=decision.gentle_only)
    return decision, plan_routine(app.catalogue, request, precautions=decision.precautions)


def running_state(app: App, session_id: int) -> ResumeState | None:
    """The resume point of this session if it is the one unfinished session, else None."""
    from unkink.services.sessions import resume_state

    state = resume_state(uow=app.uow, catalogue=app.catalogue)
    return state if state is not None and state.session_id == session_id else None


def find_session(app: App, session_id: int) -> HistoryEntry:
    from unkink.services.sessions import history_entry

    return history_entry(uow=app.uow, session_id=session_id)


def session_out(app: App, state: ResumeState) -> SessionOut:
    return SessionOut(
        session_id=state.session_id,
        status="running",
        position_s=state.position_s,
        elapsed_s=state.elapsed_s,
        cue_index=state.cue_index,
        timeline=state.timeline.as_dict(),
        names={i.exercise.id: i.exercise.name for i in state.routine.items},
        routine=state.routine.as_dict(),
    )


def _running(app: App, session_id: int) -> ResumeState:
    state = running_state(app, session_id)
    if state is None:
        find_session(app, session_id)  # 404 if it does not exist at all
        raise HTTPException(409, "This session has ended.")
    return state


# --- routes -------------------------------------------------------------------------------------


@router.post("/plans", summary="Plan a routine (as 'unkink plan'), respecting the safety gate")
def plan(body: PlanIn, app: AppDep) -> PlanOut:
    from unkink.services import sessions

    decision = gate_for_session(app)
    if not decision.allowed or decision.precautions is None:
        raise HTTPException(409, decision.reason)
    request = plan_request(body, gentle_only=decision.gentle_only)
    planned = sessions.plan(
        uow=app.uow,
        catalogue=app.catalogue,
        request=request,
        now=app.now(),
        precautions=decision.precautions,
    )
    return PlanOut(
        routine={"routine_id": planned.routine_id, **planned.routine.as_dict()},
        gentle_only=decision.gentle_only,
        gate_reason=decision.reason,
    )


@router.post("/sessions", summary="Plan and start a session (as 'unkink start')", status_code=201)
def start(body: PlanIn, app: AppDep) -> StartOut:
    from unkink.services import sessions

    planned = plan(body, app)
    started = sessions.start_session(
        uow=app.uow,
        catalogue=app.catalogue,
        routine_id=planned.routine["routine_id"],
        now=app.now(),
    )
    return StartOut(id=started.session_id, url=f"/session/{started.session_id}")


@router.get("/sessions/{session_id}", summary="A running session's timeline and resume point")
def get_session(session_id: SessionId, app: AppDep) -> SessionOut:
    return session_out(app, _running(app, session_id))


@router.post("/sessions/{session_id}/cues", summary="A cue was shown", status_code=204)
def record_cue(session_id: SessionId, body: CueIn, app: AppDep) -> None:
    from unkink.services import sessions

    state = _running(app, session_id)
    if body.index >= len(state.timeline.cues):
        raise HTTPException(422, f"This session has {len(state.timeline.cues)} cues.")
    sessions.record_cue(
        uow=app.uow,
        session_id=session_id,
        cue=state.timeline.cues[body.index],
        actual_s=body.elapsed_s,
        elapsed_s=body.elapsed_s,
        at=app.now(),
    )


@router.post("/sessions/{session_id}/events", summary="Pause, resume or skip", status_code=204)
def record_event(session_id: SessionId, body: EventIn, app: AppDep) -> None:
    from unkink.services import sessions

    _running(app, session_id)
    kind = "skip_exercise" if body.kind == "skip" else body.kind
    sessions.record_event(
        uow=app.uow,
        session_id=session_id,
        kind=kind,
        at=app.now(),
        elapsed_s=body.elapsed_s,
        detail={"position_s": body.position_s} if body.position_s is not None else None,
    )


@router.post("/sessions/{session_id}/ratings", summary="Stiffness and pain, 0-10", status_code=204)
def record_rating(session_id: SessionId, body: RatingIn, app: AppDep) -> None:
    from unkink.services import sessions

    find_session(app, session_id)
    if body.stiffness is None and body.pain is None:
        raise HTTPException(422, "Give stiffness, pain or both (0 to 10).")
    sessions.record_rating(
        uow=app.uow,
        session_id=session_id,
        moment=body.moment,
        stiffness=body.stiffness,
        pain=body.pain,
        at=app.now(),
    )


@router.post("/sessions/{session_id}/pain", summary="'This hurts': what to do now")
def record_pain(session_id: SessionId, body: PainIn, app: AppDep) -> PainOut:
    from unkink.domain.safety.pain import PainReport
    from unkink.services import sessions

    state = _running(app, session_id)
    if body.exercise_id is not None and body.exercise_id not in {
        i.exercise.id for i in state.routine.items
    }:
        raise HTTPException(422, f"'{body.exercise_id}' is not in this session.")
    report = PainReport(**body.model_dump(exclude={"exercise_id"}))
    now = app.now()
    decision = sessions.record_pain(
        uow=app.uow, session_id=session_id, report=report, exercise_id=body.exercise_id, at=now
    )
    if decision.action.rescreen:
        sessions.end_session(
            uow=app.uow,
            session_id=session_id,
            completed=False,
            reason="pain",
            elapsed_s=state.elapsed_s,
            at=now,
        )
    return PainOut(
        action=str(decision.action),
        message=decision.message,
        rescreen=decision.action.rescreen,
        signs=list(decision.signs),
    )


@router.post("/sessions/{session_id}/finish", summary="End the session", status_code=204)
def finish(session_id: SessionId, body: FinishIn, app: AppDep) -> None:
    from unkink.services import sessions

    state = _running(app, session_id)
    sessions.end_session(
        uow=app.uow,
        session_id=session_id,
        completed=body.completed,
        reason=None if body.completed else (body.reason or "quit"),
        elapsed_s=state.elapsed_s if body.elapsed_s is None else body.elapsed_s,
        at=app.now(),
    )


@router.post("/sessions/{session_id}/helped", summary="Which stretch helped most", status_code=204)
def helped_most(session_id: SessionId, body: HelpedIn, app: AppDep) -> None:
    from unkink.services import sessions

    entry = find_session(app, session_id)
    if body.exercise_id is not None and body.exercise_id not in entry.exercises:
        raise HTTPException(422, f"'{body.exercise_id}' was not in this session.")
    sessions.record_helped_most(
        uow=app.uow, session_id=session_id, exercise_id=body.exercise_id, at=app.now()
    )


@router.get("/history", summary="Past sessions, newest first (as 'unkink history --json')")
def get_history(app: AppDep) -> list[dict[str, Any]]:
    from unkink.services.sessions import history

    return [e.as_dict() for e in history(uow=app.uow, limit=500)]
