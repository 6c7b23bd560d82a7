"""The web player's timeline carries the server's rules, so player.js need not re-state them:
where each segment ends, where a skip lands and which cue comes next are SessionRun's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unkink.catalogue.loader import load_builtin
from unkink.domain.session.planner import parse_request, plan_routine
from unkink.domain.session.run import resume_run
from unkink.domain.session.timeline import build_timeline
from unkink.web.session_data import player_timeline

PLAYER_JS = Path(__file__).parents[2] / "src" / "unkink" / "web" / "static" / "player.js"


@pytest.mark.parametrize(
    ("area", "where", "minutes"), [("lower", "floor", 10), ("upper", "desk", 3)]
)
def test_skip_targets_are_the_session_runs(area: str, where: str, minutes: float) -> None:
    routine = plan_routine(load_builtin(), parse_request(area=area, where=where, minutes=minutes))
    timeline = build_timeline(routine)
    shown = player_timeline(timeline)
    for segment, data in zip(timeline.segments, shown["segments"], strict=True):
        assert data["end_s"] == segment.end_s
        run = resume_run(timeline, position_s=segment.start_s, elapsed_s=0, now=0.0)
        by_step, by_exercise = run.skip_step(0.0), run.skip_exercise(0.0)
        assert data["skip_step_to_s"] == by_step.position(0.0)
        assert data["skip_exercise_to_s"] == by_exercise.position(0.0)
        assert data["skip_exercise_cue"] == timeline.first_cue_from(by_exercise.position(0.0))
        assert data["skip_step_cue"] == timeline.first_cue_from(by_step.position(0.0))


def test_player_js_does_not_recompute_the_timeline_rules() -> None:
    source = PLAYER_JS.read_text("utf-8")
    for rule in (r"start_s\s*\+\s*\w*\.?duration_s", r"function\s+exerciseEnd", r"firstCueFrom"):
        assert not re.search(rule, source), rule
