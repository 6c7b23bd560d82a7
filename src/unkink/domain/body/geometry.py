"""Small 3D vector and rotation arithmetic for the pose model. Pure, standard library only.

Axes of the body frame: X points forward (where the chest faces when standing), Y up, Z to
the body's right. Angles are in degrees at the edges of the API and radians inside.
"""

from __future__ import annotations

import math

Vec3 = tuple[float, float, float]
Mat3 = tuple[Vec3, Vec3, Vec3]

IDENTITY: Mat3 = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def add(a: Vec3, b: Vec3) -> Vec3:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec3, b: Vec3) -> Vec3:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec3, k: float) -> Vec3:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec3, b: Vec3) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec3, b: Vec3) -> Vec3:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(a: Vec3) -> float:
    return math.sqrt(dot(a, a))


def distance(a: Vec3, b: Vec3) -> float:
    return norm(sub(a, b))


def column(m: Mat3, i: int) -> Vec3:
    return (m[0][i], m[1][i], m[2][i])


def apply(m: Mat3, v: Vec3) -> Vec3:
    return (dot(m[0], v), dot(m[1], v), dot(m[2], v))


def compose(a: Mat3, b: Mat3) -> Mat3:
    """The rotation ``a`` after ``b`` (``a @ b``)."""
    (b00, b01, b02), (b10, b11, b12), (b20, b21, b22) = b
    r0, r1, r2 = (
        (x * b00 + y * b10 + z * b20, x * b01 + y * b11 + z * b21, x * b02 + y * b12 + z * b22)
        for x, y, z in a
    )
    return (r0, r1, r2)


def rot_x(deg: float) -> Mat3:
    if deg == 0.0:
        return IDENTITY
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def rot_y(deg: float) -> Mat3:
    if deg == 0.0:
        return IDENTITY
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rot_z(deg: float) -> Mat3:
    if deg == 0.0:
        return IDENTITY
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def chain(*rotations: Mat3) -> Mat3:
    """Compose rotations left to right: ``chain(a, b, c) == a @ b @ c``."""
    result = IDENTITY
    for r in rotations:
        if r is not IDENTITY:
            result = compose(result, r)
    return result


def mirror_z(v: Vec3) -> Vec3:
    """Reflect a point through the body's midline plane (right becomes left)."""
    return (v[0], v[1], -v[2])
