"""The planner's memo gives what the planner gives, keyed by exactly the planner's inputs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from unkink.catalogue.loader import load_builtin
from unkink.domain.errors import PlanError
from unkink.domain.safety.precautions import Mark, Precautions
from unkink.domain.session.planner import parse_request, plan_routine
from unkink.services import plan_memo

CATALOGUE = load_builtin()
REQUEST = parse_request(area="lower", where="floor", minutes=10)


@pytest.fixture(autouse=True)
def _empty_memo() -> Iterator[None]:
    plan_memo.forget()
    yield
    plan_memo.forget()


def test_the_same_inputs_give_the_remembered_plan_equal_to_a_fresh_one() -> None:
    first = plan_memo.planned(CATALOGUE, REQUEST, Precautions())
    again = plan_memo.planned(CATALOGUE, replace(REQUEST), Precautions(marks={}))
    assert again is first
    assert first == plan_routine(CATALOGUE, REQUEST)


def test_other_precautions_or_requests_are_planned_afresh() -> None:
    usual = plan_memo.planned(CATALOGUE, REQUEST, Precautions())
    assert "prone_extension" in [i.exercise.id for i in usual.items]
    careful = Precautions(marks={"prone_extension": Mark.MUST_NOT})
    changed = plan_memo.planned(CATALOGUE, REQUEST, careful)
    assert "prone_extension" not in [i.exercise.id for i in changed.items]
    assert changed == plan_routine(CATALOGUE, REQUEST, precautions=careful)
    gentle = plan_memo.planned(CATALOGUE, replace(REQUEST, minutes=5), Precautions())
    assert gentle == plan_routine(CATALOGUE, replace(REQUEST, minutes=5))


def test_another_catalogue_object_is_not_served_from_the_first() -> None:
    plan_memo.planned(CATALOGUE, REQUEST, Precautions())
    fewer = replace(CATALOGUE, exercises=tuple(e for e in CATALOGUE if e.id != "bridge"))
    routine = plan_memo.planned(fewer, REQUEST, Precautions())
    assert "bridge" not in [i.exercise.id for i in routine.items]


def test_a_refused_request_raises_every_time() -> None:
    too_long = parse_request(area="lower", where="floor", minutes=40)
    for _ in range(2):
        with pytest.raises(PlanError):
            plan_memo.planned(CATALOGUE, too_long, Precautions())


def test_the_memo_stays_bounded() -> None:
    asked = 0
    for minutes in range(1, 11):
        for left_out in ((), *((e.id,) for e in CATALOGUE)):
            request = replace(REQUEST, minutes=minutes, exclude=left_out)
            try:
                plan_memo.planned(CATALOGUE, request, Precautions())
                asked += 1
            except PlanError:
                pass
    assert asked > plan_memo.SIZE and len(plan_memo._plans) == plan_memo.SIZE
