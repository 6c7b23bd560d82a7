"""The pose model and every shipped keyframe: geometry, range of motion and meaning."""

from __future__ import annotations

import math
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkink.catalogue.loader import CatalogueError, load_builtin, parse_exercise
from unkink.domain.body import geometry as g
from unkink.domain.body.placement import PlacedPose
from unkink.domain.body.pose import JOINTS, Keyframe, forward_kinematics, resolve_angles
from unkink.domain.body.range_of_motion import limits, out_of_range
from unkink.domain.body.skeleton import BONE_PAIRS, POINTS, radius
from unkink.domain.exercises import Exercise, Laterality
from unkink.figures.scene import scene_for
from unkink.figures.svg import figure_markup, held_step, render_held_svg

CATALOGUE = load_builtin()
FLOOR_TOLERANCE_M = 0.015
CONTACT_TOLERANCE_M = 0.03


def _sides(exercise: Exercise) -> tuple[str | None, ...]:
    return ("right", "left") if exercise.laterality is Laterality.UNILATERAL else (None,)


CASES = [
    (exercise.id, i, side)
    for exercise in CATALOGUE
    for side in _sides(exercise)
    for i in range(len(exercise.steps))
]


def placed(exercise_id: str, step: int, side: str | None = None) -> PlacedPose:
    exercise = CATALOGUE.get(exercise_id)
    scene = scene_for(exercise, side)
    return scene.place(scene.keyframes(exercise.steps[step])[-1])


def _all_keyframes(exercise_id: str, side: str | None) -> list[Keyframe]:
    exercise = CATALOGUE.get(exercise_id)
    scene = scene_for(exercise, side)
    return [k for s in exercise.steps for k in scene.keyframes(s)]


def test_every_step_of_every_exercise_has_a_pose() -> None:
    missing = [(e.id, s.text) for e in CATALOGUE for s in e.steps if not s.keyframes]
    assert missing == []


@pytest.mark.parametrize(("exercise_id", "step", "side"), CASES)
def test_nothing_goes_below_the_floor(exercise_id: str, step: int, side: str | None) -> None:
    pose = placed(exercise_id, step, side)
    low = {p: round(pose.surface_height(p), 3) for p in POINTS if pose.surface_height(p) < 0}
    assert all(h > -FLOOR_TOLERANCE_M for h in low.values()), low


@pytest.mark.parametrize(("exercise_id", "step", "side"), CASES)
def test_named_contacts_rest_on_floor_and_seat(
    exercise_id: str, step: int, side: str | None
) -> None:
    exercise = CATALOGUE.get(exercise_id)
    scene = scene_for(exercise, side)
    keyframe = scene.keyframes(exercise.steps[step])[-1]
    pose = scene.place(keyframe)
    for point in keyframe.floor:
        assert abs(pose.surface_height(point)) < CONTACT_TOLERANCE_M, point
    if keyframe.seat:
        assert scene.reference is not None and scene.reference.seat_height is not None
        for point in keyframe.seat:
            gap = pose.surface_height(point) - scene.reference.seat_height
            assert abs(gap) < CONTACT_TOLERANCE_M, point


@pytest.mark.parametrize("exercise", list(CATALOGUE), ids=lambda e: e.id)
def test_bone_lengths_stay_the_same_in_every_frame(exercise: Exercise) -> None:
    reference = forward_kinematics({})
    for side in _sides(exercise):
        for keyframe in _all_keyframes(exercise.id, side):
            body = scene_for(exercise, side).place(keyframe).points
            for a, b in BONE_PAIRS:
                expected = g.distance(reference[a].position, reference[b].position)
                actual = g.distance(body[a].position, body[b].position)
                assert actual == pytest.approx(expected, abs=1e-9), (a, b)


@pytest.mark.parametrize("exercise", list(CATALOGUE), ids=lambda e: e.id)
def test_every_joint_stays_within_its_range_of_motion(exercise: Exercise) -> None:
    for side in _sides(exercise):
        for keyframe in _all_keyframes(exercise.id, side):
            assert out_of_range(keyframe.angles) == []


