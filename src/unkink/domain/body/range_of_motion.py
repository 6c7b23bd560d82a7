"""How far each joint of the pose model may move, in degrees, for a typical adult. Pure.

The limits are a little generous next to clinical tables (the figure is a drawing, not a
measurement) but rule out poses no body can take, such as a knee bending backwards.
"""

from __future__ import annotations

from collections.abc import Mapping

from unkink.domain.body.pose import LIMB_JOINTS, resolve_angles
from unkink.domain.body.skeleton import SIDES

LIMITS: dict[str, tuple[float, float]] = {
    "lumbar": (-35.0, 60.0),
    "thoracic": (-25.0, 45.0),
    "upper_back": (-25.0, 45.0),
    "neck": (-60.0, 60.0),
    "head": (-35.0, 40.0),
    "lumbar_twist": (-10.0, 10.0),
    "thoracic_twist": (-35.0, 35.0),
    "upper_back_twist": (-30.0, 30.0),
    "neck_twist": (-80.0, 80.0),
    "scapula": (-15.0, 30.0),
    "shoulder_flex": (-60.0, 180.0),
    "shoulder_abd": (-45.0, 180.0),
    "shoulder_rot": (-90.0, 90.0),
    "elbow": (0.0, 150.0),
    "wrist": (-90.0, 80.0),
    "hip_flex": (-30.0, 140.0),
    "hip_abd": (-30.0, 50.0),
    "knee": (0.0, 160.0),
    "ankle": (-55.0, 30.0),
}
"""Lowest and highest angle per joint; limb joints apply to both sides."""


def limits(joint: str) -> tuple[float, float]:
    for side in SIDES:
        if joint.startswith(side + "_") and joint[len(side) + 1 :] in LIMB_JOINTS:
            return LIMITS[joint[len(side) + 1 :]]
    return LIMITS[joint]


def out_of_range(raw: Mapping[str, float]) -> list[str]:
    """Plain-words problems for each angle outside its range (empty when the pose is fine).

    Raises ValueError for unknown joint names.
    """
    problems = []
    for joint, value in resolve_angles(raw).items():
        low, high = limits(joint)
        if not low <= value <= high:
            problems.append(f"{joint} = {value:g} is outside {low:g}..{high:g} degrees")
    return problems
