"""``unkink plan``'s table: whole plain lines to a pipe, the same words folded on a terminal."""

from __future__ import annotations

import re

import pytest

from unkink.catalogue.loader import load_builtin
from unkink.cli.columns import Screen
from unkink.cli.session_plan import PLAN_HEADER, plan_lines
from unkink.domain.session.planner import parse_request, plan_routine

REQUESTS = [
    {"area": "lower", "where": "floor", "minutes": 10},
    {"area": "upper", "where": "desk", "minutes": 5},
    {"area": "whole", "where": "floor", "minutes": 25},
    {"area": "lower", "where": "desk", "minutes": 1},
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: f"{r['area']}-{r['where']}")
@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_a_terminal_gets_the_plain_lines_words_folded_to_its_width(
    request_: dict[str, object], width: int
) -> None:
    routine = plan_routine(load_builtin(), parse_request(**request_))  # type: ignore[arg-type]
    lines = plan_lines(routine)
    drawn = [ANSI.sub("", line) for line in plan_lines(routine, Screen(width, color=True))]
    assert drawn[0] == lines[0]  # the title
    assert max(map(len, drawn)) <= width, "\n".join(drawn)
    assert sorted(" ".join(drawn).split()) == sorted(" ".join(lines).split())
    assert lines[1].split() == " ".join(PLAN_HEADER).split()
    for item in routine.items:
        assert any(line.strip() == item.reason for line in lines)  # whole, never wrapped
    reasons = [line for line in drawn if "Chosen for" in line]
    assert len(reasons) == len(routine.items)
    assert {line.index("Chosen") for line in reasons} == {3}  # under the name, after "#"
    assert not any(ch in "".join(lines + drawn) for ch in "│┃━─")


def test_a_reason_folds_at_spaces_and_keeps_its_words_in_order() -> None:
    routine = plan_routine(load_builtin(), parse_request(**REQUESTS[0]))  # type: ignore[arg-type]
    drawn = plan_lines(routine, Screen(50))
    notes = " ".join(line.strip() for line in drawn if line.startswith("   ") and line[3] != " ")
    for item in routine.items:
        assert item.reason in notes  # one reason's words, in order, across its lines