def test_unknown_joints_and_impossible_angles_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown joint"):
        out_of_range({"tail": 10})
    assert out_of_range({"left_knee": -20}) == ["left_knee = -20 is outside 0..160 degrees"]


# --- each pose means what its step says -------------------------------------------------


def _above_line(pose: PlacedPose, a: str, b: str, point: str) -> float:
    """Height of ``point`` above the straight line from ``a`` to ``b`` (side view)."""
    pa, pb, p = pose.position(a), pose.position(b), pose.position(point)
    t = (p[0] - pa[0]) / (pb[0] - pa[0])
    return p[1] - (pa[1] + t * (pb[1] - pa[1]))


def test_cat_rounds_the_spine_up_and_lets_the_head_hang() -> None:
    cat = placed("cat_camel", 2)
    assert _above_line(cat, "pelvis", "neck_base", "waist") > 0.04
    assert _above_line(cat, "pelvis", "neck_base", "mid_back") > 0.04
    assert cat.position("head")[1] < cat.position("neck_base")[1] - 0.1


def test_camel_lets_the_spine_sag_and_lifts_the_head() -> None:
    camel = placed("cat_camel", 4)
    assert _above_line(camel, "pelvis", "neck_base", "waist") < -0.02
    assert _above_line(camel, "pelvis", "neck_base", "mid_back") < -0.02
    assert camel.position("head")[1] > camel.position("neck_base")[1] + 0.1


@pytest.mark.parametrize("step", [2, 3])
def test_bridge_lifts_the_hips_to_the_shoulder_knee_line(step: int) -> None:
    bridge = placed("bridge", step)
    assert bridge.surface_height("pelvis") > 0.1
    assert abs(_above_line(bridge, "neck_base", "right_knee", "pelvis")) < 0.05
    for point in ("neck_base", "right_heel", "left_heel", "right_toe", "left_toe"):
        assert abs(bridge.surface_height(point)) < CONTACT_TOLERANCE_M, point


@pytest.mark.parametrize("step", [2, 3])
def test_prone_extension_keeps_the_pelvis_down_and_the_chest_up_on_the_forearms(
    step: int,
) -> None:
    pose = placed("prone_extension", step)
    assert pose.surface_height("pelvis") < CONTACT_TOLERANCE_M
    assert pose.surface_height("neck_base") > 0.15
    for side in ("left", "right"):
        assert pose.surface_height(f"{side}_elbow") < CONTACT_TOLERANCE_M
        assert pose.surface_height(f"{side}_wrist") < CONTACT_TOLERANCE_M
        elbow, shoulder = pose.position(f"{side}_elbow"), pose.position(f"{side}_shoulder")
        assert abs(elbow[0] - shoulder[0]) < 0.08, "elbows under the shoulders"


@pytest.mark.parametrize("side", ["right", "left"])
def test_knee_to_chest_brings_the_named_knee_up_and_keeps_the_other_leg_long(
    side: str,
) -> None:
    other = "left" if side == "right" else "right"
    lying, hug = placed("knee_to_chest", 0, side), placed("knee_to_chest", 3, side)
    assert g.distance(hug.position(f"{side}_knee"), hug.position("mid_back")) < 0.4
    assert g.distance(lying.position(f"{side}_knee"), lying.position("mid_back")) > 0.7
    hip, knee, ankle = (hug.position(f"{other}_{p}") for p in ("hip", "knee", "ankle"))
    assert g.distance(hip, ankle) > 0.98 * (g.distance(hip, knee) + g.distance(knee, ankle))
    assert hug.surface_height(f"{other}_heel") < CONTACT_TOLERANCE_M
    assert hug.surface_height("pelvis") < CONTACT_TOLERANCE_M, "tailbone stays on the mat"


