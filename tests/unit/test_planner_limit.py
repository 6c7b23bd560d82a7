"""The planner's "too long" message and its limit agree (timing is in bench/, not here)."""

from __future__ import annotations

import re

import pytest

from unkink.catalogue.loader import load_builtin
from unkink.domain.errors import PlanError
from unkink.domain.session.planner import parse_request, plan_routine

CATALOGUE = load_builtin()


@pytest.mark.parametrize("area", ["upper", "lower", "whole"])
@pytest.mark.parametrize("where", ["desk", "floor"])
def test_the_limit_in_the_message_is_the_limit_that_plans(area: str, where: str) -> None:
    with pytest.raises(PlanError) as refused:
        plan_routine(CATALOGUE, parse_request(area=area, where=where, minutes=60))
    said = re.search(r"takes about (\d+) minutes, so ask for (\d+) minutes or fewer", str(refused))
    assert said, str(refused.value)
    about, most = int(said.group(1)), int(said.group(2))
    routine = plan_routine(CATALOGUE, parse_request(area=area, where=where, minutes=most))
    assert abs(routine.total_s / 60 - about) <= 1  # the longest plan is what the message says
    with pytest.raises(PlanError):
        plan_routine(CATALOGUE, parse_request(area=area, where=where, minutes=most + 1))
