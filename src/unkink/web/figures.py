"""Figures as stand-alone SVG files, so pages, the player and the service worker can cache them.

Drawing is the figures package's job (``render_step_svg``, ``render_held_svg``,
``render_exercise_animated_svg``);
this module only serves what it draws.
"""

from __future__ import annotations

import functools
import importlib.util
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response

from unkink.web.deps import CatalogueDep

router = APIRouter(prefix="/figures", include_in_schema=False)

SideQuery = Annotated[Literal["left", "right"] | None, Query()]
SVG_HEADERS = {"Cache-Control": "public, max-age=86400"}
_drawn: dict[tuple[str, int | None, str | None], str] = {}
"""Drawings by (exercise id, step: -1 for the held pose, None for the animation; side). The
catalogue is fixed for the life of the server, and drawing an animation takes a while."""


@functools.cache  # asked by every page render; the installed packages do not change
def figures_available() -> bool:
    """True when the figures package can draw (kept for builds without it)."""
    return importlib.util.find_spec("unkink.figures.svg") is not None


@router.get("/{exercise_id}/step-{index}.svg")
def step_figure(
    exercise_id: str,
    index: Annotated[int, Path(ge=0, le=50)],
    catalogue: CatalogueDep,
    side: SideQuery = None,
) -> Response:
    exercise = catalogue.get(exercise_id)
    if index >= len(exercise.steps):
        raise HTTPException(404, f"{exercise.name} has {len(exercise.steps)} steps.")
    from unkink.figures.svg import render_step_svg

    key = (exercise.id, index, side)
    svg = _drawn.get(key) or _drawn.setdefault(key, render_step_svg(exercise, index, side=side))
    return Response(svg, media_type="image/svg+xml", headers=SVG_HEADERS)


@router.get("/{exercise_id}/moving-{index}.svg")
def step_moving_figure(
    exercise_id: str,
    index: Annotated[int, Path(ge=0, le=50)],
    catalogue: CatalogueDep,
    side: SideQuery = None,
) -> Response:
    """One step moving once, from where it starts into its pose, starting when shown."""
    exercise = catalogue.get(exercise_id)
    if index >= len(exercise.steps):
        raise HTTPException(404, f"{exercise.name} has {len(exercise.steps)} steps.")
    from unkink.figures.animate import render_step_moving_svg

    key = (f"{exercise.id}/moving", index, side)
    svg = _drawn.get(key) or _drawn.setdefault(
        key, render_step_moving_svg(exercise, index, side=side)
    )
    return Response(svg, media_type="image/svg+xml", headers=SVG_HEADERS)


@router.get("/{exercise_id}/held.svg")
def held_figure(exercise_id: str, catalogue: CatalogueDep, side: SideQuery = None) -> Response:
    """The stretch's held pose: the thumbnail in the plan, the library and on home."""
    exercise = catalogue.get(exercise_id)
    from unkink.figures.svg import render_held_svg

    key = (exercise.id, -1, side)
    svg = _drawn.get(key) or _drawn.setdefault(key, render_held_svg(exercise, side=side))
    return Response(svg, media_type="image/svg+xml", headers=SVG_HEADERS)


@router.get("/{exercise_id}/animated.svg")
def animated_figure(exercise_id: str, catalogue: CatalogueDep, side: SideQuery = None) -> Response:
    exercise = catalogue.get(exercise_id)
    from unkink.figures.animate import render_exercise_animated_svg

    key = (exercise.id, None, side)
    svg = _drawn.get(key) or _drawn.setdefault(
        key, render_exercise_animated_svg(exercise, side=side)
    )
    return Response(svg, media_type="image/svg+xml", headers=SVG_HEADERS)