def test_kneeling_reach_sits_the_hips_toward_the_heels_with_the_arms_forward() -> None:
    start, reach = placed("kneeling_extension", 0), placed("kneeling_extension", 2)
    heel_gap = g.distance(reach.position("pelvis"), reach.position("right_heel"))
    assert heel_gap < 0.3
    assert heel_gap < g.distance(start.position("pelvis"), start.position("right_heel")) - 0.25
    for side in ("left", "right"):
        assert reach.position(f"{side}_hand")[0] > reach.position("head")[0] + 0.3
        assert reach.surface_height(f"{side}_hand") < CONTACT_TOLERANCE_M


def _turn_deg(pose: PlacedPose, part: str) -> float:
    left, right = pose.position(f"left_{part}"), pose.position(f"right_{part}")
    return math.degrees(math.atan2(right[0] - left[0], right[2] - left[2]))


@pytest.mark.parametrize(("side", "sign"), [("right", -1), ("left", 1)])
def test_chair_twist_turns_the_shoulders_against_the_seated_hips(side: str, sign: int) -> None:
    upright, twist = placed("chair_twist", 2, side), placed("chair_twist", 4, side)
    assert abs(_turn_deg(upright, "shoulder") - _turn_deg(upright, "hip")) < 5
    turn = _turn_deg(twist, "shoulder") - _turn_deg(twist, "hip")
    assert sign * turn > 40, turn
    assert twist.seat_height is not None and twist.seat_height > 0.35
    for foot in ("left_heel", "right_heel", "left_toe", "right_toe"):
        assert twist.surface_height(foot) < CONTACT_TOLERANCE_M


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_butterfly_keeps_the_fingertips_on_the_shoulders(step: int) -> None:
    pose = placed("butterfly", step)
    for side in ("left", "right"):
        assert g.distance(pose.position(f"{side}_hand"), pose.position(f"{side}_shoulder")) < 0.09


@pytest.mark.parametrize("step", [2, 3])
def test_butterfly_draws_the_elbows_together_in_front(step: int) -> None:
    open_, together = placed("butterfly", 1), placed("butterfly", step)
    gap = g.distance(together.position("left_elbow"), together.position("right_elbow"))
    assert gap < 0.2
    assert gap < g.distance(open_.position("left_elbow"), open_.position("right_elbow")) / 3
    assert together.position("right_elbow")[0] > together.position("right_shoulder")[0] + 0.15


# --- properties ---------------------------------------------------------------------------


def _angles() -> st.SearchStrategy[dict[str, float]]:
    return st.fixed_dictionaries({j: st.floats(*limits(j), allow_nan=False) for j in JOINTS})


@given(_angles())
def test_mirroring_twice_gives_the_same_pose(angles: dict[str, float]) -> None:
    keyframe = Keyframe(angles=angles, floor=("left_knee", "pelvis"), seat=("right_hip",))
    twice = keyframe.mirrored().mirrored()
    assert twice.resolved() == pytest.approx(resolve_angles(angles))
    assert (twice.floor, twice.seat) == (keyframe.floor, keyframe.seat)


@given(_angles())
def test_a_mirrored_pose_is_the_reflection_of_the_pose(angles: dict[str, float]) -> None:
    body = forward_kinematics(angles)
    mirrored = forward_kinematics(Keyframe(angles=angles).mirrored().angles)
    swap = {"left_": "right_", "right_": "left_"}
    for name, point in body.items():
        prefix = next((p for p in swap if name.startswith(p)), "")
        twin = swap[prefix] + name[len(prefix) :] if prefix else name
        expected = g.mirror_z(point.position)
        assert mirrored[twin].position == pytest.approx(expected, abs=1e-9)


@given(_angles())
def test_forward_kinematics_never_stretches_a_bone(angles: dict[str, float]) -> None:
    reference, body = forward_kinematics({}), forward_kinematics(angles)
    for a, b in BONE_PAIRS:
        expected = g.distance(reference[a].position, reference[b].position)
        assert g.distance(body[a].position, body[b].position) == pytest.approx(expected)


