"""Property: for random profiles and plan requests, no must-not exercise is ever planned."""

from __future__ import annotations

from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from unkink.catalogue.loader import load_builtin
from unkink.domain.errors import PlanError
from unkink.domain.exercises import Place
from unkink.domain.safety.precautions import (
    Condition,
    ConditionCode,
    HipApproach,
    Mark,
    derive_precautions,
)
from unkink.domain.session.planner import Area, PlanRequest, plan_routine

TODAY = date(2026, 3, 1)
CATALOGUE = load_builtin()

conditions = st.lists(
    st.builds(
        Condition,
        code=st.sampled_from(ConditionCode),
        weeks=st.none() | st.floats(0, 42),
        weeks_since=st.none() | st.floats(0, 40),
        cleared_by_surgical_team=st.booleans(),
        approach=st.none() | st.sampled_from(HipApproach),
        recorded_on=st.none() | st.dates(date(2025, 6, 1), TODAY),
    ),
    max_size=4,
)
requests = st.builds(
    PlanRequest,
    area=st.sampled_from(Area),
    where=st.sampled_from(Place),
    minutes=st.integers(1, 30).map(float),
)


@settings(max_examples=150, deadline=None)
@given(conditions, requests)
def test_no_must_not_exercise_is_ever_planned(
    profile: list[Condition], request: PlanRequest
) -> None:
    precautions = derive_precautions(profile, today=TODAY, exercises=CATALOGUE)
    try:
        routine = plan_routine(CATALOGUE, request, precautions=precautions)
    except PlanError:
        assume(False)
        return
    for item in routine.items:
        mark = precautions.mark_for(item.exercise.id)
        assert mark is not Mark.MUST_NOT
        if mark is Mark.MODIFY:
            assert item.modification == precautions.modification_for(item.exercise.id)
