"""Poses between two placed keyframes, held by the same contacts. Pure.

An in-between pose is found in pose space, never by blending points: the joint angles and
the body's turn are eased from one keyframe to the next, then the angles that change and
the body's place are nudged (damped least squares, ``solve``) until

- every point resting on the floor or seat in both keyframes stays where it rests (or, if
  the step slides it, moves in a straight line between its two places),
- nothing dips below the floor,
- and the pose stays as close to the eased angles as those two allow.

Bones keep their length because every pose comes from forward kinematics.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from unkink.domain.body import geometry as g
from unkink.domain.body.placement import PlacedPose, wrap
from unkink.domain.body.pose import Body, BodyPoint, forward_kinematics
from unkink.domain.body.skeleton import radius
from unkink.domain.body.solve import least_squares

ANGLE_WEIGHT = 0.0008
"""Metres of contact error that one degree away from the eased angle is worth."""
FLOOR_WEIGHT = 2.0
SLIDE_M = 0.02
"""A contact that ends this far from where it started slides: it keeps to the surface only."""
HELD_OK_M = 0.001
WATCH_M = 0.15
"""Points this close to the floor at either end are kept above it while solving; the rest
are checked after, and watched too if one dipped."""
"""Contacts this close to their place, with nothing below the floor, need no solving."""


def posed(angles: Mapping[str, float], pitch_deg: float, pelvis: g.Vec3) -> Body:
    """The body with these angles, turned by ``pitch_deg`` about the pelvis and moved there."""
    turn = g.rot_z(pitch_deg)
    return {
        name: BodyPoint(g.add(g.apply(turn, p.position), pelvis), g.compose(turn, p.frame))
        for name, p in forward_kinematics(angles).items()
    }


def held_contacts(a: PlacedPose, b: PlacedPose) -> tuple[str, ...]:
    """Points that rest on the floor or the seat at both ends of a move."""
    resting_a = set(a.floor) | set(a.seat)
    return tuple(p for p in (*b.floor, *b.seat) if p in resting_a)


def between(a: PlacedPose, b: PlacedPose, u: float) -> PlacedPose:
    """The pose a fraction ``u`` (0..1, already eased) of the way from ``a`` to ``b``."""
    if u <= 0.0:
        return a
    if u >= 1.0:
        return b
    names = list(b.angles)
    eased = {k: a.angles[k] + (b.angles[k] - a.angles[k]) * u for k in names}
    free = [k for k in names if abs(b.angles[k] - a.angles[k]) > 1e-6]
    pitch = a.pitch_deg + wrap(b.pitch_deg - a.pitch_deg) * u
    pa, pb = a.position("pelvis"), b.position("pelvis")
    pelvis = g.add(pa, g.scale(g.sub(pb, pa), u))
    held = held_contacts(a, b)
    targets = {p: _lerp(a.position(p), b.position(p), u) for p in held}
    sliding = {p for p in held if g.distance(a.position(p), b.position(p)) > SLIDE_M}
    seat = b.seat_height if b.seat_height is not None else a.seat_height
    low = [
        n
        for n in b.points
        if n not in targets and min(a.surface_height(n), b.surface_height(n)) < WATCH_M
    ]
    watched = low

    def unpack(x: Sequence[float]) -> Body:
        angles = dict(eased)
        angles.update(zip(free, x[3:], strict=True))
        return posed(angles, x[0], (x[1], x[2], pelvis[2]))

    def residuals(x: Sequence[float]) -> list[float]:
        angles = dict(eased)
        angles.update(zip(free, x[3:], strict=True))
        turn, shift = g.rot_z(x[0]), (x[1], x[2], pelvis[2])
        body = {
            n: g.add(g.apply(turn, p.position), shift)
            for n, p in forward_kinematics(angles).items()
        }
        out: list[float] = []
        for point, target in targets.items():
            miss = g.sub(body[point], target)
            out.extend((miss[1],) if point in sliding else miss)
        out.append((x[0] - pitch) * ANGLE_WEIGHT)
        out.extend((v - eased[k]) * ANGLE_WEIGHT for k, v in zip(free, x[3:], strict=True))
        out.extend(min(0.0, body[n][1] - radius(n)) * FLOOR_WEIGHT for n in watched)
        return out

    start = [pitch, pelvis[0], pelvis[1], *(eased[k] for k in free)]
    if held:
        if not _good(unpack(start), targets, sliding):
            solved = least_squares(residuals, start)
            if not _good(unpack(solved), {}, set()):  # something else dipped: watch it all
                watched = [n for n in b.points if n not in targets]
                solved = least_squares(residuals, start)
            start = solved
        body = unpack(start)
    else:
        body = _on_floor(unpack(start))
    angles = dict(eased)
    angles.update(zip(free, start[3:], strict=True))
    return PlacedPose(
        points=body,
        pitch_deg=start[0],
        seat_height=seat,
        angles=angles,
        floor=tuple(p for p in b.floor if p in held) or b.floor,
        seat=b.seat,
    )


def _lerp(p: g.Vec3, q: g.Vec3, u: float) -> g.Vec3:
    return g.add(p, g.scale(g.sub(q, p), u))


def _good(body: Body, targets: Mapping[str, g.Vec3], sliding: set[str]) -> bool:
    for p, t in targets.items():
        at = body[p].position
        if (abs(at[1] - t[1]) if p in sliding else g.distance(at, t)) > HELD_OK_M:
            return False
    return all(p.position[1] - radius(n) > -HELD_OK_M for n, p in body.items())


def _on_floor(body: Body) -> Body:
    """A body resting on nothing in particular: lowered (or raised) until it touches the floor."""
    dy = -min(p.position[1] - radius(n) for n, p in body.items())
    return {n: BodyPoint(g.add(p.position, (0.0, dy, 0.0)), p.frame) for n, p in body.items()}
