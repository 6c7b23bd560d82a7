"""The things around the figure: the floor, a mat and a chair, seen by the same camera."""

from __future__ import annotations

import math

from unkink.domain.body import geometry as g
from unkink.domain.body.placement import PlacedPose
from unkink.figures import paths
from unkink.figures.camera import CM_PER_M, Camera

SEAT_HALF_M = 0.21
SEAT_FORWARD_M = 0.1
"""The seat's centre is this far in front of the pelvis: one sits on its back half."""
BACK_HEIGHT_M = 0.45
Shape = tuple[str, str]  # (css class, path data)


def floor_shapes(*, left: float, right: float, floor_y: float, mat: bool) -> list[Shape]:
    """A floor line across the picture, and a mat lying on it between ``left`` and ``right``."""
    shapes: list[Shape] = []
    if mat:
        shapes.append(("mat", _rounded_rect(left, floor_y, right - left, 2.2, 1.0)))
    shapes.append(
        ("floor", f"M{paths.num(left - 400)} {paths.num(floor_y + 1.7)}H{paths.num(right + 400)}")
    )
    return shapes


def rug(camera: Camera, centre: g.Vec3, radius_m: float) -> Shape:
    """The floor seen from above at a slant: a flat disc around ``centre``."""
    ring = []
    for i in range(24):
        a = 2 * math.pi * i / 24
        p = (centre[0] + radius_m * math.cos(a), 0.0, centre[2] + radius_m * math.sin(a))
        ring.append(camera.project(p))
    return ("rug", paths.polygon(ring))


def chair(placed: PlacedPose, camera: Camera, *, back_side: float) -> list[Shape]:
    """A plain chair under the seat contacts, its back on ``back_side`` (+1 right, -1 left)."""
    if placed.seat_height is None:
        return []
    h = placed.seat_height
    pelvis = placed.position("pelvis")
    cx, cz = pelvis[0] + SEAT_FORWARD_M, pelvis[2]
    s = SEAT_HALF_M
    parts: list[tuple[float, Shape]] = []
    for dx in (-0.18, 0.18):
        for dz in (-0.18, 0.18):
            foot, top = (cx + dx, 0.0, cz + dz), (cx + dx, h - 0.03, cz + dz)
            parts.append((camera.depth(foot), ("chair", _bar(camera, foot, top, 0.016))))
    seat = _slab(camera, (cx - s, h - 0.04, cz - s), (cx + s, h, cz + s))
    parts.append((camera.depth((cx, h, cz)), ("chair", seat)))
    corners = ((-s, -s), (s, -s), (s, s), (-s, s))
    seat_top = [camera.project((cx + x, h, cz + z)) for x, z in corners]
    parts.append((camera.depth((cx, h, cz)) + 1e-3, ("chair-top", paths.polygon(seat_top))))
    bz = cz + back_side * (s - 0.015)
    for dx in (-0.19, 0.19):
        low, high = (cx + dx, h, bz), (cx + dx, h + BACK_HEIGHT_M - 0.02, bz)
        parts.append((camera.depth(low), ("chair", _bar(camera, low, high, 0.016))))
    board = _slab(
        camera,
        (cx - s, h + BACK_HEIGHT_M - 0.17, bz - 0.015),
        (cx + s, h + BACK_HEIGHT_M, bz + 0.015),
    )
    parts.append((camera.depth((cx, h + 0.3, bz)), ("chair", board)))
    return [shape for _, shape in sorted(parts, key=lambda item: item[0])]


def _bar(camera: Camera, a: g.Vec3, b: g.Vec3, r: float) -> str:
    return paths.capsule(camera.project(a), r * CM_PER_M, camera.project(b), r * CM_PER_M)


def _slab(camera: Camera, low: g.Vec3, high: g.Vec3) -> str:
    corners = [
        camera.project((x, y, z))
        for x in (low[0], high[0])
        for y in (low[1], high[1])
        for z in (low[2], high[2])
    ]
    return paths.polygon(_hull(corners))


def _hull(points: list[paths.Point]) -> list[paths.Point]:
    pts = sorted(set(points))

    def turn(o: paths.Point, a: paths.Point, b: paths.Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[paths.Point] = []
    upper: list[paths.Point] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _rounded_rect(x: float, y: float, w: float, h: float, r: float) -> str:
    n = paths.num
    return (
        f"M{n(x + r)} {n(y)}H{n(x + w - r)}A{n(r)} {n(r)} 0 0 1 {n(x + w)} {n(y + r)}"
        f"V{n(y + h - r)}A{n(r)} {n(r)} 0 0 1 {n(x + w - r)} {n(y + h)}H{n(x + r)}"
        f"A{n(r)} {n(r)} 0 0 1 {n(x)} {n(y + h - r)}V{n(y + r)}"
        f"A{n(r)} {n(r)} 0 0 1 {n(x + r)} {n(y)}Z"
    )
