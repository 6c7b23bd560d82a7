"""Everything one exercise's figures share: camera, side, framing and props."""

from __future__ import annotations

from dataclasses import dataclass, field

from unkink.domain.body.placement import FACING_DEG, PlacedPose, place
from unkink.domain.body.pose import Keyframe
from unkink.domain.body.skeleton import POINTS, TRUNK_HALF_WIDTH, radius
from unkink.domain.errors import UnkinkError
from unkink.domain.exercises import Equipment, Exercise, Laterality, Step
from unkink.figures import props
from unkink.figures.camera import CM_PER_M, Camera, camera_for

STORED_SIDE = "right"
"""One-sided stretches keep the right side's poses; the left side is their mirror image."""
MARGIN = 10.0
MIN_HEIGHT_TO_WIDTH = 0.5
MIN_WIDTH_TO_HEIGHT = 0.62


class FigureError(UnkinkError, ValueError):
    """An exercise or step has no pose to draw, or a side that does not exist."""


@dataclass(frozen=True)
class Scene:
    exercise: Exercise
    side: str | None
    camera: Camera
    mirrored: bool
    view_box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    floor_y: float = 0.0
    reference: PlacedPose | None = field(default=None, compare=False)

    def keyframes(self, step: Step) -> tuple[Keyframe, ...]:
        if not step.keyframes:
            raise FigureError(f"{self.exercise.id}: step '{step.text[:40]}' has no keyframes")
        return tuple(k.mirrored() if self.mirrored else k for k in step.keyframes)

    def place(self, keyframe: Keyframe, *, floor: tuple[str, ...] | None = None) -> PlacedPose:
        return place(keyframe, facing_deg=FACING_DEG[self.exercise.position], floor=floor)

    def prop_shapes(self) -> list[props.Shape]:
        x, y, w, _ = self.view_box
        shapes: list[props.Shape] = []
        if self.reference is not None and self.reference.seat_height is not None:
            centre = self.reference.position("pelvis")
            shapes.append(props.rug(self.camera, (centre[0] + 0.2, 0.0, centre[2]), 0.62))
            back = -1.0 if self.mirrored else 1.0
            return shapes + props.chair(self.reference, self.camera, back_side=back)
        mat = Equipment.MAT in self.exercise.equipment
        left, right = self._mat_span() if mat else (x, x + w)
        return props.floor_shapes(left=left, right=right, floor_y=self.floor_y, mat=mat)

    def _mat_span(self) -> tuple[float, float]:
        xs = [
            self.camera.project(self.place(k).position(p))[0]
            for s in self.exercise.steps
            for k in self.keyframes(s)
            for p in POINTS
        ]
        return min(xs) - 8.0, max(xs) + 8.0


def scene_for(exercise: Exercise, side: str | None = None) -> Scene:
    """The scene for one side of an exercise (``None``: the stored side, or both-sided)."""
    if side not in (None, "left", "right"):
        raise FigureError(f"side must be 'left' or 'right', not {side!r}")
    one_sided = exercise.laterality is Laterality.UNILATERAL
    chosen = (side or STORED_SIDE) if one_sided else None
    mirrored = chosen is not None and chosen != STORED_SIDE
    camera = camera_for(exercise.view, mirrored=mirrored)
    bare = Scene(exercise, chosen, camera, mirrored)
    placed = [bare.place(k) for s in exercise.steps for k in bare.keyframes(s)]
    reference = next((p for p in placed if p.seat_height is not None), None)
    xs: list[float] = []
    ys: list[float] = []
    for pose in placed:
        for name, point in pose.points.items():
            sx, sy = camera.project(point.position)
            r = max(radius(name), TRUNK_HALF_WIDTH.get(name, 0.0)) * CM_PER_M
            xs += [sx - r, sx + r]
            ys += [sy - r, sy + r]
    floor_y = camera.project((0.0, 0.0, 0.0))[1]
    if reference is not None:
        for x in (-0.7, 0.7):
            for z in (-0.7, 0.7):
                sx, sy = camera.project((reference.position("pelvis")[0] + x, 0.0, z))
                xs.append(sx)
                ys.append(sy)
    else:
        ys.append(floor_y + 3.0)
    view_box = _frame(min(xs), min(ys), max(xs), max(ys))
    return Scene(exercise, chosen, camera, mirrored, view_box, floor_y, reference)


def _frame(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, y1 + MARGIN * 0.6
    w, h = x1 - x0, y1 - y0
    if h < w * MIN_HEIGHT_TO_WIDTH:
        y0 -= w * MIN_HEIGHT_TO_WIDTH - h
        h = w * MIN_HEIGHT_TO_WIDTH
    if w < h * MIN_WIDTH_TO_HEIGHT:
        x0 -= (h * MIN_WIDTH_TO_HEIGHT - w) / 2
        w = h * MIN_WIDTH_TO_HEIGHT
    return (round(x0, 1), round(y0, 1), round(w, 1), round(h, 1))