# --- the catalogue refuses poses a body cannot take --------------------------------------

BRIDGE_TEXT = (resources.files("unkink.catalogue") / "data" / "bridge.toml").read_text("utf-8")


@pytest.mark.parametrize(
    ("keyframe", "message"),
    [
        ('floor = ["pelvis"]\nangles = { tail = 3 }', "unknown joint(s): tail"),
        ('floor = ["pelvis"]\nangles = { left_knee = -20 }', "left_knee = -20 is outside 0..160"),
        ('floor = ["elbow_tip"]\nangles = {}', "unknown contact point(s): elbow_tip"),
        ("angles = { knee = 10 }", "name at least one point in floor or seat"),
    ],
)
def test_the_catalogue_refuses_impossible_keyframes(keyframe: str, message: str) -> None:
    text = BRIDGE_TEXT + f"\n[[steps.keyframes]]\n{keyframe}\n"
    with pytest.raises(CatalogueError) as caught:
        parse_exercise(text, "bridge.toml")
    problem = caught.value.problems[0]
    assert problem.field.startswith("steps.4.keyframes.")
    assert message in problem.message


# --- each figure shows its own step; thumbnails show the held pose -------------------------


def _max_move(a: PlacedPose, b: PlacedPose) -> float:
    return max(g.distance(a.position(p), b.position(p)) for p in POINTS)


@pytest.mark.parametrize(("exercise_id", "step", "side"), CASES)
def test_every_step_that_is_not_a_hold_shows_a_pose_of_its_own(
    exercise_id: str, step: int, side: str | None
) -> None:
    """A step that asks for a movement is drawn moved from where the step before ended."""
    exercise = CATALOGUE.get(exercise_id)
    if exercise.steps[step].hold:
        return
    scene = scene_for(exercise, side)
    keys = scene.keyframes(exercise.steps[step])
    if len(keys) > 1:
        before = keys[0]
    else:  # the step before in the list (for the first step, the one after)
        before = scene.keyframes(exercise.steps[step - 1 if step else 1])[-1]
    assert _max_move(scene.place(before), placed(exercise_id, step, side)) > 0.03


@pytest.mark.parametrize(("exercise_id", "step", "side"), CASES)
def test_a_step_that_says_hands_and_knees_shows_hands_and_knees(
    exercise_id: str, step: int, side: str | None
) -> None:
    if "hands and knees" not in CATALOGUE.get(exercise_id).steps[step].text:
        return
    pose = placed(exercise_id, step, side)
    for point in ("left_knee", "right_knee", "left_hand", "right_hand"):
        assert pose.surface_height(point) < CONTACT_TOLERANCE_M, point
    assert pose.surface_height("pelvis") > 0.3, "not kneeling upright, not sitting back"


def test_the_kneeling_reach_sits_right_back_on_the_heels() -> None:
    reach = placed("kneeling_extension", 2)
    for side in ("left", "right"):
        gap = g.distance(reach.position("pelvis"), reach.position(f"{side}_heel"))
        assert gap - radius("pelvis") - radius(f"{side}_heel") < 0.03


@pytest.mark.parametrize("exercise", list(CATALOGUE), ids=lambda e: e.id)
def test_the_thumbnail_is_the_held_pose(exercise: Exercise) -> None:
    held = held_step(exercise)
    assert held.hold or not any(s.hold for s in exercise.rep_steps)
    scene = scene_for(exercise)
    pose = scene.place(scene.keyframes(held)[-1])
    assert figure_markup(pose, scene) in render_held_svg(exercise)


def test_thumbnails_of_different_stretches_differ() -> None:
    """Bridge and knee to chest start alike (lying on the back) but hold different poses."""
    bridge, hug = placed("bridge", 3), placed("knee_to_chest", 3)
    assert _max_move(bridge, hug) > 0.3
    thumbnails = {render_held_svg(e).split("<style>")[1].split("</title>")[-1] for e in CATALOGUE}
    assert len(thumbnails) == len(list(CATALOGUE))
