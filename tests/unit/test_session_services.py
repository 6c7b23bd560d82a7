"""Session services on the in-memory unit of work: the rules every front end now shares."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.fakes import FakeScreening, FakeUnitOfWork
from unkink.catalogue.loader import load_builtin
from unkink.domain.errors import Conflict, InvalidInput, NotFound
from unkink.domain.exercises import Catalogue, Place
from unkink.domain.safety.pain import PainReport
from unkink.domain.safety.urgency import Urgency
from unkink.domain.session.planner import Area, PlanRequest
from unkink.domain.session.status import EventKind, Moment, SessionStatus, StopReason
from unkink.services import session_log as log
from unkink.services import sessions as svc

NOW = datetime(2026, 3, 2, 9, 0, 0)
REQUEST = PlanRequest(area=Area.UPPER, where=Place.DESK, minutes=3)
CATALOGUE = load_builtin()


@pytest.fixture
def uow() -> FakeUnitOfWork:
    fake = FakeUnitOfWork()
    fake.committed.acknowledged_at = NOW - timedelta(days=1)
    fake.committed.screening = FakeScreening(NOW - timedelta(days=1), Urgency.SELF_CARE_OK)
    return fake


def _started(uow: FakeUnitOfWork, catalogue: Catalogue = CATALOGUE) -> svc.StartedSession:
    _, started = svc.plan_and_start(uow=uow, catalogue=catalogue, request=REQUEST, now=NOW)
    return started


def test_plan_needs_an_open_gate_and_says_the_next_step_is_the_check() -> None:
    with pytest.raises(svc.SessionBlocked) as info:
        svc.plan(uow=FakeUnitOfWork(), catalogue=CATALOGUE, request=REQUEST, now=NOW)
    assert info.value.plan.needs_check and isinstance(info.value, Conflict)
    preview = svc.preview_plan(
        uow=FakeUnitOfWork(), catalogue=CATALOGUE, request=REQUEST, today=NOW.date()
    )
    assert preview.routine is None and not preview.allowed


def test_a_preview_stores_nothing_and_a_plan_stores_the_routine(uow: FakeUnitOfWork) -> None:
    preview = svc.preview_plan(uow=uow, catalogue=CATALOGUE, request=REQUEST, today=NOW.date())
    assert preview.routine is not None and preview.routine_id is None
    assert uow.committed.routines == []
    planned = svc.plan(uow=uow, catalogue=CATALOGUE, request=REQUEST, now=NOW)
    assert planned.routine_id == 1 and planned.routine == preview.routine


def test_a_cue_is_stored_at_its_timeline_offset_and_moves_the_bookmark(
    uow: FakeUnitOfWork,
) -> None:
    started = _started(uow)
    cue = log.record_cue(
        uow=uow, catalogue=CATALOGUE, session_id=started.session_id, cue_index=1,
        position_s=started.timeline.cues[1].planned_s + 0.25, elapsed_s=5.0, at=NOW,
    )  # fmt: skip
    [*_, event] = uow.committed.events[started.session_id]
    assert event.kind is EventKind.for_cue(cue.kind)
    assert event.actual_s == pytest.approx(cue.planned_s + 0.25)
    assert uow.committed.sessions[started.session_id][1].cue_index == 2


@pytest.mark.parametrize("index", [-1, 10_000, True])
def test_a_cue_that_is_not_in_the_timeline_is_refused(uow: FakeUnitOfWork, index: int) -> None:
    started = _started(uow)
    with pytest.raises(InvalidInput):
        log.record_cue(
            uow=uow, catalogue=CATALOGUE, session_id=started.session_id, cue_index=index,
            elapsed_s=0.0, at=NOW,
        )  # fmt: skip


def test_elapsed_time_is_bounded_by_the_routine(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    with pytest.raises(InvalidInput, match="this routine lasts"):
        log.finish(
            uow=uow, session_id=started.session_id, reached_end=True, elapsed_s=86_400, at=NOW
        )
    assert uow.committed.sessions[started.session_id][1].status is SessionStatus.RUNNING


@pytest.mark.parametrize("value", [True, 11, -1, 2.5])
def test_a_score_is_a_whole_number_from_0_to_10(uow: FakeUnitOfWork, value: object) -> None:
    started = _started(uow)
    with pytest.raises(InvalidInput):
        log.rate(
            uow=uow, session_id=started.session_id, moment=Moment.BEFORE,
            stiffness=value, pain=None, at=NOW,  # type: ignore[arg-type]
        )  # fmt: skip


def test_ratings_follow_the_session_state(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    sid = started.session_id
    log.rate(uow=uow, session_id=sid, moment=Moment.BEFORE, stiffness=4, pain=2, at=NOW)
    for moment in (Moment.AFTER, Moment.NEXT_MORNING):
        with pytest.raises(log.RatingNotNow):
            log.rate(uow=uow, session_id=sid, moment=moment, stiffness=3, pain=1, at=NOW)
    log.finish(uow=uow, session_id=sid, reached_end=True, elapsed_s=started.timeline.total_s,
               at=NOW)  # fmt: skip
    with pytest.raises(log.RatingNotNow):
        log.rate(uow=uow, session_id=sid, moment=Moment.BEFORE, stiffness=3, pain=1, at=NOW)
    log.rate(uow=uow, session_id=sid, moment=Moment.AFTER, stiffness=3, pain=1, at=NOW)
    entry = svc.history_entry(uow=uow, session_id=sid)
    assert (entry.before, entry.after) == ((4, 2), (3, 1))


def test_most_of_the_routine_skipped_is_not_completed(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    end = log.finish(uow=uow, session_id=started.session_id, reached_end=True, elapsed_s=10.0,
                     at=NOW)  # fmt: skip
    assert (end.status, end.reason) == (SessionStatus.STOPPED, StopReason.SKIPPED_MOST)
    entry = svc.history_entry(uow=uow, session_id=started.session_id)
    assert entry.status is SessionStatus.STOPPED and entry.done_s == 10.0


def test_a_played_routine_is_completed(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    total = started.timeline.total_s
    end = log.finish(uow=uow, session_id=started.session_id, reached_end=True, elapsed_s=total,
                     at=NOW)  # fmt: skip
    assert end.status is SessionStatus.COMPLETED and end.reason is None


def test_the_end_never_falls_before_the_start(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    jumped_back = NOW - timedelta(hours=1)  # the wall clock was set back mid-session
    log.finish(uow=uow, session_id=started.session_id, reached_end=False, elapsed_s=60.0,
               at=jumped_back)  # fmt: skip
    row = uow.committed.sessions[started.session_id][1]
    assert row.ended_at is not None and row.ended_at >= row.started_at + timedelta(seconds=60)


def test_a_pain_stop_that_asks_for_a_new_check_ends_the_session(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    stop = log.stop_for_pain(
        uow=uow, session_id=started.session_id, report=PainReport(score=3, spreads_down_leg=True),
        exercise_id=None, elapsed_s=20.0, at=NOW,
    )  # fmt: skip
    assert stop.ended and stop.end is not None
    assert (stop.end.status, stop.end.reason) == (SessionStatus.STOPPED, StopReason.PAIN)
    assert uow.commits >= 1
    with pytest.raises(svc.SessionEnded):
        log.pause(uow=uow, session_id=started.session_id, at=NOW, elapsed_s=21.0)
    assert not svc.session_gate(uow=uow, catalogue=CATALOGUE, today=NOW.date()).allowed


def test_mild_pain_goes_on_and_strong_pain_skips_the_exercise(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    mild = log.stop_for_pain(uow=uow, session_id=started.session_id,
                             report=PainReport(score=1), exercise_id=None, at=NOW)  # fmt: skip
    strong = log.stop_for_pain(uow=uow, session_id=started.session_id,
                               report=PainReport(score=7), exercise_id=None, at=NOW)  # fmt: skip
    assert not mild.ended and not mild.skip_exercise
    assert not strong.ended and strong.skip_exercise


def test_another_persons_session_is_not_found(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    stranger = uow.for_profile(2)
    with pytest.raises(NotFound):
        log.pause(uow=stranger, session_id=started.session_id, at=NOW, elapsed_s=1.0)
    with pytest.raises(NotFound):
        log.rate(uow=stranger, session_id=started.session_id, moment=Moment.BEFORE,
                 stiffness=1, pain=1, at=NOW)  # fmt: skip


def test_helped_most_comes_after_the_end_and_names_a_stretch_of_it(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    first = started.routine.items[0].exercise.id
    with pytest.raises(Conflict):
        log.record_helped_most(uow=uow, session_id=started.session_id, exercise_id=first, at=NOW)
    log.finish(uow=uow, session_id=started.session_id, reached_end=False, at=NOW)
    with pytest.raises(InvalidInput):
        log.record_helped_most(uow=uow, session_id=started.session_id, exercise_id="nosuch",
                               at=NOW)  # fmt: skip
    log.record_helped_most(uow=uow, session_id=started.session_id, exercise_id=first, at=NOW)
    assert svc.history_entry(uow=uow, session_id=started.session_id).helped_most == first


def test_resume_rewinds_and_does_not_count_the_replayed_step_twice(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    cues = started.timeline.cues
    for cue in cues[:4]:
        log.record_cue(uow=uow, catalogue=CATALOGUE, session_id=started.session_id,
                       cue_index=cue.index, elapsed_s=cue.planned_s + 2, at=NOW)  # fmt: skip
    state = svc.resume_state(uow=uow, catalogue=CATALOGUE)
    assert state is not None and state.session_id == started.session_id
    assert state.elapsed_s <= state.position_s <= cues[3].planned_s


def test_a_new_session_closes_the_unfinished_one(uow: FakeUnitOfWork) -> None:
    first = _started(uow)
    second = _started(uow)
    with pytest.raises(svc.SessionEnded):
        svc.running_session(uow=uow, catalogue=CATALOGUE, session_id=first.session_id)
    entry = svc.history_entry(uow=uow, session_id=first.session_id)
    assert (entry.status, entry.stop_reason) == (SessionStatus.STOPPED, StopReason.NOT_RESUMED)
    assert svc.running_session(uow=uow, catalogue=CATALOGUE, session_id=second.session_id)


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("acknowledge", True),
        ("screen", True),
        ("recheck", True),
        ("get_help", False),
        ("see_doctor", False),
    ],
)
def test_asking_for_the_check_is_decided_by_the_gate_step_not_its_words(
    step: str, expected: bool
) -> None:
    """The words are reworded here on purpose: only ``Gate.step`` decides (issue 9)."""
    from unkink.domain.safety.gate import RUN_CHECK, Gate, GateStep
    from unkink.services.session_guard import needs_check

    reworded = Gate(False, False, "Some new wording.", "do something else", GateStep(step))
    assert needs_check(reworded) is expected
    says_check = Gate(False, False, "Some new wording.", RUN_CHECK, GateStep(step))
    assert needs_check(says_check) is expected
    assert not needs_check(Gate(True, False, "", RUN_CHECK, GateStep.SESSION))
