"""What a plan starts from when the person does not say (issue 11): the area follows where the
screening said it hurts, the place (desk or floor) is the one they chose before, and the length
is the last session's (the usual 10 minutes the first time).

Pure: no I/O. Decision: neck -> upper back (the nearest area the catalogue plans for); all over
the back -> whole. With no place remembered, desk: a desk worker is not put on the floor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

AREA_FOR_PAIN = {
    "low_back": "lower",
    "mid_upper_back": "upper",
    "neck": "upper",
    "whole_back": "whole",
}
DEFAULT_AREA = "whole"
DEFAULT_PLACE = "desk"
PLACES = ("desk", "floor")
PLACE_QUESTION = "Where will you stretch: at your desk, or on the floor (a mat)?"


@dataclass(frozen=True, slots=True)
class PlanDefaults:
    area: str
    place: str
    place_known: bool
    """False when nobody has said yet: ask once, then remember."""


def plan_defaults(answers: Mapping[str, object] | None, place: str | None) -> PlanDefaults:
    pain_area = (answers or {}).get("pain_area")
    area = (
        AREA_FOR_PAIN.get(pain_area, DEFAULT_AREA) if isinstance(pain_area, str) else DEFAULT_AREA
    )
    known = place in PLACES
    return PlanDefaults(area, place if known and place else DEFAULT_PLACE, known)


def usual_minutes(last_planned_s: float | None) -> int:
    """The minutes a plan asks for when none are given: the last session's planned length, to
    the nearest minute and within the planner's limits; the usual 10 before any session."""
    from unkink.domain.session.planner import MAX_MINUTES, MIN_MINUTES, USUAL_MINUTES

    if last_planned_s is None:
        return USUAL_MINUTES
    return max(MIN_MINUTES, min(MAX_MINUTES, round(last_planned_s / 60)))
