"""The JSON API under /api: what the pages' scripts use. Every input is a pydantic model.

Routes translate HTTP to service calls and back; they hold no rules and run no queries.
Errors: 422 for malformed input (FastAPI names the field), 400 for values the domain rejects,
404 for unknown ids, 409 when the safety gate or the session's state forbids the action.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from unkink.web.deps import CatalogueDep

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/exercises", summary="Every exercise in the catalogue")
def list_exercises(catalogue: CatalogueDep) -> list[dict[str, Any]]:
    from unkink.catalogue.serialize import exercise_as_dict

    return [exercise_as_dict(e) for e in catalogue]


@router.get("/exercises/{exercise_id}", summary="One exercise with its steps")
def get_exercise(exercise_id: str, catalogue: CatalogueDep) -> dict[str, Any]:
    from unkink.catalogue.serialize import exercise_as_dict

    return exercise_as_dict(catalogue.get(exercise_id))
