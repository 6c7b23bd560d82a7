"""What the session pages and the session API both hand the browser: the plan request from
a form, and a session's timeline with the rules the player follows (from the server).

The player (``static/player.js``) only presents: where each segment ends, where a skip
lands and which cue comes next after it are computed here, from the same ``Timeline`` and
``SessionRun`` rules the terminal plays, and embedded in the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from unkink.domain.session.planner import PlanRequest
    from unkink.domain.session.timeline import Timeline
    from unkink.services.sessions import ResumeState

SessionId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanIn(Strict):
    area: Literal["upper", "lower", "whole"] = "whole"
    where: Literal["desk", "floor"] = "floor"
    minutes: Annotated[float, Field(ge=1, le=60, allow_inf_nan=False)] = 10
    exclude: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, max_length=20)


class SessionOut(BaseModel):
    session_id: int
    status: str
    position_s: float
    elapsed_s: float
    cue_index: int
    timeline: dict[str, Any]
    names: dict[str, str]
    routine: dict[str, Any]


def plan_request(body: PlanIn) -> PlanRequest:
    from unkink.domain.session.planner import parse_request

    return parse_request(
        area=body.area, where=body.where, minutes=body.minutes, exclude=body.exclude
    )


def player_timeline(timeline: Timeline) -> dict[str, Any]:
    """The timeline as JSON, each segment with its end and where each skip lands.

    ``skip_step_to_s`` / ``skip_exercise_to_s``: the position after "next step" / "skip this
    stretch" (``SessionRun.skip_step`` / ``skip_exercise``); ``*_cue``: the first cue from
    there (``Timeline.first_cue_from``)."""
    data = timeline.as_dict()
    for segment, shown in zip(timeline.segments, data["segments"], strict=True):
        exercise_end = timeline.exercise_end_s(segment.item)
        shown["end_s"] = segment.end_s
        shown["skip_step_to_s"] = segment.end_s
        shown["skip_step_cue"] = timeline.first_cue_from(segment.end_s)
        shown["skip_exercise_to_s"] = exercise_end
        shown["skip_exercise_cue"] = timeline.first_cue_from(exercise_end)
    return data


def session_out(state: ResumeState) -> SessionOut:
    return SessionOut(
        session_id=state.session_id,
        status=str(state.status),
        position_s=state.position_s,
        elapsed_s=state.elapsed_s,
        cue_index=state.cue_index,
        timeline=player_timeline(state.timeline),
        names={i.exercise.id: i.exercise.name for i in state.routine.items},
        routine=state.routine.as_dict(),
    )
