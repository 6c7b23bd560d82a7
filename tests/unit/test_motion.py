"""The moving figures between keyframes: every sampled frame of every exercise's animation.

Not only the keyframes: each frame the animation shows (intro and loop, both sides of a
one-sided stretch) keeps the body above the floor, every bone its length, and every point
that rests on the floor or seat at both ends of a move where it rests.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from unkink.catalogue.loader import load_builtin
from unkink.domain.body import geometry as g
from unkink.domain.body.motion import SLIDE_M, between, held_contacts
from unkink.domain.body.placement import PlacedPose
from unkink.domain.body.pose import forward_kinematics
from unkink.domain.body.skeleton import BONE_PAIRS, POINTS
from unkink.domain.exercises import Laterality
from unkink.figures.animate import (
    exercise_frames,
    render_exercise_animated_svg,
    render_step_moving_svg,
)
from unkink.figures.scene import scene_for
from unkink.figures.svg import figure_markup
from unkink.figures.timeline import Frame, Mover, same_pose

CATALOGUE = load_builtin()
FLOOR_TOLERANCE_M = 0.005
HELD_TOLERANCE_M = 0.005
FIRST_MOVE_S = 1.0
STEP_MOVES_S = 0.6
REFERENCE = forward_kinematics({})


def _cases() -> list[tuple[str, str | None]]:
    out = []
    for exercise in CATALOGUE:
        one_sided = exercise.laterality is Laterality.UNILATERAL
        out += [(exercise.id, side) for side in (("right", "left") if one_sided else (None,))]
    return out


CASES = _cases()
FRAMES = {case: exercise_frames(scene_for(CATALOGUE.get(case[0]), case[1])) for case in CASES}


def _frames(case: tuple[str, str | None]) -> list[Frame]:
    intro, loop = FRAMES[case]
    return intro + loop


@pytest.mark.parametrize("case", CASES, ids=str)
def test_no_frame_puts_any_part_below_the_floor(case: tuple[str, str | None]) -> None:
    for frame in _frames(case):
        low = min(frame.pose.surface_height(p) for p in POINTS)
        assert low > -FLOOR_TOLERANCE_M, (frame.t, frame.step, low)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_frame_keeps_every_bone_its_length(case: tuple[str, str | None]) -> None:
    for frame in _frames(case):
        body = frame.pose.points
        for a, b in BONE_PAIRS:
            expected = g.distance(REFERENCE[a].position, REFERENCE[b].position)
            assert g.distance(body[a].position, body[b].position) == pytest.approx(expected)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_contacts_stay_put_between_keyframes(case: tuple[str, str | None]) -> None:
    """A point resting at both ends stays there; one the step slides keeps to the surface."""
    exercise = CATALOGUE.get(case[0])
    scene = scene_for(exercise, case[1])
    mover = Mover(scene)
    keys = [k for s in exercise.steps for k in scene.keyframes(s)]
    first_rep = scene.keyframes(exercise.rep_steps[0])[0]
    pairs = [*zip(keys, keys[1:], strict=False), (keys[-1], first_rep)]
    checked = 0
    for ka, kb in pairs:
        if same_pose(ka, kb):
            continue
        a, b = mover.place(ka), mover.place(kb)
        for i in range(1, 8):
            u = i / 8
            pose = between(a, b, u)
            for point in held_contacts(a, b):
                pa, pb, at = a.position(point), b.position(point), pose.position(point)
                target = g.add(pa, g.scale(g.sub(pb, pa), u))
                if g.distance(pa, pb) > SLIDE_M:
                    assert abs(at[1] - target[1]) < HELD_TOLERANCE_M, (point, u, "left the surface")
                else:
                    assert g.distance(at, target) < HELD_TOLERANCE_M, (point, u, "slipped")
                checked += 1
    assert checked > 0


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_moving_figure_moves_from_its_first_second(case: tuple[str, str | None]) -> None:
    frames = _frames(case)
    first = frames[0].pose
    moved = next(f.t for f in frames if _moved(first, f.pose))
    assert moved <= FIRST_MOVE_S


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_step_starts_moving_when_it_starts(case: tuple[str, str | None]) -> None:
    """A step whose pose differs from the one before is moving well inside its first second."""
    for frames in FRAMES[case]:
        for before, first in zip(frames, frames[1:], strict=False):
            if first.step == before.step:
                continue
            step_frames = [f for f in frames if f.step == first.step]
            if not _moved(before.pose, step_frames[-1].pose):
                continue
            soon = next((f for f in step_frames if f.t >= before.t + STEP_MOVES_S), step_frames[-1])
            assert _moved(before.pose, soon.pose), (first.step, before.t)


def _moved(a: PlacedPose, b: PlacedPose) -> bool:
    return max(g.distance(a.position(p), b.position(p)) for p in POINTS) > 0.01


STEP_CASES = [
    (exercise_id, side, i)
    for exercise_id, side in CASES
    for i in range(len(CATALOGUE.get(exercise_id).steps))
]


@pytest.mark.parametrize(("exercise_id", "side", "step"), STEP_CASES, ids=str)
def test_a_steps_moving_figure_starts_at_once_and_ends_in_the_steps_pose(
    exercise_id: str, side: str | None, step: int
) -> None:
    exercise = CATALOGUE.get(exercise_id)
    text = render_step_moving_svg(exercise, step, side=side)
    ET.fromstring(text)
    begins = set(re.findall(r'<animate attributeName="d" begin="([^"]+)"', text))
    assert begins <= {"0s"}, "a step's movement starts with the step"
    assert "repeatCount" not in text, "it moves once, then stays in the step's pose"
    scene = scene_for(exercise, side)
    still = figure_markup(scene.place(scene.keyframes(exercise.steps[step])[-1]), scene)
    assert f'<g class="still">{still}' in text
    if begins:
        durations = [float(d) for d in re.findall(r'begin="0s" dur="([\d.]+)s"', text)]
        assert max(durations) <= exercise.steps[step].seconds.value + 1e-6


def test_the_moving_exercise_figure_starts_moving_at_once() -> None:
    for exercise in CATALOGUE:
        text = render_exercise_animated_svg(exercise)
        first = re.search(r'<animate attributeName="d" begin="([^"]+)"', text)
        assert first is not None and first.group(1) == "0s", exercise.id
