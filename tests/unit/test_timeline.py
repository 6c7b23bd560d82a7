"""The timeline: segments add up to the routine, cues never go backwards; the run, by example."""

from __future__ import annotations

import pytest

from unkink.catalogue.loader import load_builtin
from unkink.domain.errors import InvalidTransition
from unkink.domain.session.planner import parse_request, plan_routine
from unkink.domain.session.routines import routine_from_dict
from unkink.domain.session.run import RunStatus, SessionRun, resume_run
from unkink.domain.session.timeline import CueKind, build_timeline

CATALOGUE = load_builtin()
ROUTINE = plan_routine(CATALOGUE, parse_request(area="whole", where="floor", minutes=10))
TIMELINE = build_timeline(ROUTINE)


def test_segments_are_back_to_back_and_add_up_to_the_routine() -> None:
    at = 0
    for segment in TIMELINE.segments:
        assert segment.start_s == at and segment.duration_s > 0
        at = segment.end_s
    assert at == TIMELINE.total_s == ROUTINE.total_s


def test_each_exercise_segments_add_up_to_its_duration() -> None:
    for n, item in enumerate(ROUTINE.items):
        own = [
            s
            for s in TIMELINE.segments
            if s.item == n and s.kind not in (CueKind.GET_READY, CueKind.NEXT_UP)
        ]
        assert sum(s.duration_s for s in own) == item.exercise.duration_s(item.reps)


def test_cues_never_go_backwards_and_end_with_done() -> None:
    offsets = [c.planned_s for c in TIMELINE.cues]
    assert offsets == sorted(offsets)
    assert TIMELINE.cues[-1].kind is CueKind.DONE
    assert TIMELINE.cues[-1].planned_s == TIMELINE.total_s
    kinds = {c.kind for c in TIMELINE.cues}
    assert {CueKind.GET_READY, CueKind.STEP, CueKind.HOLD_START, CueKind.COUNTDOWN} <= kinds
    assert {CueKind.SIDE_SWITCH, CueKind.REST, CueKind.NEXT_UP} <= kinds


def test_one_sided_stretches_fill_in_the_side() -> None:
    texts = [c.text for c in TIMELINE.cues if c.exercise_id == "knee_to_chest"]
    assert not any("{side}" in t for t in texts)
    assert any("left" in t for t in texts) and any("right" in t for t in texts)


def test_hold_cues_carry_hold_seconds() -> None:
    holds = [c for c in TIMELINE.cues if c.kind is CueKind.HOLD_START]
    assert holds and all(c.hold_s > 0 for c in holds)


def test_json_form_has_the_player_fields() -> None:
    data = TIMELINE.as_dict()
    assert data["total_s"] == TIMELINE.total_s
    assert {"cue", "exercise", "step", "planned_s", "text", "hold_s", "side"} <= data["cues"][
        0
    ].keys()


def test_routine_round_trips_through_its_stored_form() -> None:
    again = routine_from_dict(CATALOGUE, ROUTINE.as_dict())
    assert again == ROUTINE


def test_pause_freezes_elapsed_time_and_position() -> None:
    run = SessionRun(TIMELINE).start(100.0).pause(110.0)
    assert run.elapsed(500.0) == 10.0 and run.position(500.0) == 10.0
    run = run.resume(200.0)
    assert run.elapsed(205.0) == 15.0
    assert run.deadline(20.0) == 210.0


def test_skip_step_jumps_to_the_next_segment_and_records_it() -> None:
    run = SessionRun(TIMELINE).start(0.0).skip_step(1.0)
    first = TIMELINE.segments[0]
    assert run.position(1.0) == first.end_s
    assert first.index in run.skipped


def test_skip_exercise_keeps_what_was_done() -> None:
    run = SessionRun(TIMELINE).start(0.0)
    third = TIMELINE.segments[3]
    run = run.advance(float(third.start_s) + 0.5)
    run = run.skip_exercise(float(third.start_s) + 0.5)
    assert {0, 1, 2} <= set(run.done)
    assert third.index in run.skipped
    assert run.position(third.start_s + 0.5) == TIMELINE.exercise_end_s(third.item)


def test_run_ends_done_at_the_end() -> None:
    run = SessionRun(TIMELINE).start(0.0).advance(TIMELINE.total_s + 3.0)
    assert run.status is RunStatus.DONE
    assert len(run.done) == len(TIMELINE.segments)


def test_stop_keeps_the_reason_and_refuses_more() -> None:
    run = SessionRun(TIMELINE).start(0.0).stop(30.0, "quit")
    assert run.status is RunStatus.STOPPED and run.stop_reason == "quit"
    with pytest.raises(InvalidTransition):
        run.resume(31.0)


def test_time_going_backwards_is_refused() -> None:
    run = SessionRun(TIMELINE).start(10.0)
    with pytest.raises(InvalidTransition):
        run.advance(5.0)


def test_resume_run_continues_from_a_position() -> None:
    run = resume_run(TIMELINE, position_s=40.0, elapsed_s=38.0, now=1000.0)
    assert run.position(1002.0) == 42.0 and run.elapsed(1002.0) == 40.0
    assert all(TIMELINE.segments[i].end_s <= 40 for i in run.done)
    assert TIMELINE.first_cue_from(40.0) > 0


def test_a_modified_exercise_carries_its_change_into_the_cues() -> None:
    from unkink.domain.safety.precautions import Mark, Precautions

    text = "Lift only until your hips line up with your thighs."
    precautions = Precautions(marks={"bridge": Mark.MODIFY}, modifications={"bridge": text})
    request = parse_request(area="lower", where="floor", minutes=10)
    timeline = build_timeline(plan_routine(CATALOGUE, request, precautions=precautions))
    bridge = [c for c in timeline.cues if c.exercise_id == "bridge"]
    assert any(f"Changed for you: {text}" in c.text for c in bridge)
