"""The figure in the terminal: a pose drawn in braille characters, seen by the SVG's camera.

Pure: text in, lines of text out; no terminal, no colour codes (the caller may style them).

API (for the terminal panel):

- ``step_lines(exercise, step_index, *, side=None, width, height, columns=None)`` -> the
  pose step ``step_index`` (0-based) asks for, as ``height`` lines of at most ``width``
  characters. Pass the terminal's ``columns``: below ``MIN_COLUMNS`` (60), or when the box
  is smaller than ``MIN_WIDTH`` x ``MIN_HEIGHT``, the answer is ONE line describing the
  pose in words instead, at most ``columns`` (or ``width``) characters long.
- ``held_lines(exercise, *, side=None, width, height, columns=None)`` -> the same for the
  stretch's held pose (a thumbnail).
- ``pose_lines(scene, pose, *, width, height)`` -> the drawing of any placed pose, e.g. the
  frames of ``figures.timeline`` to animate a step.

Each character cell holds 2 x 4 braille dots; the drawing keeps the figure's proportions
(a terminal cell is about twice as tall as wide, so dots come out square), is centred in the
box and stands on a floor line. Empty dots are spaces, so lines can be padded or trimmed.
"""

from __future__ import annotations

import math

from unkink.domain.body.placement import PlacedPose
from unkink.domain.body.skeleton import RADIUS
from unkink.domain.exercises import Exercise
from unkink.figures import body
from unkink.figures.camera import CM_PER_M
from unkink.figures.scene import Scene, scene_for
from unkink.figures.svg import held_step

MIN_COLUMNS = 60
MIN_WIDTH = 10
MIN_HEIGHT = 4
BRAILLE = 0x2800
DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""Bit of the dot in row ``r`` (0-3, top down) and column ``c`` (0-1) of a braille cell."""

Capsule = tuple[float, float, float, float, float, float]  # x1, y1, r1, x2, y2, r2


def step_lines(
    exercise: Exercise,
    step_index: int,
    *,
    side: str | None = None,
    width: int,
    height: int,
    columns: int | None = None,
) -> list[str]:
    """Step ``step_index``'s pose in braille, or one line of words when space is short."""
    scene = scene_for(exercise, side)
    step = exercise.steps[step_index]
    if _too_small(width, height, columns):
        return [describe(exercise, step.text_for(scene.side), columns or width)]
    pose = scene.place(scene.keyframes(step)[-1])
    return pose_lines(scene, pose, width=width, height=height)


def held_lines(
    exercise: Exercise,
    *,
    side: str | None = None,
    width: int,
    height: int,
    columns: int | None = None,
) -> list[str]:
    """The stretch's held pose in braille (or one line of words when space is short)."""
    index = exercise.steps.index(held_step(exercise))
    return step_lines(exercise, index, side=side, width=width, height=height, columns=columns)


def describe(exercise: Exercise, text: str, limit: int) -> str:
    """``Name: step text`` cut at a word boundary to ``limit`` characters."""
    line = f"{exercise.name}: {text}"
    if len(line) <= limit:
        return line
    cut = line[: max(0, limit - 1)].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"


def pose_lines(scene: Scene, pose: PlacedPose, *, width: int, height: int) -> list[str]:
    """A placed pose drawn in ``height`` lines of ``width`` braille cells."""
    dots_w, dots_h = width * 2, height * 4
    x0, y0, w, h = scene.view_box
    k = min(dots_w / w, dots_h / h)
    off_x = (dots_w - w * k) / 2 - x0 * k
    off_y = (dots_h - h * k) / 2 - y0 * k
    shapes = [
        (ax * k + off_x, ay * k + off_y, ar * k, bx * k + off_x, by * k + off_y, br * k)
        for ax, ay, ar, bx, by, br in _capsules(scene, pose)
    ]
    floor = scene.floor_y * k + off_y
    grid = [[False] * dots_w for _ in range(dots_h)]
    for shape in shapes:
        _fill(grid, shape)
    floor_row = min(dots_h - 1, max(0, round(floor)))
    for x in range(dots_w):
        grid[floor_row][x] = True
    return [_row(grid, cy) for cy in range(height)]


def _too_small(width: int, height: int, columns: int | None) -> bool:
    narrow = columns is not None and columns < MIN_COLUMNS
    return narrow or width < MIN_WIDTH or height < MIN_HEIGHT


def _capsules(scene: Scene, pose: PlacedPose) -> list[Capsule]:
    """The body as tapered capsules in screen units (the SVG's shapes, without outlines)."""
    cam = scene.camera
    out: list[Capsule] = []
    chain = body.TRUNK_CHAIN
    for a, b in zip(chain, chain[1:], strict=False):
        pa, pb = cam.project(pose.position(a)), cam.project(pose.position(b))
        ra, rb = body.half_width(pose, cam, a, pa, pb), body.half_width(pose, cam, b, pa, pb)
        out.append((*pa, ra, *pb, rb))
    neck_a, neck_b = cam.project(pose.position("neck_base")), cam.project(pose.position("neck_top"))
    out.append((*neck_a, 5.0, *neck_b, 4.5))
    head, r = cam.project(pose.position("head")), RADIUS["head"] * CM_PER_M
    out.append((*head, r, *head, r))
    for side in ("left", "right"):
        for _, a, b in (*body.ARM, *body.LEG):
            pa = cam.project(pose.position(f"{side}_{a}"))
            pb = cam.project(pose.position(f"{side}_{b}"))
            ra, rb = body.limb_radius(f"{side}_{a}"), body.limb_radius(f"{side}_{b}")
            out.append((*pa, ra, *pb, rb))
    return out


def _fill(grid: list[list[bool]], shape: Capsule) -> None:
    x1, y1, r1, x2, y2, r2 = shape
    r = max(r1, r2, 0.5)
    rows, cols = len(grid), len(grid[0])
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    for y in range(max(0, int(min(y1, y2) - r)), min(rows, int(max(y1, y2) + r) + 1)):
        for x in range(max(0, int(min(x1, x2) - r)), min(cols, int(max(x1, x2) + r) + 1)):
            px, py = x + 0.5, y + 0.5
            t = 0.0 if length2 == 0 else ((px - x1) * dx + (py - y1) * dy) / length2
            t = min(1.0, max(0.0, t))
            reach = max(r1 + (r2 - r1) * t, 0.5)
            if math.hypot(px - (x1 + t * dx), py - (y1 + t * dy)) <= reach:
                grid[y][x] = True


def _row(grid: list[list[bool]], cy: int) -> str:
    chars = []
    for cx in range(len(grid[0]) // 2):
        bits = 0
        for r in range(4):
            for c in range(2):
                if grid[cy * 4 + r][cx * 2 + c]:
                    bits |= DOT_BITS[r][c]
        chars.append(chr(BRAILLE + bits) if bits else " ")
    return "".join(chars).rstrip()
