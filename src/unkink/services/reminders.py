"""Desk-break reminder use cases, for the reminder daemon, ``unkink remind`` and ``unkink today``.

The daemon is a third front end: it calls these functions (through a short-lived worker
process, so the always-on process stays small) and never decides safety itself.

Every function takes keyword-only arguments and a unit-of-work *factory* (``uow=app.uow``),
opens its own transaction and commits it, as ``services.sessions`` does.

This module is the ONLY place the reminder reaches into the session services, and it asks
the safety gate only through them: ``sessions.plan`` (raises ``SessionBlocked`` when the gate
is closed), ``preview_plan``, ``session_gate``, ``start_session`` / ``plan_and_start`` and
``history``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import InvalidInput, PlanError
from unkink.domain.exercises import Place
from unkink.domain.reminders.days import BreakDay, ReminderRecord, break_days
from unkink.domain.safety.gate import GateStep

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.services import ports
    from unkink.services.sessions import StartedSession
    from unkink.storage.adapters import AnyUnitOfWork

UowFactory = Callable[[], "AnyUnitOfWork"]
CHAIR_MINUTES = 2.0
FLOOR_MINUTES = 10.0
LATER_SHOWN = 3


class UnknownReminderEvent(InvalidInput):
    def __init__(self, kind: str, kinds: Iterable[str]) -> None:
        super().__init__(f"'{kind}' is not a reminder event. Use one of {', '.join(kinds)}.")


class NoRoutine(StrEnum):
    """Why a reminder offers no routine."""

    GATE_CLOSED = "gate_closed"
    NOTHING_FITS = "nothing_fits"


@dataclass(frozen=True, slots=True)
class BreakOffer:
    """What the reminder offers: a stored chair routine, or what to do instead."""

    routine_id: int | None
    exercises: tuple[str, ...] = ()
    """Names of the chair stretches, in order."""
    total_s: float = 0.0
    gentle_only: bool = False
    no_routine: NoRoutine | None = None
    gate_step: GateStep | None = None
    """The gate's typed next step: what a closed-gate reminder says is chosen by it."""
    reason: str = ""
    next_step: str = ""
    later: tuple[str, ...] = ()
    """Names of floor stretches queued for later today."""
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "routine_id": self.routine_id,
            "exercises": list(self.exercises),
            "total_s": self.total_s,
            "gentle_only": self.gentle_only,
            "no_routine": str(self.no_routine) if self.no_routine else None,
            "gate_step": str(self.gate_step) if self.gate_step else None,
            "reason": self.reason,
            "next_step": self.next_step,
            "later": list(self.later),
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BreakOffer:
        return cls(
            routine_id=data.get("routine_id"),
            exercises=tuple(data.get("exercises", ())),
            total_s=float(data.get("total_s", 0.0)),
            gentle_only=bool(data.get("gentle_only")),
            no_routine=NoRoutine(data["no_routine"]) if data.get("no_routine") else None,
            gate_step=GateStep(data["gate_step"]) if data.get("gate_step") else None,
            reason=str(data.get("reason", "")),
            next_step=str(data.get("next_step", "")),
            later=tuple(data.get("later", ())),
            notes=tuple(data.get("notes", ())),
        )


def offer_break(
    *,
    uow: UowFactory,
    catalogue: Catalogue,
    now: datetime,
    sitting_s: float | None = None,
    minutes: float = CHAIR_MINUTES,
) -> BreakOffer:
    """A reminder is due: plan and store the chair routine as ``unkink start --where desk``
    would (``sessions.plan`` asks the gate; precautions and the next-day rule included),
    queue floor stretches for later, and record that the reminder was offered. A closed gate
    offers no routine, only what to do (decided by the gate's typed step)."""
    from unkink.domain.session.planner import Area, PlanRequest
    from unkink.services import sessions

    request = PlanRequest(Area.WHOLE, Place.DESK, minutes)
    try:
        planned = sessions.plan(uow=uow, catalogue=catalogue, request=request, now=now)
    except sessions.SessionBlocked as blocked:
        gate = blocked.plan.gate
        offer = BreakOffer(
            None,
            no_routine=NoRoutine.GATE_CLOSED,
            gate_step=gate.step,
            reason=gate.reason,
            next_step=gate.next_step,
        )
    except PlanError as exc:
        offer = BreakOffer(None, no_routine=NoRoutine.NOTHING_FITS, reason=str(exc))
    else:
        assert planned.routine is not None
        later = _floor_for_later(uow, catalogue, now.date())
        offer = BreakOffer(
            planned.routine_id,
            exercises=tuple(i.exercise.name for i in planned.routine.items),
            total_s=float(planned.routine.total_s),
            gentle_only=planned.gentle_only,
            gate_step=planned.gate.step,
            reason=planned.reason if planned.gentle_only else "",
            later=tuple(catalogue.get(e).name for e in later[:LATER_SHOWN]),
            notes=tuple(planned.routine.notes),
        )
        with uow() as u:
            u.ensure_profile(now=now)
            u.reminders.queue_for_later(day=now.date(), exercise_ids=later, at=now)
            u.commit()
    record_event(
        uow=uow,
        at=now,
        kind="notified",
        sitting_s=sitting_s,
        reasons=[str(offer.no_routine)] if offer.no_routine else [],
        detail={"routine_id": offer.routine_id},
    )
    return offer


