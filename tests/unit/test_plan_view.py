"""``unkink plan``'s table: rich on a terminal, the same words as plain lines otherwise."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from unkink.catalogue.loader import load_builtin
from unkink.cli.session_plan import PLAN_HEADER, plan_lines, plan_table
from unkink.domain.session.planner import parse_request, plan_routine

REQUESTS = [
    {"area": "lower", "where": "floor", "minutes": 10},
    {"area": "upper", "where": "desk", "minutes": 5},
    {"area": "whole", "where": "floor", "minutes": 25},
    {"area": "lower", "where": "desk", "minutes": 1},
]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w.:,'()-]+", text.replace("─", " "))


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: f"{r['area']}-{r['where']}")
def test_plain_lines_say_the_tables_words_and_reasons_whole(request_: dict[str, object]) -> None:
    routine = plan_routine(load_builtin(), parse_request(**request_))  # type: ignore[arg-type]
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(plan_table(routine))
    drawn = console.export_text()
    lines = plan_lines(routine)
    assert lines[0] == drawn.splitlines()[0].strip()  # the title
    assert lines[1].split() == " ".join(PLAN_HEADER).split()
    assert sorted(_words(" ".join(lines))) == sorted(_words(drawn))
    for item in routine.items:
        assert any(line.strip() == item.reason for line in lines)  # whole, never wrapped
    assert not any(ch in "".join(lines) for ch in "│┃━─")
