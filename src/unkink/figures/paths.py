"""SVG path data for rounded limbs, discs and flat faces, in screen units.

Every path of one kind has the same commands whatever its size, so SMIL can morph one
frame's path into the next by moving numbers only (arc flags never change).
"""

from __future__ import annotations

import math

Point = tuple[float, float]


def num(v: float) -> str:
    text = f"{v:.1f}"
    return "0" if text in ("-0.0", "0.0") else text.removesuffix(".0")


def _pt(p: Point) -> str:
    return f"{num(p[0])} {num(p[1])}"


def capsule(p1: Point, r1: float, p2: Point, r2: float) -> str:
    """A tapered limb: circles of radius r1 at p1 and r2 at p2 joined by tangent lines."""
    dx, dy = p2[0] - p1[0], p2[1] - p1[1]
    d = math.hypot(dx, dy)
    if d < 1e-6:
        dx, dy, d = 1e-3, 0.0, 1e-3
    ux, uy = dx / d, dy / d
    nx, ny = -uy, ux
    sin_a = max(-0.95, min(0.95, (r1 - r2) / d))
    cos_a = math.sqrt(1.0 - sin_a * sin_a)
    m = (nx * cos_a + ux * sin_a, ny * cos_a + uy * sin_a)
    m2 = (-nx * cos_a + ux * sin_a, -ny * cos_a + uy * sin_a)
    a1 = (p1[0] + r1 * m[0], p1[1] + r1 * m[1])
    b1 = (p2[0] + r2 * m[0], p2[1] + r2 * m[1])
    tip2 = (p2[0] + r2 * ux, p2[1] + r2 * uy)
    b2 = (p2[0] + r2 * m2[0], p2[1] + r2 * m2[1])
    a2 = (p1[0] + r1 * m2[0], p1[1] + r1 * m2[1])
    tip1 = (p1[0] - r1 * ux, p1[1] - r1 * uy)
    q1, q2 = num(r1), num(r2)
    return (
        f"M{_pt(a1)}L{_pt(b1)}A{q2} {q2} 0 0 0 {_pt(tip2)}A{q2} {q2} 0 0 0 {_pt(b2)}"
        f"L{_pt(a2)}A{q1} {q1} 0 0 0 {_pt(tip1)}A{q1} {q1} 0 0 0 {_pt(a1)}Z"
    )


def disc(c: Point, r: float) -> str:
    q = num(r)
    return (
        f"M{_pt((c[0] - r, c[1]))}A{q} {q} 0 0 0 {_pt((c[0] + r, c[1]))}"
        f"A{q} {q} 0 0 0 {_pt((c[0] - r, c[1]))}Z"
    )


def polygon(points: list[Point]) -> str:
    head, *rest = points
    return f"M{_pt(head)}" + "".join(f"L{_pt(p)}" for p in rest) + "Z"
