"""The reminder's use cases on a real SQLite file: the same gate, precautions and next-day
rule as ``unkink start --where desk``; records per day; stretches queued for later."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.fakes import ManualWallClock
from unkink.bootstrap import App
from unkink.domain.exercises import Place
from unkink.domain.safety.answers import ScreeningAnswers
from unkink.domain.safety.gate import GateStep
from unkink.domain.safety.pain import PainReport
from unkink.domain.safety.precautions import Condition, ConditionCode
from unkink.domain.session.planner import Area, PlanRequest
from unkink.services import profile, reminders, safety, screening, sessions


def screened(app: App) -> None:
    safety.acknowledge_intended_use(uow=app.uow, now=app.now())
    screening.save_screening(
        uow=app.uow, answers=ScreeningAnswers(age=40), now=app.now(), source="file"
    )


def as_start_would_plan(app: App) -> list[str]:
    """What 'unkink start --where desk --minutes 2' plans (the gate, then the precautions)."""
    request = PlanRequest(Area.WHOLE, Place.DESK, 2)
    planned = sessions.plan(uow=app.uow, catalogue=app.catalogue, request=request, now=app.now())
    assert planned.routine is not None
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
    profile.add_conditions(
        uow=app.uow, conditions=[Condition(ConditionCode.PREGNANCY, weeks=30)], now=app.now()
    )
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert list(offer.exercises) == as_start_would_plan(app)


def test_a_routine_review_offers_a_gentle_chair_routine_with_the_referral_line(app: App) -> None:
    safety.acknowledge_intended_use(uow=app.uow, now=app.now())
    answers = {"main_symptom": "pain", "duration_days": 70, "pain_trend": "stable"}
    screening.save_screening(uow=app.uow, answers=answers, now=app.now(), source="file")
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert offer.routine_id is not None and offer.gentle_only
    assert offer.gate_step is GateStep.GENTLE_SESSION and "next few weeks" in offer.reason
    started = reminders.take_break(
        uow=app.uow, catalogue=app.catalogue, routine_id=offer.routine_id, now=app.now()
    )
    assert [i.exercise.name for i in started.routine.items] == list(offer.exercises)


def test_no_screening_means_no_routine_only_what_to_do(app: App) -> None:
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert offer.routine_id is None and offer.no_routine is reminders.NoRoutine.GATE_CLOSED
    assert offer.gate_step in (GateStep.ACKNOWLEDGE, GateStep.SCREEN)
    with app.uow() as u:
        assert u.sessions.list_sessions(limit=5) == []


def test_a_pain_stop_today_closes_the_reminder_too(app: App, wall_clock: ManualWallClock) -> None:
    screened(app)
    wall_clock.tick(minutes=30)
    safety.record_pain(
        uow=app.uow, report=PainReport(score=8, new_numbness_or_weakness=True), now=app.now()
    )
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert offer.routine_id is None and offer.no_routine is reminders.NoRoutine.GATE_CLOSED
    assert offer.gate_step is GateStep.RECHECK


def test_start_after_a_pain_stop_since_the_offer_starts_nothing(
    app: App, wall_clock: ManualWallClock
) -> None:
    screened(app)
    offer = reminders.offer_break(uow=app.uow, catalogue=app.catalogue, now=app.now())
    assert offer.routine_id is not None
    wall_clock.tick(minutes=10)
    report = PainReport(score=8, new_numbness_or_weakness=True)
    safety.record_pain(uow=app.uow, report=report, now=app.now())
    with pytest.raises(sessions.SessionBlocked) as blocked:
        reminders.take_break(
            uow=app.uow, catalogue=app.catalogue, routine_id=offer.routine_id, now=app.now()
        )
    assert blocked.value.plan.gate.step is GateStep.RECHECK
    assert sessions.history(uow=app.uow) == []


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


def test_insights_count_desk_breaks_as_the_reminder_does(app: App) -> None:
    """One definition of a desk break (``BreakDay.breaks``) for insights, history and closing."""
    from unkink.services.insights import insights

    reminders.record_event(uow=app.uow, at=app.now(), kind="started", sitting_s=2700)
    reminders.record_event(uow=app.uow, at=app.now(), kind="away", sitting_s=3000)
    reminders.record_event(uow=app.uow, at=app.now(), kind="skipped", sitting_s=600)
    found = insights(uow=app.uow, today=app.today(), names={})
    assert found.weeks[-1].desk_breaks == 2
    assert reminders.breaks_by_day(uow=app.uow, today=app.today())[0].breaks == 2
