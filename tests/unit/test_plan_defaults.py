"""What a plan starts from when the person does not say (``domain.safety.plan_defaults``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkink.domain.safety.plan_defaults import plan_defaults, usual_minutes
from unkink.domain.session.planner import MAX_MINUTES, MIN_MINUTES, USUAL_MINUTES


@pytest.mark.parametrize(
    ("pain_area", "area"),
    [
        ("low_back", "lower"),
        ("neck", "upper"),
        ("whole_back", "whole"),
        (None, "whole"),
        (3, "whole"),
    ],
)
def test_the_area_follows_where_it_hurts(pain_area: object, area: str) -> None:
    assert plan_defaults({"pain_area": pain_area}, None).area == area


def test_no_place_said_is_the_desk_and_asked() -> None:
    assert plan_defaults(None, None) == plan_defaults(None, "sofa")
    said = plan_defaults(None, None)
    assert (said.place, said.place_known) == ("desk", False)
    assert plan_defaults(None, "floor").place_known


def test_the_first_plan_is_the_usual_length_then_the_last_sessions() -> None:
    assert usual_minutes(None) == USUAL_MINUTES
    assert usual_minutes(5 * 60 + 20) == 5
    assert usual_minutes(5 * 60 + 40) == 6
    assert usual_minutes(10) == MIN_MINUTES  # a routine under a minute still asks for one
    assert usual_minutes(3 * 3600) == MAX_MINUTES


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_the_length_asked_for_is_always_one_the_planner_takes(seconds: float) -> None:
    assert MIN_MINUTES <= usual_minutes(seconds) <= MAX_MINUTES
