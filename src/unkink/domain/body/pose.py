"""An articulated body: joint names, bone lengths and forward kinematics. Pure, no I/O.

All angles are zero when standing upright with the arms hanging. The body frame has X
forward, Y up and Z to the body's right (see ``geometry``). Positive angles mean:

- ``lumbar``, ``thoracic``, ``upper_back``, ``neck``, ``head``: bending forward (rounding);
  negative is arching back. The spine has three segments so rounding and arching show.
- ``*_twist``: turning the upper body (or head) to the right.
- ``hip_flex`` / ``shoulder_flex``: the thigh / arm swings forward. ``*_abd``: out to the side.
- ``knee``, ``elbow``: bending. ``ankle``: toes up. ``wrist``: bends the same way as the elbow.
- ``scapula``: the shoulder comes forward (protraction). ``shoulder_rot``: turns the arm inward.

Limb angles carry a side prefix (``left_knee``); a keyframe may leave it off to set both sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from unkink.domain.body import geometry as g
from unkink.domain.body.skeleton import (
    BONES,
    HEAD_OFFSET,
    HEEL_OFFSET,
    HIP_OFFSET,
    SHOULDER_OFFSET,
    SIDES,
    TOE_OFFSET,
)

SPINE_JOINTS = (
    "lumbar",
    "thoracic",
    "upper_back",
    "neck",
    "head",
    "lumbar_twist",
    "thoracic_twist",
    "upper_back_twist",
    "neck_twist",
)
LIMB_JOINTS = (
    "scapula",
    "shoulder_flex",
    "shoulder_abd",
    "shoulder_rot",
    "elbow",
    "wrist",
    "hip_flex",
    "hip_abd",
    "knee",
    "ankle",
)
JOINTS = SPINE_JOINTS + tuple(f"{s}_{j}" for s in SIDES for j in LIMB_JOINTS)
TWISTS = frozenset(j for j in SPINE_JOINTS if j.endswith("_twist"))


def resolve_angles(raw: Mapping[str, float]) -> dict[str, float]:
    """Every joint's angle: unsided limb names set both sides, a sided name overrides.

    Raises ValueError naming any unknown joint.
    """
    unknown = sorted(k for k in raw if k not in JOINTS and k not in LIMB_JOINTS)
    if unknown:
        raise ValueError(f"unknown joint(s): {', '.join(unknown)}; known: {', '.join(JOINTS)}")
    angles = dict.fromkeys(JOINTS, 0.0)
    for name, value in raw.items():
        if name in LIMB_JOINTS:
            for side in SIDES:
                angles[f"{side}_{name}"] = float(value)
    for name, value in raw.items():
        if name not in LIMB_JOINTS:
            angles[name] = float(value)
    return angles


def _swap_side(name: str) -> str:
    if name.startswith("left_"):
        return "right_" + name[5:]
    if name.startswith("right_"):
        return "left_" + name[6:]
    return name


@dataclass(frozen=True, slots=True)
class Keyframe:
    """A pose: joint angles plus the points resting on the floor and on a seat.

    The first floor point is the anchor: it keeps its place from one frame to the next.
    """

    angles: Mapping[str, float] = field(default_factory=dict)
    floor: tuple[str, ...] = ()
    seat: tuple[str, ...] = ()

    def resolved(self) -> dict[str, float]:
        return resolve_angles(self.angles)

    def mirrored(self) -> Keyframe:
        """The same pose on the other side of the body: left and right swap, twists reverse."""
        angles = {_swap_side(k): (-v if k in TWISTS else v) for k, v in self.resolved().items()}
        return Keyframe(
            angles=angles,
            floor=tuple(_swap_side(p) for p in self.floor),
            seat=tuple(_swap_side(p) for p in self.seat),
        )


@dataclass(frozen=True, slots=True)
class BodyPoint:
    position: g.Vec3
    frame: g.Mat3  # columns: the segment's forward, up and right axes


Body = dict[str, BodyPoint]


def forward_kinematics(raw_angles: Mapping[str, float]) -> Body:
    """Positions (metres, body frame, pelvis at the origin) and frames of every point."""
    a = resolve_angles(raw_angles)
    body: Body = {"pelvis": BodyPoint((0.0, 0.0, 0.0), g.IDENTITY)}
    parent = body["pelvis"]
    segments = (("waist", "lumbar"), ("mid_back", "thoracic"), ("neck_base", "upper_back"))
    for point, joint in segments:
        frame = g.chain(parent.frame, g.rot_z(-a[joint]), g.rot_y(-a[joint + "_twist"]))
        body[point] = parent = _along(parent.position, frame, (0.0, BONES[joint], 0.0))
    upper = body["neck_base"].frame
    neck = g.chain(upper, g.rot_z(-a["neck"]), g.rot_y(-a["neck_twist"]))
    body["neck_top"] = _along(body["neck_base"].position, neck, (0.0, BONES["neck"], 0.0))
    body["head"] = _along(
        body["neck_top"].position, g.chain(neck, g.rot_z(-a["head"])), HEAD_OFFSET
    )
    for side, s in (("left", -1.0), ("right", 1.0)):
        _add_arm(body, side, s, a)
        _add_leg(body, side, s, a)
    return body


def _along(origin: g.Vec3, frame: g.Mat3, offset: g.Vec3) -> BodyPoint:
    return BodyPoint(g.add(origin, g.apply(frame, offset)), frame)


def _sided(offset: g.Vec3, s: float) -> g.Vec3:
    return (offset[0], offset[1], offset[2] * s)


def _add_arm(body: Body, side: str, s: float, a: dict[str, float]) -> None:
    def j(name: str) -> float:
        return a[f"{side}_{name}"]

    girdle = g.chain(body["neck_base"].frame, g.rot_y(s * j("scapula")))
    shoulder = g.add(body["neck_base"].position, g.apply(girdle, _sided(SHOULDER_OFFSET, s)))
    arm = g.chain(
        girdle,
        g.rot_z(j("shoulder_flex")),
        g.rot_x(-s * j("shoulder_abd")),
        g.rot_y(s * j("shoulder_rot")),
    )
    body[f"{side}_shoulder"] = BodyPoint(shoulder, arm)
    body[f"{side}_elbow"] = elbow = _along(shoulder, arm, (0.0, -BONES["upper_arm"], 0.0))
    forearm = g.chain(arm, g.rot_z(j("elbow")))
    body[f"{side}_wrist"] = wrist = _along(elbow.position, forearm, (0.0, -BONES["forearm"], 0.0))
    hand = g.chain(forearm, g.rot_z(j("wrist")))
    body[f"{side}_hand"] = _along(wrist.position, hand, (0.0, -BONES["hand"], 0.0))


def _add_leg(body: Body, side: str, s: float, a: dict[str, float]) -> None:
    def j(name: str) -> float:
        return a[f"{side}_{name}"]

    hip = g.apply(body["pelvis"].frame, _sided(HIP_OFFSET, s))
    thigh = g.chain(body["pelvis"].frame, g.rot_z(j("hip_flex")), g.rot_x(-s * j("hip_abd")))
    body[f"{side}_hip"] = BodyPoint(hip, thigh)
    body[f"{side}_knee"] = knee = _along(hip, thigh, (0.0, -BONES["thigh"], 0.0))
    shin = g.chain(thigh, g.rot_z(-j("knee")))
    body[f"{side}_ankle"] = ankle = _along(knee.position, shin, (0.0, -BONES["shin"], 0.0))
    foot = g.chain(shin, g.rot_z(j("ankle")))
    body[f"{side}_heel"] = _along(ankle.position, foot, HEEL_OFFSET)
    body[f"{side}_toe"] = _along(ankle.position, foot, TOE_OFFSET)
