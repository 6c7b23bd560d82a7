"""The planner: picking, fitting and ordering exercises; examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unkink.catalogue.loader import load_builtin
from unkink.domain.errors import PlanError, UnknownExercise
from unkink.domain.exercises import Place, Position
from unkink.domain.safety.precautions import Mark, Precautions
from unkink.domain.session.moves import EFFORT, path_effort
from unkink.domain.session.planner import PlanRequest, parse_request, plan_routine

CATALOGUE = load_builtin()
FLOOR = {Position.SUPINE, Position.PRONE, Position.QUADRUPED, Position.KNEELING}


def plan(area: str = "lower", where: str = "floor", minutes: float = 10, **kw: object):  # type: ignore[no-untyped-def]
    exclude = kw.pop("exclude", ())
    request = parse_request(area=area, where=where, minutes=minutes, exclude=exclude)  # type: ignore[arg-type]
    return plan_routine(CATALOGUE, request, **kw)  # type: ignore[arg-type]


def test_ten_minutes_lower_back_on_the_floor_gets_down_once() -> None:
    routine = plan()
    assert 8.5 * 60 <= routine.total_s <= 11.5 * 60
    assert routine.floor_trips == 1
    positions = [i.exercise.position for i in routine.items]
    floor = [p for p in positions if p in FLOOR]
    assert floor == sorted(
        floor, key=[Position.SUPINE, Position.PRONE, Position.QUADRUPED, Position.KNEELING].index
    )


def test_every_item_has_one_reason_line_and_a_dose_inside_its_range() -> None:
    for item in plan().items:
        assert item.reason and "\n" not in item.reason
        dose = CATALOGUE.get(item.exercise.id).reps
        assert dose.low <= item.reps <= dose.high
        for step, base in zip(
            item.exercise.steps, CATALOGUE.get(item.exercise.id).steps, strict=True
        ):
            assert base.seconds.low <= step.seconds.value <= base.seconds.high


def test_total_is_get_ready_plus_exercise_durations_plus_moves() -> None:
    routine = plan(area="whole", minutes=15)
    expected = (
        routine.get_ready_s
        + sum(i.exercise.duration_s(i.reps) for i in routine.items)
        + sum(routine.transitions_s)
    )
    assert routine.total_s == expected


def test_one_minute_gives_about_a_minute_and_says_it_was_shortened() -> None:
    routine = plan(minutes=1)
    assert 51 <= routine.total_s <= 69
    assert routine.notes


def test_one_minute_at_the_desk_uses_fewer_repeats_and_says_so() -> None:
    routine = plan(where="desk", minutes=1)
    assert 51 <= routine.total_s <= 69
    assert any("fewer repeats" in n for n in routine.notes)


def test_desk_plans_only_standing_or_seated_exercises() -> None:
    routine = plan(area="whole", where="desk", minutes=4)
    assert all(i.exercise.place is Place.DESK for i in routine.items)


def test_must_not_is_never_offered_and_modified_text_is_carried() -> None:
    precautions = Precautions(
        marks={"prone_extension": Mark.MUST_NOT, "bridge": Mark.MODIFY},
        modifications={"bridge": "Lift only until your hips line up with your thighs."},
    )
    routine = plan(precautions=precautions)
    ids = [i.exercise.id for i in routine.items]
    assert "prone_extension" not in ids
    bridge = next(i for i in routine.items if i.exercise.id == "bridge")
    assert bridge.modification and "precautions" in bridge.reason
    usual = CATALOGUE.get("bridge")
    assert bridge.holds[0] < [s.seconds.value for s in usual.steps if s.hold][0]  # shorter holds
    assert any("Left out" in n for n in routine.notes)


def test_excluded_exercises_are_left_out() -> None:
    routine = plan(exclude=("bridge", "cat_camel"))
    assert {"bridge", "cat_camel"}.isdisjoint(i.exercise.id for i in routine.items)


@pytest.mark.parametrize("minutes", [0, -3, 600, 61])
def test_minutes_out_of_range_is_a_clear_error(minutes: float) -> None:
    with pytest.raises(PlanError, match="--minutes must be from 1 to 60"):
        parse_request(area="lower", where="floor", minutes=minutes)


def test_unknown_area_and_place_are_clear_errors() -> None:
    with pytest.raises(PlanError, match="upper, lower or whole"):
        parse_request(area="neck", where="floor", minutes=5)
    with pytest.raises(PlanError, match="desk or floor"):
        parse_request(area="lower", where="bed", minutes=5)


def test_everything_excluded_says_so() -> None:
    with pytest.raises(PlanError, match="excluded"):
        plan(area="upper", where="desk", minutes=3, exclude=("butterfly", "chair_twist"))


def test_an_unknown_exclude_names_close_matches() -> None:
    with pytest.raises(UnknownExercise, match="cat_camel"):
        plan(exclude=("cat_camle",))


def test_too_long_for_the_desk_says_how_long_it_can_be() -> None:
    with pytest.raises(PlanError, match="longest routine"):
        plan(area="whole", where="desk", minutes=30)


def test_effort_table_covers_every_pair_of_positions() -> None:
    assert len(EFFORT) == len(Position) ** 2
    assert all(EFFORT[(p, p)] == 0 for p in Position)


@settings(max_examples=60, deadline=None)
@given(
    area=st.sampled_from(["upper", "lower", "whole"]),
    where=st.sampled_from(["desk", "floor"]),
    minutes=st.integers(1, 25),
)
def test_a_plan_is_within_15_percent_or_a_clear_error(area: str, where: str, minutes: int) -> None:
    try:
        routine = plan(area=area, where=where, minutes=minutes)
    except PlanError as exc:
        assert str(exc)
        return
    assert abs(routine.total_s - minutes * 60) <= 0.15 * minutes * 60 + 1e-9
    assert routine.floor_trips <= 1
    positions = [i.exercise.position for i in routine.items]
    from itertools import permutations

    best = min(path_effort(p) for p in permutations(positions))
    assert path_effort(positions) == best


def test_request_is_a_plain_value() -> None:
    assert parse_request(area="lower", where="floor", minutes=5) == PlanRequest(
        *("lower", "floor"),
        5.0,  # type: ignore[arg-type]
    )


def test_gentle_only_keeps_the_gentle_exercises_and_says_so() -> None:
    request = parse_request(area="lower", where="floor", minutes=5, gentle_only=True)
    routine = plan_routine(CATALOGUE, request)
    assert all(i.exercise.difficulty == 1 for i in routine.items)
    assert any("Gentle" in n for n in routine.notes)
