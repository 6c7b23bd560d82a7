"""The next-day rule end to end: a real session, the morning-after answer, the next plan."""

from __future__ import annotations

from tests.fakes import ManualWallClock
from unkink.bootstrap import App
from unkink.domain.exercises import Place
from unkink.domain.safety.precautions import Mark
from unkink.domain.session.planner import Area, PlanRequest
from unkink.domain.session.status import StopReason
from unkink.services import safety, session_log
from unkink.services import sessions as svc


def _screened(app: App) -> None:
    safety.acknowledge_intended_use(uow=app.uow, now=app.now())
    safety.save_screening(uow=app.uow, answers={}, now=app.now(), source="file")


def _do_a_session(app: App, *, stop_after_first_exercise: bool = False) -> list[str]:
    """Plan and run a floor session through the real services; return the exercises done."""
    request = PlanRequest(area=Area.LOWER, where=Place.FLOOR, minutes=6)
    _, started = svc.plan_and_start(
        uow=app.uow, catalogue=app.catalogue, request=request, now=app.now()
    )
    done: list[str] = []
    first = started.timeline.cues[0].exercise_id
    for cue in started.timeline.cues:
        if stop_after_first_exercise and cue.exercise_id != first and cue.kind == "step":
            break
        session_log.record_cue(
            uow=app.uow, catalogue=app.catalogue, session_id=started.session_id,
            cue_index=cue.index, elapsed_s=cue.planned_s, at=app.now(),
        )  # fmt: skip
        if cue.kind == "step" and cue.exercise_id not in done:
            done.append(cue.exercise_id)
    session_log.finish(
        uow=app.uow, session_id=started.session_id, reached_end=not stop_after_first_exercise,
        reason=StopReason.QUIT if stop_after_first_exercise else None,
        elapsed_s=60 if stop_after_first_exercise else started.timeline.total_s, at=app.now(),
    )  # fmt: skip
    return done


def _pending(app: App) -> safety.PendingMorning | None:
    return safety.pending_next_morning(uow=app.uow, today=app.today())


def test_the_morning_question_comes_the_next_day_once(
    db_app: App, wall_clock: ManualWallClock
) -> None:
    _screened(db_app)
    done = _do_a_session(db_app)
    assert _pending(db_app) is None  # same day: too early
    wall_clock.tick(days=1)
    pending = _pending(db_app)
    assert pending is not None and list(pending.exercise_ids) == done
    safety.record_next_morning(uow=db_app.uow, pending=pending, worse=False, now=db_app.now())
    assert _pending(db_app) is None  # answered


def test_the_question_lapses_after_three_days(db_app: App, wall_clock: ManualWallClock) -> None:
    _screened(db_app)
    _do_a_session(db_app)
    wall_clock.tick(days=4)
    assert _pending(db_app) is None


def test_only_exercises_actually_done_are_rated(db_app: App, wall_clock: ManualWallClock) -> None:
    _screened(db_app)
    done = _do_a_session(db_app, stop_after_first_exercise=True)
    wall_clock.tick(days=1)
    pending = _pending(db_app)
    assert pending is not None and list(pending.exercise_ids) == done and len(done) == 1


def test_worse_mornings_shrink_then_drop_the_exercise(
    db_app: App, wall_clock: ManualWallClock
) -> None:
    _screened(db_app)
    for round_ in range(2):
        done = _do_a_session(db_app)
        wall_clock.tick(days=1)
        pending = _pending(db_app)
        assert pending is not None
        changes = safety.record_next_morning(
            uow=db_app.uow, pending=pending, worse=True, now=db_app.now()
        )
        precautions = safety.current_precautions(uow=db_app.uow, today=db_app.today())
        expected = Mark.MODIFY if round_ == 0 else Mark.MUST_NOT
        assert {precautions.mark_for(e) for e in done} == {expected}
        assert all(changes[e].suggest_physio is (round_ == 1) for e in done)
    suggestion = safety.referral(uow=db_app.uow)
    assert suggestion is not None and set(suggestion.dropped_exercises) == set(done)
