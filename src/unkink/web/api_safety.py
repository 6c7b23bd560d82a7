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


class CrackIn(Strict):
    at: datetime | None = Field(default=None, description="Local time of the crack; now if empty.")
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

    latest = safety.latest_screening(uow=app.uow)
    gate = safety.check_gate(uow=app.uow, today=app.today())
    report = safety.crack_report(uow=app.uow, today=app.today())
    return StatusOut(
        intended_use_needed=safety.needs_intended_use(uow=app.uow),
        gate=GateOut(
            allowed=gate.allowed,
            gentle_only=gate.gentle_only,
            reason=gate.reason,
            next_step=gate.next_step,
            step=str(gate.step),
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

    safety.acknowledge_intended_use(uow=app.uow, now=app.now())


@router.post("/screening/next", summary="The next screening screen, given the answers so far")
def next_question(body: WalkIn, app: AppDep) -> NextQuestionOut:
    """Done at once when an answer so far is an emergency (the same service as the CLI)."""
    from unkink.domain.errors import UnkinkError
    from unkink.services import screening

    try:
        if body.recheck:
            step = screening.recheck_question(
                uow=app.uow, answers=body.answers, changed=body.changed
            )
        else:
            step = screening.next_question(answers=body.answers)
    except (UnkinkError, TypeError, ValueError) as exc:
        raise _bad(exc) from None
    return NextQuestionOut(
        done=step.done,
        emergency=step.emergency,
        question=question_out(step.question) if step.question is not None else None,
        asked=step.asked,
        remaining_at_most=step.remaining_at_most,
    )


@router.post("/screenings", summary="Screen a full set of answers and save the result")
def save_screening(body: ScreeningIn, app: AppDep) -> ScreeningOut:
    from unkink.domain.errors import UnkinkError
    from unkink.services import screening

    try:
        saved = screening.save_screening(
            uow=app.uow,
            answers=body.answers,
            now=app.now(),
            source="web",
            accept_intended_use=body.accept_intended_use,
            recheck=body.recheck,
            changed=body.changed,
        )
    except (UnkinkError, TypeError, ValueError) as exc:
        raise _bad(exc) from None
    out = screening_out(saved.result, saved.taken_at)
    return out.model_copy(update={"confirmed": list(saved.confirmed)})


@router.get("/conditions", summary="Your recorded conditions and the precautions they bring")
def get_conditions(app: AppDep) -> ConditionsOut:
    return read_conditions(app)


def read_conditions(app: Any) -> ConditionsOut:
    from unkink.services import safety

    today = app.today()
    active = safety.active_conditions(uow=app.uow, today=today)
    precautions = safety.current_precautions(
        uow=app.uow, today=today, exercises=list(app.catalogue)
    )
    return ConditionsOut(
        conditions=[c.to_json() for c in active],
        precautions=safety.precautions_json(precautions, app.catalogue.ids),
    )


@router.post("/conditions", summary="Set your conditions (replaces the whole list)")
def set_conditions(body: ConditionsIn, app: AppDep) -> ConditionsOut:
    from unkink.domain.errors import UnkinkError
    from unkink.domain.safety.precautions import parse_condition
    from unkink.services import profile

    now = app.now()
    try:
        parsed = [parse_condition(c.model_dump(exclude_none=True)) for c in body.conditions]
    except UnkinkError as exc:
        raise _bad(exc) from None
    profile.update_profile(uow=app.uow, now=now, add=parsed, replace_all=True)
    return read_conditions(app)


@router.get("/cracks", summary="Crack status over the last 30 days")
def get_cracks(app: AppDep) -> CrackStatusOut:
    return read_cracks(app)


def read_cracks(app: Any) -> CrackStatusOut:
    """The crack status alone (also used by the crack and history pages)."""
    from unkink.services import safety

    return crack_status_out(safety.crack_report(uow=app.uow, today=app.today()))


@router.post("/cracks", summary="Log a back crack (now, unless a time is given)", status_code=201)
def log_crack(body: CrackIn, app: AppDep) -> CrackOut:
    from unkink.domain.safety.crack_time import CrackTimeInvalid
    from unkink.domain.safety.cracks import NECK_WARNING
    from unkink.services import cracks

    try:
        logged = cracks.log_crack(
            uow=app.uow, at=body.at, now=app.now(), where=body.where, relief=body.relief
        )
    except CrackTimeInvalid as exc:
        raise _bad(exc) from None
    out = crack_status_out(logged.report)
    return CrackOut(
        **out.model_dump(),
        first_neck_crack=logged.first_neck_crack,
        neck_warning=NECK_WARNING if body.where == "neck" else None,
    )
