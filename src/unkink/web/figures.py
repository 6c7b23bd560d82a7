"""Figures as stand-alone SVG files, so pages, the player and the service worker can cache them.

Drawing is the figures package's job (``render_step_svg``, ``render_exercise_animated_svg``);
this module only serves what it draws.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response

from unkink.web.deps import CatalogueDep

router = APIRouter(prefix="/figures", include_in_schema=False)

SideQuery = Annotated[Literal["left", "right"] | None, Query()]
SVG_HEADERS = {"Cache-Control": "public, max-age=86400"}


def _renderer(name: str) -> Callable[..., str] | None:
    """The figures package's drawing function, or None while that package lacks it."""
    try:
        module = importlib.import_module("unkink.figures")
    except ImportError:
        return None
    found = getattr(module, name, None)
    return found if callable(found) else None


def figures_available() -> bool:
    return _renderer("render_step_svg") is not None


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
    render = _renderer("render_step_svg")
    if render is None:
        raise HTTPException(404, "Figures are not available in this version.")
    svg = render(exercise, index, side=side)
    return Response(svg, media_type="image/svg+xml", headers=SVG_HEADERS)


@router.get("/{exercise_id}/animated.svg")
def animated_figure(exercise_id: str, catalogue: CatalogueDep, side: SideQuery = None) -> Response:
    exercise = catalogue.get(exercise_id)
    render = _renderer("render_exercise_animated_svg")
    if render is None:
        raise HTTPException(404, "Figures are not available in this version.")
    svg = render(exercise, side=side)
    return Response(svg, media_type="image/svg+xml", headers=SVG_HEADERS)
