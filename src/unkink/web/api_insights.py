"""JSON API for insights, the weekly check and the goal (the same services as the CLI)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from unkink.web.deps import AppDep

router = APIRouter(prefix="/api", tags=["insights"])


class MeasuresIn(BaseModel):
    model_config = ConfigDict(strict=True)  # true is not 1, "5" is not 5
    pain: int | None = Field(default=None, ge=0, le=10)
    psfs: dict[str, int] = Field(default_factory=dict, max_length=3)
    skip: bool = False


class GoalIn(BaseModel):
    model_config = ConfigDict(strict=True)
    sessions_per_week: int = Field(ge=0, le=50)
    desk_breaks_per_week: int | None = Field(default=None, ge=0, le=100)


@router.get("/insights", summary="What your records say: per stretch, by week, in plain words")
def get_insights(app: AppDep) -> dict[str, Any]:
    from unkink.services.insights import insights

    names = {e.id: e.name for e in app.catalogue}
    return insights(uow=app.uow, today=app.today(), names=names).as_dict()


@router.get("/measures", summary="The weekly checks so far, and whether one is due")
def get_measures(app: AppDep) -> dict[str, Any]:
    from unkink.services import measures

    return {
        "due": measures.is_measure_due(uow=app.uow, now=app.now()),
        "checks": [c.as_dict() for c in measures.checks(uow=app.uow)],
    }


@router.post(
    "/measures", summary="Save (or skip) this week's pain rating and PSFS", status_code=201
)
def post_measures(body: MeasuresIn, app: AppDep) -> dict[str, Any]:
    from unkink.services import measures

    if body.skip:
        measures.skip_measures(uow=app.uow, now=app.now())
        return {"skipped": True}
    check = measures.record_measures(uow=app.uow, now=app.now(), pain=body.pain, scores=body.psfs)
    return check.as_dict()


@router.put("/goal", summary="Set the weekly goal")
def put_goal(body: GoalIn, app: AppDep) -> dict[str, Any]:
    from unkink.services.measures import set_goal

    goal = set_goal(
        uow=app.uow,
        now=app.now(),
        sessions=body.sessions_per_week,
        desk_breaks=body.desk_breaks_per_week,
    )
    return goal.as_dict()
