"""Safety endpoints: intended use, the screening questionnaire, conditions, the crack log.

Every rule lives in ``unkink.services.safety`` and the domain; these routes only translate.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from unkink.web.deps import AppDep

router = APIRouter(prefix="/api", tags=["safety"])

Score = Annotated[int, Field(ge=0, le=10)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GateOut(BaseModel):
    allowed: bool
    gentle_only: bool
    reason: str
    next_step: str


class ScreeningOut(BaseModel):
    taken_at: datetime | None = None
    urgency: str
    rules: list[str]
    advice: str
    reasons: list[str] = []


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


class ScreeningIn(AnswersIn):
    accept_intended_use: bool = Field(
        default=False,
        description="Also acknowledge what unkink is for (like --accept-intended-use).",
    )


class QuestionOut(BaseModel):
    field: str
    text: str
    kind: str
    options: list[tuple[str, str]]
    low: int
    high: int


class NextQuestionOut(BaseModel):
    done: bool
    question: QuestionOut | None
    asked: int = Field(description="How many questions have been answered so far.")
    remaining_at_most: int


class ConditionIn(Strict):
    code: str = Field(max_length=60)
    weeks: float | None = None
    weeks_since: float | None = None
    cleared_by_surgical_team: bool = False
    approach: str | None = Field(default=None, max_length=20)


class ConditionsIn(Strict):
    conditions: list[ConditionIn] = Field(max_length=20)


class ConditionsOut(BaseModel):
    conditions: list[dict[str, Any]]
    precautions: dict[str, Any]


class CrackIn(Strict):
    at: datetime | None = Field(default=None, description="Local time of the crack; now if empty.")
    where: Literal["upper", "lower", "neck"] | None = None
    relief: Score | None = None


class CrackOut(CrackStatusOut):
    first_neck_crack: bool
    neck_warning: str | None


def _bad(exc: Exception) -> HTTPException:
    return HTTPException(400, str(exc))


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


def read_status(app: Any) -> StatusOut:
    """Everything Home shows about safety, in one read (also used by pages.py)."""
    from unkink.services import safety

    with app.uow() as uow:
        latest = safety.latest_screening(uow=uow)
        gate = safety.check_gate(uow=uow, today=app.today())
        report = safety.crack_report(uow=uow, today=app.today())
        return StatusOut(
            intended_use_needed=safety.needs_intended_use(uow=uow),
            gate=GateOut(
                allowed=gate.allowed,
                gentle_only=gate.gentle_only,
                reason=gate.reason,
                next_step=gate.next_step,
            ),
            screening=screening_out(latest, latest.taken_at) if latest else None,
            cracks=crack_status_out(report),
        )


@router.get("/status", summary="Safety status: intended use, the session gate, screening, cracks")
def status(app: AppDep) -> StatusOut:
    return read_status(app)


@router.post("/intended-use", summary="Acknowledge what unkink is for (once)", status_code=204)
def acknowledge(app: AppDep) -> None:
    from unkink.services import safety

    with app.uow() as uow:
        safety.acknowledge_intended_use(uow=uow, now=app.now())
        uow.commit()


@router.post("/screening/next", summary="The next screening question, given the answers so far")
def next_question(body: AnswersIn) -> NextQuestionOut:
    from unkink.domain.safety.questions import QUESTIONS

    answers = body.answers
    unknown = sorted(set(answers) - {q.field for q in QUESTIONS})
    if unknown:
        raise HTTPException(400, f"'{unknown[0]}' is not a screening question.")
    pending = [q for q in QUESTIONS if q.field not in answers]
    for n, question in enumerate(pending):
        try:
            applies = question.applies(answers)
        except (TypeError, ValueError):
            raise HTTPException(400, "Some answers so far have the wrong type.") from None
        if applies:
            return NextQuestionOut(
                done=False,
                question=QuestionOut(
                    field=question.field,
                    text=question.text,
                    kind=str(question.kind),
                    options=list(question.options),
                    low=question.low,
                    high=question.high,
                ),
                asked=len(answers),
                remaining_at_most=len(pending) - n,
            )
    return NextQuestionOut(done=True, question=None, asked=len(answers), remaining_at_most=0)


@router.post("/screenings", summary="Screen a full set of answers and save the result")
def save_screening(body: ScreeningIn, app: AppDep) -> ScreeningOut:
    from unkink.domain.errors import UnkinkError
    from unkink.domain.safety.answers import parse_answers
    from unkink.services import safety

    try:
        answers = parse_answers(body.answers)
    except (UnkinkError, TypeError, ValueError) as exc:
        raise _bad(exc) from None
    now = app.now()
    with app.uow() as uow:
        if body.accept_intended_use:
            safety.acknowledge_intended_use(uow=uow, now=now)
        result = safety.save_screening(uow=uow, answers=answers, now=now, source="web")
        if answers.age is not None or answers.sex is not None:
            safety.set_person(
                uow=uow,
                now=now,
                age=answers.age,
                sex=str(answers.sex) if answers.sex else None,
            )
        uow.commit()
    return screening_out(result, now)


@router.get("/conditions", summary="Your recorded conditions and the precautions they bring")
def get_conditions(app: AppDep) -> ConditionsOut:
    return read_conditions(app)


def read_conditions(app: Any) -> ConditionsOut:
    from unkink.services import safety

    today = app.today()
    with app.uow() as uow:
        active = safety.active_conditions(uow=uow, today=today)
        precautions = safety.current_precautions(
            uow=uow, today=today, exercises=list(app.catalogue)
        )
    return ConditionsOut(
        conditions=[c.to_json() for c in active],
        precautions=safety.precautions_json(precautions, app.catalogue.ids),
    )


@router.post("/conditions", summary="Set your conditions (replaces the whole list)")
def set_conditions(body: ConditionsIn, app: AppDep) -> ConditionsOut:
    from unkink.domain.errors import UnkinkError
    from unkink.domain.safety.precautions import parse_condition
    from unkink.services import safety

    now = app.now()
    try:
        parsed = [parse_condition(c.model_dump(exclude_none=True)) for c in body.conditions]
    except UnkinkError as exc:
        raise _bad(exc) from None
    with app.uow() as uow:
        safety.end_conditions(uow=uow, today=now.date())
        safety.add_conditions(uow=uow, conditions=parsed, now=now)
        uow.commit()
    return read_conditions(app)


@router.get("/cracks", summary="Crack status over the last 30 days")
def get_cracks(app: AppDep) -> CrackStatusOut:
    return read_cracks(app)


def read_cracks(app: Any) -> CrackStatusOut:
    """The crack status alone (also used by the crack and history pages)."""
    from unkink.services import safety

    with app.uow() as uow:
        return crack_status_out(safety.crack_report(uow=uow, today=app.today()))


@router.post("/cracks", summary="Log a back crack (now, unless a time is given)", status_code=201)
def log_crack(body: CrackIn, app: AppDep) -> CrackOut:
    from unkink.domain.safety.cracks import NECK_WARNING
    from unkink.services import safety

    now = app.now()
    at = (body.at or now).replace(tzinfo=None, microsecond=0)
    if at > now:
        raise HTTPException(400, "The time of the crack can't be in the future.")
    with app.uow() as uow:
        logged = safety.log_crack(uow=uow, at=at, now=now, where=body.where, relief=body.relief)
        uow.commit()
    out = crack_status_out(logged.report)
    return CrackOut(
        **out.model_dump(),
        first_neck_crack=logged.first_neck_crack,
        neck_warning=NECK_WARNING if body.where == "neck" else None,
    )
