"""Put a pose into the room: turn and move it so its contact points rest on the floor. Pure.

Nothing is placed by hand-tuned coordinates. The keyframe names which points touch the
floor; the body is turned (about the side-to-side axis) so those points lie level, lowered
until they rest on the floor (y = 0, measured at the surface of each point, not its centre),
and slid so the first of them, the anchor, sits at x = 0; a seated body is anchored by its
first seat point instead, so it stays on its chair whatever its feet do. A seat is then put
where the points named for it rest, so a chair is as high as the pose needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from unkink.domain.body import geometry as g
from unkink.domain.body.pose import Body, BodyPoint, Keyframe, forward_kinematics
from unkink.domain.body.skeleton import radius
from unkink.domain.exercises import Position

FACING_DEG: dict[Position, float] = {
    Position.STANDING: 0.0,
    Position.SEATED: 0.0,
    Position.QUADRUPED: -90.0,
    Position.KNEELING: -90.0,
    Position.PRONE: -90.0,
    Position.SUPINE: 90.0,
}
"""Roughly how the body is turned in each position (0 upright, -90 face down, 90 face up).

Contacts fix the exact turn; this only picks between the two ways of making them level.
"""

MIN_SPREAD_M = 0.15
"""Contacts closer together than this (front to back) cannot fix the turn of the body."""
MIN_LIFT_M = 0.08
"""A body whose centre is this much higher one way up than the other rests that way up."""


@dataclass(frozen=True, slots=True)
class PlacedPose:
    points: Body
    pitch_deg: float
    seat_height: float | None = None
    angles: Mapping[str, float] = field(default_factory=dict)
    """Every joint's angle (resolved), so a pose between two placed poses can be found."""
    floor: tuple[str, ...] = ()
    seat: tuple[str, ...] = ()

    def position(self, point: str) -> g.Vec3:
        return self.points[point].position

    def surface_height(self, point: str) -> float:
        """Height of the underside of a point (its centre less its radius)."""
        return self.points[point].position[1] - radius(point)


def place(
    keyframe: Keyframe,
    *,
    facing_deg: float = 0.0,
    floor: tuple[str, ...] | None = None,
    anchor_x: float = 0.0,
) -> PlacedPose:
    """Place ``keyframe`` by its contacts (``floor`` overrides its own floor points)."""
    body = forward_kinematics(keyframe.angles)
    contacts = keyframe.floor if floor is None else floor
    pitch = _pitch(body, contacts, facing_deg)
    turn = g.rot_z(pitch)
    turned = {
        name: BodyPoint(g.apply(turn, p.position), g.compose(turn, p.frame))
        for name, p in body.items()
    }
    resting = contacts or keyframe.seat
    if resting:
        dy = -min(turned[c].position[1] - radius(c) for c in resting)
        anchor = keyframe.seat[0] if keyframe.seat else resting[0]
        dx = anchor_x - turned[anchor].position[0]
    else:
        dy = -min(p.position[1] - radius(n) for n, p in turned.items())
        dx = anchor_x
    shift = (dx, dy, 0.0)
    points = {n: BodyPoint(g.add(p.position, shift), p.frame) for n, p in turned.items()}
    seat = None
    if keyframe.seat:
        seat = min(points[c].position[1] - radius(c) for c in keyframe.seat)
    return PlacedPose(
        points=points,
        pitch_deg=pitch,
        seat_height=seat,
        angles=keyframe.resolved(),
        floor=contacts,
        seat=keyframe.seat,
    )


def _pitch(body: Body, contacts: tuple[str, ...], facing_deg: float) -> float:
    """The turn (degrees about Z) that makes the contact points level, nearest ``facing_deg``.

    Fitted twice: once through the points' centres, then through their undersides as seen
    at the first turn (a hand is thinner than a knee).
    """
    pitch = facing_deg
    for _ in range(2):
        up = (math.sin(math.radians(pitch)), math.cos(math.radians(pitch)))
        xs = [body[c].position[0] - radius(c) * up[0] for c in contacts]
        ys = [body[c].position[1] - radius(c) * up[1] for c in contacts]
        fitted = _level_turns(xs, ys)
        if fitted is None:
            return facing_deg
        pitch = _resting(body, contacts, fitted, facing_deg)
    return pitch


def _resting(
    body: Body, contacts: tuple[str, ...], candidates: tuple[float, float], facing_deg: float
) -> float:
    """Of the two level turns, the one with the body above its contacts, not hanging below.

    When both are alike (lying flat), the usual facing for the position decides.
    """
    lifts = []
    for c in candidates:
        s, k = math.sin(math.radians(c)), math.cos(math.radians(c))

        def height(p: BodyPoint, s: float = s, k: float = k) -> float:
            return s * p.position[0] + k * p.position[1]

        body_mean = sum(height(p) for p in body.values()) / len(body)
        contact_mean = sum(height(body[n]) for n in contacts) / len(contacts)
        lifts.append(body_mean - contact_mean)
    if abs(lifts[0] - lifts[1]) > MIN_LIFT_M:
        return candidates[0] if lifts[0] > lifts[1] else candidates[1]
    return min(candidates, key=lambda c: abs(wrap(c - facing_deg)))


def _level_turns(xs: list[float], ys: list[float]) -> tuple[float, float] | None:
    if len(xs) < 2:
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    pts = list(zip(xs, ys, strict=True))
    spread = max(math.hypot(x1 - x2, y1 - y2) for x1, y1 in pts for x2, y2 in pts)
    if spread < MIN_SPREAD_M:
        return None
    direction = 0.5 * math.degrees(math.atan2(2 * sxy, sxx - syy))
    return (wrap(-direction), wrap(180.0 - direction))


def wrap(deg: float) -> float:
    return (deg + 180.0) % 360.0 - 180.0
