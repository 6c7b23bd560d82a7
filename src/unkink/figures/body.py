"""Turn a placed pose into filled, rounded body parts as seen by a camera."""

from __future__ import annotations

import math
from dataclasses import dataclass

from unkink.domain.body import geometry as g
from unkink.domain.body.placement import PlacedPose
from unkink.domain.body.skeleton import RADIUS, SIDES, TRUNK_HALF_WIDTH
from unkink.figures import paths
from unkink.figures.camera import CM_PER_M, Camera

TRUNK_CHAIN = ("pelvis", "waist", "mid_back", "neck_base")
ARM = (("upper_arm", "shoulder", "elbow"), ("forearm", "elbow", "wrist"), ("hand", "wrist", "hand"))
LEG = (("thigh", "hip", "knee"), ("shin", "knee", "ankle"), ("foot", "heel", "toe"))
LIMB_RADIUS = {"shoulder": 0.058, "hip": 0.088}
EYE_OFFSET: g.Vec3 = (0.075, 0.02, 0.04)
EYE_RADIUS = 0.014
SHOULDER_RISE_M = 0.035
"""How far the top of the trunk rises above the base of the neck."""
FAR_GAP_M = 0.05
"""A limb whose root is this much farther from the camera than its twin's is drawn lighter."""

HIGHLIGHT_AT: dict[str, tuple[str, str, float, float]] = {
    "upper_back": ("mid_back", "neck_base", 0.45, 0.09),
    "mid_back": ("waist", "mid_back", 0.6, 0.085),
    "lower_back": ("pelvis", "waist", 0.5, 0.085),
    "hips": ("pelvis", "pelvis", 0.0, 0.09),
}
"""Region -> (from point, to point, fraction along, radius in metres), on the back surface."""


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    kind: str  # css class: trunk, near, far, eye
    d: str


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    depth: float
    parts: tuple[Part, ...]


def groups(placed: PlacedPose, camera: Camera) -> list[Group]:
    """Body parts in groups (trunk, each arm, each leg), far to near."""
    trunk_depth = _mean_depth(placed, camera, TRUNK_CHAIN)
    out = [Group("trunk", trunk_depth, _trunk(placed, camera))]
    for side, other in (("left", "right"), ("right", "left")):
        for limb, chain in (("arm", ARM), ("leg", LEG)):
            names = [f"{side}_{p}" for _, a, b in chain for p in (a, b)]
            root = chain[0][1]
            gap = camera.level_depth(placed.position(f"{other}_{root}")) - camera.level_depth(
                placed.position(f"{side}_{root}")
            )
            kind = "far" if gap > FAR_GAP_M else "near"
            parts = tuple(
                Part(f"{side}_{bone}", kind, _limb(placed, camera, f"{side}_{a}", f"{side}_{b}"))
                for bone, a, b in chain
            )
            out.append(Group(f"{side}_{limb}", _mean_depth(placed, camera, names), parts))
    return sorted(out, key=lambda grp: grp.depth)


def _mean_depth(placed: PlacedPose, camera: Camera, names: list[str] | tuple[str, ...]) -> float:
    return sum(camera.depth(placed.position(n)) for n in names) / len(names)


def limb_radius(point: str) -> float:
    for side in SIDES:
        point = point.removeprefix(side + "_")
    return LIMB_RADIUS.get(point, RADIUS[point]) * CM_PER_M


def _limb(placed: PlacedPose, camera: Camera, a: str, b: str) -> str:
    pa, pb = camera.project(placed.position(a)), camera.project(placed.position(b))
    return paths.capsule(pa, limb_radius(a), pb, limb_radius(b))


def _trunk(placed: PlacedPose, camera: Camera) -> tuple[Part, ...]:
    parts = []
    for i, (a, b) in enumerate(zip(TRUNK_CHAIN, TRUNK_CHAIN[1:], strict=False)):
        pa, pb = camera.project(placed.position(a)), camera.project(placed.position(b))
        ra, rb = half_width(placed, camera, a, pa, pb), half_width(placed, camera, b, pa, pb)
        if b == TRUNK_CHAIN[-1]:
            pb = _pull_in(pa, pb, rb - SHOULDER_RISE_M * CM_PER_M)  # shoulders, not a dome
        parts.append(Part(f"trunk{i + 1}", "trunk", paths.capsule(pa, ra, pb, rb)))
    neck_a = camera.project(placed.position("neck_base"))
    neck_b = camera.project(placed.position("neck_top"))
    parts.append(Part("neck", "trunk", paths.capsule(neck_a, 5.5, neck_b, 4.8)))
    head = camera.project(placed.position("head"))
    parts.append(Part("head", "trunk", paths.disc(head, RADIUS["head"] * CM_PER_M)))
    for side, s in (("left", -1.0), ("right", 1.0)):
        eye = _eye(placed, camera, s)
        if eye is not None:
            parts.append(Part(f"{side}_eye", "eye", paths.disc(eye, EYE_RADIUS * CM_PER_M)))
    return tuple(parts)


def _pull_in(pa: paths.Point, pb: paths.Point, by: float) -> paths.Point:
    """``pb`` moved toward ``pa`` by ``by`` screen units (never past the middle)."""
    dx, dy = pb[0] - pa[0], pb[1] - pa[1]
    d = math.hypot(dx, dy)
    if by <= 0 or d < 1e-6:
        return pb
    k = min(by, d / 2) / d
    return (pb[0] - dx * k, pb[1] - dy * k)


def _eye(placed: PlacedPose, camera: Camera, s: float) -> tuple[float, float] | None:
    head = placed.points["head"]
    offset = g.apply(head.frame, (EYE_OFFSET[0], EYE_OFFSET[1], EYE_OFFSET[2] * s))
    if g.dot(g.scale(offset, 1 / g.norm(offset)), camera.toward) < 0.15:
        return None
    return camera.project(g.add(head.position, offset))


def half_width(
    placed: PlacedPose,
    camera: Camera,
    point: str,
    pa: tuple[float, float],
    pb: tuple[float, float],
) -> float:
    """Visible half-width of the trunk's oval cross-section across the drawn segment."""
    dx, dy = pb[0] - pa[0], pb[1] - pa[1]
    d = math.hypot(dx, dy) or 1.0
    across = camera.screen_vector(-dy / d, dx / d)
    frame = placed.points[point].frame
    forward, right = g.column(frame, 0), g.column(frame, 2)
    wide = TRUNK_HALF_WIDTH[point] * g.dot(across, right)
    deep = RADIUS[point] * g.dot(across, forward)
    return math.hypot(wide, deep) * CM_PER_M


def highlight(placed: PlacedPose, camera: Camera, region: str) -> tuple[str, bool]:
    """A disc over the region's back surface, and whether it faces away from the camera."""
    a, b, t, r = HIGHLIGHT_AT[region]
    pa, pb = placed.position(a), placed.position(b)
    centre = g.add(pa, g.scale(g.sub(pb, pa), t))
    frame = placed.points[a].frame
    back = g.scale(g.column(frame, 0), -RADIUS[a] * 0.75)
    if region == "hips":
        back = g.add(back, g.scale(g.column(frame, 1), -0.05))
    spot = g.add(centre, back)
    behind = g.dot(g.column(frame, 0), camera.toward) > 0.5
    return paths.disc(camera.project(spot), r * CM_PER_M), behind
