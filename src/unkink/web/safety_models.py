"""The safety API's bodies and replies (pydantic models) and their converters.

Kept apart from the routes in ``api_safety`` so both stay short.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import HTTPException
from pydantic import BaseModel, ConfigDict, Field

Score = Annotated[int, Field(ge=0, le=10)]


class Strict(BaseModel):
    # strict: true is not 1 and "5" is not 5 (issue 10); unknown fields are refused
    model_config = ConfigDict(extra="forbid", strict=True)


class GateOut(BaseModel):
    allowed: bool
    gentle_only: bool
    reason: str
    next_step: str
    step: str = Field(description="What comes next, as a value: see domain.safety.gate.GateStep.")


class ScreeningOut(BaseModel):
    taken_at: datetime | None = None
    urgency: str
    rules: list[str]
    advice: str
    reasons: list[str] = []
    confirmed: list[str] = []


class CrackStatusOut(BaseModel):
    status: str
    message: str
    sessions_30_days: int
    days: list[dict[str, Any]]


class StatusOut(BaseModel):
    intended_use_needed: bool
    gate: GateOut
    screening: ScreeningOut | None
    cracks: CrackStatusOut


class AnswersIn(Strict):
    answers: dict[str, Any] = Field(
        default_factory=dict, description="Screening answers so far, named as in §2.4."
    )


class WalkIn(AnswersIn):
    recheck: bool = Field(default=False, description="The quick re-check against last time.")
    changed: list[str] | None = Field(
        default=None, max_length=40, description="Re-check: the screens ticked as changed."
    )


class ScreeningIn(WalkIn):
    accept_intended_use: bool = Field(
        default=False,
        description="Also acknowledge what unkink is for (like --accept-intended-use).",
    )


class QuestionOut(BaseModel):
    id: str
    field: str | None = Field(description="The §2.4 field, for a one-field screen.")
    fields: list[str] | None = Field(
        default=None, description='Checklist: the fields it fills; an option "f=v" sets f to v.'
    )
    defaults: dict[str, Any] | None = Field(
        default=None, description="Checklist: what None of these sets each field to."
    )
    text: str
    kind: str
    options: list[tuple[str, str]]
    low: int
    high: int


class NextQuestionOut(BaseModel):
    done: bool
    emergency: bool = Field(default=False, description="An answer needs help now: no more.")
    question: QuestionOut | None
    asked: int = Field(description="How many screens have been answered so far.")
    remaining_at_most: int


class ConditionIn(Strict):
    code: str = Field(max_length=60)
    procedure: str | None = Field(default=None, max_length=200)
    weeks: float | None = None
    weeks_since: float | None = None
    cleared_by_surgical_team: bool = False
    approach: str | None = Field(default=None, max_length=20)


class ConditionsIn(Strict):
    conditions: list[ConditionIn] = Field(max_length=20)


class ConditionsOut(BaseModel):
    conditions: list[dict[str, Any]]
    precautions: dict[str, Any]


class PlaceIn(Strict):
    where: Literal["desk", "floor"] = Field(description="Where the person stretches, remembered.")


class CrackIn(Strict):
    at: datetime | None = Field(
        default=None, strict=False, description="Local time of the crack; now if empty."
    )
    where: Literal["upper", "lower", "neck"] | None = None
    relief: Score | None = None


class CrackOut(CrackStatusOut):
    first_neck_crack: bool
    neck_warning: str | None


def _bad(exc: Exception) -> HTTPException:
    return HTTPException(400, str(exc))


def question_out(q: Any) -> QuestionOut:
    from unkink.domain.safety.questions import DEFAULTS, Kind

    checklist = q.kind is Kind.CHECKLIST
    return QuestionOut(
        id=q.field,
        field=None if checklist or q.kind is Kind.SUMMARY else q.field,
        fields=list(q.fields) if checklist else None,
        defaults={f: DEFAULTS[f] for f in q.owns} if checklist else None,
        text=q.text,
        kind=str(q.kind),
        options=list(q.options),
        low=q.low,
        high=q.high,
    )


def step_out(step: Any) -> NextQuestionOut:
    """A walk step of ``services.screening`` as the API and the screening page show it."""
    return NextQuestionOut(
        done=step.done,
        emergency=step.emergency,
        question=question_out(step.question) if step.question is not None else None,
        asked=step.asked,
        remaining_at_most=step.remaining_at_most,
    )


def input_id(name: str, value: str) -> str:
    """The id of one answer box; static/screening.js makes the same (``input()``)."""
    return re.sub(r"[^a-zA-Z0-9_-]", "-", f"{name}-{value}")


def crack_status_out(report: Any) -> CrackStatusOut:
    return CrackStatusOut(
        status=str(report.status),
        message=report.message,
        sessions_30_days=len(report.sessions),
        days=report.to_json()["days"],
    )


def screening_out(result: Any, taken_at: datetime | None = None) -> ScreeningOut:
    from unkink.domain.safety.screening import RULES_BY_ID

    return ScreeningOut(
        taken_at=taken_at,
        urgency=str(result.urgency),
        rules=list(result.rules),
        advice=result.advice,
        reasons=[RULES_BY_ID[r].reason for r in result.rules if r in RULES_BY_ID],
    )
