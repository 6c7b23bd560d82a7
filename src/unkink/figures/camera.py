"""Where the figure is seen from: an orthographic camera per view, turned by yaw and tilt.

Screen units are centimetres with y pointing down, as in SVG.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from unkink.domain.body import geometry as g

CM_PER_M = 100.0


@dataclass(frozen=True, slots=True)
class Camera:
    """``yaw_deg`` 0 looks at the body's front, 90 at its right side; ``tilt_deg`` looks down."""

    yaw_deg: float
    tilt_deg: float = 0.0

    @property
    def toward(self) -> g.Vec3:
        """Unit vector from the figure toward the camera."""
        a, e = math.radians(self.yaw_deg), math.radians(self.tilt_deg)
        return (math.cos(e) * math.cos(a), math.sin(e), math.cos(e) * math.sin(a))

    @property
    def right(self) -> g.Vec3:
        a = math.radians(self.yaw_deg)
        return (math.sin(a), 0.0, -math.cos(a))

    @property
    def up(self) -> g.Vec3:
        return g.cross(self.toward, self.right)

    def project(self, p: g.Vec3) -> tuple[float, float]:
        return (g.dot(p, self.right) * CM_PER_M, -g.dot(p, self.up) * CM_PER_M)

    def depth(self, p: g.Vec3) -> float:
        """Larger is nearer the camera."""
        return g.dot(p, self.toward)

    def level_depth(self, p: g.Vec3) -> float:
        """Nearness to the camera measured level with the floor (ignores the tilt)."""
        a = math.radians(self.yaw_deg)
        return p[0] * math.cos(a) + p[2] * math.sin(a)

    def screen_vector(self, sx: float, sy: float) -> g.Vec3:
        """The 3D direction of a unit screen direction (y down)."""
        return g.add(g.scale(self.right, sx), g.scale(self.up, -sy))


VIEWS: dict[str, Camera] = {
    "side": Camera(yaw_deg=80.0, tilt_deg=5.0),
    "front": Camera(yaw_deg=58.0, tilt_deg=10.0),
    "three_quarter": Camera(yaw_deg=-22.0, tilt_deg=12.0),
}


def camera_for(view: str, *, mirrored: bool = False) -> Camera:
    """The camera for an exercise's view; a mirrored pose is seen from the mirrored place."""
    camera = VIEWS[view]
    return Camera(-camera.yaw_deg, camera.tilt_deg) if mirrored else camera
