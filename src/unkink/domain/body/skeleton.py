"""The body's fixed dimensions: named points, bone lengths and thicknesses. Pure, no I/O.

Metres, for an adult about 1.70 m tall; the body frame is the one ``geometry`` describes.
"""

from __future__ import annotations

from unkink.domain.body import geometry as g

SIDES = ("left", "right")
SPINE_POINTS = ("pelvis", "waist", "mid_back", "neck_base", "neck_top", "head")
LIMB_POINTS = ("hip", "knee", "ankle", "heel", "toe", "shoulder", "elbow", "wrist", "hand")
POINTS = SPINE_POINTS + tuple(f"{s}_{p}" for s in SIDES for p in LIMB_POINTS)

BONES: dict[str, float] = {
    "lumbar": 0.15,
    "thoracic": 0.15,
    "upper_back": 0.13,
    "neck": 0.09,
    "upper_arm": 0.29,
    "forearm": 0.25,
    "hand": 0.10,
    "thigh": 0.43,
    "shin": 0.42,
}
"""Bone lengths in metres for an adult about 1.70 m tall."""

HIP_OFFSET: g.Vec3 = (0.0, -0.07, 0.085)
SHOULDER_OFFSET: g.Vec3 = (0.0, -0.035, 0.17)
HEAD_OFFSET: g.Vec3 = (0.02, 0.085, 0.0)
HEEL_OFFSET: g.Vec3 = (-0.045, -0.05, 0.0)
TOE_OFFSET: g.Vec3 = (0.16, -0.055, 0.0)

RADIUS: dict[str, float] = {
    "pelvis": 0.115,
    "waist": 0.10,
    "mid_back": 0.11,
    "neck_base": 0.085,
    "neck_top": 0.045,
    "head": 0.105,
    "hip": 0.085,
    "knee": 0.055,
    "ankle": 0.042,
    "heel": 0.035,
    "toe": 0.025,
    "shoulder": 0.055,
    "elbow": 0.045,
    "wrist": 0.033,
    "hand": 0.028,
}
"""Half-thickness in metres around each point: how far its surface is from its centre."""

TRUNK_HALF_WIDTH: dict[str, float] = {
    "pelvis": 0.16,
    "waist": 0.14,
    "mid_back": 0.16,
    "neck_base": 0.15,
}
"""Half-width of the trunk from side to side (``RADIUS`` is its half-depth front to back)."""


def radius(point: str) -> float:
    return RADIUS[_unsided(point)]


def _unsided(name: str) -> str:
    for side in SIDES:
        if name.startswith(side + "_"):
            return name[len(side) + 1 :]
    return name


BONE_PAIRS: tuple[tuple[str, str], ...] = (
    ("pelvis", "waist"),
    ("waist", "mid_back"),
    ("mid_back", "neck_base"),
    ("neck_base", "neck_top"),
    ("neck_top", "head"),
) + tuple(
    (f"{s}_{a}", f"{s}_{b}")
    for s in SIDES
    for a, b in (
        ("shoulder", "elbow"),
        ("elbow", "wrist"),
        ("wrist", "hand"),
        ("hip", "knee"),
        ("knee", "ankle"),
        ("ankle", "heel"),
        ("ankle", "toe"),
    )
)
"""Pairs of points joined by a rigid bone: their distance never changes."""