def _floor_for_later(uow: UowFactory, catalogue: Catalogue, day: date) -> list[str]:
    """The floor stretches a 10-minute floor routine would hold that a chair cannot (the same
    gate, precautions and gentleness, previewed and not stored)."""
    from unkink.domain.session.planner import Area, PlanRequest
    from unkink.services import sessions

    request = PlanRequest(Area.WHOLE, Place.FLOOR, FLOOR_MINUTES)
    found = sessions.preview_plan(uow=uow, catalogue=catalogue, request=request, today=day)
    if found.routine is None:
        return []
    return [i.exercise.id for i in found.routine.items if i.exercise.place is Place.FLOOR]


def take_break(
    *,
    uow: UowFactory,
    catalogue: Catalogue,
    routine_id: int,
    now: datetime,
    sitting_s: float | None = None,
    minutes: float = CHAIR_MINUTES,
) -> StartedSession:
    """Start: the stored chair routine becomes a session (as ``unkink start``), recorded.

    The gate is asked again at Start (a snooze can last past a pain stop or the check's 30
    days): closed raises ``SessionBlocked``; gentle-only plans the chair routine afresh,
    gentle (``sessions.plan_and_start``), since the stored one may predate that."""
    from unkink.domain.session.planner import Area, PlanRequest
    from unkink.services import sessions

    decided = sessions.session_gate(uow=uow, catalogue=catalogue, today=now.date())
    if not decided.allowed:
        raise sessions.SessionBlocked(decided)
    if decided.gentle_only:
        request = PlanRequest(Area.WHOLE, Place.DESK, minutes)
        _, started = sessions.plan_and_start(uow=uow, catalogue=catalogue, request=request, now=now)
    else:
        started = sessions.start_session(
            uow=uow, catalogue=catalogue, routine_id=routine_id, now=now
        )
    record_event(
        uow=uow, at=now, kind="started", sitting_s=sitting_s, session_id=started.session_id
    )
    return started


def record_event(
    *,
    uow: UowFactory,
    at: datetime,
    kind: str,
    reasons: Iterable[str] = (),
    sitting_s: float | None = None,
    session_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Store a reminder event: snoozed, skipped, deferred (with reasons), away, paused..."""
    from unkink.domain.reminders.days import EVENT_KINDS

    if kind not in EVENT_KINDS:
        raise UnknownReminderEvent(kind, EVENT_KINDS)
    with uow() as u:
        u.ensure_profile(now=at)
        u.reminders.add_event(
            at=at,
            kind=kind,
            reasons=reasons,
            sitting_s=None if sitting_s is None else round(sitting_s, 1),
            session_id=session_id,
            detail=detail,
        )
        u.commit()


def breaks_by_day(*, uow: ports.UowFactory, today: date, days: int = 14) -> list[BreakDay]:
    """Breaks taken and the longest unbroken sitting stretch, per day, newest first (also read
    by the closing screen: ``BreakDay.breaks`` is the one definition of a break)."""
    with uow() as u:
        rows = u.reminders.events(since=today - timedelta(days=days - 1), until=today)
    return break_days(ReminderRecord(r.at, r.kind, r.sitting_s) for r in rows)


@dataclass(frozen=True, slots=True)
class Today:
    day: date
    breaks: BreakDay | None
    later: tuple[str, ...] = ()
    """Floor stretches queued today and not yet done in a session today (names)."""
    done_later: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "breaks": self.breaks.as_dict() if self.breaks else None,
            "later": list(self.later),
            "done_later": list(self.done_later),
        }


def today(*, uow: UowFactory, catalogue: Catalogue, day: date) -> Today:
    """What ``unkink today`` and the web home show: today's breaks, and stretches for later."""
    from unkink.services import sessions

    with uow() as u:
        queued = u.reminders.queued_for_later(day=day)
    done = {
        e
        for entry in sessions.history_since(uow=uow, since=datetime.combine(day, time.min))
        if entry.started_at.date() == day and entry.status == "completed"
        for e in entry.exercises
    }
    days = breaks_by_day(uow=uow, today=day, days=1)

    def name(exercise_id: str) -> str:
        return catalogue.get(exercise_id).name if exercise_id in catalogue.ids else exercise_id

    return Today(
        day=day,
        breaks=days[0] if days else None,
        later=tuple(name(e) for e in queued if e not in done),
        done_later=tuple(name(e) for e in queued if e in done),
    )
