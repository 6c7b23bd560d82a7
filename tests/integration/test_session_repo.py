"""The session services and repository round trips, on SQLite and on PostgreSQL."""

from __future__ import annotations

from tests.integration.test_session_cli import screened
from unkink.bootstrap import App
from unkink.domain.session.planner import parse_request
from unkink.domain.session.run import resume_run
from unkink.domain.session.status import EventKind, Moment, SessionStatus, StopReason
from unkink.services import session_log, sessions


def _started(app: App) -> sessions.StartedSession:
    screened(app)
    _, started = sessions.plan_and_start(
        uow=app.uow,
        catalogue=app.catalogue,
        request=parse_request(area="lower", where="floor", minutes=5),
        now=app.now(),
    )
    return started


def _cue(app: App, started: sessions.StartedSession, index: int, *, late_s: float = 0) -> None:
    cue = started.timeline.cues[index]
    session_log.record_cue(
        uow=app.uow, catalogue=app.catalogue, session_id=started.session_id, cue_index=index,
        position_s=cue.planned_s + late_s, elapsed_s=cue.planned_s, at=app.now(),
    )  # fmt: skip


def test_a_stored_routine_comes_back_the_same(db_app: App) -> None:
    started = _started(db_app)
    with db_app.uow() as u:
        stored = u.sessions.get_routine(started.routine_id)
    assert stored == started.routine.as_dict()


def test_cues_ratings_and_the_end_are_stored_and_shown_in_history(db_app: App) -> None:
    started = _started(db_app)
    app = db_app
    for cue in started.timeline.cues[:5]:
        _cue(app, started, cue.index, late_s=0.001)
    session_log.rate(
        uow=app.uow, session_id=started.session_id, moment=Moment.BEFORE, stiffness=6, pain=3,
        at=app.now(),
    )  # fmt: skip
    session_log.finish(
        uow=app.uow, session_id=started.session_id, reached_end=False, reason=StopReason.PAIN,
        elapsed_s=42.5, at=app.now(),
    )  # fmt: skip
    session_log.rate(
        uow=app.uow, session_id=started.session_id, moment=Moment.AFTER, stiffness=4, pain=2,
        at=app.now(),
    )  # fmt: skip
    helped = started.routine.items[0].exercise.id
    session_log.record_helped_most(
        uow=app.uow, session_id=started.session_id, exercise_id=helped, at=app.now()
    )
    with app.uow() as u:
        events = u.sessions.events(started.session_id)
        row = u.sessions.get_session(started.session_id)
    assert [e.kind for e in events][:2] == [EventKind.START, EventKind.GET_READY]
    assert events[1].planned_s == 0 and events[1].actual_s == 0.001
    assert row.cue_index == 5 and row.status is SessionStatus.STOPPED
    assert row.stop_reason == StopReason.PAIN
    [entry] = sessions.history(uow=app.uow)
    assert entry.before == (6, 3) and entry.after == (4, 2)
    assert entry.helped_most == helped and entry.done_s == 42.5
    assert entry.as_dict()["status"] == "stopped"


def test_resume_state_rewinds_to_the_start_of_the_unfinished_step(db_app: App) -> None:
    started = _started(db_app)
    timeline = started.timeline
    shown = [c for c in timeline.cues if c.planned_s <= 20]
    for cue in shown:
        _cue(db_app, started, cue.index)
    state = sessions.resume_state(uow=db_app.uow, catalogue=db_app.catalogue)
    assert state is not None and state.session_id == started.session_id
    last = shown[-1]
    assert state.position_s == timeline.segments[last.segment].start_s
    assert state.cue_index == timeline.first_cue_from(state.position_s) <= last.index
    run = resume_run(timeline, position_s=state.position_s, elapsed_s=state.elapsed_s, now=5.0)
    assert run.position(5.0) == state.position_s


def test_no_resume_state_once_finished(db_app: App) -> None:
    started = _started(db_app)
    session_log.finish(
        uow=db_app.uow, session_id=started.session_id, reached_end=True,
        elapsed_s=started.timeline.total_s, at=db_app.now(),
    )  # fmt: skip
    assert sessions.resume_state(uow=db_app.uow, catalogue=db_app.catalogue) is None


def test_a_new_session_closes_the_unfinished_one(db_app: App) -> None:
    first = _started(db_app)
    session_log.leave(uow=db_app.uow, session_id=first.session_id, at=db_app.now(), elapsed_s=12.5)
    second = _started(db_app)
    state = sessions.resume_state(uow=db_app.uow, catalogue=db_app.catalogue)
    assert state is not None and state.session_id == second.session_id
    with db_app.uow() as u:
        old = u.sessions.get_session(first.session_id)
    assert old.status is SessionStatus.STOPPED and old.stop_reason == StopReason.NOT_RESUMED
    assert old.elapsed_s == 12.5
