"""The reminder's use cases on a real SQLite file: the same gate, precautions and next-day
rule as ``unkink start --where desk``; records per day; stretches queued for later."""

from __future__ import annotations

from datetime import timedelta

from tests.fakes import ManualWallClock
from unkink.bootstrap import App
from unkink.domain.exercises import Place
from unkink.domain.safety.answers import ScreeningAnswers
from unkink.domain.safety.pain import PainReport
from unkink.domain.safety.precautions import Condition, ConditionCode
from unkink.domain.session.planner import Area, PlanRequest
from unkink.services import reminders, safety, sessions


def screened(app: App) -> None:
    with app.uow() as u:
        safety.acknowledge_intended_use(uow=u, now=app.now())
        safety.save_screening(uow=u, answers=ScreeningAnswers(age=40), now=app.now(), source="file")
        u.commit()


def as_start_would_plan(app: App) -> list[str]:
    """What 'unkink start --where desk --minutes 2' plans: the gate, then the precautions."""
    with app.uow() as u:
        gate, precautions = safety.gate_and_precautions(
            uow=u, today=app.today(), exercises=app.catalogue
        )
    assert precautions is not None
    request = PlanRequest(Area.WHOLE, Place.DESK, 2, gentle_only=gate.gentle_only)
    planned = sessions.plan(
        uow=app.uow,
        catalogue=app.catalogue,
        request=request,
        now=app.now(),
        precautions=precautions,
    )
    return [i.exercise.name for i in planned.routine.items]


def test_the_offer_is_a_stored_chair_routine_and_floor_stretches_wait_for_later(app: App) -> None:
    screened(app)
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert offer.routine_id is not None and offer.no_routine is None
    assert list(offer.exercises) == as_start_would_plan(app)
    with app.uow() as u:
        plan = u.sessions.get_routine(offer.routine_id)
    assert plan["where"] == "desk"
    assert all(app.catalogue.get(e["id"]).place is Place.DESK for e in plan["exercises"])
    assert offer.later and "Knee to chest" in offer.later
    today = reminders.today(uow=app.uow, catalogue=app.catalogue, day=app.today())
    assert "Knee to chest" in today.later
    assert today.breaks is not None and today.breaks.offered == 1


def test_precautions_shape_the_chair_routine_exactly_as_start(app: App) -> None:
    screened(app)
    with app.uow() as u:
        safety.add_conditions(
            uow=u, conditions=[Condition(ConditionCode.PREGNANCY, weeks=30)], now=app.now()
        )
        u.commit()
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert list(offer.exercises) == as_start_would_plan(app)


def test_no_screening_means_no_routine_only_what_to_do(app: App) -> None:
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert offer.routine_id is None and offer.no_routine is reminders.NoRoutine.GATE_CLOSED
    assert "unkink check" in offer.next_step
    with app.uow() as u:
        assert u.sessions.list_sessions(limit=5) == []


def test_a_pain_stop_today_closes_the_reminder_too(app: App, wall_clock: ManualWallClock) -> None:
    screened(app)
    wall_clock.tick(minutes=30)
    with app.uow() as u:
        safety.record_pain(
            uow=u, report=PainReport(score=8, new_numbness_or_weakness=True), now=app.now()
        )
        u.commit()
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert offer.routine_id is None and offer.no_routine is reminders.NoRoutine.GATE_CLOSED
    assert "unkink check" in offer.next_step


def test_taking_a_break_starts_a_desk_session_and_history_counts_it(
    app: App, wall_clock: ManualWallClock
) -> None:
    screened(app)
    offer = reminders.offer_break(
        uow=app.uow, catalogue=app.catalogue, now=app.now(), sitting_s=2700
    )
    assert offer.routine_id is not None
    started = reminders.take_break(
        uow=app.uow,
        catalogue=app.catalogue,
        routine_id=offer.routine_id,
        now=app.now(),
        sitting_s=2760,
    )
    wall_clock.tick(hours=2)
    reminders.record_event(uow=app.uow, at=app.now(), kind="away", sitting_s=5400)
    reminders.record_event(uow=app.uow, at=app.now(), kind="deferred", reasons=["camera"])
    (entry,) = sessions.history(uow=app.uow)
    assert entry.session_id == started.session_id and entry.where == "desk"
    (day,) = reminders.breaks_by_day(uow=app.uow, today=app.today())
    assert (day.breaks, day.routines, day.away, day.deferred) == (2, 1, 1, 1)
    assert day.longest_sitting_s == 5400
    wall_clock.tick(days=1)
    assert reminders.today(uow=app.uow, catalogue=app.catalogue, day=app.today()).breaks is None
    assert len(reminders.breaks_by_day(uow=app.uow, today=app.today() + timedelta(days=1))) == 1
