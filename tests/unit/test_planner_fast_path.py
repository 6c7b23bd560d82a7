"""The faster planner search gives exactly the plans (or refusals) of the reference search.

``planner_reference`` is the search as it was; on many requests, with and without
precautions, the routine (every item, dose, hold, reason and note) must be equal, and a
request either refuses with the same message or plans alike.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.planner_reference import fit_doses_reference, plan_routine_reference
from unkink.catalogue.loader import load_builtin
from unkink.domain.errors import PlanError
from unkink.domain.safety.precautions import Mark, Precautions
from unkink.domain.session.dosing import fit_doses
from unkink.domain.session.planner import parse_request, plan_routine

CATALOGUE = load_builtin()
IDS = list(CATALOGUE.ids)

minutes = st.one_of(  # most plans are 1 to 25 minutes; longer ones are mostly refused
    st.integers(min_value=1, max_value=25).map(float),
    st.floats(min_value=1, max_value=60, allow_nan=False).map(lambda m: round(m, 2)),
)
precautions = st.dictionaries(st.sampled_from(IDS), st.sampled_from(list(Mark)), max_size=6).map(
    lambda marks: Precautions(marks, {e: f"Go gently with {e}." for e in marks})
)


def _outcome(plan, *args, **kwargs):  # type: ignore[no-untyped-def]
    try:
        return plan(*args, **kwargs)
    except PlanError as refused:
        return ("refused", str(refused))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    area=st.sampled_from(["upper", "lower", "whole"]),
    where=st.sampled_from(["desk", "floor"]),
    minutes=minutes,
    exclude=st.lists(st.sampled_from(IDS), max_size=3, unique=True),
    gentle_only=st.booleans(),
    marks=precautions,
)
def test_the_fast_search_plans_as_the_reference(  # type: ignore[no-untyped-def]
    area, where, minutes, exclude, gentle_only, marks
) -> None:
    request = parse_request(
        area=area, where=where, minutes=minutes, exclude=exclude, gentle_only=gentle_only
    )
    fast = _outcome(plan_routine, CATALOGUE, request, precautions=marks)
    reference = _outcome(plan_routine_reference, CATALOGUE, request, precautions=marks)
    assert fast == reference


@settings(max_examples=300, deadline=None)
@given(
    order=st.lists(st.sampled_from(IDS), min_size=0, max_size=5, unique=True),
    target=st.floats(min_value=30, max_value=3600, allow_nan=False),
    allow_short=st.booleans(),
    shorter=st.sets(st.sampled_from(IDS), max_size=3),
)
def test_fit_doses_picks_as_the_reference(  # type: ignore[no-untyped-def]
    order, target, allow_short, shorter
) -> None:
    exercises = [CATALOGUE.get(e) for e in order]
    kwargs = {"allow_short": allow_short, "shorter_holds": frozenset(shorter)}
    expected = fit_doses_reference(exercises, target, **kwargs)  # type: ignore[arg-type]
    assert fit_doses(exercises, target, **kwargs) == expected  # type: ignore[arg-type]
    assert fit_doses(exercises, target, memo={}, **kwargs) == expected  # type: ignore[arg-type]
