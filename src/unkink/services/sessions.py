"""Guided-session use cases, part one: plan (gate + precautions + plan) and start.

The terminal, the web app and the reminder daemon call these and only translate. Every
function takes keyword-only arguments, including a unit-of-work *factory* (``uow=app.uow``,
see ``services.ports``), and commits its own short transaction. What happens *during* and
*after* a session (cues, pauses, skips, ratings, pain stops, the end) is in
``services.session_log``; carrying on an unfinished one in ``services.session_resume``.
Results are frozen dataclasses with typed fields.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from unkink.domain.errors import Conflict, InvalidInput, PlanTooLong
from unkink.domain.session.planner import PlanRequest
from unkink.domain.session.routines import Routine, routine_from_dict
from unkink.domain.session.status import EventKind, StopReason
from unkink.services.plan_memo import planned
from unkink.services.session_guard import SessionEnded, SessionNotFound, gate_for, needs_check

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.safety.gate import Gate
    from unkink.domain.safety.precautions import Precautions
    from unkink.domain.session.timeline import Timeline
    from unkink.services.ports import UowFactory
    from unkink.services.session_history import (
        HISTORY_PAGE,
        HistoryEntry,
        HistoryPage,
        history,
        history_entry,
        history_overview,
        history_page,
        history_since,
        recent_history,
    )
    from unkink.services.session_resume import (
        ResumeState,
        resume_state,
        running_session,
        session_state,
    )


class SessionBlocked(Conflict):
    """The safety gate is closed: no session now. ``plan`` says why and what to do next."""

    def __init__(self, plan: SessionPlan) -> None:
        self.plan = plan
        super().__init__(f"{plan.reason}\nNext step: {plan.next_step}.")


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """The gate's answer, the person's precautions, and the plan they shape, in one value."""

    gate: Gate
    needs_check: bool
    """The next step is the safety questions (the terminal offers them right away)."""
    routine: Routine | None = None
    routine_id: int | None = None
    """Set once stored (``plan``); a preview is not stored."""
    problem: str = ""
    """Why the planner could not fit this request (a preview only; ``plan`` raises)."""
    shortened_to: int | None = None
    """Set when ``fit`` planned fewer minutes than asked: the longest that fits, in minutes."""

    @property
    def allowed(self) -> bool:
        return self.gate.allowed

    @property
    def gentle_only(self) -> bool:
        return self.gate.gentle_only

    @property
    def reason(self) -> str:
        return self.gate.reason

    @property
    def next_step(self) -> str:
        """The next step in words, for display; decide by ``needs_check`` (or the gate's step)."""
        return self.gate.next_step


@dataclass(frozen=True, slots=True)
class StartedSession:
    session_id: int
    routine_id: int
    routine: Routine
    timeline: Timeline


# --- plan --------------------------------------------------------------------------------------


def session_gate(*, uow: UowFactory, catalogue: Catalogue, today: date) -> SessionPlan:
    """May a session go ahead now (a new one, or carrying on an unfinished one)?"""
    with uow() as u:
        gate, _ = gate_for(u, catalogue=catalogue, today=today)
    return SessionPlan(gate, needs_check(gate))


def preview_plan(
    *,
    uow: UowFactory,
    catalogue: Catalogue,
    request: PlanRequest,
    today: date,
    fit: bool = False,
) -> SessionPlan:
    """What ``plan`` would plan, not stored: for the Plan and Home pages and for previews.

    A closed gate gives no routine; a request the planner cannot fit gives ``problem``.
    ``fit``: see ``plan``."""
    with uow() as u:
        gate, precautions = gate_for(u, catalogue=catalogue, today=today)
    decided = SessionPlan(gate, needs_check(gate))
    if precautions is None:
        return decided
    try:
        routine, shortened = _fitting(
            catalogue, replace(request, gentle_only=gate.gentle_only), precautions, fit=fit
        )
    except InvalidInput as exc:
        return replace(decided, problem=str(exc))
    return replace(decided, routine=routine, shortened_to=shortened)


def _fitting(
    catalogue: Catalogue, request: PlanRequest, precautions: Precautions, *, fit: bool
) -> tuple[Routine, int | None]:
    """The plan, and the minutes it was shortened to when ``fit`` had to (else None)."""
    try:
        return planned(catalogue, request, precautions), None
    except PlanTooLong as too_long:
        if not fit or too_long.most_minutes < 1:
            raise
        shorter = replace(request, minutes=float(too_long.most_minutes))
        return planned(catalogue, shorter, precautions), too_long.most_minutes


def plan(
    *,
    uow: UowFactory,
    catalogue: Catalogue,
    request: PlanRequest,
    now: datetime,
    fit: bool = False,
) -> SessionPlan:
    """Ask the gate, plan within the person's precautions, and store the routine.

    Raises ``SessionBlocked`` when the gate is closed and ``PlanError`` when nothing fits.
    ``fit``: the minutes are only the usual length, not a number the person chose, so a
    request longer than any routine for that area and place plans the longest that fits
    (``shortened_to`` says so) instead of failing."""
    with uow() as u:
        gate, precautions = gate_for(u, catalogue=catalogue, today=now.date())
        decided = SessionPlan(gate, needs_check(gate))
        if precautions is None:
            raise SessionBlocked(decided)
        request = replace(request, gentle_only=gate.gentle_only)
        routine, shortened = _fitting(catalogue, request, precautions, fit=fit)
        u.ensure_profile(now=now)
        routine_id = u.sessions.add_routine(plan=routine.as_dict(), created_at=now)
        u.commit()
    return replace(decided, routine=routine, routine_id=routine_id, shortened_to=shortened)


def start_session(
    *, uow: UowFactory, catalogue: Catalogue, routine_id: int, now: datetime
) -> StartedSession:
    """Start a stored routine. An unfinished session is closed (``not_resumed``) first."""
    from unkink.domain.session.timeline import build_timeline

    with uow() as u:
        routine = routine_from_dict(catalogue, u.sessions.get_routine(routine_id))
        u.sessions.stop_running(reason=StopReason.NOT_RESUMED, at=now)
        session_id = u.sessions.add_session(routine_id=routine_id, started_at=now)
        u.sessions.add_event(session_id, at=now, kind=EventKind.START)
        u.commit()
    return StartedSession(session_id, routine_id, routine, build_timeline(routine))


def plan_and_start(
    *,
    uow: UowFactory,
    catalogue: Catalogue,
    request: PlanRequest,
    now: datetime,
    fit: bool = False,
) -> tuple[SessionPlan, StartedSession]:
    """``unkink start``, ``POST /api/sessions`` and a reminder's chair routine."""
    planned = plan(uow=uow, catalogue=catalogue, request=request, now=now, fit=fit)
    assert planned.routine_id is not None
    started = start_session(uow=uow, catalogue=catalogue, routine_id=planned.routine_id, now=now)
    return planned, started


# --- resume and history: their modules' names in __all__, imported on first use (not by plan)
_RESUME = ("ResumeState", "resume_state", "running_session", "session_state")


def __getattr__(name: str) -> object:
    if name in _RESUME:
        from unkink.services import session_resume

        return getattr(session_resume, name)
    if name in __all__:
        from unkink.services import session_history

        return getattr(session_history, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "HISTORY_PAGE",
    "HistoryEntry",
    "HistoryPage",
    "ResumeState",
    "SessionBlocked",
    "SessionEnded",
    "SessionNotFound",
    "SessionPlan",
    "StartedSession",
    "history",
    "history_entry",
    "history_overview",
    "history_page",
    "history_since",
    "plan",
    "plan_and_start",
    "preview_plan",
    "recent_history",
    "resume_state",
    "running_session",
    "session_gate",
    "session_state",
    "start_session",
]
